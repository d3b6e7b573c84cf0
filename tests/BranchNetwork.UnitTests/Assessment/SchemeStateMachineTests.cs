using System.Globalization;
using BranchNetwork.Modules.Assessment.Domain;
using BranchNetwork.SharedKernel.Errors;
using static BranchNetwork.UnitTests.Assessment.AssessmentDomain;

namespace BranchNetwork.UnitTests.Assessment;

/// <summary>考核方案: Draft → Publish → Published → Close → Closed, and what each state lets through.</summary>
[Trait("Spec", "AS-2")]
public sealed class SchemeStateMachineTests
{
    [Fact]
    public void A_new_scheme_is_a_draft_with_its_terms_and_weighted_indicators()
    {
        var (scheme, deposits, loans) = Draft();

        Assert.Equal(SchemeStatus.Draft, scheme.Status);
        Assert.Equal(new DateOnly(2026, 6, 30), scheme.EndDate);
        Assert.Equal([(deposits.Id, 60m, 0), (loans.Id, 40m, 1)], scheme.Indicators.Select(i => (i.IndicatorId, i.Weight, i.SortOrder)));
        Assert.Null(scheme.PublishedAtUtc);
    }

    [Fact]
    public void A_draft_is_revised_and_its_indicators_replaced_reporting_the_lines_that_came_and_went()
    {
        var (scheme, deposits, _) = Draft();
        var fans = Indicator("FANS");

        scheme.Revise(Terms("改名后的方案"));
        var (added, removed) = scheme.SetIndicators([(fans, 30m), (deposits, 70m)]);

        Assert.Equal("改名后的方案", scheme.Name);
        Assert.Equal([fans.Id], added.Select(l => l.IndicatorId));
        Assert.Equal(["LOAN"], removed.Select(l => l.Code));
        Assert.Equal([(fans.Id, 30m), (deposits.Id, 70m)], scheme.Indicators.OrderBy(i => i.SortOrder).Select(i => (i.IndicatorId, i.Weight)));
    }

    [Theory]
    [InlineData(60, 30)]
    [InlineData(60, 50)]
    public void Weights_not_summing_to_100_are_refused_on_the_indicators_field(int first, int second)
    {
        var (scheme, deposits, loans) = Draft();
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        try
        {
            var refused = Assert.Throws<ValidationFailedException>(() => scheme.SetIndicators([(deposits, first), (loans, second)]));

            Assert.Equal($"The weights must sum to exactly 100; they sum to {first + second}.", Assert.Single(refused.Errors["indicators"]));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }

        Assert.Equal([60m, 40m], scheme.Indicators.Select(i => i.Weight));
    }

    [Fact]
    public void A_scheme_without_indicators_is_refused()
    {
        var (scheme, _, _) = Draft();

        Assert.Contains("indicators", Assert.Throws<ValidationFailedException>(() => scheme.SetIndicators([])).Errors.Keys);
    }

    [Theory]
    [InlineData(nameof(SchemeStatus.Published))]
    [InlineData(nameof(SchemeStatus.Closed))]
    public void Terms_and_indicators_of_a_published_or_closed_scheme_are_frozen(string state)
    {
        var status = Enum.Parse<SchemeStatus>(state);
        var scheme = InState(status);

        Assert.Equal("assessment.wrong_status", Assert.Throws<ConflictException>(() => scheme.Revise(Terms("x"))).Code);
        Assert.Equal("assessment.wrong_status", Assert.Throws<ConflictException>(() => scheme.SetIndicators([(Indicator("X"), 100m)])).Code);
        Assert.Equal(status, scheme.Status);
    }

    [Fact]
    public void Publishing_a_complete_draft_freezes_the_rules_and_issues_one_sheet_per_sub_branch()
    {
        var (scheme, deposits, loans) = Draft();
        // The library changes after the indicator was put on the draft: publication takes the rule as it is now.
        var tightened = new Modules.Assessment.Domain.Indicator { Code = deposits.Code, Name = "储蓄存款", Unit = "万元", RuleCap = 1.5m };
        typeof(Modules.Assessment.Domain.Indicator).GetProperty("Id")!.SetValue(tightened, deposits.Id);

        var sheets = scheme.Publish(Clock, [SB01, SB02], EveryCell(scheme, SB01, SB02), Library(tightened, loans));

        Assert.Equal(SchemeStatus.Published, scheme.Status);
        Assert.Equal(Now, scheme.PublishedAtUtc);
        Assert.Equal([(SB01.SubBranchId, "支行01"), (SB02.SubBranchId, "支行02")], sheets.Select(s => (s.SubBranchId, s.SubBranchName)));
        Assert.All(sheets, s => Assert.Equal(scheme.Id, s.SchemeId));
        var line = scheme.Indicators.Single(i => i.IndicatorId == deposits.Id);
        Assert.Equal((1.5m, "储蓄存款", 60m), (line.RuleCap, line.Name, line.Weight));
    }

