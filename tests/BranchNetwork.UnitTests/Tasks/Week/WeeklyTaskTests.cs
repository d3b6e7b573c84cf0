using BranchNetwork.Modules.Tasks.Domain;
using BranchNetwork.SharedKernel;
using BranchNetwork.SharedKernel.Errors;

namespace BranchNetwork.UnitTests.Tasks.Week;

/// <summary>A weekly task's state machine (TK-2), on the entity alone: Open → Done | CarriedOver | Cancelled | Lapsed, and recurrence.</summary>
[Trait("Spec", "TK-2")]
public sealed class WeeklyTaskTests
{
    private static readonly IClock Clock = new FixedClock(new DateTime(2026, 12, 3, 2, 0, 0, DateTimeKind.Utc));
    private static readonly Guid Head = Guid.NewGuid(), Staff = Guid.NewGuid(), Other = Guid.NewGuid();
    private static readonly TaskWeek Week49 = new(2026, 49);

    private static NewTask Spec(TaskRecurrence recurrence = TaskRecurrence.Once, DateOnly? until = null, DateOnly? due = null) => new(
        Guid.NewGuid(), Guid.NewGuid(), "走访存量客户", Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Week49,
        " 走访代发工资企业 ", 30m, "户", due ?? new DateOnly(2026, 12, 4), recurrence, until, [(Staff, "员工0101"), (Other, "员工0102"), (Staff, "员工0101")]);

    [Fact]
    public void A_new_task_is_open_in_its_week_with_each_assignee_once()
    {
        var task = WeeklyTask.Create(Spec(), Head, "head01");

        Assert.Equal((WeeklyTaskState.Open, "走访代发工资企业", new DateOnly(2026, 11, 30), task.Id), (task.State, task.Title, task.WeekStart, task.SeriesId));
        Assert.Equal([Staff, Other], task.Assignees.Select(a => a.UserId));
        Assert.True(task.IsAssignedTo(Other));
        Assert.False(task.IsAssignedTo(Head));
    }

    [Fact]
    public void The_due_date_lies_in_the_week_and_a_recurring_task_ends_after_it()
    {
        Assert.Equal("dueDate", Field(() => WeeklyTask.Create(Spec(due: new DateOnly(2026, 12, 7)), Head, "head01")));
        Assert.Equal("recursUntil", Field(() => WeeklyTask.Create(Spec(TaskRecurrence.MustDo), Head, "head01")));
        Assert.Equal("recursUntil", Field(() => WeeklyTask.Create(Spec(TaskRecurrence.Skippable, new DateOnly(2026, 12, 6)), Head, "head01")));
    }

    [Fact]
    public void A_write_off_records_the_actual_quantity_once()
    {
        var task = WeeklyTask.Create(Spec(), Head, "head01");

        task.WriteOff(28m, " 两户改约下周 ", null, Staff, "员工0101", Clock);

        Assert.Equal((WeeklyTaskState.Done, (decimal?)28m, "两户改约下周", (Guid?)Staff), (task.State, task.ActualQuantity, task.Note, task.ClosedById));
        Assert.Equal("tasks.wrong_state", Assert.Throws<ConflictException>(() => task.WriteOff(30m, null, null, Staff, "员工0101", Clock)).Code);
        Assert.Equal("tasks.wrong_state", Assert.Throws<ConflictException>(() => task.Cancel("重复", Head, "head01", Clock)).Code);
    }

    [Fact]
    public void A_negative_quantity_is_refused_and_changes_nothing()
    {
        var task = WeeklyTask.Create(Spec(), Head, "head01");

        Assert.Equal("actualQuantity", Field(() => task.WriteOff(-1m, null, null, Staff, "员工0101", Clock)));
        Assert.Equal(WeeklyTaskState.Open, task.State);
    }

    [Fact]
    public void Carrying_over_ends_this_week_and_opens_next_week_in_the_same_series()
    {
        var task = WeeklyTask.Create(Spec(), Head, "head01");

        var next = task.CarryOver(" 客户出差 ", Head, "head01", Clock);

        Assert.Equal((WeeklyTaskState.CarriedOver, "客户出差"), (task.State, task.Reason));
        Assert.Equal((WeeklyTaskState.Open, new DateOnly(2026, 12, 7), new DateOnly(2026, 12, 11)), (next.State, next.WeekStart, next.DueDate));
        Assert.Equal((task.SeriesId, (Guid?)task.Id), (next.SeriesId, next.CarriedFromTaskId));
        Assert.NotEqual(task.Id, next.Id);
        Assert.Equal(task.Assignees.Select(a => a.UserId), next.Assignees.Select(a => a.UserId));
        Assert.All(next.Assignees, a => Assert.Equal(next.Id, a.TaskId));
    }

    [Fact]
    public void A_recurring_series_comes_back_weekly_until_its_end_date()
    {
        var task = WeeklyTask.Create(Spec(TaskRecurrence.Skippable, new DateOnly(2026, 12, 14)), Head, "head01");

        var second = task.NextOccurrence();
        var third = second!.NextOccurrence();

        Assert.Equal((new DateOnly(2026, 12, 7), task.SeriesId, (Guid?)null), (second.WeekStart, second.SeriesId, second.CarriedFromTaskId));
        Assert.Equal(new DateOnly(2026, 12, 14), third!.WeekStart);
        Assert.Null(third.NextOccurrence());
        Assert.Null(WeeklyTask.Create(Spec(), Head, "head01").NextOccurrence());
    }

    [Fact]
    public void A_skippable_week_lapses_and_a_cancelled_task_keeps_its_reason()
    {
        var skipped = WeeklyTask.Create(Spec(TaskRecurrence.Skippable, new DateOnly(2026, 12, 31)), Head, "head01");
        var cancelled = WeeklyTask.Create(Spec(), Head, "head01");

        skipped.Lapse(Clock);
        cancelled.Cancel(" 客户已销户 ", Head, "head01", Clock);

        Assert.Equal(WeeklyTaskState.Lapsed, skipped.State);
        Assert.Equal((WeeklyTaskState.Cancelled, "客户已销户"), (cancelled.State, cancelled.Reason));
        Assert.True(WeeklyTask.Create(Spec(), Head, "head01").IsOverdue(new DateOnly(2026, 12, 5)));
        Assert.False(cancelled.IsOverdue(new DateOnly(2026, 12, 5)));
    }

    private static string Field(Action act) => Assert.Throws<ValidationFailedException>(act).Errors.Keys.Single();

    private sealed class FixedClock(DateTime now) : IClock
    {
        public DateTime UtcNow => now;
    }
}
