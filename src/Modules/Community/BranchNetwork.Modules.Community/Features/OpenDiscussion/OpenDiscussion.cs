using BranchNetwork.Infrastructure.Outbox;
using BranchNetwork.Infrastructure.Persistence;
using BranchNetwork.Modules.Assessment.Contracts;
using BranchNetwork.Modules.Community.Contracts;
using BranchNetwork.Modules.Community.Features.Shared;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Tasks.Contracts;
using BranchNetwork.SharedKernel.Authorization;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Community.Features.OpenDiscussion;

/// <summary>The discussion thread of a subject and whether this call started it.</summary>
internal sealed record DiscussionOpened(Guid ThreadId, Guid BoardId, string Title, bool Created);

/// <summary>
/// CM-2 全员点评: the discussion thread of a published (or closed) assessment's results or of an excellent work plan,
/// started on first use — one per subject, also when two people open it at the same instant (the unique key on the
/// subject keeps the first) — in the whole-branch board 全员点评 (made on first use too, moderated by the community's
/// moderators). The subject is checked through the other module's contracts: missing, a draft, or a plan not marked
/// excellent is 404. The auditor writes nothing, so opens none (403, the platform's read-only rule); the system and
/// security administrators are given a started discussion but start none (403).
/// </summary>
[AnySignedInUser]
internal sealed record OpenDiscussionCommand(string Kind, Guid SubjectId) : ICommand<DiscussionOpened>;

