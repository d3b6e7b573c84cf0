using BranchNetwork.Modules.Assessment.Domain;
using BranchNetwork.SharedKernel;

namespace BranchNetwork.UnitTests.Assessment;

/// <summary>Small worlds for the state-machine tests: a library of indicators, a scheme in each state, a fixed clock.</summary>
internal static class AssessmentDomain
{
    public static readonly DateTime Now = new(2026, 4, 15, 2, 0, 0, DateTimeKind.Utc);

    public static readonly IClock Clock = new FixedClock(Now);

    public static readonly IssuedUnit SB01 = new(Guid.NewGuid(), "SB01", "支行01");

    public static readonly IssuedUnit SB02 = new(Guid.NewGuid(), "SB02", "支行02");

    public static Indicator Indicator(string code, bool headEntry = false) =>
        new() { Code = code, Name = $"指标{code}", Unit = "万元", AllowSubBranchEntry = headEntry };

    public static SchemeTerms Terms(string name = "2026年第二季度考核") =>
        new(name, PeriodKind.Quarter, new DateOnly(2026, 4, 1), new DateOnly(2026, 6, 30), SchemeKind.Comprehensive, null, GradeBands.Default, 10m);

    /// <summary>A draft with two indicators weighted 60 and 40.</summary>
    public static (AssessmentScheme Scheme, Indicator Deposits, Indicator Loans) Draft()
    {
        var (deposits, loans) = (Indicator("DEP"), Indicator("LOAN", headEntry: true));
        var scheme = AssessmentScheme.CreateDraft(Terms(), Guid.NewGuid());
        scheme.SetIndicators([(deposits, 60m), (loans, 40m)]);
        return (scheme, deposits, loans);
    }

    public static HashSet<(Guid, Guid)> EveryCell(AssessmentScheme scheme, params IssuedUnit[] units) =>
        units.SelectMany(u => scheme.Indicators.Select(i => (u.SubBranchId, i.IndicatorId))).ToHashSet();

    public static Dictionary<Guid, Indicator> Library(params Indicator[] indicators) => indicators.ToDictionary(i => i.Id);

    public static (AssessmentScheme Scheme, Indicator Deposits, Indicator Loans, IReadOnlyList<AssessmentSheet> Sheets) Published()
    {
        var (scheme, deposits, loans) = Draft();
        var sheets = scheme.Publish(Clock, [SB01, SB02], EveryCell(scheme, SB01, SB02), Library(deposits, loans));
        return (scheme, deposits, loans, sheets);
    }

    public static AssessmentScheme Closed()
    {
        var (scheme, _, _, _) = Published();
        scheme.Close(Clock);
        return scheme;
    }

    /// <summary>The scheme in each of its three states, for the guards every operation has.</summary>
    public static AssessmentScheme InState(SchemeStatus status) => status switch
    {
        SchemeStatus.Draft => Draft().Scheme,
        SchemeStatus.Published => Published().Scheme,
        _ => Closed(),
    };

    private sealed class FixedClock(DateTime now) : IClock
    {
        public DateTime UtcNow => now;
    }
}
