namespace BranchNetwork.Modules.Community.Domain;

/// <summary>Where a thread or reply is in its life. Only <see cref="Published"/> content is read by members.</summary>
internal enum PostState
{
    /// <summary>Waiting in the review queue of a pre-review board, or held by the sensitive-word filter.</summary>
    PendingReview = 0,
    Published = 1,

    /// <summary>Refused in review, with a reason; only its author (and the board's moderators) read it.</summary>
    Rejected = 2,

    /// <summary>Taken down by a moderator after publication, with a reason.</summary>
    Removed = 3,
}

internal enum ThreadKind
{
    Discussion = 0,

    /// <summary>A question (问答): the asker or a moderator accepts one or more answers.</summary>
    Question = 1,
}

/// <summary>
/// Who wrote a thread or reply. For anonymous content (CM-3) the account is kept for moderation and the auditor, and
/// <see cref="Name"/> is empty: every read model shows <see cref="Pseudonym"/> and nothing else.
/// </summary>
internal sealed record PostAuthor(Guid UserId, string Name, Guid? SubBranchId, string? Pseudonym)
{
    public bool IsAnonymous => Pseudonym is not null;

    public static PostAuthor Named(Guid userId, string name, Guid? subBranchId) => new(userId, name, subBranchId, null);

    public static PostAuthor Anonymous(Guid userId, Guid? subBranchId, string pseudonym) => new(userId, "", subBranchId, pseudonym);
}

/// <summary>
/// 帖子 (CM-1): a thread of a board. Its body is HTML that went through the server's sanitiser; its plain text is kept
/// beside it for search and previews. The thread owns its life: review, publication, edits (each keeping a
/// <see cref="PostRevision"/>), pin and feature, closing and expiry, removal. Counters are moved by the store in one
/// statement each (likes and views come from many readers at once), not through this entity's version.
/// </summary>
internal sealed class BoardThread : Entity
{
    public const int TitleMaxLength = 100;
    public const int BodyMaxLength = 50_000;
    public const int ReasonMaxLength = 500;

    // For EF Core.
    private BoardThread()
    {
        Title = "";
        Body = "";
        BodyText = "";
        AuthorName = "";
    }

    public Guid BoardId { get; private set; }

    public ThreadKind Kind { get; private set; }

    public string Title { get; private set; }

    /// <summary>Sanitised HTML.</summary>
    public string Body { get; private set; }

    /// <summary>The body as plain text (search, previews, notifications).</summary>
    public string BodyText { get; private set; }

    public Guid AuthorId { get; private set; }

    /// <summary>Empty for anonymous content.</summary>
    public string AuthorName { get; private set; }

    public Guid? AuthorSubBranchId { get; private set; }

    /// <summary>匿名用户#4F2A, stable per board and author; null when posted under the author's name.</summary>
    public string? Pseudonym { get; private set; }

    public bool IsAnonymous => Pseudonym is not null;

    public PostState State { get; private set; }

    public string? ModerationReason { get; private set; }

    public bool IsPinned { get; private set; }

    public bool IsFeatured { get; private set; }

    /// <summary>Takes no more replies (closed by a moderator or by expiry).</summary>
    public bool IsClosed { get; private set; }

    /// <summary>Left the lists by expiry (its address still reads it).</summary>
    public bool IsArchived { get; private set; }

    public DateTime? PublishedAtUtc { get; private set; }

    /// <summary>When the board's expiry closes or archives it; null: never.</summary>
    public DateTime? ExpiresAtUtc { get; private set; }

    public DateTime? EditedAtUtc { get; private set; }

    /// <summary>Publication or the latest published reply: orders the board's newest list and marks unread.</summary>
    public DateTime LastActivityAtUtc { get; private set; }

    public int ReplyCount { get; private set; }

    public int LikeCount { get; private set; }

    public int FavouriteCount { get; private set; }

    public int ViewCount { get; private set; }

    /// <summary>Accepted answers of a question thread.</summary>
    public int AcceptedCount { get; private set; }

    /// <summary>The work of another module this thread discusses (CM-2): kind and id, no foreign key.</summary>
    public Contracts.DiscussionSubjectKind? SubjectKind { get; private set; }

    public Guid? SubjectId { get; private set; }

    /// <summary>The thread this one shares (转发 to another board), if any.</summary>
    public Guid? SharedFromThreadId { get; private set; }

    public bool IsQuestion => Kind == ThreadKind.Question;

