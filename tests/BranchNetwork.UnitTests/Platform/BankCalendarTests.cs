using BranchNetwork.SharedKernel;
using Microsoft.Extensions.Configuration;

namespace BranchNetwork.UnitTests.Platform;

public sealed class BankCalendarTests
{
    // An example year: 1–3 Jan a holiday, Sunday 4 Jan a make-up working day (调休).
    private static readonly BankCalendar Calendar = BankCalendar.FromConfiguration(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["BankCalendar:Years:2026:Holidays:0"] = "2026-01-01",
        ["BankCalendar:Years:2026:Holidays:1"] = "2026-01-02",
        ["BankCalendar:Years:2026:Holidays:2"] = "2026-01-03",
        ["BankCalendar:Years:2026:WorkingDays:0"] = "2026-01-04",
    }).Build());

    [Theory]
    [InlineData("2026-01-01", false)] // Thursday, holiday
    [InlineData("2026-01-02", false)] // Friday, holiday
    [InlineData("2026-01-04", true)]  // Sunday, make-up working day
    [InlineData("2026-01-05", true)]  // Monday
    [InlineData("2026-01-10", false)] // Saturday
    [InlineData("2026-01-11", false)] // Sunday
    public void Weekends_and_holidays_rest_and_make_up_days_work(string day, bool working) =>
        Assert.Equal(working, Calendar.IsWorkingDay(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Working_days_are_counted_across_a_holiday_and_a_make_up_day()
    {
        // From Wed 31 Dec 2025: 1–3 Jan rest, Sun 4 Jan works, Mon 5 Jan works.
        Assert.Equal(new DateOnly(2026, 1, 4), Calendar.AddWorkingDays(new DateOnly(2025, 12, 31), 1));
        Assert.Equal(new DateOnly(2026, 1, 5), Calendar.AddWorkingDays(new DateOnly(2025, 12, 31), 2));
        Assert.Equal(new DateOnly(2026, 1, 4), Calendar.NextWorkingDayOnOrAfter(new DateOnly(2026, 1, 1)));
    }

    [Fact]
    public void Today_is_the_china_date_even_when_it_is_still_yesterday_in_utc()
    {
        var clock = new FixedClock(new DateTime(2026, 3, 1, 16, 30, 0, DateTimeKind.Utc));
        Assert.Equal(new DateOnly(2026, 3, 2), BankCalendar.Today(clock));
    }

    [Fact]
    public void A_misspelt_date_in_configuration_stops_the_start() =>
        Assert.Throws<InvalidOperationException>(() => BankCalendar.FromConfiguration(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["BankCalendar:Years:2026:Holidays:0"] = "2026-13-01",
        }).Build()));

    [Fact]
    public void A_day_cannot_be_both_a_holiday_and_a_make_up_day() =>
        Assert.Throws<InvalidOperationException>(() => new BankCalendar([new DateOnly(2026, 1, 4)], [new DateOnly(2026, 1, 4)]));

    private sealed class FixedClock(DateTime utcNow) : IClock
    {
        public DateTime UtcNow => utcNow;
    }
}
