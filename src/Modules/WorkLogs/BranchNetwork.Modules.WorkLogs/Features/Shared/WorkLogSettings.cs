using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace BranchNetwork.Modules.WorkLogs.Features.Shared;

/// <summary>
/// The module's times, China time, from configuration (HH:mm): <c>WorkLogs:CutOff</c> (on time until, default 20:00),
/// <c>WorkLogs:CloseNextDayAt</c> (the day closes the next morning, default 10:00), <c>WorkLogs:ChaseUpAt</c> (跟催,
/// default 18:00). The missing digest to sub-branch heads goes at the cut-off.
/// </summary>
internal sealed record WorkLogSettings(LogWindow Window, TimeOnly ChaseUpAt)
{
    public static WorkLogSettings From(IConfiguration configuration) => new(
        new LogWindow(
            Time(configuration["WorkLogs:CutOff"], LogWindow.Default.CutOff),
            Time(configuration["WorkLogs:CloseNextDayAt"], LogWindow.Default.CloseNextDayAt)),
        Time(configuration["WorkLogs:ChaseUpAt"], new TimeOnly(18, 0)));

    private static TimeOnly Time(string? value, TimeOnly fallback) =>
        string.IsNullOrWhiteSpace(value) ? fallback : TimeOnly.ParseExact(value, "HH:mm", CultureInfo.InvariantCulture);
}
