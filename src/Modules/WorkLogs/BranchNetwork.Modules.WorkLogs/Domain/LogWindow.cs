namespace BranchNetwork.Modules.WorkLogs.Domain;

/// <summary>
/// The times of a log day in China time (WL-2, WL-4): the cut-off for on-time submission (default 20:00 the same day)
/// and the close (default 10:00 the next day), after which the log is never edited again, only amended.
/// Built from configuration (<c>WorkLogs:CutOff</c>, <c>WorkLogs:CloseNextDayAt</c>, HH:mm).
/// </summary>
internal sealed record LogWindow(TimeOnly CutOff, TimeOnly CloseNextDayAt)
{
    public static readonly LogWindow Default = new(new TimeOnly(20, 0), new TimeOnly(10, 0));

    public DateTime CutOffUtc(DateOnly day) => Utc(day, CutOff);

    public DateTime ClosesAtUtc(DateOnly day) => Utc(day.AddDays(1), CloseNextDayAt);

    public bool IsClosed(DateOnly day, DateTime nowUtc) => nowUtc >= ClosesAtUtc(day);

    /// <summary>How a log submitted at <paramref name="nowUtc"/> counts for <paramref name="day"/> (before the close).</summary>
    public LogTimeliness TimelinessAt(DateOnly day, DateTime nowUtc) => nowUtc <= CutOffUtc(day) ? LogTimeliness.OnTime : LogTimeliness.Late;

    private static DateTime Utc(DateOnly day, TimeOnly time) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(day.ToDateTime(time), DateTimeKind.Unspecified), BankCalendar.Zone);
}
