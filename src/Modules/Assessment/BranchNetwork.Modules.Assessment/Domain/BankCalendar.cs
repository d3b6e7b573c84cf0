using BranchNetwork.SharedKernel;

namespace BranchNetwork.Modules.Assessment.Domain;

/// <summary>Assessment days are the bank's days: dates in China Standard Time, whatever the server's zone.</summary>
internal static class BankCalendar
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static DateOnly Today(IClock clock) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(clock.UtcNow, Zone));
}
