using BranchNetwork.Modules.Community.Features.Shared;
using BranchNetwork.SharedKernel.Authorization;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Community.Features.GetPoll;

/// <summary>
/// CM-2: the poll of a thread the caller reads (404 when the thread has none, or is not the caller's to read): the
/// question, options, the caller's own ballot, and the counts only when the poll's rule allows.
/// </summary>
[AnySignedInUser]
internal sealed record GetThreadPollQuery(Guid ThreadId) : IQuery<PollView>;

internal sealed class GetThreadPollHandler(CommunityDbContext db, CommunityAccess access, PollViews views) : IQueryHandler<GetThreadPollQuery, PollView>
{
    public async ValueTask<PollView> Handle(GetThreadPollQuery query, CancellationToken cancellationToken)
    {
        var (board, thread) = await access.ReadableThreadAsync(query.ThreadId, cancellationToken);
        var poll = await db.Polls.AsNoTracking().Include(p => p.Options).FirstOrDefaultAsync(p => p.ThreadId == thread.Id, cancellationToken)
            ?? throw PollViews.NotFound();
        return await views.ViewAsync(board, thread, poll, cancellationToken);
    }
}

internal static class GetPollEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/threads/{threadId:guid}/poll", async Task<Ok<PollView>> (Guid threadId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetThreadPollQuery(threadId), ct)))
            .WithName("GetCommunityPoll")
            .WithSummary("A thread's poll: question, options, the caller's ballot, and the counts when its rule allows (404 when there is none).");
}
