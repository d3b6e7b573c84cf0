using BranchNetwork.Infrastructure.Outbox;
using BranchNetwork.Modules.Community.Features.Shared;
using BranchNetwork.SharedKernel.Authorization;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Community.Features.ClosePoll;

/// <summary>CM-2: closes a poll early — the thread's author or a moderator of its board (403 otherwise; 409 when already closed).</summary>
[AnySignedInUser]
internal sealed record ClosePollCommand(Guid PollId) : ICommand<PollView>;

internal sealed class ClosePollHandler(CommunityDbContext db, CommunityAccess access, PollViews views, OutboxProcessor outbox, IClock clock)
    : ICommandHandler<ClosePollCommand, PollView>
{
    public async ValueTask<PollView> Handle(ClosePollCommand command, CancellationToken cancellationToken)
    {
        access.EnsureTakesPart();
        var (board, thread, poll) = await views.ReadableAsync(command.PollId, cancellationToken);
        if (!views.Manages(board, thread))
        {
            throw new ForbiddenException("community.not_thread_author", DomainText.Get("PollNotManager"));
        }

        poll.Close(clock.UtcNow);
        await views.SignalAsync(board, poll, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        outbox.Wake();
        return await views.ViewAsync(board, thread, poll, cancellationToken);
    }
}

internal static class ClosePollEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/polls/{pollId:guid}/close", async Task<Ok<PollView>> (Guid pollId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ClosePollCommand(pollId), ct)))
            .WithName("CloseCommunityPoll")
            .WithSummary("Closes a poll early (the thread's author or a moderator of its board).");
}
