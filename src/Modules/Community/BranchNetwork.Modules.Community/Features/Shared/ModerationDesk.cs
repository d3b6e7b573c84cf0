using BranchNetwork.Infrastructure.Outbox;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Notifications.Contracts;

namespace BranchNetwork.Modules.Community.Features.Shared;

/// <summary>What a moderation decision left: the item and its state.</summary>
internal sealed record ModerationResult(Guid ItemId, Guid ThreadId, PostState State);

/// <summary>A thread or reply a moderator acts on (by the item's id: threads and replies share no ids), with its board.</summary>
internal sealed record ModeratedItem(Board Board, BoardThread Thread, Reply? Reply)
{
    public Guid Id => Reply?.Id ?? Thread.Id;

    public Guid AuthorId => Reply?.AuthorId ?? Thread.AuthorId;

    public bool IsAnonymous => Reply?.IsAnonymous ?? Thread.IsAnonymous;

    public PostState State => Reply?.State ?? Thread.State;

    /// <summary>The author as every reader sees them: the pseudonym for anonymous content.</summary>
    public string AuthorShown => AuthorDto.Of(Reply is { } r ? r.AuthorId : Thread.AuthorId, Reply?.AuthorName ?? Thread.AuthorName, Reply is { } p ? p.Pseudonym : Thread.Pseudonym).Name;

    /// <summary>What the record and notifications call the item: the thread's title, or a reply's first words.</summary>
    public string Subject => Reply is { } r ? ModerationDesk.Snippet(r.BodyText) : Thread.Title;
}

/// <summary>
/// What the moderation slices share (CM-4): finding an item a moderator acts on (404 when the caller cannot read it,
/// 403 <c>community.not_moderator</c> outside their boards), the moderation record, telling the author, and keeping a
/// thread's reply count right after a reply is approved or removed.
/// </summary>
internal sealed class ModerationDesk(CommunityDbContext db, CommunityAccess access, IClock clock)
{
    public const string NotificationKind = "community";

    public static LocalizedText Text(string key, params string[] args) => LocalizedText.Of($"{CommunityModule.TextPrefix}:{key}", args);

    public static string ThreadLink(Guid threadId) => $"/community/threads/{threadId}";

    public static string Snippet(string text) => text.Length <= 40 ? text : text[..40] + "…";

    /// <summary>The item the caller reads (404 otherwise), tracked for a change.</summary>
    public async Task<ModeratedItem> ReadableItemAsync(Guid itemId, CancellationToken ct)
    {
        var reply = await db.Replies.FirstOrDefaultAsync(r => r.Id == itemId, ct);
        var thread = reply is null
            ? await db.Threads.FirstOrDefaultAsync(t => t.Id == itemId, ct)
            : await db.Threads.FirstOrDefaultAsync(t => t.Id == reply.ThreadId, ct);
        if (thread is null)
        {
            throw CommunityAccess.ThreadNotFound();
        }

        var board = await db.Boards.Include(b => b.Moderators).FirstAsync(b => b.Id == thread.BoardId, ct);
        if (!await access.CanReadAsync(board, ct))
        {
            throw CommunityAccess.ThreadNotFound();
        }

        var me = access.UserId;
        var moderates = board.IsModerator(me);
        var visible = moderates || access.IsAuditor
            || (thread.IsPublished && (reply is null || reply.State == PostState.Published))
            || (reply is null ? thread.AuthorId == me : reply.AuthorId == me);
        if (!visible)
        {
            throw CommunityAccess.ThreadNotFound();
        }

        return new ModeratedItem(board, thread, reply);
    }

    /// <summary>The item, when the caller moderates its board (404 when they cannot read it, 403 when they only read it).</summary>
    public async Task<ModeratedItem> ModeratedItemAsync(Guid itemId, CancellationToken ct)
    {
        var item = await ReadableItemAsync(itemId, ct);
        access.EnsureModerates(item.Board);
        return item;
    }

    public async Task RecordAsync(ModerationActionKind kind, ModeratedItem? item, Guid? boardId, string subject, string? targetName, string? reason, CancellationToken ct)
    {
        var name = await access.DisplayNameAsync(ct);
        db.ModerationActions.Add(ModerationAction.Of(kind, item?.Board.Id ?? boardId, item?.Thread.Id, item?.Reply?.Id, item?.Subject ?? subject,
            targetName ?? item?.AuthorShown, reason, access.UserId, name, clock.UtcNow));
    }

    /// <summary>Tells one user (the author, the sanctioned account) in their inbox; the text never names anyone else.</summary>
    public void Notify(Guid userId, LocalizedText title, LocalizedText body, string? link) =>
        db.AddIntegrationEvent(new NotificationsRequested(Guid.CreateVersion7(), clock.UtcNow, NotificationKind,
            [new NotificationItem([userId], title, body, link)]));

    /// <summary>Sets the thread's reply count to its published replies (after the save: an approval adds one, a removal takes one).</summary>
    public Task RecountRepliesAsync(Guid threadId, CancellationToken ct) =>
        db.Threads.Where(t => t.Id == threadId)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ReplyCount, t => db.Replies.Count(r => r.ThreadId == t.Id && r.State == PostState.Published)), ct);

    /// <summary>Takes the item down, closes its open reports as removed, tells the author and records it (the caller saves).</summary>
    public async Task RemoveAsync(ModeratedItem item, string reason, CancellationToken ct)
    {
        if (item.Reply is { } reply)
        {
            reply.Remove(reason);
        }
        else
        {
            item.Thread.Remove(reason);
        }

        var now = clock.UtcNow;
        var open = await db.Reports.Where(r => r.OpenTargetId == item.Id).ToListAsync(ct);
        foreach (var report in open)
        {
            report.Resolve(ReportState.Removed, access.UserId, now);
        }

        await RecordAsync(ModerationActionKind.Remove, item, null, "", null, reason, ct);
        Notify(item.AuthorId, Text("Notify_RemovedTitle", item.Board.Name), Text("Notify_RemovedBody", item.Subject, reason), ThreadLink(item.Thread.Id));
    }

    /// <summary>The reason a moderator gives: required, at most 500 characters.</summary>
    public static string Reason(string? reason)
    {
        var trimmed = reason?.Trim() ?? "";
        if (trimmed.Length is 0 or > Sanction.ReasonMaxLength)
        {
            throw DomainText.Invalid("reason", "ReasonInvalid", Sanction.ReasonMaxLength);
        }

        return trimmed;
    }

    public bool IsCommunityModerator => access.User.IsInRole(BankRoles.Moderator);
}
