using System.Globalization;
using BranchNetwork.Infrastructure.Outbox;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Notifications.Contracts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace BranchNetwork.Modules.Tasks.Features.RemindTasks;

/// <summary>What a reminder run did: the slot, whether it was skipped (not a working day), the tasks it reminded about.</summary>
internal sealed record ReminderRun(string Slot, bool Skipped, int TasksReminded, int OwnersReminded, int HeadsReminded);

/// <summary>
/// The reminder job (TK-4): on a working day of the bank calendar, each open task due this week reminds its assignees,
/// and each overdue task (open, due before today) the head(s) of its sub-branch — once per task per reminder slot
/// (<c>2026-W49-Mon</c>). A <see cref="ReminderSent"/> row per task and slot, saved with the notifications, is the
/// proof it was sent: a second run finds it, and a run on another node at the same moment fails on its key and sends nothing.
/// One notification per person (a count), not one per task.
/// </summary>
internal sealed class TaskReminder(TasksDbContext db, IOrganisationDirectory directory, BankCalendar calendar, OutboxProcessor outbox, IClock clock, ILogger<TaskReminder> log)
{
    public const string Kind = "reminder";

    /// <summary>The slot of a run: the ISO week and the weekday in China, so Monday's and Friday's runs are separate slots.</summary>
    public static string SlotOf(DateOnly today) =>
        string.Create(CultureInfo.InvariantCulture, $"{TaskWeek.Of(today)}-{today.DayOfWeek.ToString()[..3]}");

    public async Task<ReminderRun> RunAsync(CancellationToken ct)
    {
        var today = BankCalendar.Today(clock);
        var slot = SlotOf(today);
        if (!calendar.IsWorkingDay(today))
        {
            // A holiday (or a weekend) sends nothing; the next slot's run covers the tasks.
            return new ReminderRun(slot, true, 0, 0, 0);
        }

        var week = TaskWeek.Of(today);
        var due = await db.Tasks.AsNoTracking()
            .Where(t => t.State == WeeklyTaskState.Open && ((t.DueDate >= week.Start && t.DueDate <= week.End) || t.DueDate < today))
            .Where(t => !db.RemindersSent.Any(r => r.TaskId == t.Id && r.Slot == slot))
            .Select(t => new { t.Id, t.SubBranchId, t.DueDate, Assignees = t.Assignees.Select(a => a.UserId).ToList() })
            .ToListAsync(ct);
        if (due.Count == 0)
        {
            return new ReminderRun(slot, false, 0, 0, 0);
        }

        var owners = due.Where(t => t.DueDate >= week.Start && t.DueDate <= week.End)
            .SelectMany(t => t.Assignees.Select(user => (user, t.Id)))
            .GroupBy(x => x.user)
            .Select(g => (User: g.Key, Count: g.Count()))
            .ToList();
        var overdue = due.Where(t => t.DueDate < today).GroupBy(t => t.SubBranchId).Select(g => (SubBranchId: g.Key, Count: g.Count())).ToList();
        var heads = overdue.Count == 0
            ? new Dictionary<Guid, IReadOnlyList<Guid>>()
            : await directory.ListActiveUserIdsByUnitAsync([.. overdue.Select(o => o.SubBranchId)], BankRoles.SubBranchHead, ct);

        var items = new List<NotificationItem>();
        items.AddRange(owners.GroupBy(o => o.Count).Select(g => new NotificationItem(
            [.. g.Select(o => o.User)],
            Text("Sv_Notify_RemindOwnerTitle", g.Key.ToString(CultureInfo.InvariantCulture)),
            Text("Sv_Notify_RemindOwnerBody"),
            "/tasks/my-week")));
        items.AddRange(overdue
            .Select(o => (Heads: heads.GetValueOrDefault(o.SubBranchId) ?? [], o.Count))
            .Where(o => o.Heads.Count > 0)
            .Select(o => new NotificationItem(
                o.Heads,
                Text("Sv_Notify_RemindHeadTitle", o.Count.ToString(CultureInfo.InvariantCulture)),
                Text("Sv_Notify_RemindHeadBody"),
                "/tasks/team")));

        var now = clock.UtcNow;
        db.RemindersSent.AddRange(due.Select(t => new ReminderSent(t.Id, slot, now)));
        if (items.Count > 0)
        {
            db.AddIntegrationEvent(new NotificationsRequested(Guid.CreateVersion7(), now, TasksModule.TextPrefix, items));
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e)
        {
            // Another run of the same slot (a second node) saved first: its reminders went out, these must not.
            log.LogInformation(e, "Task reminders of slot {Slot} were already sent by another run", slot);
            return new ReminderRun(slot, false, 0, 0, 0);
        }

        outbox.Wake();
        return new ReminderRun(slot, false, due.Count, owners.Count, overdue.Sum(o => heads.GetValueOrDefault(o.SubBranchId)?.Count ?? 0));
    }

    private static LocalizedText Text(string key, params string[] args) => LocalizedText.Of($"{TasksModule.TextPrefix}:{key}", args);
}

/// <summary>
/// The reminder slots: Monday 09:00 and Friday 16:00 in China by default; <c>Tasks:ReminderCrons</c> (an array of
/// cron expressions) and <c>Tasks:ReminderTimeZone</c> change them. The first slot is <c>tasks:remind-tasks</c>, the
/// next ones <c>tasks:remind-tasks-2</c>, <c>-3</c>…
/// </summary>
internal static class RemindTasksJob
{
    public const string Id = "tasks:remind-tasks";

    public static readonly string[] DefaultCrons = ["0 9 * * 1", "0 16 * * 5"];

    public static IReadOnlyList<string> Crons(IConfiguration configuration)
    {
        var configured = configuration.GetSection("Tasks:ReminderCrons").GetChildren()
            .Select(c => c.Value).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).ToList();
        return configured.Count > 0 ? configured : DefaultCrons;
    }

    public static TimeZoneInfo Zone(IConfiguration configuration) =>
        configuration["Tasks:ReminderTimeZone"] is { Length: > 0 } zone ? TimeZoneInfo.FindSystemTimeZoneById(zone) : BankCalendar.Zone;

    public static string JobId(int index) => index == 0 ? Id : $"{Id}-{index + 1}";
}
