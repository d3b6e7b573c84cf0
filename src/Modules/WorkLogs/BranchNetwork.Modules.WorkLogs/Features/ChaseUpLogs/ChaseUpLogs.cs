using System.Globalization;
using BranchNetwork.Infrastructure.Outbox;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Notifications.Contracts;
using BranchNetwork.Modules.WorkLogs.Contracts;
using Microsoft.Extensions.Logging;

namespace BranchNetwork.Modules.WorkLogs.Features.ChaseUpLogs;

/// <summary>What a run did: the day, whether it was skipped (not a working day), how many people it notified.</summary>
internal sealed record ChaseRun(DateOnly Day, bool Skipped, int Notified);

/// <summary>
/// The reminders of WL-2, on working days of the bank calendar only (a holiday sends nothing, a 调休 Saturday chases):
/// 跟催 at <c>WorkLogs:ChaseUpAt</c> (18:00) to every sub-branch member without a submitted log today, and at the
/// cut-off (20:00) the missing digest to each sub-branch head: who of the sub-branch has not submitted, by name.
/// A <see cref="ChaseSent"/> row per person, day and kind, saved with the notifications, makes each go once: a second
/// run finds it, a run on another node at the same moment fails on its key and sends nothing.
/// </summary>
internal sealed class LogChaser(
    WorkLogsDbContext db, IOrganisationDirectory directory, BankCalendar calendar, OutboxProcessor outbox, IClock clock, ILogger<LogChaser> log)
{
    public const string ChaseUpJobId = "worklogs:chase-up";
    public const string MissingDigestJobId = "worklogs:missing-digest";

    public async Task<ChaseRun> ChaseUpAsync(CancellationToken ct)
    {
        var today = BankCalendar.Today(clock);
        if (!calendar.IsWorkingDay(today))
        {
            return new ChaseRun(today, true, 0);
        }

        var (members, submitted) = await TodayAsync(today, ct);
        var chased = (await db.ChasesSent.AsNoTracking().Where(c => c.Day == today && c.Kind == ChaseKind.ChaseUp).Select(c => c.UserId).ToListAsync(ct)).ToHashSet();
        var due = members.Select(m => m.UserId).Distinct().Where(id => !submitted.Contains(id) && !chased.Contains(id)).ToList();
        if (due.Count == 0)
        {
            return new ChaseRun(today, false, 0);
        }

        var now = clock.UtcNow;
        db.ChasesSent.AddRange(due.Select(id => new ChaseSent(id, today, ChaseKind.ChaseUp, now)));
        db.AddIntegrationEvent(new NotificationsRequested(Guid.CreateVersion7(), now, WorkLogsModule.TextPrefix,
        [
            new NotificationItem(due, Text("Tracking_Notify_ChaseTitle", Day(today)), Text("Tracking_Notify_ChaseBody"), WorkLogLinks.Today),
        ]));
        return await SaveAsync(today, due.Count, "chase-up", ct);
    }

    public async Task<ChaseRun> MissingDigestAsync(CancellationToken ct)
    {
        var today = BankCalendar.Today(clock);
        if (!calendar.IsWorkingDay(today))
        {
            return new ChaseRun(today, true, 0);
        }

        var (members, submitted) = await TodayAsync(today, ct);
        var missing = members.Where(m => !submitted.Contains(m.UserId)).GroupBy(m => m.InUnitId).ToDictionary(g => g.Key, g => g.ToList());
        if (missing.Count == 0)
        {
            return new ChaseRun(today, false, 0);
        }

        var heads = await directory.ListActiveUserIdsByUnitAsync([.. missing.Keys], BankRoles.SubBranchHead, ct);
        var told = (await db.ChasesSent.AsNoTracking().Where(c => c.Day == today && c.Kind == ChaseKind.MissingDigest).Select(c => c.UserId).ToListAsync(ct)).ToHashSet();
        var items = new List<NotificationItem>();
        var now = clock.UtcNow;
        foreach (var (subBranchId, people) in missing)
        {
            var recipients = (heads.GetValueOrDefault(subBranchId) ?? []).Where(h => !told.Contains(h)).Distinct().ToList();
            if (recipients.Count == 0)
            {
                continue;
            }

            var names = string.Join("、", people.Select(p => p.DisplayName).Order(StringComparer.Ordinal));
            items.Add(new NotificationItem(
                recipients,
                Text("Tracking_Notify_DigestTitle", Day(today), people.Count.ToString(CultureInfo.InvariantCulture)),
                Text("Tracking_Notify_DigestBody", names),
                "/worklogs/tracking"));
            db.ChasesSent.AddRange(recipients.Select(h => new ChaseSent(h, today, ChaseKind.MissingDigest, now)));
            told.UnionWith(recipients);
        }

        if (items.Count == 0)
        {
            return new ChaseRun(today, false, 0);
        }

        db.AddIntegrationEvent(new NotificationsRequested(Guid.CreateVersion7(), now, WorkLogsModule.TextPrefix, items));
        return await SaveAsync(today, items.Sum(i => i.RecipientIds.Count), "missing digest", ct);
    }

    /// <summary>Everyone expected to write a log today (members of every sub-branch) and who has submitted: two reads.</summary>
    private async Task<(IReadOnlyList<UnitMemberInfo> Members, HashSet<Guid> Submitted)> TodayAsync(DateOnly today, CancellationToken ct)
    {
        var subBranches = (await directory.ListSubBranchesAsync(ct)).Where(u => !u.IsRetired).Select(u => u.Id).ToList();
        var members = await directory.ListActiveMembersAsync(subBranches, ct);
        var submitted = (await db.Logs.AsNoTracking().Where(l => l.Day == today && l.State == LogState.Submitted).Select(l => l.AuthorId).ToListAsync(ct)).ToHashSet();
        return (members, submitted);
    }

    private async Task<ChaseRun> SaveAsync(DateOnly today, int notified, string what, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e)
        {
            // Another run of the same day (a second node) saved first: its reminders went out, these must not.
            log.LogInformation(e, "The work-log {What} of {Day} was already sent by another run", what, today);
            return new ChaseRun(today, false, 0);
        }

        outbox.Wake();
        return new ChaseRun(today, false, notified);
    }

    private static string Day(DateOnly day) => day.ToString(ChinaTime.DateFormat, CultureInfo.InvariantCulture);

    private static LocalizedText Text(string key, params string[] args) => LocalizedText.Of($"{WorkLogsModule.TextPrefix}:{key}", args);
}

/// <summary>The two jobs' schedules, China time, every day: the runs themselves skip days that are not working days.</summary>
internal static class ChaseUpJobs
{
    public static string DailyAt(TimeOnly time) => string.Create(CultureInfo.InvariantCulture, $"{time.Minute} {time.Hour} * * *");
}
