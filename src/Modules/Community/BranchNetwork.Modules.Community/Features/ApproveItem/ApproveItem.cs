using BranchNetwork.Modules.Community.Features.Shared;
using BranchNetwork.SharedKernel.Authorization;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Community.Features.ApproveItem;

/// <summary>
/// 审核通过 (CM-4): a moderator of the item's board publishes a pending thread or reply — with a new
/// <see cref="Body"/> (and, for a thread, <see cref="Title"/>), edit-and-approve: the text goes through the sanitiser and
/// the sensitive-word filter like any post (a blocked word: 400, nothing changed; masked words masked; a hold means
/// nothing here, the moderator is the review) and the old one is kept as a revision. What follows publication (events,
/// mentions, live signals) comes from the threads area's publication notifier; the author is told; the action is
/// recorded.
/// </summary>
[AnySignedInUser]
internal sealed record ApproveItemCommand(Guid ItemId, string? Title, string? Body) : ICommand<ModerationResult>;

internal sealed class ApproveItemValidator : AbstractValidator<ApproveItemCommand>
{
    public ApproveItemValidator()
    {
        RuleFor(c => c.Title).MaximumLength(BoardThread.TitleMaxLength).WithMessage(_ => DomainText.Format("TitleInvalid", BoardThread.TitleMaxLength))
            .Must(CommunityTexts.IsPlainText).WithMessage(_ => DomainText.Get("NoControlCharacters"));
        RuleFor(c => c.Body).MaximumLength(BoardThread.BodyMaxLength).WithMessage(_ => DomainText.Format("BodyTooLong", BoardThread.BodyMaxLength));
    }
}

internal sealed class ApproveItemHandler(
    CommunityDbContext db, ModerationDesk desk, PublicationNotifier publication, ThreadRules rules, CommunityAccess access, IClock clock)
    : ICommandHandler<ApproveItemCommand, ModerationResult>
{
    public async ValueTask<ModerationResult> Handle(ApproveItemCommand command, CancellationToken cancellationToken)
    {
        var item = await desk.ModeratedItemAsync(command.ItemId, cancellationToken);
        if (item.State != PostState.PendingReview)
        {
            throw DomainText.WrongState("OnlyPendingReviewed");
        }

        var now = clock.UtcNow;
        var edited = command.Body is not null || command.Title is not null;
        if (item.Reply is { } reply)
        {
            if (command.Body is not null)
            {
                var screened = await rules.ScreenAsync(null, RichText.Sanitize(command.Body, "body"), [], cancellationToken);
                db.Revisions.Add(reply.Edit(screened.Body, access.UserId, hold: false, now));
            }

            reply.Approve(now);
            await publication.ReplyPublishedAsync(item.Board, item.Thread, reply, cancellationToken);
        }
        else
        {
            var thread = item.Thread;
            if (edited)
            {
                var body = command.Body is null ? new SafeHtml(thread.Body, thread.BodyText) : RichText.Sanitize(command.Body, "body");
                var screened = await rules.ScreenAsync(command.Title ?? thread.Title, body, [], cancellationToken);
                db.Revisions.Add(thread.Edit(screened.Title!, screened.Body, access.UserId, hold: false, now));
            }

            thread.Approve(item.Board, now);
            await publication.ThreadPublishedAsync(item.Board, thread, cancellationToken);
        }

        await desk.RecordAsync(edited ? ModerationActionKind.EditAndApprove : ModerationActionKind.Approve, item, null, "", null, null, cancellationToken);
        desk.Notify(item.AuthorId, ModerationDesk.Text("Notify_ApprovedTitle", item.Board.Name), ModerationDesk.Text("Notify_ApprovedBody", item.Subject),
            ModerationDesk.ThreadLink(item.Thread.Id));
        await db.SaveChangesAsync(cancellationToken);
        if (item.Reply is not null)
        {
            await desk.RecountRepliesAsync(item.Thread.Id, cancellationToken);
        }

        return new ModerationResult(item.Id, item.Thread.Id, PostState.Published);
    }
}

internal static class ApproveItemEndpoint
{
    internal sealed record ApproveCommunityItemBody(string? Title, string? Body);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/moderation/items/{id:guid}/approve", async Task<Ok<ModerationResult>> (Guid id, ApproveCommunityItemBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ApproveItemCommand(id, body.Title, body.Body), ct)))
            .WithName("ApproveCommunityItem")
            .WithSummary("审核通过: publishes a pending thread or reply, optionally with an edited title and body (edit-and-approve) (the board's moderators, CM-4).");
}
