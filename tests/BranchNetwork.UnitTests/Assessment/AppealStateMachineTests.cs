using BranchNetwork.Modules.Assessment.Domain;
using BranchNetwork.SharedKernel.Errors;
using static BranchNetwork.UnitTests.Assessment.AssessmentDomain;

namespace BranchNetwork.UnitTests.Assessment;

/// <summary>任务申辩: Pending → Accepted (new target, or score adjustment) | Rejected; decided appeals are final.</summary>
[Trait("Spec", "AS-7")]
public sealed class AppealStateMachineTests
{
    private static readonly Guid Head = Guid.NewGuid(), Supervisor = Guid.NewGuid();

    private static AppealDecision Accept(decimal? newTarget = null, decimal? adjustment = null) => new(true, " 情况属实 ", newTarget, adjustment, Supervisor, "督导员");

    private static AppealDecision Reject() => new(false, "理由不充分", null, null, Supervisor, "督导员");

    private static Target Cell(AssessmentScheme scheme, Indicator indicator) =>
        new() { SchemeId = scheme.Id, SubBranchId = SB01.SubBranchId, IndicatorId = indicator.Id, Value = 100m, ActualValue = 50m };

    [Fact]
    public void A_head_files_a_pending_appeal_on_a_published_scheme()
    {
        var (scheme, deposits, _, _) = Published();

        var appeal = Appeal.File(scheme, SB01.SubBranchId, AppealKind.Target, deposits.Id, "  目标过高  ", 80m, Head, "head01");

        Assert.Equal((AppealStatus.Pending, "目标过高", (decimal?)80m, Head), (appeal.Status, appeal.Reason, appeal.RequestedValue, appeal.FiledById));
    }

    [Theory]
    [InlineData(nameof(SchemeStatus.Draft))]
    [InlineData(nameof(SchemeStatus.Closed))]
    public void No_appeal_is_filed_outside_a_published_scheme(string state)
    {
        var status = Enum.Parse<SchemeStatus>(state);
        var scheme = InState(status);

        Assert.Equal("assessment.wrong_status", Assert.Throws<ConflictException>(() => Appeal.File(scheme, SB01.SubBranchId, AppealKind.Score, null, "x", 5m, Head, "h")).Code);
    }

    [Fact]
    public void An_appeal_about_an_indicator_not_on_the_scheme_is_refused_on_that_field()
    {
        var (scheme, _, _, _) = Published();

        var refused = Assert.Throws<ValidationFailedException>(() => Appeal.File(scheme, SB01.SubBranchId, AppealKind.Target, Guid.NewGuid(), "x", 80m, Head, "h"));

        Assert.Contains("indicatorId", refused.Errors.Keys);
    }

    [Fact]
    public void Accepting_a_target_appeal_sets_the_new_target_rescores_the_cell_and_keeps_the_trail()
    {
        var (scheme, deposits, _, _) = Published();
        var appeal = Appeal.File(scheme, SB01.SubBranchId, AppealKind.Target, deposits.Id, "目标过高", 80m, Head, "head01");
        var cell = Cell(scheme, deposits);

        appeal.Decide(Accept(newTarget: 80m), scheme, cell, null, Clock);

        Assert.Equal(AppealStatus.Accepted, appeal.Status);
        Assert.Equal(((decimal?)100m, (decimal?)80m, "情况属实", (DateTime?)Now, (Guid?)Supervisor), (appeal.PreviousTarget, appeal.NewTarget, appeal.DecisionReason, appeal.DecidedAtUtc, appeal.DecidedById));
        // 50 of 80 is 0.625 of the target; 60 % weight → 37.5.
        Assert.Equal((80m, 0.625m, 37.5m), (cell.Value, cell.Completion, cell.Score));
    }

