using BranchNetwork.Infrastructure.Outbox;
using BranchNetwork.Modules.Community.Features.Shared;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.SharedKernel.Authorization;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Community.Features.PostThread;

/// <summary>A new thread: title, rich-text body (sanitised on the server), kind, up to five tags, anonymous where the board allows it, mentions.</summary>
internal sealed record PostThreadBody(
    string Title,
    string Body,
    ThreadKind Kind,
    IReadOnlyList<string>? Tags,
    bool Anonymous,
    IReadOnlyList<Guid>? MentionedUserIds,
    IReadOnlyList<Guid>? MentionedSubBranchIds);

/// <summary>
/// CM-1 发帖: a member who accepted the board's current rules posts a discussion or a question. The body goes through
/// the sanitiser (unsafe HTML refused, nothing stored), title, body and tags through the moderation rules (a ban, the
/// sensitive words); the thread is published at once in a post-review board, or waits for a moderator in a pre-review
/// one (or when the filter held it). Mentions are kept and told on publication.
/// </summary>
[AllowedRoles(BankRoles.Staff, BankRoles.SubBranchHead, BankRoles.DepartmentManager, BankRoles.AccountingSupervisor, BankRoles.HeadOfficeSupervisor, BankRoles.TaskAdmin, BankRoles.Moderator)]
[RequestBodyLimit(ThreadRules.MaxPostRequestBytes)]
internal sealed record PostThreadCommand(
    Guid BoardId,
    string Title,
    string Body,
    ThreadKind Kind,
    IReadOnlyList<string>? Tags,
    bool Anonymous,
    IReadOnlyList<Guid>? MentionedUserIds,
    IReadOnlyList<Guid>? MentionedSubBranchIds) : ICommand<ThreadDetail>;

internal sealed class PostThreadValidator : AbstractValidator<PostThreadCommand>
{
    public PostThreadValidator()
    {
        RuleFor(c => c.Title).NotEmpty().WithMessage(_ => DomainText.Format("TitleInvalid", BoardThread.TitleMaxLength))
            .MaximumLength(BoardThread.TitleMaxLength).WithMessage(_ => DomainText.Format("TitleInvalid", BoardThread.TitleMaxLength))
            .Must(CommunityTexts.IsPlainText).WithMessage(_ => DomainText.Get("NoControlCharacters"));
        RuleFor(c => c.Kind).IsInEnum().WithMessage(_ => DomainText.Get("ThreadKindInvalid"));
        RuleFor(c => c.Tags).Must(t => t is null || t.Count <= 50).WithMessage(_ => DomainText.Format("TagsInvalid", ThreadTag.MaxPerThread, ThreadTag.MaxLength));
    }
}

internal sealed class PostThreadHandler(CommunityDbContext db, CommunityAccess access, ThreadRules rules, PublicationNotifier notifier, OutboxProcessor outbox)
    : ICommandHandler<PostThreadCommand, ThreadDetail>
{
    public async ValueTask<ThreadDetail> Handle(PostThreadCommand command, CancellationToken cancellationToken)
    {
        var board = await access.ReadableBoardAsync(command.BoardId, cancellationToken);
        await rules.EnsureMayPostAsync(board, cancellationToken);
        var body = RichText.Sanitize(command.Body, "body");
        var tags = ThreadRules.Tags(command.Tags);
        var mentions = await rules.MentionsAsync(command.MentionedUserIds, command.MentionedSubBranchIds, cancellationToken);
        var screened = await rules.ScreenAsync(command.Title, body, tags, cancellationToken);
        var author = await rules.AuthorAsync(board, command.Anonymous, cancellationToken);
        var thread = BoardThread.Post(board, command.Kind, screened.Title!, screened.Body, author, screened.Hold, rules.Now);
        db.Threads.Add(thread);
        db.Tags.AddRange(screened.Tags.Distinct(StringComparer.Ordinal).Select(t => new ThreadTag(thread.Id, ThreadRules.Truncate(t, ThreadTag.MaxLength))));
        rules.AddMentions(thread.Id, null, mentions);
        if (thread.IsPublished)
        {
            await notifier.ThreadPublishedAsync(board, thread, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        outbox.Wake();
        return await ThreadViews.ReadDetailAsync(db, rules, board, thread, cancellationToken);
    }
}

internal static class PostThreadEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/boards/{id:guid}/threads", async Task<Created<ThreadDetail>> (Guid id, PostThreadBody body, ISender sender, CancellationToken ct) =>
            {
                var created = await sender.Send(
                    new PostThreadCommand(id, body.Title, body.Body, body.Kind, body.Tags, body.Anonymous, body.MentionedUserIds, body.MentionedSubBranchIds), ct);
                return TypedResults.Created($"/api/community/threads/{created.Id}", created);
            })
            .WithName("PostCommunityThread")
            .WithSummary("发帖: posts a discussion or question in a board whose current rules the caller accepted (409 otherwise); unsafe HTML refused; published at once or waiting for review.");
}
