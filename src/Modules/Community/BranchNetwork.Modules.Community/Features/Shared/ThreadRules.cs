using BranchNetwork.Infrastructure.Persistence;
using BranchNetwork.Modules.Identity.Contracts;

namespace BranchNetwork.Modules.Community.Features.Shared;

/// <summary>
/// What every write of the threads and boards areas checks (CM-1): the caller takes part in the community, the board is
/// open, a member accepted the board's current rules (入群须知) before posting, the moderation rules (a ban, the
/// sensitive-word screen) let the post through; how the author is shown (a name, or the board's pseudonym); which
/// mentions and tags are valid. Owned by the threads area.
/// </summary>
internal sealed class ThreadRules(
    CommunityDbContext db, CommunityAccess access, IOrganisationDirectory directory, PostingRules posting, Pseudonyms pseudonyms, ICurrentUser user, IClock clock)
{
    /// <summary>A post's request: 50,000 characters of rich text (up to 3 bytes each in UTF-8, more when escaped) with its title and tags.</summary>
    public const long MaxPostRequestBytes = 512 * 1024;

    public CommunityAccess Access => access;

    public Guid Me => access.UserId;

    /// <summary>The auditor reads only; the system and security administrators take no part (三员分立).</summary>
    public bool TakesPart => !user.IsInRole(BankRoles.Auditor) && !user.IsInRole(BankRoles.SystemAdmin) && !user.IsInRole(BankRoles.SecurityAdmin);

    public Task<BoardMember?> MembershipAsync(Guid boardId, CancellationToken ct)
    {
        var me = Me;
        return db.Members.FirstOrDefaultAsync(m => m.BoardId == boardId && m.UserId == me, ct);
    }

    /// <summary>
    /// The caller may post in the board now: takes part, the board is open, the current rules accepted (the board's
    /// moderators wrote them and need not), not banned (403 with the ban's end, from the moderation rules).
    /// </summary>
    public async Task EnsureMayPostAsync(Board board, CancellationToken ct)
    {
        access.EnsureTakesPart();
        board.EnsureOpen();
        if (!board.IsModerator(Me))
        {
            var member = await MembershipAsync(board.Id, ct);
            if (member is null || !member.HasAccepted(board))
            {
                throw new ConflictException(
                    member is { AcceptedRulesVersion: > 0 } ? "community.rules_changed" : "community.rules_not_accepted",
                    DomainText.Get(member is { AcceptedRulesVersion: > 0 } ? "RulesChanged" : "RulesNotAccepted"));
            }
        }

        await posting.EnsureMayPostAsync(board.Id, Me, ct);
    }

    /// <summary>The author of a new post: the caller's name, or their stable pseudonym in the board (CM-3).</summary>
    public async Task<PostAuthor> AuthorAsync(Board board, bool anonymous, CancellationToken ct)
    {
        var subBranch = await access.OwnSubBranchAsync(ct);
        if (!anonymous)
        {
            return PostAuthor.Named(Me, Truncate(await access.DisplayNameAsync(ct), BoardModerator.NameMaxLength), subBranch);
        }

        if (!board.AllowsAnonymous)
        {
            throw DomainText.Invalid("anonymous", "AnonymousNotAllowed");
        }

        return PostAuthor.Anonymous(Me, subBranch, await pseudonyms.ForAsync(board.Id, Me, ct));
    }

    /// <summary>Tags trimmed (a leading # dropped), distinct, at most five of at most twenty characters; 400 on <c>tags</c> otherwise.</summary>
    public static IReadOnlyList<string> Tags(IReadOnlyList<string>? tags)
    {
        var clean = (tags ?? []).Select(t => (t ?? "").Trim().TrimStart('#', '＃').Trim()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (clean.Count > ThreadTag.MaxPerThread || clean.Exists(t => t.Length > ThreadTag.MaxLength || !CommunityTexts.IsPlainText(t)))
        {
            throw DomainText.Invalid("tags", "TagsInvalid", ThreadTag.MaxPerThread, ThreadTag.MaxLength);
        }

        return clean;
    }

    /// <summary>
    /// The people and sub-branches a post mentions, checked: people who exist and are active (at most 20), sub-branches of
    /// the organisation (at most 10); 400 on <c>mentionedUserIds</c> / <c>mentionedSubBranchIds</c> otherwise.
    /// </summary>
    public async Task<(IReadOnlyList<Guid> Users, IReadOnlyList<Guid> SubBranches)> MentionsAsync(
        IReadOnlyList<Guid>? userIds, IReadOnlyList<Guid>? subBranchIds, CancellationToken ct)
    {
        var users = (userIds ?? []).Distinct().ToList();
        var units = (subBranchIds ?? []).Distinct().ToList();
        if (users.Count > PostMention.MaxUsersPerPost)
        {
            throw DomainText.Invalid("mentionedUserIds", "MentionsTooMany", PostMention.MaxUsersPerPost);
        }

        if (units.Count > PostMention.MaxSubBranchesPerPost)
        {
            throw DomainText.Invalid("mentionedSubBranchIds", "MentionsTooMany", PostMention.MaxSubBranchesPerPost);
        }

        foreach (var id in users)
        {
            if (await directory.FindUserAsync(id, ct) is not { IsActive: true })
            {
                throw DomainText.Invalid("mentionedUserIds", "MentionUnknown");
            }
        }

        if (units.Count > 0)
        {
            var subBranches = (await directory.ListSubBranchesAsync(ct)).Select(s => s.Id).ToHashSet();
            if (units.Exists(u => !subBranches.Contains(u)))
            {
                throw DomainText.Invalid("mentionedSubBranchIds", "MentionUnknown");
            }
        }

        return (users, units);
    }

    /// <summary>Adds the post's mentions to the save.</summary>
    public void AddMentions(Guid threadId, Guid? replyId, (IReadOnlyList<Guid> Users, IReadOnlyList<Guid> SubBranches) mentions)
    {
        db.Mentions.AddRange(mentions.Users.Where(u => u != Me).Select(u => PostMention.OfUser(threadId, replyId, u)));
        db.Mentions.AddRange(mentions.SubBranches.Select(s => PostMention.OfSubBranch(threadId, replyId, s)));
    }

    /// <summary>Screens title, body and tags; returns them masked (body re-read as text) and whether the post is held.</summary>
    public async Task<(string? Title, SafeHtml Body, IReadOnlyList<string> Tags, bool Hold)> ScreenAsync(string? title, SafeHtml body, IReadOnlyList<string> tags, CancellationToken ct)
    {
        var fields = new List<(string Field, string Text)>();
        if (title is not null)
        {
            fields.Add(("title", title));
        }

        fields.Add(("body", body.Html));
        fields.AddRange(tags.Select(t => ("tags", t)));
        var screened = await posting.ScreenAsync(fields, ct);
        var n = 0;
        var screenedTitle = title is null ? null : screened.Texts[n++];
        var html = screened.Texts[n++];
        var screenedBody = string.Equals(html, body.Html, StringComparison.Ordinal) ? body : new SafeHtml(html, RichText.PlainText(html));
        return (screenedTitle, screenedBody, [.. screened.Texts.Skip(n)], screened.Hold);
    }

    /// <summary>Saves in one transaction with the counter statements <paramref name="after"/> runs, so a count never moves without its row.</summary>
    public async Task SaveAsync(Func<Task>? after, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        if (after is not null)
        {
            await after();
        }

        await transaction.CommitAsync(ct);
    }

    /// <summary>Adds a row whose unique key may already hold (a like, a favourite, a view): true when it was new.</summary>
    public async Task<bool> AddOnceAsync<T>(T row, Func<Task> counter, CancellationToken ct)
        where T : class
    {
        db.Add(row);
        try
        {
            await SaveAsync(counter, ct);
            return true;
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            // Two taps at the same instant: one row stands, which is what was asked.
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>
    /// A reply the caller may read, with its thread and board: published, or their own waiting or refused one, or a
    /// waiting one in a board they moderate; 404 <c>community.reply_not_found</c> otherwise.
    /// </summary>
    public async Task<(Board Board, BoardThread Thread, Reply Reply)> ReadableReplyAsync(Guid replyId, CancellationToken ct)
    {
        var reply = await db.Replies.FirstOrDefaultAsync(r => r.Id == replyId, ct) ?? throw ReplyNotFound();
        var (board, thread) = await access.ReadableThreadAsync(reply.ThreadId, ct);
        var readable = reply.State == PostState.Published
            || (reply.AuthorId == Me && reply.State is PostState.PendingReview or PostState.Rejected)
            || (reply.State == PostState.PendingReview && (board.IsModerator(Me) || access.IsAuditor));
        return readable ? (board, thread, reply) : throw ReplyNotFound();
    }

    public static NotFoundException ReplyNotFound() => new("community.reply_not_found", DomainText.Get("ReplyNotFound"));

    public DateTime Now => clock.UtcNow;

    public static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];

    /// <summary>403 <c>community.not_author</c>: only the author edits a post.</summary>
    public static ForbiddenException NotAuthor() => new("community.not_author", DomainText.Get("NotAuthor"));
}
