using BranchNetwork.Modules.Assessment.Contracts;

namespace BranchNetwork.Modules.Tasks.Features.Shared;

/// <summary>What head office sees of a sub-branch's plan (TK-4): no plan at all is a state of its own.</summary>
internal enum SupervisedPlanState
{
    None = 0,
    Draft = 1,
    Submitted = 2,
    Returned = 3,
    Approved = 4,
}

/// <summary>A published or closed scheme head office may pick in the supervision views.</summary>
internal sealed record SupervisionSchemeDto(Guid Id, string Name, DateOnly StartDate, DateOnly EndDate, bool Closed);

/// <summary>
/// The week and scheme a supervision request means: the week asked for (year and week together) or the current ISO
/// week in China; the scheme asked for, or the newest published one. Shared by the overview and the drill-in.
/// </summary>
internal static class SupervisionWeek
{
    public static TaskWeek Resolve(int? year, int? week, IClock clock)
    {
        if (year is null && week is null)
        {
            return TaskWeek.Of(BankCalendar.Today(clock));
        }

        if (year is not { } y || week is not { } w || !TaskWeek.IsValid(y, w))
        {
            throw new ValidationFailedException("week", DomainText.Get("Sv_WeekInvalid"));
        }

        return new TaskWeek(y, w);
    }

    /// <summary>Whether (year, week) is acceptable input: both missing, or both given and a real ISO week.</summary>
    public static bool IsAcceptable(int? year, int? week) =>
        (year is null && week is null) || (year is { } y && week is { } w && TaskWeek.IsValid(y, w));

    public static SupervisedPlanState Of(PlanState? state) => state switch
    {
        null => SupervisedPlanState.None,
        PlanState.Draft => SupervisedPlanState.Draft,
        PlanState.Submitted => SupervisedPlanState.Submitted,
        PlanState.Returned => SupervisedPlanState.Returned,
        _ => SupervisedPlanState.Approved,
    };

    /// <summary>The schemes to choose from and the chosen one (the asked one, else the newest published); 404 for an unknown id.</summary>
    public static async Task<(IReadOnlyList<SupervisionSchemeDto> Schemes, SupervisionSchemeDto? Chosen)> SchemesAsync(
        IAssessmentSheets sheets, Guid? schemeId, CancellationToken ct)
    {
        var schemes = (await sheets.ListSchemesAsync(ct))
            .Select(s => new SupervisionSchemeDto(s.SchemeId, s.Name, s.StartDate, s.EndDate, s.State == SchemeState.Closed))
            .ToList();
        if (schemeId is { } id)
        {
            var asked = schemes.FirstOrDefault(s => s.Id == id)
                ?? throw new NotFoundException("tasks.scheme_not_found", DomainText.Get("Sv_SchemeNotFound"));
            return (schemes, asked);
        }

        return (schemes, schemes.FirstOrDefault(s => !s.Closed) ?? schemes.FirstOrDefault());
    }
}
