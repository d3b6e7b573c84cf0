using System.Globalization;

namespace BranchNetwork.Modules.Tasks.Domain;

/// <summary>
/// An ISO week (Monday start) of the bank's calendar in China time: tasks belong to a week, a week to the scheme
/// period it overlaps. Stored on a task as its Monday (<see cref="Start"/>).
/// </summary>
internal readonly record struct TaskWeek(int Year, int Number)
{
    public DateOnly Start => DateOnly.FromDateTime(ISOWeek.ToDateTime(Year, Number, DayOfWeek.Monday));

    /// <summary>The Sunday that ends the week.</summary>
    public DateOnly End => Start.AddDays(6);

    public TaskWeek Next => Of(Start.AddDays(7));

    public TaskWeek Previous => Of(Start.AddDays(-7));

    public static TaskWeek Of(DateOnly day)
    {
        var date = day.ToDateTime(TimeOnly.MinValue);
        return new TaskWeek(ISOWeek.GetYear(date), ISOWeek.GetWeekOfYear(date));
    }

    /// <summary>Whether (year, week) names a week that exists (week 53 only in long years).</summary>
    public static bool IsValid(int year, int number) =>
        year is >= 2000 and <= 2100 && number >= 1 && number <= ISOWeek.GetWeeksInYear(year);

    public bool Contains(DateOnly day) => day >= Start && day <= End;

    /// <summary>Whether the week overlaps the period [from, to].</summary>
    public bool Overlaps(DateOnly from, DateOnly to) => Start <= to && End >= from;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year}-W{Number:00}");
}
