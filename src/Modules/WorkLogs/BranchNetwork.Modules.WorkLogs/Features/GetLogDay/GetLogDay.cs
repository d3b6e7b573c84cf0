using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Tasks.Contracts;
using BranchNetwork.Modules.WorkLogs.Features.Shared;
using BranchNetwork.SharedKernel.Authorization;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.WorkLogs.Features.GetLogDay;

/// <summary>
/// WL-1: the caller's log of a day for the form, or a blank one with the template of the caller's position (else the
/// default template), with the caller's tasks of that ISO week, the cut-off and close, and the amendments.
/// </summary>
[AnySignedInUser]
internal sealed record GetLogDayQuery(string Day) : IQuery<LogDayView>;

internal sealed class GetLogDayHandler(
    WorkLogsDbContext db, WorkLogsAccess access, IOrganisationDirectory directory, IAssignedTasks tasks, WorkLogSettings settings, BankCalendar calendar, IClock clock)
    : IQueryHandler<GetLogDayQuery, LogDayView>
{
    public async ValueTask<LogDayView> Handle(GetLogDayQuery query, CancellationToken cancellationToken)
    {
        var day = LogDays.ParseDay(query.Day);
        var (author, position) = await LogDays.AuthorAsync(access, directory, cancellationToken);
        if (day > BankCalendar.Today(clock))
        {
            throw new ValidationFailedException("day", DomainText.Get("DayInFuture"));
        }

        var log = await LogDays.FindAsync(db, author.UserId, day, withParts: true, cancellationToken);
        var template = log is null ? await LogDays.TemplateForAsync(db, position, cancellationToken) : null;
        var week = await tasks.ListForWeekAsync(author.UserId, day, cancellationToken);
        return LogDays.ToView(log, day, template, week, settings.Window, calendar, clock);
    }
}

internal static class GetLogDayEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/days/{day}", async Task<Ok<LogDayView>> (string day, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetLogDayQuery(day), ct)))
            .WithName("GetLogDay")
            .WithSummary("The caller's log of a day (yyyy-MM-dd, China time) or a blank form with the position's template, this week's tasks, cut-off and close (members of a sub-branch).");
}
