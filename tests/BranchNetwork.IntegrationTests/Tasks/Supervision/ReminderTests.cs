using BranchNetwork.IntegrationTests.Assessment;
using BranchNetwork.IntegrationTests.Notifications;
using BranchNetwork.Modules.Tasks.Features.RemindTasks;
using BranchNetwork.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BranchNetwork.IntegrationTests.Tasks.Supervision;

/// <summary>TK-4: the reminder job — owners of open tasks due this week, the head of overdue ones, once per task per slot.</summary>
[Trait("Spec", "TK-4")]
public sealed class ReminderTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    [Fact]
    public async Task The_job_reminds_owners_of_this_weeks_open_tasks_and_the_head_of_overdue_ones_once_per_task_per_slot_however_often_it_runs()
    {
        app.EnsureAvailable();
        var scheme = await AssessmentApi.PublishedSchemeAsync(app, [("走访客户", 100m, false)]);
        var staff = await SupervisionData.PersonAsync(app, "staff0101");
        var week = SupervisionData.ThisWeek(app);
        var today = AssessmentApi.Today(app);
        var plan = await SupervisionData.PlanAsync(app, scheme, "SB01");
        var overdue = await SupervisionData.TaskAsync(app, plan, week, "逾期的拜访", today.AddDays(-1), 3m, staff);
        var open = await SupervisionData.TaskAsync(app, plan, week, "周五前的宣传", week.Start.AddDays(4), 1m, staff);
        var done = await SupervisionData.TaskAsync(app, plan, week, "已核销的回访", week.Start.AddDays(4), 1m, staff);
        var nextWeek = await SupervisionData.TaskAsync(app, plan, week.Next, "下周任务", week.Next.Start.AddDays(1), 1m, staff);
        await SupervisionData.WriteOffAsync(app, done, 1m, staff);

        var first = await RunAsync();
        Assert.False(first.Skipped);
        Assert.Equal($"{week}-Wed", first.Slot);
        Assert.True(first.TasksReminded >= 2);
        Assert.Equal(
            [(open, first.Slot), (overdue, first.Slot)],
            (await SupervisionData.RemindersAsync(app, [overdue, open, done, nextWeek])).OrderBy(r => r.TaskId == overdue));
        var staffClient = await app.ClientForAsync("staff0101");
        var head01 = await app.ClientForAsync("head01");
        await Eventually.WaitAsync(() => staffClient.TitlesAsync(), t => t.Any(x => x.StartsWith("本周还有", StringComparison.Ordinal)), "staff0101's reminder");
        await Eventually.WaitAsync(() => head01.TitlesAsync(), t => t.Any(x => x.StartsWith("团队有", StringComparison.Ordinal) && x.EndsWith("项任务已逾期", StringComparison.Ordinal)), "head01's overdue reminder");
        Assert.DoesNotContain(await (await app.ClientForAsync("head02")).TitlesAsync(), x => x.EndsWith("项任务已逾期", StringComparison.Ordinal));

        // The same slot again (a retry, or the job on a second node): nothing more is sent.
        var second = await RunAsync();
        Assert.Equal((first.Slot, 0), (second.Slot, second.TasksReminded));
        Assert.Equal(2, (await SupervisionData.RemindersAsync(app, [overdue, open])).Count);

        // Two nodes at once in the next slot: between them each task is reminded exactly once.
        app.Clock.Advance(TimeSpan.FromDays(1));
        var fresh = await SupervisionData.TaskAsync(app, plan, week, "周四的新任务", week.Start.AddDays(4), 1m, staff);
        var both = await Task.WhenAll(RunAsync(), RunAsync());
        Assert.All(both, r => Assert.Equal($"{week}-Thu", r.Slot));
        var slots = (await SupervisionData.RemindersAsync(app, [overdue, open, fresh])).Where(r => r.Slot == both[0].Slot).ToList();
        Assert.Equal(3, slots.Count);
        Assert.Equal((await SupervisionData.RemindersAsync(app, null)).Count(r => r.Slot == both[0].Slot), both.Sum(r => r.TasksReminded));
    }

    private async Task<ReminderRun> RunAsync()
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<TaskReminder>().RunAsync(CancellationToken.None);
    }
}

/// <summary>A bank calendar where Friday 29 May 2026 is a public holiday.</summary>
public sealed class FridayHolidayFactory : BranchNetworkFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["BankCalendar:Years:2026:Holidays:0"] = "2026-05-29",
    };
}

[Trait("Spec", "TK-4")]
public sealed class ReminderHolidayTests(FridayHolidayFactory app) : IClassFixture<FridayHolidayFactory>
{
    [Fact]
    public async Task The_Friday_reminder_sends_nothing_when_Friday_is_a_bank_holiday()
    {
        app.EnsureAvailable();
        var scheme = await AssessmentApi.PublishedSchemeAsync(app, [("走访客户", 100m, false)]);
        var staff = await SupervisionData.PersonAsync(app, "staff0101");
        var week = SupervisionData.ThisWeek(app);
        var plan = await SupervisionData.PlanAsync(app, scheme, "SB01");
        var task = await SupervisionData.TaskAsync(app, plan, week, "周五到期的任务", week.Start.AddDays(4), 1m, staff);

        // Wednesday 10:00 → Friday 16:00 in China, the default second slot.
        app.Clock.Advance(TimeSpan.FromHours(54));
        Assert.Equal(new DateOnly(2026, 5, 29), AssessmentApi.Today(app));
        using var scope = app.Services.CreateScope();
        var run = await scope.ServiceProvider.GetRequiredService<TaskReminder>().RunAsync(CancellationToken.None);

        Assert.Equal(($"{week}-Fri", true, 0), (run.Slot, run.Skipped, run.TasksReminded));
        Assert.Empty(await SupervisionData.RemindersAsync(app, [task]));
    }
}
