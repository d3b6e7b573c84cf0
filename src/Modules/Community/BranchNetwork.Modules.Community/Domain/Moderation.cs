namespace BranchNetwork.Modules.Community.Domain;

/// <summary>What a sensitive word (敏感词) does to a text that contains it (CM-4).</summary>
internal enum SensitiveWordAction
{
    /// <summary>The text is refused (400 naming the field); nothing is stored.</summary>
    Block = 0,

    /// <summary>The text is stored but waits in the review queue (PendingReview).</summary>
    Hold = 1,

    /// <summary>The text is stored with the word's characters replaced by ＊.</summary>
    Mask = 2,
}

/// <summary>
/// 敏感词 (CM-4): a word of the community's list, managed by users with the Moderator role. The word is kept as typed;
/// matching compares its normalised form (NFKC, lower case, letters and digits only — see <c>SensitiveWordMatcher</c>),
/// which is unique, so 违规 and 违 规 are one entry.
/// </summary>
internal sealed class SensitiveWord : Entity
{
    public const int MaxLength = 30;
    public const int MaxWords = 2_000;

    // For EF Core.
    private SensitiveWord()
    {
        Word = "";
        Normalized = "";
    }

    public string Word { get; private set; }

    /// <summary>The form matching compares (unique).</summary>
    public string Normalized { get; private set; }

    public SensitiveWordAction Action { get; private set; }

    public Guid ChangedById { get; private set; }

    public static SensitiveWord Create(string word, string normalized, SensitiveWordAction action, Guid byId)
    {
        var entry = new SensitiveWord();
        entry.Change(word, normalized, action, byId);
        return entry;
    }

    public void Change(string word, string normalized, SensitiveWordAction action, Guid byId)
    {
        var trimmed = word.Trim();
        if (trimmed.Length is 0 or > MaxLength || normalized.Length == 0)
        {
            throw DomainText.Invalid("word", "SensitiveWordInvalid", MaxLength);
        }

        if (!Enum.IsDefined(action))
        {
            throw DomainText.Invalid("action", "SensitiveWordActionInvalid");
        }

        Word = trimmed;
        Normalized = normalized;
        Action = action;
        ChangedById = byId;
    }
}

internal enum SanctionKind
{
    /// <summary>警告: a recorded warning, the user is told; posting stays allowed.</summary>
    Warning = 0,

    /// <summary>移出: no posts, replies, likes or votes in the board (or the community) until it ends or is lifted.</summary>
    Ban = 1,
}

/// <summary>
/// A warning or ban (警告 / 移出) of a user from one board or (<see cref="BoardId"/> null) the whole community, for a
/// duration, with a reason (CM-4). Given on a thread or reply: for anonymous content the account is the hidden author
/// and <see cref="TargetName"/> is the pseudonym, so no list ever shows who it is.
/// </summary>
internal sealed class Sanction : Entity
{
    public const int ReasonMaxLength = 500;
    public const int MaxDays = 3_650;

    // For EF Core.
    private Sanction()
    {
        Reason = "";
        TargetName = "";
        ByName = "";
    }

    public SanctionKind Kind { get; private set; }

    /// <summary>The sanctioned account (never read into a moderator's answer when <see cref="IsAnonymous"/>).</summary>
    public Guid UserId { get; private set; }

    /// <summary>What lists show: the user's name, or the pseudonym for anonymous content.</summary>
    public string TargetName { get; private set; }

    public bool IsAnonymous { get; private set; }

    /// <summary>Null: the whole community.</summary>
    public Guid? BoardId { get; private set; }

    public Guid? ThreadId { get; private set; }

    public Guid? ReplyId { get; private set; }

    public string Reason { get; private set; }

    public DateTime StartsAtUtc { get; private set; }

    /// <summary>The end of a ban (a warning is shown for as long, then leaves the active list).</summary>
    public DateTime EndsAtUtc { get; private set; }

    public Guid ById { get; private set; }

    public string ByName { get; private set; }

    public DateTime? LiftedAtUtc { get; private set; }

    public Guid? LiftedById { get; private set; }

    public bool IsActiveAt(DateTime nowUtc) => LiftedAtUtc is null && EndsAtUtc > nowUtc;

