using BranchNetwork.Modules.Community.Features.Shared;
using BranchNetwork.SharedKernel.Authorization;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Community.Features.GiveSanction;

/// <summary>Where a sanction applies.</summary>
internal enum SanctionScope
{
    /// <summary>The board of the content: its moderators.</summary>
    Board = 0,

    /// <summary>The whole community: users with the Moderator role (the community's moderators) only.</summary>
    Community = 1,
}

/// <summary>
/// 警告 / 移出 (CM-4) of the author of a thread or reply, for a number of days, with a reason. The API takes the content,
/// never a user: for anonymous content the sanction reaches the hidden account and nothing tells the moderator who it
/// is. A board sanction needs a moderator of the content's board; a community-wide one the Moderator role. The user is
/// told in their inbox; the action is recorded.
/// </summary>
[AnySignedInUser]
internal sealed record GiveSanctionCommand(Guid ItemId, SanctionKind? Kind, SanctionScope? Scope, int? Days, string? Reason) : ICommand<SanctionView>;

internal sealed class GiveSanctionValidator : AbstractValidator<GiveSanctionCommand>
{
    public GiveSanctionValidator()
    {
        RuleFor(c => c.Kind).NotNull().IsInEnum().WithMessage(_ => DomainText.Get("SanctionKindInvalid"));
        RuleFor(c => c.Scope).NotNull().IsInEnum().WithMessage(_ => DomainText.Get("SanctionScopeInvalid"));
        RuleFor(c => c.Days).NotNull().InclusiveBetween(1, Sanction.MaxDays).WithMessage(_ => DomainText.Format("SanctionDaysInvalid", Sanction.MaxDays));
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(Sanction.ReasonMaxLength).WithMessage(_ => DomainText.Format("ReasonInvalid", Sanction.ReasonMaxLength));
    }
}

internal sealed class GiveSanctionHandler(CommunityDbContext db, ModerationDesk desk, CommunityAccess access, IClock clock)
    : ICommandHandler<GiveSanctionCommand, SanctionView>
{
    public async ValueTask<SanctionView> Handle(GiveSanctionCommand command, CancellationToken cancellationToken)
    {
        var item = await desk.ReadableItemAsync(command.ItemId, cancellationToken);
        var community = command.Scope == SanctionScope.Community;
        if (community)
        {
            if (!desk.IsCommunityModerator)
            {
                throw new ForbiddenException("community.not_community_moderator", DomainText.Get("NotCommunityModerator"));
            }
        }
        else
        {
            access.EnsureModerates(item.Board);
        }

        if (item.AuthorId == access.UserId)
        {
            throw DomainText.Invalid("itemId", "SanctionSelf");
        }

        var now = clock.UtcNow;
        var kind = command.Kind!.Value;
        var sanction = Sanction.Give(kind, item.AuthorId, item.AuthorShown, item.IsAnonymous, community ? null : item.Board.Id, item.Thread.Id, item.Reply?.Id,
            command.Reason!, command.Days!.Value, access.UserId, await access.DisplayNameAsync(cancellationToken), now);
        db.Sanctions.Add(sanction);
        await desk.RecordAsync(kind == SanctionKind.Ban ? ModerationActionKind.Ban : ModerationActionKind.Warn, item, null, "", item.AuthorShown,
            sanction.Reason, cancellationToken);
        var where = community ? DomainText.Get("WholeCommunity") : item.Board.Name;
        desk.Notify(
            item.AuthorId,
            ModerationDesk.Text(kind == SanctionKind.Ban ? "Notify_BannedTitle" : "Notify_WarnedTitle", where),
            ModerationDesk.Text(kind == SanctionKind.Ban ? "Notify_BannedBody" : "Notify_WarnedBody", sanction.Reason, ChinaTime.ToDisplay(sanction.EndsAtUtc), item.Subject),
            ModerationDesk.ThreadLink(item.Thread.Id));
        await db.SaveChangesAsync(cancellationToken);
        return SanctionView.Of(sanction, community ? null : item.Board.Name, now);
    }
}

internal static class GiveSanctionEndpoint
{
    internal sealed record GiveCommunitySanctionBody(SanctionKind? Kind, SanctionScope? Scope, int? Days, string? Reason);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/moderation/items/{id:guid}/sanctions", async Task<Ok<SanctionView>> (Guid id, GiveCommunitySanctionBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GiveSanctionCommand(id, body.Kind, body.Scope, body.Days, body.Reason), ct)))
            .WithName("GiveCommunitySanction")
            .WithSummary("警告/移出: warns or bans the author of a thread or reply (anonymous ones too, without revealing them) from the board or, for the Moderator role, the whole community, for some days with a reason (CM-4).");
}
