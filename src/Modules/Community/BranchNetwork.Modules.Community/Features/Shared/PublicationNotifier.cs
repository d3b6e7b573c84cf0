using BranchNetwork.Infrastructure.Outbox;
using BranchNetwork.Modules.Community.Contracts;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Notifications.Contracts;

namespace BranchNetwork.Modules.Community.Features.Shared;

/// <summary>
/// What follows when a thread or reply becomes visible — on posting in a post-review board, on a moderator's approval
/// in a pre-review one: the integration event (CM-1 countable acts), notifications to the people it mentions and to the
/// thread's author for a reply, and the live signal to open pages. Adds to the caller's save (the outbox), never saves;
/// the one exception is a published reply's count and the thread's last activity, moved in one statement at once
/// (inside the caller's transaction when there is one) so concurrent replies never conflict on the thread's version.
/// Mentioned people are told only when they may read the board (ORG-3); a sub-branch mention tells that sub-branch's
/// heads (SubBranchHead). Texts name an anonymous author by the pseudonym only (CM-3). Owned by the threads area.
/// </summary>
internal sealed class PublicationNotifier(CommunityDbContext db, IOrganisationDirectory directory, IClock clock)
{
    public const string NotificationKind = "community";

    /// <summary>The live topic an open thread page listens for (new replies, likes, changes).</summary>
    public static string Topic(Guid threadId) => $"community:thread:{threadId}";

    public static LocalizedText Text(string key, params string[] args) => LocalizedText.Of($"{CommunityModule.TextPrefix}:{key}", args);

    public async Task ThreadPublishedAsync(Board board, BoardThread thread, CancellationToken ct)
    {
        var now = clock.UtcNow;
        db.AddIntegrationEvent(new CommunityThreadPublished(
            Guid.CreateVersion7(), now, thread.Id, board.Id, thread.AuthorId, thread.AuthorSubBranchId, thread.IsAnonymous, thread.IsQuestion));
        var author = AuthorDto.Of(thread).Name;
        await NotifyMentionsAsync(board, thread, null, thread.AuthorId, author, ct);
    }

    public async Task ReplyPublishedAsync(Board board, BoardThread thread, Reply reply, CancellationToken ct)
    {
        var now = clock.UtcNow;
        db.AddIntegrationEvent(new CommunityReplyPublished(
            Guid.CreateVersion7(), now, reply.Id, thread.Id, board.Id, reply.AuthorId, reply.AuthorSubBranchId, reply.IsAnonymous));
        var author = AuthorDto.Of(reply).Name;
        var told = await NotifyMentionsAsync(board, thread, reply.Id, reply.AuthorId, author, ct);
        if (thread.AuthorId != reply.AuthorId && !told.Contains(thread.AuthorId))
        {
            Notify([thread.AuthorId], Text("Notify_ReplyTitle", author, thread.Title), Text("Notify_Body", ThreadViews.Excerpt(reply.BodyText)), thread.Id);
        }

        await db.Threads.Where(t => t.Id == thread.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ReplyCount, t => t.ReplyCount + 1).SetProperty(t => t.LastActivityAtUtc, now), ct);
        await SignalAsync(board, thread.Id, ct);
    }

    /// <summary>A live nudge to every open page of the thread in the board's audience and to its moderators (new reply, likes, a change).</summary>
    public async Task SignalAsync(Board board, Guid threadId, CancellationToken ct)
    {
        var now = clock.UtcNow;
        var unit = board.AudienceUnitId ?? (await directory.ListSubBranchesAsync(ct)).Select(s => s.ParentId).FirstOrDefault(p => p is not null);
        if (unit is { } audience)
        {
            db.AddIntegrationEvent(new LiveSignalRequested(Guid.CreateVersion7(), now, audience, Topic(threadId)));
        }

        foreach (var moderator in board.Moderators.Select(m => m.UserId).Distinct())
        {
            db.AddIntegrationEvent(new UserLiveSignalRequested(Guid.CreateVersion7(), now, moderator, Topic(threadId)));
        }
    }

    /// <summary>Tells the people (and the heads of the sub-branches) the post mentions, when they may read the board; returns who was told.</summary>
    private async Task<HashSet<Guid>> NotifyMentionsAsync(Board board, BoardThread thread, Guid? replyId, Guid authorId, string authorShown, CancellationToken ct)
    {
        var saved = await db.Mentions.AsNoTracking().Where(m => m.ThreadId == thread.Id && m.ReplyId == replyId).ToListAsync(ct);
        var pending = db.ChangeTracker.Entries<PostMention>().Where(e => e.State == EntityState.Added && e.Entity.ThreadId == thread.Id && e.Entity.ReplyId == replyId).Select(e => e.Entity);
        var mentions = saved.Concat(pending).ToList();
        var people = mentions.Where(m => m.UserId is not null).Select(m => m.UserId!.Value).Distinct().ToList();
        var subBranches = mentions.Where(m => m.SubBranchId is not null).Select(m => m.SubBranchId!.Value).Distinct().ToList();
        var told = new HashSet<Guid>();
        if (people.Count == 0 && subBranches.Count == 0)
        {
            return told;
        }

        var audience = board.AudienceUnitId is { } unit ? (await directory.GetUnitAndDescendantsAsync(unit, ct)).ToHashSet() : null;
        async Task<bool> ReadsAsync(Guid userId)
        {
            if (userId == authorId)
            {
                return false;
            }

            if (board.IsModerator(userId))
            {
                return true;
            }

            var user = await directory.FindUserAsync(userId, ct);
            return user is { IsActive: true } && (audience is null || audience.Contains(user.UnitId))
                && !user.Roles.Any(r => r is BankRoles.SystemAdmin or BankRoles.SecurityAdmin);
        }

        var body = Text("Notify_Body", thread.Title);
        var mentioned = new List<Guid>();
        foreach (var person in people)
        {
            if (await ReadsAsync(person))
            {
                mentioned.Add(person);
            }
        }

        if (mentioned.Count > 0)
        {
            Notify(mentioned, Text("Notify_MentionedTitle", authorShown, thread.Title), body, thread.Id);
            told.UnionWith(mentioned);
        }

        foreach (var subBranch in subBranches)
        {
            var heads = new List<Guid>();
            foreach (var head in await directory.ListActiveUserIdsAsync(subBranch, BankRoles.SubBranchHead, ct))
            {
                if (!told.Contains(head) && await ReadsAsync(head))
                {
                    heads.Add(head);
                }
            }

            if (heads.Count > 0)
            {
                var name = (await directory.FindUnitAsync(subBranch, ct))?.Name ?? "";
                Notify(heads, Text("Notify_SubBranchMentionedTitle", authorShown, name, thread.Title), body, thread.Id);
                told.UnionWith(heads);
            }
        }

        return told;
    }

    private void Notify(IReadOnlyList<Guid> recipients, LocalizedText title, LocalizedText body, Guid threadId) =>
        db.AddIntegrationEvent(new NotificationsRequested(
            Guid.CreateVersion7(), clock.UtcNow, NotificationKind, [new NotificationItem(recipients, title, body, CommunityLinks.Thread(threadId))]));
}