internal sealed class OpenDiscussionHandler(
    CommunityDbContext db, CommunityAccess access, IDiscussableResults results, IExcellentPlans plans, IOrganisationDirectory directory,
    PublicationNotifier notifier, OutboxProcessor outbox, IClock clock)
    : ICommandHandler<OpenDiscussionCommand, DiscussionOpened>
{
    public async ValueTask<DiscussionOpened> Handle(OpenDiscussionCommand command, CancellationToken cancellationToken)
    {
        var kind = ParseKind(command.Kind);
        if (await ExistingAsync(kind, command.SubjectId, cancellationToken) is { } existing)
        {
            return existing;
        }

        var (title, body) = await SubjectAsync(kind, command.SubjectId, cancellationToken);
        access.EnsureTakesPart();
        var board = await BoardAsync(cancellationToken);
        var name = await access.DisplayNameAsync(cancellationToken);
        var thread = BoardThread.Post(
            board, ThreadKind.Discussion, title, RichText.Sanitize(body), PostAuthor.Named(access.UserId, name, await access.OwnSubBranchAsync(cancellationToken)),
            hold: false, clock.UtcNow);
        thread.About(kind, command.SubjectId);
        db.Threads.Add(thread);
        db.DiscussionLinks.Add(new DiscussionLink(kind, command.SubjectId, thread.Id));
        await notifier.ThreadPublishedAsync(board, thread, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            // Someone opened it a moment ago: theirs is the discussion.
            db.ChangeTracker.Clear();
            return await ExistingAsync(kind, command.SubjectId, cancellationToken) ?? throw new ConflictException("community.discussion_conflict", e.Message);
        }

        outbox.Wake();
        return new DiscussionOpened(thread.Id, board.Id, thread.Title, true);
    }

    private static DiscussionSubjectKind ParseKind(string text) =>
        Enum.TryParse<DiscussionSubjectKind>(text, ignoreCase: true, out var kind) && Enum.IsDefined(kind) && !char.IsDigit(text[0]) && text[0] != '-'
            && kind != DiscussionSubjectKind.Idea
            ? kind
            : throw SubjectNotFound();

    private async Task<DiscussionOpened?> ExistingAsync(DiscussionSubjectKind kind, Guid subjectId, CancellationToken ct)
    {
        var link = await db.DiscussionLinks.AsNoTracking().FirstOrDefaultAsync(l => l.SubjectKind == kind && l.SubjectId == subjectId, ct);
        if (link is null)
        {
            return null;
        }

        var (board, thread) = await access.ReadableThreadAsync(link.ThreadId, ct);
        return new DiscussionOpened(thread.Id, board.Id, thread.Title, false);
    }

    /// <summary>The title and opening text of the discussion, from the other module's contract (404 when it may not be discussed).</summary>
    private async Task<(string Title, string Body)> SubjectAsync(DiscussionSubjectKind kind, Guid subjectId, CancellationToken ct)
    {
        switch (kind)
        {
            case DiscussionSubjectKind.AssessmentResults when await results.FindAsync(subjectId, ct) is { } scheme:
                return (Cut(DomainText.Format("Discussion_ResultsTitle", scheme.Name)),
                    $"<p>{System.Net.WebUtility.HtmlEncode(DomainText.Format("Discussion_ResultsBody", scheme.Name))}</p>");
            case DiscussionSubjectKind.ExcellentPlan when await plans.FindAsync(subjectId, ct) is { } plan:
                return (Cut(DomainText.Format("Discussion_PlanTitle", plan.SubBranchName, plan.SchemeName)),
                    $"<p>{System.Net.WebUtility.HtmlEncode(DomainText.Format("Discussion_PlanBody", plan.SubBranchName, plan.SchemeName))}</p>");
            default:
                throw SubjectNotFound();
        }
    }

    private static string Cut(string title) => title.Length <= BoardThread.TitleMaxLength ? title : title[..(BoardThread.TitleMaxLength - 1)] + "…";

    /// <summary>The whole-branch board 全员点评, made the first time (by a race, once: the unique key on its system key).</summary>
    private async Task<Board> BoardAsync(CancellationToken ct)
    {
        var id = await db.SystemBoards.AsNoTracking().Where(s => s.Key == SystemBoard.Discussions).Select(s => (Guid?)s.BoardId).FirstOrDefaultAsync(ct);
        if (id is { } known)
        {
            return await db.Boards.Include(b => b.Moderators).FirstAsync(b => b.Id == known, ct);
        }

        var moderatorIds = await directory.ListActiveUserIdsAsync(null, BankRoles.Moderator, ct);
        var names = await directory.GetDisplayNamesAsync([.. moderatorIds.Take(Board.MaxModerators).Append(access.UserId)], ct);
        var first = moderatorIds.Count > 0 ? moderatorIds[0] : access.UserId;
        var board = Board.Create(
            new BoardSettings(
                DomainText.Get("Discussion_BoardName"), DomainText.Get("Discussion_BoardDescription"), DomainText.Get("Discussion_BoardRules"),
                DomainText.Get("Discussion_BoardWelcome"), BoardAudienceKind.WholeBranch, null, ReviewMode.PostReview, false, null, ExpiryAction.Close),
            first, names.GetValueOrDefault(first, ""));
        foreach (var moderator in moderatorIds.Skip(1).Take(Board.MaxModerators - 1))
        {
            board.AddModerator(moderator, names.GetValueOrDefault(moderator, ""));
        }

        db.Boards.Add(board);
        db.SystemBoards.Add(new SystemBoard(SystemBoard.Discussions, board.Id));
        try
        {
            await db.SaveChangesAsync(ct);
            return board;
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            var theirs = await db.SystemBoards.AsNoTracking().Where(s => s.Key == SystemBoard.Discussions).Select(s => s.BoardId).FirstAsync(ct);
            return await db.Boards.Include(b => b.Moderators).FirstAsync(b => b.Id == theirs, ct);
        }
    }

    private static NotFoundException SubjectNotFound() => new("community.subject_not_found", DomainText.Get("DiscussionSubjectNotFound"));
}

internal static class OpenDiscussionEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/discussions/{kind}/{subjectId:guid}", async Task<Ok<DiscussionOpened>> (string kind, Guid subjectId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new OpenDiscussionCommand(kind, subjectId), ct)))
            .WithName("OpenCommunityDiscussion")
            .WithSummary("全员点评: the discussion thread of published results (AssessmentResults) or an excellent plan (ExcellentPlan), started on first use.");
}
