namespace BranchNetwork.Modules.Tasks.Features.Shared;

/// <summary>The week a read names (?year=&amp;week=), the current one when it names none, and completion rates.</summary>
internal static class WeekQuery
{
    public static TaskWeek Resolve(int? year, int? week, IClock clock)
    {
        if (year is null && week is null)
        {
            return WeekTasks.CurrentWeek(clock);
        }

        if (year is not { } y || week is not { } w || !TaskWeek.IsValid(y, w))
        {
            throw new ValidationFailedException("week", DomainText.Get("WeekInvalid"));
        }

        return new TaskWeek(y, w);
    }

    public static decimal Rate(int done, int total) => total == 0 ? 0m : Math.Round(100m * done / total, 1);
}