    public bool IsPublished => State == PostState.Published;

    /// <summary>
    /// Posts a thread: published at once in a post-review board, waiting for a moderator when the board pre-reviews or
    /// the sensitive-word filter held it (<paramref name="hold"/>).
    /// </summary>
    public static BoardThread Post(Board board, ThreadKind kind, string title, SafeHtml body, PostAuthor author, bool hold, DateTime nowUtc)
    {
        board.EnsureOpen();
        if (author.IsAnonymous && !board.AllowsAnonymous)
        {
            throw DomainText.Invalid("anonymous", "AnonymousNotAllowed");
        }

        var thread = new BoardThread
        {
            BoardId = board.Id,
            Kind = kind,
            AuthorId = author.UserId,
            AuthorName = author.Name,
            AuthorSubBranchId = author.SubBranchId,
            Pseudonym = author.Pseudonym,
            State = PostState.PendingReview,
            LastActivityAtUtc = nowUtc,
        };
        thread.SetContent(title, body);
        if (!hold && board.ReviewMode == ReviewMode.PostReview)
        {
            thread.Publish(board, nowUtc);
        }

        return thread;
    }

    /// <summary>Links the thread to the work it discusses (CM-2); set once, when the discussion is opened.</summary>
    public void About(Contracts.DiscussionSubjectKind kind, Guid subjectId)
    {
        SubjectKind = kind;
        SubjectId = subjectId;
    }

    public void SharedFrom(Guid threadId) => SharedFromThreadId = threadId;

    /// <summary>A moderator's approval of a waiting thread (审核通过), perhaps after editing it.</summary>
    public void Approve(Board board, DateTime nowUtc)
    {
        if (State != PostState.PendingReview)
        {
            throw DomainText.WrongState("OnlyPendingReviewed");
        }

        Publish(board, nowUtc);
    }

    public void Reject(string reason)
    {
        if (State != PostState.PendingReview)
        {
            throw DomainText.WrongState("OnlyPendingReviewed");
        }

        // The reason first: a refused reason leaves the thread waiting.
        ModerationReason = Reason(reason);
        State = PostState.Rejected;
    }

    /// <summary>Takes a thread down (删除 by a moderator, e.g. after a report); its replies go with it from every list.</summary>
    public void Remove(string reason)
    {
        if (State is PostState.Removed or PostState.Rejected)
        {
            throw DomainText.WrongState("AlreadyRemoved");
        }

        ModerationReason = Reason(reason);
        State = PostState.Removed;
        IsPinned = false;
    }

    /// <summary>
    /// Changes title and body; returns the revision that keeps what was there before (编辑历史). A published thread stays
    /// published; <paramref name="hold"/> (the filter held the new text) sends it back to review.
    /// </summary>
    public PostRevision Edit(string title, SafeHtml body, Guid editorId, bool hold, DateTime nowUtc)
    {
        if (State is PostState.Removed or PostState.Rejected)
        {
            throw DomainText.WrongState("EditRemoved");
        }

        var revision = PostRevision.Of(this, editorId, nowUtc);
        SetContent(title, body);
        EditedAtUtc = nowUtc;
        if (hold)
        {
            State = PostState.PendingReview;
        }

        return revision;
    }

    public void Pin(bool pinned)
    {
        EnsurePublished();
        IsPinned = pinned;
    }

    public void Feature(bool featured)
    {
        EnsurePublished();
        IsFeatured = featured;
    }

    public void Close() => IsClosed = true;

    public void Reopen()
    {
        if (IsArchived)
        {
            throw DomainText.WrongState("ThreadArchived");
        }

        IsClosed = false;
    }

    /// <summary>The board's content expiry (主题与期限) ran out: close, or close and archive.</summary>
    public void Expire(ExpiryAction action)
    {
        IsClosed = true;
        IsPinned = false;
        IsArchived = action == ExpiryAction.Archive;
        ExpiresAtUtc = null;
    }

    /// <summary>A reply may be added: published, not closed, not expired.</summary>
    public void EnsureTakesReplies(DateTime nowUtc)
    {
        EnsurePublished();
        if (IsClosed || IsArchived || ExpiresAtUtc <= nowUtc)
        {
            throw DomainText.WrongState("ThreadClosed");
        }
    }

    public void EnsurePublished()
    {
        if (State != PostState.Published)
        {
            throw DomainText.WrongState("ThreadNotPublished");
        }
    }

