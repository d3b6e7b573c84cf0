using System.Net;
using BranchNetwork.Infrastructure.Outbox;
using BranchNetwork.Modules.Community.Contracts;
using BranchNetwork.Modules.Community.Features.Shared;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.SharedKernel.Authorization;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Community.Features.ShareThread;

/// <summary>Where to share, with an optional comment (rich text) and anonymity where the target board allows it.</summary>
internal sealed record ShareThreadBody(Guid TargetBoardId, string? Comment, bool Anonymous);

/// <summary>
/// CM-1 转发: shares a published thread to another board as a new thread linking the original (SharedFrom). The caller
/// must read both boards and may post in the target (its rules accepted); the new thread follows the target's review mode.
/// </summary>
[AllowedRoles(BankRoles.Staff, BankRoles.SubBranchHead, BankRoles.DepartmentManager, BankRoles.AccountingSupervisor, BankRoles.HeadOfficeSupervisor, BankRoles.TaskAdmin, BankRoles.Moderator)]
internal sealed record ShareThreadCommand(Guid ThreadId, Guid TargetBoardId, string? Comment, bool Anonymous) : ICommand<ThreadDetail>;

internal sealed class ShareThreadValidator : AbstractValidator<ShareThreadCommand>
{
    public const int CommentMaxLength = 5_000;

    public ShareThreadValidator()
    {
        RuleFor(c => c.Comment).Must(CommunityTexts.IsMultilineText).WithMessage(_ => DomainText.Get("NoControlCharacters"))
            .MaximumLength(CommentMaxLength).WithMessage(_ => DomainText.Format("TextTooLong", CommentMaxLength));
    }
}

internal sealed class ShareThreadHandler(CommunityDbContext db, CommunityAccess access, ThreadRules rules, PublicationNotifier notifier, OutboxProcessor outbox)
    : ICommandHandler<ShareThreadCommand, ThreadDetail>
{
    public async ValueTask<ThreadDetail> Handle(ShareThreadCommand command, CancellationToken cancellationToken)
    {
        var (source, original) = await access.ReadableThreadAsync(command.ThreadId, cancellationToken);
        original.EnsurePublished();
        var target = await access.ReadableBoardAsync(command.TargetBoardId, cancellationToken);
        if (target.Id == source.Id)
        {
            throw DomainText.Invalid("targetBoardId", "ShareSameBoard");
        }

        await rules.EnsureMayPostAsync(target, cancellationToken);
        var link = CommunityLinks.Thread(original.Id);
        var quote = $"<blockquote><p>{WebUtility.HtmlEncode(DomainText.Format("SharedFromText", source.Name))}<a href=\"{link}\">{WebUtility.HtmlEncode(original.Title)}</a></p></blockquote>";
        var comment = string.IsNullOrWhiteSpace(command.Comment) ? null : RichText.Sanitize(command.Comment, "comment");
        var body = RichText.Sanitize((comment?.Html ?? "") + quote, "comment");
        var title = ThreadRules.Truncate(DomainText.Format("SharedTitle", original.Title), BoardThread.TitleMaxLength);
        var screened = await rules.ScreenAsync(title, body, [], cancellationToken);
        var author = await rules.AuthorAsync(target, command.Anonymous, cancellationToken);
        var thread = BoardThread.Post(target, ThreadKind.Discussion, screened.Title!, screened.Body, author, screened.Hold, rules.Now);
        thread.SharedFrom(original.Id);
        db.Threads.Add(thread);
        if (thread.IsPublished)
        {
            await notifier.ThreadPublishedAsync(target, thread, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        outbox.Wake();
        return await ThreadViews.ReadDetailAsync(db, rules, target, thread, cancellationToken);
    }
}

internal static class ShareThreadEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/threads/{id:guid}/share", async Task<Created<ThreadDetail>> (Guid id, ShareThreadBody body, ISender sender, CancellationToken ct) =>
            {
                var created = await sender.Send(new ShareThreadCommand(id, body.TargetBoardId, body.Comment, body.Anonymous), ct);
                return TypedResults.Created($"/api/community/threads/{created.Id}", created);
            })
            .WithName("ShareCommunityThread")
            .WithSummary("转发: shares a published thread to another board the caller reads and posts in, as a new thread linking the original.");
}
