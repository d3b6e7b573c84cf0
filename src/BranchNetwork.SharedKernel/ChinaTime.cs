using System.Globalization;

namespace BranchNetwork.SharedKernel;

/// <summary>
/// The one way pages show a time: China time (Asia/Shanghai), fixed formats, whatever the server's zone or the
/// reader's language. Stored times are UTC; never <c>ToLocalTime()</c>, which depends on the server.
/// </summary>
public static class ChinaTime
{
    public const string DateFormat = "yyyy-MM-dd";
    public const string DateTimeFormat = "yyyy-MM-dd HH:mm";
    public const string DateTimeWithSecondsFormat = "yyyy-MM-dd HH:mm:ss";

    /// <summary>The same instant on the bank's clock. An unspecified kind is read as UTC (how every time is stored).</summary>
    public static DateTime FromUtc(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(AsUtc(utc), BankCalendar.Zone);

    /// <summary>The UTC instant of a wall-clock time read on the bank's clock (what a user types into a filter).</summary>
    public static DateTime ToUtc(DateTime chinaTime) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(chinaTime, DateTimeKind.Unspecified), BankCalendar.Zone);

    /// <summary>yyyy-MM-dd HH:mm in China time.</summary>
    public static string ToDisplay(DateTime utc) => FromUtc(utc).ToString(DateTimeFormat, CultureInfo.InvariantCulture);

    /// <summary>yyyy-MM-dd HH:mm in China time, or empty for no time.</summary>
    public static string ToDisplay(DateTime? utc) => utc is { } value ? ToDisplay(value) : "";

    /// <summary>yyyy-MM-dd HH:mm:ss in China time (logs and audit trails).</summary>
    public static string ToDisplayWithSeconds(DateTime utc) => FromUtc(utc).ToString(DateTimeWithSecondsFormat, CultureInfo.InvariantCulture);

    /// <summary>yyyy-MM-dd: the China date of the instant.</summary>
    public static string ToDisplayDate(DateTime utc) => FromUtc(utc).ToString(DateFormat, CultureInfo.InvariantCulture);

    /// <summary>yyyy-MM-dd of a calendar date (already a bank date, no zone).</summary>
    public static string ToDisplay(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    private static DateTime AsUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };
}
