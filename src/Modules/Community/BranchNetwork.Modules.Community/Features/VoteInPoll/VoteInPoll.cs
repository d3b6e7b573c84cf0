using BranchNetwork.Infrastructure.Outbox;
using BranchNetwork.Infrastructure.Persistence;
using BranchNetwork.Modules.Community.Contracts;
using BranchNetwork.Modules.Community.Features.Shared;
using BranchNetwork.SharedKernel.Authorization;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Community.Features.VoteInPoll;

/// <summary>The options the caller chooses (one for a single-choice poll).</summary>
internal sealed record VoteInPollBody(IReadOnlyList<Guid>? OptionIds);

/// <summary>
/// CM-2: casts the caller's one ballot. A second ballot is 409 <c>community.already_voted</c> — also when two arrive at
/// the same instant (the unique key on poll and user refuses the second insert); a closed poll is 409
/// <c>community.poll_closed</c>; an option of another poll, a repeat or more than allowed is 400 on <c>optionIds</c>.
/// The ballot never touches the poll's row, so simultaneous votes neither wait for nor overwrite each other.
/// </summary>
[AnySignedInUser]
internal sealed record VoteInPollCommand(Guid PollId, VoteInPollBody Body) : ICommand<PollView>;

internal sealed class VoteInPollHandler(CommunityDbContext db, CommunityAccess access, PollViews views, OutboxProcessor outbox, IClock clock)
    : ICommandHandler<VoteInPollCommand, PollView>
{
    /// <summary>How often a vote is tried when the database is momentarily full (SQLite's one writer busy past its timeout).</summary>
    private const int Attempts = 5;

    public async ValueTask<PollView> Handle(VoteInPollCommand command, CancellationToken cancellationToken)
    {
        // A burst of simultaneous votes may find SQLite's single writer busy: nothing was stored, so the vote is tried
        // again rather than lost (PostgreSQL takes them side by side).
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await VoteAsync(command, cancellationToken);
            }
            catch (Exception e) when (attempt < Attempts && e is not ConflictException && DatabaseErrors.IsAtCapacity(e))
            {
                db.ChangeTracker.Clear();
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(50, 150) * attempt), cancellationToken);
            }
        }
    }

    private async Task<PollView> VoteAsync(VoteInPollCommand command, CancellationToken cancellationToken)
    {
        access.EnsureTakesPart();
        var (board, thread, poll) = await views.ReadableAsync(command.PollId, cancellationToken);
        thread.EnsurePublished();
        var me = access.UserId;
        var now = clock.UtcNow;
        var ballot = poll.Cast(me, command.Body.OptionIds ?? [], now);
        if (await db.PollBallots.AnyAsync(b => b.PollId == poll.Id && b.UserId == me, cancellationToken))
        {
            throw AlreadyVoted();
        }

        db.PollBallots.Add(ballot);
        db.AddIntegrationEvent(new CommunityPollVoted(Guid.CreateVersion7(), now, poll.Id, thread.Id, board.Id, me));
        await views.SignalAsync(board, poll, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            throw AlreadyVoted();
        }

        outbox.Wake();
        return await views.ViewAsync(board, thread, poll, cancellationToken);
    }

    private static ConflictException AlreadyVoted() => new("community.already_voted", DomainText.Get("PollAlreadyVoted"));
}

internal static class VoteInPollEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/polls/{pollId:guid}/votes", async Task<Ok<PollView>> (Guid pollId, VoteInPollBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new VoteInPollCommand(pollId, body), ct)))
            .WithName("VoteInCommunityPoll")
            .WithSummary("Casts the caller's one ballot (409 for a second or after closing; 400 for an option of another poll).");
}
