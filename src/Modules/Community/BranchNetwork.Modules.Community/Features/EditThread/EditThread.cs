using BranchNetwork.Modules.Community.Features.Shared;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.SharedKernel.Authorization;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Community.Features.EditThread;

/// <summary>The thread's new title and body.</summary>
internal sealed record EditThreadBody(string Title, string Body);

/// <summary>
/// CM-1 编辑: the author changes their thread's title and body; what was there before is kept as a revision (编辑历史).
/// The new text passes the sanitiser and the moderation rules; a held text goes back to review.
/// </summary>
[AllowedRoles(BankRoles.Staff, BankRoles.SubBranchHead, BankRoles.DepartmentManager, BankRoles.AccountingSupervisor, BankRoles.HeadOfficeSupervisor, BankRoles.TaskAdmin, BankRoles.Moderator)]
[RequestBodyLimit(ThreadRules.MaxPostRequestBytes)]
internal sealed record EditThreadCommand(Guid ThreadId, string Title, string Body) : ICommand<ThreadDetail>;

internal sealed class EditThreadValidator : AbstractValidator<EditThreadCommand>
{
    public EditThreadValidator() =>
        RuleFor(c => c.Title).NotEmpty().WithMessage(_ => DomainText.Format("TitleInvalid", BoardThread.TitleMaxLength))
            .MaximumLength(BoardThread.TitleMaxLength).WithMessage(_ => DomainText.Format("TitleInvalid", BoardThread.TitleMaxLength))
            .Must(CommunityTexts.IsPlainText).WithMessage(_ => DomainText.Get("NoControlCharacters"));
}

internal sealed class EditThreadHandler(CommunityDbContext db, CommunityAccess access, ThreadRules rules, PostingRules posting)
    : ICommandHandler<EditThreadCommand, ThreadDetail>
{
    public async ValueTask<ThreadDetail> Handle(EditThreadCommand command, CancellationToken cancellationToken)
    {
        var (board, thread) = await access.ReadableThreadAsync(command.ThreadId, cancellationToken);
        access.EnsureTakesPart();
        if (thread.AuthorId != rules.Me)
        {
            throw ThreadRules.NotAuthor();
        }

        await posting.EnsureMayPostAsync(board.Id, rules.Me, cancellationToken);
        var body = RichText.Sanitize(command.Body, "body");
        var screened = await rules.ScreenAsync(command.Title, body, [], cancellationToken);
        db.Revisions.Add(thread.Edit(screened.Title!, screened.Body, rules.Me, screened.Hold, rules.Now));
        await db.SaveChangesAsync(cancellationToken);
        return await ThreadViews.ReadDetailAsync(db, rules, board, thread, cancellationToken);
    }
}

internal static class EditThreadEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/threads/{id:guid}", async Task<Ok<ThreadDetail>> (Guid id, EditThreadBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new EditThreadCommand(id, body.Title, body.Body), ct)))
            .WithName("EditCommunityThread")
            .WithSummary("The author edits their thread's title and body; the earlier text is kept in its history (403 for anyone else).");
}