    public static Sanction Give(SanctionKind kind, Guid userId, string targetName, bool anonymous, Guid? boardId, Guid threadId, Guid? replyId,
        string reason, int days, Guid byId, string byName, DateTime nowUtc)
    {
        if (!Enum.IsDefined(kind))
        {
            throw DomainText.Invalid("kind", "SanctionKindInvalid");
        }

        if (days is < 1 or > MaxDays)
        {
            throw DomainText.Invalid("days", "SanctionDaysInvalid", MaxDays);
        }

        var trimmed = reason.Trim();
        if (trimmed.Length is 0 or > ReasonMaxLength)
        {
            throw DomainText.Invalid("reason", "ReasonInvalid", ReasonMaxLength);
        }

        return new Sanction
        {
            Kind = kind,
            UserId = userId,
            TargetName = targetName,
            IsAnonymous = anonymous,
            BoardId = boardId,
            ThreadId = threadId,
            ReplyId = replyId,
            Reason = trimmed,
            StartsAtUtc = nowUtc,
            EndsAtUtc = nowUtc.AddDays(days),
            ById = byId,
            ByName = byName,
        };
    }

    public void Lift(Guid byId, DateTime nowUtc)
    {
        if (!IsActiveAt(nowUtc))
        {
            throw DomainText.WrongState("SanctionNotActive");
        }

        LiftedAtUtc = nowUtc;
        LiftedById = byId;
    }
}

internal enum ReportState
{
    Open = 0,
    Dismissed = 1,

    /// <summary>The reported content was removed.</summary>
    Removed = 2,
}

/// <summary>举报 (CM-4): a reader's report of a thread or reply, with a reason; one open report per reader and item.</summary>
internal sealed class ContentReport : Entity
{
    public const int ReasonMaxLength = 500;

    // For EF Core.
    private ContentReport()
    {
        Reason = "";
    }

    public Guid BoardId { get; private set; }

    public Guid ThreadId { get; private set; }

    public Guid? ReplyId { get; private set; }

    /// <summary>The reply's id, or the thread's.</summary>
    public Guid TargetId { get; private set; }

    /// <summary><see cref="TargetId"/> while open, null after: its unique key with the reporter allows one open report per reader and item.</summary>
    public Guid? OpenTargetId { get; private set; }

    public Guid ReporterId { get; private set; }

    public string Reason { get; private set; }

    public ReportState State { get; private set; }

    public Guid? ResolvedById { get; private set; }

    public DateTime? ResolvedAtUtc { get; private set; }

    public static ContentReport File(Guid boardId, Guid threadId, Guid? replyId, Guid reporterId, string reason)
    {
        var trimmed = reason.Trim();
        if (trimmed.Length is 0 or > ReasonMaxLength)
        {
            throw DomainText.Invalid("reason", "ReasonInvalid", ReasonMaxLength);
        }

        var target = replyId ?? threadId;
        return new ContentReport
        {
            BoardId = boardId,
            ThreadId = threadId,
            ReplyId = replyId,
            TargetId = target,
            OpenTargetId = target,
            ReporterId = reporterId,
            Reason = trimmed,
            State = ReportState.Open,
        };
    }

    public void Resolve(ReportState outcome, Guid byId, DateTime nowUtc)
    {
        if (State != ReportState.Open)
        {
            throw DomainText.WrongState("ReportNotOpen");
        }

        if (outcome == ReportState.Open || !Enum.IsDefined(outcome))
        {
            throw DomainText.Invalid("outcome", "ReportOutcomeInvalid");
        }

        State = outcome;
        OpenTargetId = null;
        ResolvedById = byId;
        ResolvedAtUtc = nowUtc;
    }
}

internal enum ModerationActionKind
{
    Approve = 0,
    EditAndApprove = 1,
    Reject = 2,
    Remove = 3,
    DismissReport = 4,
    Warn = 5,
    Ban = 6,
    Lift = 7,
    AddWord = 8,
    ChangeWord = 9,
    RemoveWord = 10,

    /// <summary>The hourly expiry job closed the thread at its board's time limit (recorded as the system: no actor).</summary>
    ExpireClose = 11,

    /// <summary>The hourly expiry job closed and archived the thread.</summary>
    ExpireArchive = 12,
}

