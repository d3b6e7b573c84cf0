using BranchNetwork.Modules.Community.Features.Shared;
using BranchNetwork.SharedKernel.Authorization;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Community.Features.GetThread;

/// <summary>
/// CM-1: one thread for its page (a query, so the auditor reads it too; the view it counts is bookkeeping, not a
/// change of content); the reader's first view of a China day counts once (a unique row per reader and day,
/// the count moved only when the row is new). 404 outside the board's audience, and for a waiting or refused thread
/// to anyone but its author and the board's moderators.
/// </summary>
[AnySignedInUser]
internal sealed record GetThreadCommand(Guid ThreadId) : IQuery<ThreadDetail>;

internal sealed class GetThreadHandler(CommunityDbContext db, CommunityAccess access, ThreadRules rules, IClock clock) : IQueryHandler<GetThreadCommand, ThreadDetail>
{
    public async ValueTask<ThreadDetail> Handle(GetThreadCommand command, CancellationToken cancellationToken)
    {
        var (board, thread) = await access.ReadableThreadAsync(command.ThreadId, cancellationToken);
        if (thread.IsPublished && rules.TakesPart)
        {
            var me = rules.Me;
            var today = BankCalendar.Today(clock);
            if (!await db.Views.AnyAsync(v => v.ThreadId == thread.Id && v.UserId == me && v.Day == today, cancellationToken))
            {
                var id = thread.Id;
                db.Entry(thread).State = EntityState.Detached;
                if (await rules.AddOnceAsync(new ThreadView(id, me, today), () => db.Threads.Where(t => t.Id == id).ExecuteUpdateAsync(s => s.SetProperty(t => t.ViewCount, t => t.ViewCount + 1), cancellationToken), cancellationToken))
                {
                    (board, thread) = await access.ReadableThreadAsync(id, cancellationToken);
                }
            }
        }

        return await ThreadViews.ReadDetailAsync(db, rules, board, thread, cancellationToken);
    }
}

internal static class GetThreadEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/threads/{id:guid}", async Task<Ok<ThreadDetail>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetThreadCommand(id), ct)))
            .WithName("GetCommunityThread")
            .WithSummary("One thread (its replies come from /replies); the reader's first view of the day is counted (404 outside the board's audience).");
}
