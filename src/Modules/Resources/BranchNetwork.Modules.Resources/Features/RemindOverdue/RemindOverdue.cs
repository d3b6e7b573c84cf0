using BranchNetwork.Infrastructure.Outbox;
using BranchNetwork.Modules.Resources.Features.Shared;
using Microsoft.Extensions.Logging;

namespace BranchNetwork.Modules.Resources.Features.RemindOverdue;

/// <summary>What a run did: the China day and how many overdue steps it reminded.</summary>
internal sealed record OverdueReminderRun(DateOnly Day, int Reminded);

/// <summary>
/// RR-2 SLA: every day at 09:00 China time the waiting approvers of each step past its due time are reminded, once per
/// step and day. The step keeps the day of its last reminder (<see cref="ResourceRequest.RecordReminder"/>), saved with
/// the reminder under the request's version: a second run the same day finds it, and a run on another node at the same
/// moment loses the save and sends nothing.
/// </summary>
internal sealed class OverdueReminder(ResourcesDbContext db, RequestNotifier notifier, OutboxProcessor outbox, IClock clock, ILogger<OverdueReminder> log)
{
    public const string JobId = "resources:remind-overdue";

    /// <summary>09:00 every day, China time.</summary>
    public const string Cron = "0 9 * * *";

    public async Task<OverdueReminderRun> RunAsync(CancellationToken ct)
    {
        var now = clock.UtcNow;
        var today = BankCalendar.Today(clock);
        var due = await (
                from s in db.Steps.AsNoTracking()
                join r in db.Requests.AsNoTracking() on s.RequestId equals r.Id
                where s.Outcome == StepOutcome.Pending && s.DueAtUtc != null && s.DueAtUtc < now
                    && s.Round == r.Round && s.Index == r.CurrentStepIndex
                    && (r.State == RequestState.Submitted || r.State == RequestState.InReview)
                    && (s.LastRemindedOn == null || s.LastRemindedOn != today)
                select r.Id)
            .Distinct()
            .ToListAsync(ct);

        var reminded = 0;
        foreach (var id in due)
        {
            db.ChangeTracker.Clear();
            var request = await db.RequestsWithSteps.FirstAsync(r => r.Id == id, ct);
            var step = request.CurrentStep;
            if (step is null || !request.RecordReminder(today, now))
            {
                continue;
            }

            notifier.RemindOverdue(request, step, [.. request.WaitingApprovers().Select(a => a.UserId).Distinct()]);
            try
            {
                await db.SaveChangesAsync(ct);
                reminded++;
            }
            catch (DbUpdateConcurrencyException e)
            {
                // Another run (or an approver) saved the request first: if it was a reminder, it went out there.
                log.LogInformation(e, "The overdue reminder of request {RequestId} on {Day} was not saved: the request changed", id, today);
            }
        }

        if (reminded > 0)
        {
            outbox.Wake();
        }

        return new OverdueReminderRun(today, reminded);
    }
}
