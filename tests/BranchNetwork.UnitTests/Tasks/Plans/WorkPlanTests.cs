using BranchNetwork.Modules.Tasks.Domain;
using BranchNetwork.SharedKernel;
using BranchNetwork.SharedKernel.Errors;

namespace BranchNetwork.UnitTests.Tasks.Plans;

/// <summary>The work plan's review loop (TK-1) and the excellent mark (TK-5), on the entity alone.</summary>
[Trait("Spec", "TK-1")]
public sealed class WorkPlanTests
{
    private static readonly IClock Clock = new FixedClock(new DateTime(2026, 5, 27, 2, 0, 0, DateTimeKind.Utc));

    private static readonly SheetIndicator Deposits = new(Guid.NewGuid(), "存款");

    private static readonly SheetIndicator Loans = new(Guid.NewGuid(), "贷款");

    private static readonly Guid Head = Guid.NewGuid();

    private static readonly Guid Supervisor = Guid.NewGuid();

    [Fact]
    public void A_plan_opens_as_an_editable_draft_without_versions()
    {
        var plan = NewPlan();

        Assert.Equal((PlanState.Draft, 0, true), (plan.State, plan.VersionNumber, plan.IsEditable));
    }

    [Fact]
    public void Submitting_while_an_indicator_has_no_measure_is_refused_on_measures_and_changes_nothing()
    {
        var plan = NewPlan();
        plan.ReviseMeasures([Draft(Deposits.Id, "走访代发企业")]);

        var refused = Assert.Throws<ValidationFailedException>(() => plan.Submit([Deposits, Loans], Head, "head01", Clock));

        Assert.Contains("measures", refused.Errors.Keys);
        Assert.Contains("贷款", refused.Errors["measures"][0], StringComparison.Ordinal);
        Assert.Equal((PlanState.Draft, 0), (plan.State, plan.VersionNumber));
    }

    [Fact]
    public void Submit_return_revise_resubmit_approve_numbers_the_versions_and_freezes_each()
    {
        var plan = NewPlan();
        plan.ReviseMeasures([Draft(Deposits.Id, "走访代发企业"), Draft(Loans.Id, "对接园区小微")]);
        var first = plan.Submit([Deposits, Loans], Head, "head01", Clock);
        Assert.Equal((PlanState.Submitted, 1, false), (plan.State, first.Number, plan.IsEditable));
        Assert.Throws<ConflictException>(() => plan.ReviseMeasures([]));

        var reason = plan.Return("贷款措施不够具体", Supervisor, "supervisor", Clock);
        Assert.Equal((PlanState.Returned, 1, null, "贷款措施不够具体"), (plan.State, reason.VersionNumber, reason.MeasureId, reason.Text));

        var kept = plan.Measures[0];
        plan.ReviseMeasures([Draft(Deposits.Id, "走访代发企业（每周两户）", kept.Id), Draft(Loans.Id, "园区小微专场")]);
        var second = plan.Submit([Deposits, Loans], Head, "head01", Clock);
        plan.Approve(Supervisor, "supervisor", Clock);

        Assert.Equal((PlanState.Approved, 2, 2), (plan.State, plan.VersionNumber, second.Number));
        Assert.Equal(["走访代发企业", "对接园区小微"], first.ReadMeasures().Select(m => m.Title));
        Assert.Equal(["走访代发企业（每周两户）", "园区小微专场"], second.ReadMeasures().Select(m => m.Title));
        Assert.Equal(kept.Id, second.ReadMeasures()[0].Id);
        Assert.NotEqual(first.ReadMeasures()[1].Id, second.ReadMeasures()[1].Id);
    }

    [Fact]
    public void Only_a_submitted_plan_is_approved_or_returned()
    {
        var plan = NewPlan();

        Assert.Equal("tasks.wrong_state", Assert.Throws<ConflictException>(() => plan.Approve(Supervisor, "supervisor", Clock)).Code);
        Assert.Equal("tasks.wrong_state", Assert.Throws<ConflictException>(() => plan.Return("不行", Supervisor, "supervisor", Clock)).Code);
    }

    [Fact]
    public void A_comment_names_a_measure_of_the_plan_or_none()
    {
        var plan = NewPlan();
        plan.ReviseMeasures([Draft(Deposits.Id, "走访代发企业")]);
        plan.Submit([Deposits], Head, "head01", Clock);

        var onMeasure = plan.Comment(plan.Measures[0].Id, "请细化到每周", Supervisor, "supervisor", Clock);

        Assert.Equal((plan.Measures[0].Id, 1), (onMeasure.MeasureId, onMeasure.VersionNumber));
        Assert.Throws<ValidationFailedException>(() => plan.Comment(Guid.NewGuid(), "?", Supervisor, "supervisor", Clock));
    }

    [Fact]
    public void A_measure_id_that_is_not_in_the_plan_is_refused()
    {
        var plan = NewPlan();

        Assert.Throws<ValidationFailedException>(() => plan.ReviseMeasures([Draft(Deposits.Id, "x", Guid.NewGuid())]));
    }

    [Fact]
    [Trait("Spec", "TK-5")]
    public void Only_an_approved_plan_of_a_closed_scheme_is_marked_excellent_once()
    {
        var plan = NewPlan();
        plan.ReviseMeasures([Draft(Deposits.Id, "走访代发企业")]);
        plan.Submit([Deposits], Head, "head01", Clock);
        Assert.Throws<ConflictException>(() => plan.MarkExcellent(true, "好", Clock));
        plan.Approve(Supervisor, "supervisor", Clock);
        Assert.Throws<ConflictException>(() => plan.MarkExcellent(false, "好", Clock));

        plan.MarkExcellent(true, "  措施具体  ", Clock);

        Assert.Equal((true, "措施具体"), (plan.IsExcellent, plan.ExcellentCitation));
        Assert.Throws<ConflictException>(() => plan.MarkExcellent(true, "再评", Clock));
    }

    private static WorkPlan NewPlan() => WorkPlan.Open(Guid.NewGuid(), "2026年第二季度考核", Guid.NewGuid(), "支行01");

    private static MeasureDraft Draft(Guid indicatorId, string title, Guid? id = null) =>
        new(id, indicatorId, title, null, null, "张三", [new MilestoneDraft(new DateOnly(2026, 6, 30), 100m, null)], null, null);

    private sealed class FixedClock(DateTime now) : IClock
    {
        public DateTime UtcNow => now;
    }
}