    private void Publish(Board board, DateTime nowUtc)
    {
        State = PostState.Published;
        ModerationReason = null;
        PublishedAtUtc ??= nowUtc;
        ExpiresAtUtc ??= board.ExpiryFor(nowUtc);
        LastActivityAtUtc = nowUtc;
    }

    private void SetContent(string title, SafeHtml body)
    {
        var trimmed = title.Trim();
        if (trimmed.Length is 0 or > TitleMaxLength)
        {
            throw DomainText.Invalid("title", "TitleInvalid", TitleMaxLength);
        }

        Title = trimmed;
        Body = body.Html;
        BodyText = body.Text;
    }

    private static string Reason(string reason)
    {
        var trimmed = reason.Trim();
        if (trimmed.Length is 0 or > ReasonMaxLength)
        {
            throw DomainText.Invalid("reason", "ReasonInvalid", ReasonMaxLength);
        }

        return trimmed;
    }
}

/// <summary>
/// 跟帖 (CM-1): a reply under a thread, perhaps quoting another reply of the same thread. Its author may be anonymous
/// under the same pseudonym they have in the board. In a question thread a reply may be accepted as an answer.
/// </summary>
internal sealed class Reply : Entity
{
    public const int BodyMaxLength = 50_000;

    // For EF Core.
    private Reply()
    {
        Body = "";
        BodyText = "";
        AuthorName = "";
    }

    public Guid ThreadId { get; private set; }

    public Guid BoardId { get; private set; }

    public string Body { get; private set; }

    public string BodyText { get; private set; }

    public Guid AuthorId { get; private set; }

    public string AuthorName { get; private set; }

    public Guid? AuthorSubBranchId { get; private set; }

    public string? Pseudonym { get; private set; }

    public bool IsAnonymous => Pseudonym is not null;

    public Guid? QuotedReplyId { get; private set; }

    public PostState State { get; private set; }

    public string? ModerationReason { get; private set; }

    public bool IsAccepted { get; private set; }

    public int LikeCount { get; private set; }

    public DateTime? PublishedAtUtc { get; private set; }

    public DateTime? EditedAtUtc { get; private set; }

    public static Reply Post(Board board, BoardThread thread, SafeHtml body, PostAuthor author, Reply? quoted, bool hold, DateTime nowUtc)
    {
        thread.EnsureTakesReplies(nowUtc);
        if (author.IsAnonymous && !board.AllowsAnonymous)
        {
            throw DomainText.Invalid("anonymous", "AnonymousNotAllowed");
        }

        if (quoted is not null && (quoted.ThreadId != thread.Id || quoted.State != PostState.Published))
        {
            throw DomainText.Invalid("quotedReplyId", "QuoteNotInThread");
        }

        var reply = new Reply
        {
            ThreadId = thread.Id,
            BoardId = board.Id,
            AuthorId = author.UserId,
            AuthorName = author.Name,
            AuthorSubBranchId = author.SubBranchId,
            Pseudonym = author.Pseudonym,
            QuotedReplyId = quoted?.Id,
            State = PostState.PendingReview,
        };
        reply.SetBody(body);
        if (!hold && board.ReviewMode == ReviewMode.PostReview)
        {
            reply.State = PostState.Published;
            reply.PublishedAtUtc = nowUtc;
        }

        return reply;
    }

    public void Approve(DateTime nowUtc)
    {
        if (State != PostState.PendingReview)
        {
            throw DomainText.WrongState("OnlyPendingReviewed");
        }

        State = PostState.Published;
        ModerationReason = null;
        PublishedAtUtc ??= nowUtc;
    }

    public void Reject(string reason)
    {
        if (State != PostState.PendingReview)
        {
            throw DomainText.WrongState("OnlyPendingReviewed");
        }

        State = PostState.Rejected;
        ModerationReason = reason.Trim();
    }

    public void Remove(string reason)
    {
        if (State is PostState.Removed or PostState.Rejected)
        {
            throw DomainText.WrongState("AlreadyRemoved");
        }

        State = PostState.Removed;
        ModerationReason = reason.Trim();
        IsAccepted = false;
    }

    public PostRevision Edit(SafeHtml body, Guid editorId, bool hold, DateTime nowUtc)
    {
        if (State is PostState.Removed or PostState.Rejected)
        {
            throw DomainText.WrongState("EditRemoved");
        }

        var revision = PostRevision.Of(this, editorId, nowUtc);
        SetBody(body);
        EditedAtUtc = nowUtc;
        if (hold)
        {
            State = PostState.PendingReview;
        }

        return revision;
    }

