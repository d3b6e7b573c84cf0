using BranchNetwork.Modules.Tasks.Domain;

namespace BranchNetwork.UnitTests.Tasks;

/// <summary>Weekly tasks live in ISO weeks (Monday start): the week of a day, its bounds, and the weeks around a year's end.</summary>
[Trait("Spec", "TK-2")]
public sealed class TaskWeekTests
{
    [Theory]
    [InlineData("2026-12-03", 2026, 49, "2026-11-30", "2026-12-06")]
    [InlineData("2026-12-06", 2026, 49, "2026-11-30", "2026-12-06")]
    [InlineData("2026-12-07", 2026, 50, "2026-12-07", "2026-12-13")]
    // 1 January 2027 is a Friday: it still belongs to the last ISO week of 2026 (53 weeks that year).
    [InlineData("2027-01-01", 2026, 53, "2026-12-28", "2027-01-03")]
    // 29 December 2025 is a Monday: week 1 of 2026 starts in 2025.
    [InlineData("2025-12-29", 2026, 1, "2025-12-29", "2026-01-04")]
    public void A_day_belongs_to_its_ISO_week_from_Monday_to_Sunday(string day, int year, int number, string monday, string sunday)
    {
        var week = TaskWeek.Of(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal((year, number), (week.Year, week.Number));
        Assert.Equal(DateOnly.Parse(monday, System.Globalization.CultureInfo.InvariantCulture), week.Start);
        Assert.Equal(DateOnly.Parse(sunday, System.Globalization.CultureInfo.InvariantCulture), week.End);
        Assert.Equal(DayOfWeek.Monday, week.Start.DayOfWeek);
    }

    [Fact]
    public void The_next_week_of_the_last_week_of_a_year_is_week_one_of_the_next()
    {
        Assert.Equal(new TaskWeek(2027, 1), new TaskWeek(2026, 53).Next);
        Assert.Equal(new TaskWeek(2026, 53), new TaskWeek(2027, 1).Previous);
    }

    [Theory]
    [InlineData(2026, 53, true)]
    [InlineData(2027, 53, false)]
    [InlineData(2026, 0, false)]
    [InlineData(1999, 10, false)]
    public void Only_weeks_that_exist_are_valid(int year, int number, bool valid) =>
        Assert.Equal(valid, TaskWeek.IsValid(year, number));

    [Fact]
    public void A_week_overlaps_a_period_when_any_of_its_days_is_inside()
    {
        var week = new TaskWeek(2026, 49);

        Assert.True(week.Overlaps(new DateOnly(2026, 12, 6), new DateOnly(2027, 3, 31)));
        Assert.True(week.Overlaps(new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 30)));
        Assert.False(week.Overlaps(new DateOnly(2026, 12, 7), new DateOnly(2027, 3, 31)));
        Assert.Equal("2026-W49", week.ToString());
    }
}
