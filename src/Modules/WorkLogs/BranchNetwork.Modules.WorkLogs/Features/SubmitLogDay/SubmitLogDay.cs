using BranchNetwork.Modules.Tasks.Contracts;
using BranchNetwork.Modules.WorkLogs.Features.Shared;
using BranchNetwork.SharedKernel.Authorization;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.WorkLogs.Features.SubmitLogDay;

/// <summary>WL-1: submits the caller's saved log of a day — on time before the cut-off, late after it, refused after the close.</summary>
[AnySignedInUser]
internal sealed record SubmitLogDayCommand(string Day) : ICommand<LogDayView>;

internal sealed class SubmitLogDayHandler(
    WorkLogsDbContext db, WorkLogsAccess access, IAssignedTasks tasks, WorkLogSettings settings, BankCalendar calendar, IClock clock)
    : ICommandHandler<SubmitLogDayCommand, LogDayView>
{
    public async ValueTask<LogDayView> Handle(SubmitLogDayCommand command, CancellationToken cancellationToken)
    {
        var day = LogDays.ParseDay(command.Day);
        await LogDays.RequireSubBranchAsync(access, cancellationToken);
        var me = access.User.RequireUserId();
        DailyLog log;

        // An autosave landing at the same moment changes the version under us: submit what is there once more.
        for (var attempt = 0; ; attempt++)
        {
            log = await LogDays.FindAsync(db, me, day, withParts: true, cancellationToken)
                ?? throw new NotFoundException("worklogs.log_not_found", DomainText.Get("Logs_NothingSaved"));
            log.Submit(settings.Window, clock);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                break;
            }
            catch (DbUpdateConcurrencyException) when (attempt == 0)
            {
                db.ChangeTracker.Clear();
            }
        }

        var week = await tasks.ListForWeekAsync(me, day, cancellationToken);
        return LogDays.ToView(log, day, null, week, settings.Window, calendar, clock);
    }
}

internal static class SubmitLogDayEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/days/{day}/submit", async Task<Ok<LogDayView>> (string day, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new SubmitLogDayCommand(day), ct)))
            .WithName("SubmitLogDay")
            .WithSummary("Submits the caller's saved log of a day: on time before the cut-off (20:00), late until the close (10:00 the next day).");
}
