using BranchNetwork.Modules.Tasks.Features.Shared;
using Microsoft.Extensions.Logging;

namespace BranchNetwork.Modules.Tasks.Features.RollWeeks;

/// <summary>
/// <c>tasks:roll-weeks</c> (TK-2), early Monday China time: closes the week just ended. Open must-do tasks carry over
/// ("系统顺延"), open skippable ones lapse, one-off tasks stay open for their managers (who may carry the whole week
/// over). Every recurring series active that week gets its next occurrence unless the series already has a task in
/// the new week (a carried-over must-do task is that occurrence), so running twice changes nothing.
/// </summary>
internal sealed class RollWeeksJob(TasksDbContext db, IClock clock, ILogger<RollWeeksJob> logger)
{
    public const string Id = "tasks:roll-weeks";

    /// <summary>Monday 00:10 (in the job's time zone, China time by default).</summary>
    public const string DefaultCron = "10 0 * * 1";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var current = WeekTasks.CurrentWeek(clock);
        var ended = current.Previous;
        var reason = DomainText.Get("AutoCarryOverReason");
        var tasks = await db.Tasks.Include(t => t.Assignees)
            .Where(t => t.WeekStart == ended.Start && (t.State == WeeklyTaskState.Open || t.Recurrence != TaskRecurrence.Once))
            .ToListAsync(cancellationToken);
        var seriesInNewWeek = (await db.Tasks.Where(t => t.WeekStart == current.Start).Select(t => t.SeriesId).ToListAsync(cancellationToken)).ToHashSet();
        var (carried, lapsed, recurred) = (0, 0, 0);
        var touched = new HashSet<Guid>();

        foreach (var task in tasks.Where(t => t.State == WeeklyTaskState.Open && t.Recurrence != TaskRecurrence.Once))
        {
            if (task.Recurrence == TaskRecurrence.MustDo)
            {
                if (!seriesInNewWeek.Add(task.SeriesId))
                {
                    // The series already has a task in the new week: a second one would double the work, so it stays for the managers.
                    continue;
                }


                db.Tasks.Add(task.CarryOver(reason, Guid.Empty, WeekTasks.SystemName, clock));
                db.TaskHistory.Add(TaskHistoryEntry.Of(task, TaskEventKind.CarriedOver, WeekTasks.SystemName, reason, clock));
                carried++;
            }
            else
            {
                task.Lapse(clock);
                db.TaskHistory.Add(TaskHistoryEntry.Of(task, TaskEventKind.Lapsed, WeekTasks.SystemName, null, clock));
                lapsed++;
            }

            touched.Add(task.SubBranchId);
        }

        // A cancelled occurrence ends its series: the manager said the work is no longer wanted.
        foreach (var task in tasks.Where(t => t.Recurrence != TaskRecurrence.Once && t.State is WeeklyTaskState.Done or WeeklyTaskState.Lapsed))
        {
            if (!seriesInNewWeek.Contains(task.SeriesId) && task.NextOccurrence() is { } next)
            {
                seriesInNewWeek.Add(task.SeriesId);
                db.Tasks.Add(next);
                db.TaskHistory.Add(TaskHistoryEntry.Of(next, TaskEventKind.Created, WeekTasks.SystemName, null, clock));
                recurred++;
                touched.Add(task.SubBranchId);
            }
        }

        foreach (var subBranch in touched)
        {
            db.SignalBoard(subBranch, clock);
        }

        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Rolled {Week}: {Carried} must-do tasks carried over, {Lapsed} skippable lapsed, {Recurred} recurring occurrences created", ended, carried, lapsed, recurred);
    }
}
