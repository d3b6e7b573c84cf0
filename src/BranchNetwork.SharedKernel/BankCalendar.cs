using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace BranchNetwork.SharedKernel;

/// <summary>
/// The bank's days: dates in China Standard Time (Asia/Shanghai) whatever the server's zone, and which of them
/// are working days — weekends off, public holidays off, and the make-up working days (调休) that fall on a
/// weekend on. Holidays and make-up days are published each year, so they come from configuration per year:
/// <c>BankCalendar:Years:2026:Holidays</c> and <c>BankCalendar:Years:2026:WorkingDays</c>, arrays of yyyy-MM-dd.
/// </summary>
public sealed class BankCalendar
{
    public const string Section = "BankCalendar";

    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private readonly HashSet<DateOnly> holidays;
    private readonly HashSet<DateOnly> makeUpWorkingDays;

    public BankCalendar(IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> makeUpWorkingDays)
    {
        this.holidays = [.. holidays];
        this.makeUpWorkingDays = [.. makeUpWorkingDays];
        var both = this.holidays.Intersect(this.makeUpWorkingDays).ToList();
        if (both.Count > 0)
        {
            throw new InvalidOperationException($"{Section}: {string.Join(", ", both)} is both a holiday and a make-up working day.");
        }
    }

    /// <summary>Reads every configured year; a year without entries is plain weekends.</summary>
    public static BankCalendar FromConfiguration(IConfiguration configuration)
    {
        var years = configuration.GetSection($"{Section}:Years").GetChildren().ToList();
        return new BankCalendar(
            years.SelectMany(y => Dates(y.GetSection("Holidays"))),
            years.SelectMany(y => Dates(y.GetSection("WorkingDays"))));
    }

    /// <summary>Today's date in China.</summary>
    public static DateOnly Today(IClock clock) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(clock.UtcNow, Zone));

    public bool IsHoliday(DateOnly day) => holidays.Contains(day);

    public bool IsMakeUpWorkingDay(DateOnly day) => makeUpWorkingDays.Contains(day);

    /// <summary>A make-up day works even on a weekend; a holiday rests even on a weekday.</summary>
    public bool IsWorkingDay(DateOnly day) =>
        makeUpWorkingDays.Contains(day) || (!holidays.Contains(day) && day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));

    /// <summary><paramref name="day"/> itself when it is a working day, else the next one.</summary>
    public DateOnly NextWorkingDayOnOrAfter(DateOnly day)
    {
        while (!IsWorkingDay(day))
        {
            day = day.AddDays(1);
        }

        return day;
    }

    /// <summary>The working day <paramref name="workingDays"/> working days after <paramref name="day"/> (e.g. a due date).</summary>
    public DateOnly AddWorkingDays(DateOnly day, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        for (var left = workingDays; left > 0;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                left--;
            }
        }

        return day;
    }

    private static IEnumerable<DateOnly> Dates(IConfigurationSection section) =>
        section.GetChildren().Select(c => c.Value).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v =>
            DateOnly.TryParseExact(v!.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date
                : throw new InvalidOperationException($"{section.Path}: '{v}' is not a date (yyyy-MM-dd)."));
}
