using BranchNetwork.Modules.Assessment.Domain;
using BranchNetwork.SharedKernel.Errors;
using static BranchNetwork.UnitTests.Assessment.AssessmentDomain;

namespace BranchNetwork.UnitTests.Assessment;

/// <summary>预警: Open → Acknowledged; Open | Acknowledged → Closed; Closed is final.</summary>
[Trait("Spec", "AS-6")]
public sealed class WarningStateMachineTests
{
    private static readonly Guid Head = Guid.NewGuid(), Supervisor = Guid.NewGuid();

    private static Warning Open()
    {
        var (scheme, deposits, _, _) = Published();
        return Warning.Issue(scheme, SB01.SubBranchId, deposits.Id, WarningKind.Warning, " 存款进度落后 ", null, null, Supervisor, "督导员");
    }

    private static Warning Acknowledged()
    {
        var warning = Open();
        warning.Acknowledge("下周加大营销", Head, Clock);
        return warning;
    }

    private static Warning Closed()
    {
        var warning = Open();
        warning.Close(WarningCloseReason.Supervisor, Supervisor, Clock);
        return warning;
    }

    [Fact]
    public void A_supervisor_issues_an_open_warning_on_a_published_scheme()
    {
        var warning = Open();

        Assert.Equal((WarningStatus.Open, "存款进度落后", (Guid?)Supervisor, (string?)null), (warning.Status, warning.Message, warning.IssuedById, warning.OpenKey));
    }

    [Theory]
    [InlineData(nameof(SchemeStatus.Draft))]
    [InlineData(nameof(SchemeStatus.Closed))]
    public void No_warning_is_issued_outside_a_published_scheme(string state)
    {
        var status = Enum.Parse<SchemeStatus>(state);
        var scheme = InState(status);

        Assert.Equal("assessment.wrong_status", Assert.Throws<ConflictException>(() => Warning.Issue(scheme, SB01.SubBranchId, null, WarningKind.Prompt, "x", null, null, Supervisor, "s")).Code);
    }

    [Fact]
    public void A_warning_about_an_indicator_not_on_the_scheme_is_refused_on_that_field()
    {
        var (scheme, _, _, _) = Published();

        Assert.Contains("indicatorId", Assert.Throws<ValidationFailedException>(() => Warning.Issue(scheme, SB01.SubBranchId, Guid.NewGuid(), WarningKind.Warning, "x", null, null, Supervisor, "s")).Errors.Keys);
    }

    [Fact]
    public void A_rule_raises_an_open_warning_keyed_by_rule_sub_branch_and_indicator()
    {
        var (rule, indicator) = (Guid.NewGuid(), Guid.NewGuid());

        var warning = Warning.Raise(Guid.NewGuid(), rule, SB01.SubBranchId, indicator, WarningText.NoProgress(new string('慢', Warning.MessageMaxLength + 10), 3));

        Assert.Equal((WarningStatus.Open, Warning.KeyFor(rule, SB01.SubBranchId, indicator)), (warning.Status, warning.OpenKey));
        Assert.Equal(Warning.MessageMaxLength, warning.Message.Length);
        Assert.Equal("WarningNoProgress", warning.MessageKey);
    }

    [Fact]
    public void The_head_acknowledges_an_open_warning_with_a_response()
    {
        var warning = Open();

        warning.Acknowledge("  下周加大营销  ", Head, Clock);

        Assert.Equal((WarningStatus.Acknowledged, "下周加大营销", (Guid?)Head, (DateTime?)Now), (warning.Status, warning.Response, warning.AcknowledgedById, warning.AcknowledgedAtUtc));
    }

    [Fact]
    public void Only_an_open_warning_is_acknowledged()
    {
        foreach (var warning in new[] { Acknowledged(), Closed() })
        {
            var (status, response) = (warning.Status, warning.Response);

            Assert.Equal("assessment.wrong_status", Assert.Throws<ConflictException>(() => warning.Acknowledge("再次回复", Head, Clock)).Code);
            Assert.Equal((status, response), (warning.Status, warning.Response));
        }
    }

    [Fact]
    public void An_open_or_acknowledged_warning_closes_and_frees_its_key()
    {
        var raised = Warning.Raise(Guid.NewGuid(), Guid.NewGuid(), SB01.SubBranchId, null, WarningText.BottomRank(8, 8, 41.5m));
        var acknowledged = Acknowledged();

        raised.Close(WarningCloseReason.ConditionCleared, null, Clock);
        acknowledged.Close(WarningCloseReason.Supervisor, Supervisor, Clock);

        Assert.Equal((WarningStatus.Closed, (string?)null, (WarningCloseReason?)WarningCloseReason.ConditionCleared, (Guid?)null), (raised.Status, raised.OpenKey, raised.CloseReason, raised.ClosedById));
        Assert.Equal((WarningStatus.Closed, (WarningCloseReason?)WarningCloseReason.Supervisor, (Guid?)Supervisor, (DateTime?)Now), (acknowledged.Status, acknowledged.CloseReason, acknowledged.ClosedById, acknowledged.ClosedAtUtc));
    }

    [Fact]
    public void A_closed_warning_stays_closed()
    {
        var warning = Closed();

        Assert.Equal("assessment.wrong_status", Assert.Throws<ConflictException>(() => warning.Close(WarningCloseReason.ConditionCleared, null, Clock)).Code);
        Assert.Equal(WarningCloseReason.Supervisor, warning.CloseReason);
    }
}