/// <summary>
/// The moderation record (CM-4): who did what to which item, with the reason and when. Read by the board's moderators
/// and auditors. It names the item and — for content — its author as a reader sees it (a pseudonym for anonymous content).
/// </summary>
internal sealed class ModerationAction
{
    public const int TextMaxLength = 200;

    // For EF Core.
    private ModerationAction()
    {
        ActorName = "";
        Subject = "";
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public ModerationActionKind Kind { get; private set; }

    /// <summary>Null for community-wide actions (words, community bans).</summary>
    public Guid? BoardId { get; private set; }

    public Guid? ThreadId { get; private set; }

    public Guid? ReplyId { get; private set; }

    /// <summary>The word, a thread's title or a reply's first words.</summary>
    public string Subject { get; private set; }

    /// <summary>The author or sanctioned user as readers see them (the pseudonym for anonymous content).</summary>
    public string? TargetName { get; private set; }

    public string? Reason { get; private set; }

    public Guid ActorId { get; private set; }

    public string ActorName { get; private set; }

    public DateTime AtUtc { get; private set; }

    /// <summary>The expiry job's record of one thread: no actor, the author as readers see them.</summary>
    public static ModerationAction Expired(BoardThread thread, ExpiryAction action, DateTime nowUtc) =>
        Of(action == ExpiryAction.Archive ? ModerationActionKind.ExpireArchive : ModerationActionKind.ExpireClose, thread.BoardId, thread.Id, null,
            thread.Title, thread.Pseudonym ?? thread.AuthorName, null, Guid.Empty, "", nowUtc);

    public static ModerationAction Of(ModerationActionKind kind, Guid? boardId, Guid? threadId, Guid? replyId, string subject, string? targetName,
        string? reason, Guid actorId, string actorName, DateTime nowUtc) => new()
        {
            Kind = kind,
            BoardId = boardId,
            ThreadId = threadId,
            ReplyId = replyId,
            Subject = Cut(subject, TextMaxLength),
            TargetName = targetName is null ? null : Cut(targetName, BoardModerator.NameMaxLength),
            Reason = reason is null ? null : Cut(reason.Trim(), Sanction.ReasonMaxLength),
            ActorId = actorId,
            ActorName = Cut(actorName, BoardModerator.NameMaxLength),
            AtUtc = nowUtc,
        };

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];
}

/// <summary>
/// An auditor's resolution of a pseudonym (CM-3): who resolved which item's pseudonym, why and when, and the account it
/// named. Saved through the context, so the audit trail (AU-2) records it too; read by auditors only.
/// </summary>
internal sealed class PseudonymResolution
{
    public const int ReasonMinLength = 5;
    public const int ReasonMaxLength = 500;

    // For EF Core.
    private PseudonymResolution()
    {
        Pseudonym = "";
        Reason = "";
        AuditorName = "";
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid AuditorId { get; private set; }

    public string AuditorName { get; private set; }

    public Guid BoardId { get; private set; }

    public Guid? ThreadId { get; private set; }

    public Guid? ReplyId { get; private set; }

    public string Pseudonym { get; private set; }

    public Guid ResolvedUserId { get; private set; }

    public string Reason { get; private set; }

    public DateTime AtUtc { get; private set; }

    public static PseudonymResolution Record(Guid auditorId, string auditorName, Guid boardId, Guid? threadId, Guid? replyId, string pseudonym,
        Guid resolvedUserId, string reason, DateTime nowUtc)
    {
        var trimmed = reason.Trim();
        if (trimmed.Length is < ReasonMinLength or > ReasonMaxLength)
        {
            throw DomainText.Invalid("reason", "ResolutionReasonInvalid", ReasonMinLength, ReasonMaxLength);
        }

        return new PseudonymResolution
        {
            AuditorId = auditorId,
            AuditorName = auditorName.Length <= BoardModerator.NameMaxLength ? auditorName : auditorName[..BoardModerator.NameMaxLength],
            BoardId = boardId,
            ThreadId = threadId,
            ReplyId = replyId,
            Pseudonym = pseudonym,
            ResolvedUserId = resolvedUserId,
            Reason = trimmed,
            AtUtc = nowUtc,
        };
    }
}
