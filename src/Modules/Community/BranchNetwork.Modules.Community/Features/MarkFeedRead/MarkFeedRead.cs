using BranchNetwork.SharedKernel.Authorization;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Community.Features.MarkFeedRead;

/// <summary>
/// Which board to mark read (none: every board the caller follows), and up to when: the moment the page showed its list,
/// so a thread that arrived after the reader looked stays unread (none: now).
/// </summary>
internal sealed record MarkFeedReadBody(Guid? BoardId, DateTime? SeenUpToUtc = null);

/// <summary>How many memberships were marked read.</summary>
internal sealed record FeedMarkedRead(int Boards);

/// <summary>
/// 全部已读 (CM-1 feed): the caller's followed boards (or one of them) are read up to now, so their threads lose the unread
/// marker until new activity comes. A board the caller is not a member of is 404 (nothing to mark, nothing disclosed).
/// </summary>
[AnySignedInUser]
internal sealed record MarkFeedReadCommand(MarkFeedReadBody Body) : ICommand<FeedMarkedRead>;

internal sealed class MarkFeedReadValidator : AbstractValidator<MarkFeedReadCommand>
{
    public MarkFeedReadValidator(IClock clock) =>
        RuleFor(c => c.Body.SeenUpToUtc).Must(t => t is null || (t.Value.Year >= 2000 && t.Value.ToUniversalTime() <= clock.UtcNow.AddMinutes(5))).OverridePropertyName("seenUpToUtc")
            .WithMessage(_ => DomainText.Get("SeenUpToInFuture"));
}

internal sealed class MarkFeedReadHandler(CommunityDbContext db, Features.Shared.CommunityAccess access, IClock clock) : ICommandHandler<MarkFeedReadCommand, FeedMarkedRead>
{
    /// <summary>A user follows at most this many boards at once in one mark (the community has far fewer).</summary>
    private const int MaxBoards = 500;

    public async ValueTask<FeedMarkedRead> Handle(MarkFeedReadCommand command, CancellationToken cancellationToken)
    {
        var me = access.UserId;
        var members = db.Members.Where(m => m.UserId == me);
        members = command.Body.BoardId is { } board ? members.Where(m => m.BoardId == board) : members.Where(m => m.IsFollowing);
        var rows = await members.OrderBy(m => m.Id).Take(MaxBoards).ToListAsync(cancellationToken);
        if (command.Body.BoardId is not null && rows.Count == 0)
        {
            throw Features.Shared.CommunityAccess.BoardNotFound();
        }

        var now = clock.UtcNow;
        var upTo = command.Body.SeenUpToUtc is { } seen && seen.ToUniversalTime() < now ? seen.ToUniversalTime() : now;
        rows.ForEach(m => m.MarkRead(upTo));
        await db.SaveChangesAsync(cancellationToken);
        return new FeedMarkedRead(rows.Count);
    }
}

internal static class MarkFeedReadEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/feed/read", async Task<Ok<FeedMarkedRead>> (MarkFeedReadBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new MarkFeedReadCommand(body), ct)))
            .WithName("MarkCommunityFeedRead")
            .WithSummary("全部已读: the caller's followed boards (or one board) are read up to now.");
}