    [Fact]
    public void Accepting_a_target_appeal_without_a_new_target_is_refused_and_leaves_it_pending()
    {
        var (scheme, deposits, _, _) = Published();
        var appeal = Appeal.File(scheme, SB01.SubBranchId, AppealKind.Target, deposits.Id, "目标过高", null, Head, "head01");
        var cell = Cell(scheme, deposits);

        Assert.Contains("newTarget", Assert.Throws<ValidationFailedException>(() => appeal.Decide(Accept(), scheme, cell, null, Clock)).Errors.Keys);
        Assert.Equal((AppealStatus.Pending, 100m), (appeal.Status, cell.Value));
    }

    [Fact]
    public void Accepting_a_score_appeal_adds_the_adjustment_to_the_sheet()
    {
        var (scheme, _, _, sheets) = Published();
        var sheet = sheets[0];
        var appeal = Appeal.File(scheme, sheet.SubBranchId, AppealKind.Score, null, "加分", 5m, Head, "head01");

        appeal.Decide(Accept(adjustment: 3m), scheme, null, sheet, Clock);

        Assert.Equal((AppealStatus.Accepted, (decimal?)3m, 3m), (appeal.Status, appeal.ScoreAdjustment, sheet.ScoreAdjustment));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    public void Accepting_a_score_appeal_without_an_adjustment_is_refused(int? adjustment)
    {
        var (scheme, _, _, sheets) = Published();
        var appeal = Appeal.File(scheme, sheets[0].SubBranchId, AppealKind.Score, null, "加分", 5m, Head, "head01");

        Assert.Contains("scoreAdjustment", Assert.Throws<ValidationFailedException>(() => appeal.Decide(Accept(adjustment: adjustment), scheme, null, sheets[0], Clock)).Errors.Keys);
        Assert.Equal((AppealStatus.Pending, 0m), (appeal.Status, sheets[0].ScoreAdjustment));
    }

    [Fact]
    public void Rejecting_records_the_reasons_and_changes_nothing_else()
    {
        var (scheme, _, _, sheets) = Published();
        var appeal = Appeal.File(scheme, sheets[0].SubBranchId, AppealKind.Score, null, "加分", 5m, Head, "head01");

        appeal.Decide(Reject(), scheme, null, null, Clock);

        Assert.Equal((AppealStatus.Rejected, "理由不充分", (decimal?)null), (appeal.Status, appeal.DecisionReason, appeal.ScoreAdjustment));
        Assert.Equal(0m, sheets[0].ScoreAdjustment);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_decided_appeal_is_final(bool acceptedFirst)
    {
        var (scheme, _, _, sheets) = Published();
        var appeal = Appeal.File(scheme, sheets[0].SubBranchId, AppealKind.Score, null, "加分", 5m, Head, "head01");
        appeal.Decide(acceptedFirst ? Accept(adjustment: 3m) : Reject(), scheme, null, sheets[0], Clock);
        var status = appeal.Status;

        Assert.Equal("assessment.wrong_status", Assert.Throws<ConflictException>(() => appeal.Decide(Accept(adjustment: 50m), scheme, null, sheets[0], Clock)).Code);
        Assert.Equal("assessment.wrong_status", Assert.Throws<ConflictException>(() => appeal.Decide(Reject(), scheme, null, sheets[0], Clock)).Code);
        Assert.Equal((status, acceptedFirst ? 3m : 0m), (appeal.Status, sheets[0].ScoreAdjustment));
    }

    [Fact]
    public void A_pending_appeal_is_not_decided_once_the_scheme_closed()
    {
        var (scheme, _, _, sheets) = Published();
        var appeal = Appeal.File(scheme, sheets[0].SubBranchId, AppealKind.Score, null, "加分", 5m, Head, "head01");
        scheme.Close(Clock);

        Assert.Equal("assessment.wrong_status", Assert.Throws<ConflictException>(() => appeal.Decide(Reject(), scheme, null, null, Clock)).Code);
        Assert.Equal(AppealStatus.Pending, appeal.Status);
    }
}