    /// <summary>Accepts the reply as an answer of its question thread (more than one may be accepted).</summary>
    public void Accept(BoardThread thread)
    {
        if (!thread.IsQuestion)
        {
            throw DomainText.WrongState("NotAQuestion");
        }

        if (State != PostState.Published)
        {
            throw DomainText.WrongState("ThreadNotPublished");
        }

        IsAccepted = true;
    }

    public void Unaccept() => IsAccepted = false;

    private void SetBody(SafeHtml body)
    {
        Body = body.Html;
        BodyText = body.Text;
    }
}

/// <summary>HTML that went through the server's sanitiser, with its plain text (made only by <c>RichText</c>).</summary>
internal sealed record SafeHtml(string Html, string Text);

/// <summary>编辑历史: what a thread or reply said before an edit, and who changed it.</summary>
internal sealed class PostRevision
{
    // For EF Core.
    private PostRevision()
    {
        Body = "";
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid ThreadId { get; private set; }

    /// <summary>Null for a revision of the thread itself.</summary>
    public Guid? ReplyId { get; private set; }

    public string? Title { get; private set; }

    public string Body { get; private set; }

    public Guid EditedById { get; private set; }

    public DateTime EditedAtUtc { get; private set; }

    public static PostRevision Of(BoardThread thread, Guid editorId, DateTime nowUtc) =>
        new() { ThreadId = thread.Id, Title = thread.Title, Body = thread.Body, EditedById = editorId, EditedAtUtc = nowUtc };

    public static PostRevision Of(Reply reply, Guid editorId, DateTime nowUtc) =>
        new() { ThreadId = reply.ThreadId, ReplyId = reply.Id, Body = reply.Body, EditedById = editorId, EditedAtUtc = nowUtc };
}

/// <summary>A tag (标签) of a thread, for filtering a board and search.</summary>
internal sealed class ThreadTag
{
    public const int MaxLength = 20;
    public const int MaxPerThread = 5;

    public ThreadTag(Guid threadId, string tag)
    {
        ThreadId = threadId;
        Tag = tag;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid ThreadId { get; private set; }

    public string Tag { get; private set; }
}

/// <summary>点赞: one per user and thread or reply (the unique key makes a second one a no-op, even at the same instant).</summary>
internal sealed class Like
{
    public Like(Guid threadId, Guid? replyId, Guid userId, DateTime atUtc)
    {
        ThreadId = threadId;
        ReplyId = replyId;
        TargetId = replyId ?? threadId;
        UserId = userId;
        AtUtc = atUtc;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    /// <summary>The reply's id, or the thread's for a like of the thread (one unique key for both).</summary>
    public Guid TargetId { get; private set; }

    public Guid ThreadId { get; private set; }

    public Guid? ReplyId { get; private set; }

    public Guid UserId { get; private set; }

    public DateTime AtUtc { get; private set; }
}

/// <summary>收藏: a thread a user keeps for later.</summary>
internal sealed class Favourite
{
    public Favourite(Guid threadId, Guid userId, DateTime atUtc)
    {
        ThreadId = threadId;
        UserId = userId;
        AtUtc = atUtc;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid ThreadId { get; private set; }

    public Guid UserId { get; private set; }

    public DateTime AtUtc { get; private set; }
}

/// <summary>A reader's view of a thread on a China day: a thread's view count counts each reader once a day.</summary>
internal sealed class ThreadView
{
    public ThreadView(Guid threadId, Guid userId, DateOnly day)
    {
        ThreadId = threadId;
        UserId = userId;
        Day = day;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid ThreadId { get; private set; }

    public Guid UserId { get; private set; }

    public DateOnly Day { get; private set; }
}

/// <summary>
/// A user's pseudonym in a board (CM-3): random, so it cannot be derived from the account by anyone; kept so it stays
/// the same for every post of the user in the board, and so an auditor can resolve it. Never read by any other role.
/// </summary>
internal sealed class Pseudonym
{
    public const int MaxLength = 20;

    public Pseudonym(Guid boardId, Guid userId, string alias)
    {
        BoardId = boardId;
        UserId = userId;
        Alias = alias;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid BoardId { get; private set; }

    public Guid UserId { get; private set; }

    public string Alias { get; private set; }
}