    [Fact]
    public void Publishing_is_refused_when_weights_no_longer_sum_to_100()
    {
        var (scheme, deposits, loans) = Draft();
        // A deleted library indicator takes its line off the draft without going through SetIndicators.
        scheme.Indicators.RemoveAll(i => i.IndicatorId == loans.Id);

        var refused = Assert.Throws<ValidationFailedException>(() => scheme.Publish(Clock, [SB01], EveryCell(scheme, SB01), Library(deposits)));

        Assert.Contains("indicators", refused.Errors.Keys);
        Assert.Equal(SchemeStatus.Draft, scheme.Status);
    }

    [Fact]
    public void Publishing_is_refused_without_sub_branches_or_with_a_cell_lacking_its_target()
    {
        var (scheme, deposits, loans) = Draft();
        var incomplete = EveryCell(scheme, SB01, SB02);
        incomplete.Remove((SB02.SubBranchId, loans.Id));

        var none = Assert.Throws<ValidationFailedException>(() => scheme.Publish(Clock, [], new HashSet<(Guid, Guid)>(), Library(deposits, loans)));
        var missing = Assert.Throws<ValidationFailedException>(() => scheme.Publish(Clock, [SB01, SB02], incomplete, Library(deposits, loans)));

        Assert.Contains("targets", none.Errors.Keys);
        Assert.Contains("支行02 × 指标LOAN", Assert.Single(missing.Errors["targets"]), StringComparison.Ordinal);
        Assert.Equal(SchemeStatus.Draft, scheme.Status);
    }

    [Theory]
    [InlineData(nameof(SchemeStatus.Published))]
    [InlineData(nameof(SchemeStatus.Closed))]
    public void Only_a_draft_is_published(string state)
    {
        var status = Enum.Parse<SchemeStatus>(state);
        var scheme = InState(status);
        var at = scheme.PublishedAtUtc;

        var refused = Assert.Throws<ConflictException>(() => scheme.Publish(Clock, [SB01], new HashSet<(Guid, Guid)>(), new Dictionary<Guid, Modules.Assessment.Domain.Indicator>()));

        Assert.Equal("assessment.wrong_status", refused.Code);
        Assert.Equal((status, at), (scheme.Status, scheme.PublishedAtUtc));
    }

    [Fact]
    public void Closing_a_published_scheme_records_when()
    {
        var (scheme, _, _, _) = Published();

        scheme.Close(Clock);

        Assert.Equal((SchemeStatus.Closed, (DateTime?)Now), (scheme.Status, scheme.ClosedAtUtc));
    }

    [Theory]
    [InlineData(nameof(SchemeStatus.Draft))]
    [InlineData(nameof(SchemeStatus.Closed))]
    public void Only_a_published_scheme_is_closed(string state)
    {
        var status = Enum.Parse<SchemeStatus>(state);
        var scheme = InState(status);

        Assert.Equal("assessment.wrong_status", Assert.Throws<ConflictException>(() => scheme.Close(Clock)).Code);
        Assert.Equal(status, scheme.Status);
    }

    public static TheoryData<string, string, bool> Guards() => new()
    {
        // Operation, state, allowed.
        { "targets", nameof(SchemeStatus.Draft), true }, { "targets", nameof(SchemeStatus.Published), false }, { "targets", nameof(SchemeStatus.Closed), false },
        { "rules", nameof(SchemeStatus.Draft), true }, { "rules", nameof(SchemeStatus.Published), true }, { "rules", nameof(SchemeStatus.Closed), false },
        { "progress", nameof(SchemeStatus.Draft), false }, { "progress", nameof(SchemeStatus.Published), true }, { "progress", nameof(SchemeStatus.Closed), false },
        { "warnings", nameof(SchemeStatus.Draft), false }, { "warnings", nameof(SchemeStatus.Published), true }, { "warnings", nameof(SchemeStatus.Closed), false },
        { "appeals", nameof(SchemeStatus.Draft), false }, { "appeals", nameof(SchemeStatus.Published), true }, { "appeals", nameof(SchemeStatus.Closed), false },
        { "comments", nameof(SchemeStatus.Draft), false }, { "comments", nameof(SchemeStatus.Published), true }, { "comments", nameof(SchemeStatus.Closed), true },
        { "honours", nameof(SchemeStatus.Draft), false }, { "honours", nameof(SchemeStatus.Published), false }, { "honours", nameof(SchemeStatus.Closed), true },
    };

    [Theory]
    [MemberData(nameof(Guards))]
    public void Each_state_lets_through_only_what_it_allows(string operation, string state, bool allowed)
    {
        var status = Enum.Parse<SchemeStatus>(state);
        var scheme = InState(status);
        Action guard = operation switch
        {
            "targets" => scheme.EnsureTargetsEditable,
            "rules" => scheme.EnsureWarningRulesEditable,
            "progress" => scheme.EnsureAcceptsProgress,
            "warnings" => scheme.EnsureAcceptsWarnings,
            "appeals" => scheme.EnsureAcceptsAppeals,
            "comments" => scheme.EnsureAcceptsComments,
            _ => scheme.EnsureAcceptsHonours,
        };

        if (allowed)
        {
            guard();
        }
        else
        {
            Assert.Equal("assessment.wrong_status", Assert.Throws<ConflictException>(guard).Code);
        }
    }
}
