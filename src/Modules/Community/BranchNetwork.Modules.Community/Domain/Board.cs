namespace BranchNetwork.Modules.Community.Domain;

/// <summary>Who reads and posts in a board (ORG-3): the whole branch, one sub-branch, or one business line (条线).</summary>
internal enum BoardAudienceKind
{
    WholeBranch = 0,
    SubBranch = 1,
    BusinessLine = 2,
}

/// <summary>Post-review (内容先发后审, the default): posts appear at once and may be reported; pre-review: a moderator approves first.</summary>
internal enum ReviewMode
{
    PostReview = 0,
    PreReview = 1,
}

/// <summary>What content expiry (主题与期限) does to a thread N days after it was published.</summary>
internal enum ExpiryAction
{
    /// <summary>The thread stays readable in the board but takes no more replies.</summary>
    Close = 0,

    /// <summary>The thread leaves the board's lists and the feeds; its address still reads it, closed.</summary>
    Archive = 1,
}

/// <summary>
/// 版块 (CM-1): a place of the community with its rules (群规) that a member accepts once before the first post (again
/// when the rules change), a welcome message, an audience, a review mode, whether anonymous posting is allowed (CM-3)
/// and an optional content expiry. Its moderators act in it and nowhere else (CM-4).
/// </summary>
internal sealed class Board : Entity
{
    public const int NameMaxLength = 40;
    public const int DescriptionMaxLength = 500;
    public const int RulesMaxLength = 5_000;
    public const int WelcomeMaxLength = 1_000;
    public const int MaxExpiryDays = 3_650;
    public const int MaxModerators = 20;

    private readonly List<BoardModerator> moderators = [];

    // For EF Core.
    private Board()
    {
        Name = "";
        Description = "";
        Rules = "";
        WelcomeMessage = "";
    }

    public string Name { get; private set; }

    public string Description { get; private set; }

    /// <summary>群规 as plain text (shown as text, never as markup).</summary>
    public string Rules { get; private set; }

    /// <summary>Moves whenever the rules change: a member whose accepted version is older accepts again before posting.</summary>
    public int RulesVersion { get; private set; }

    public string WelcomeMessage { get; private set; }

    public BoardAudienceKind AudienceKind { get; private set; }

    /// <summary>The sub-branch or business line of the audience; null for the whole branch.</summary>
    public Guid? AudienceUnitId { get; private set; }

    public ReviewMode ReviewMode { get; private set; }

    public bool AllowsAnonymous { get; private set; }

    /// <summary>Days after publication when a thread closes or is archived (<see cref="ExpiryAction"/>); null: never.</summary>
    public int? ExpiryDays { get; private set; }

    public ExpiryAction ExpiryAction { get; private set; }

    public bool IsArchived { get; private set; }

    public Guid CreatedById { get; private set; }

    /// <summary>Order of the board in lists (smaller first), then by name.</summary>
    public int SortOrder { get; private set; }

    public IReadOnlyList<BoardModerator> Moderators => moderators;

    public static Board Create(BoardSettings settings, Guid createdById, string createdByName)
    {
        var board = new Board { CreatedById = createdById, RulesVersion = 1 };
        board.Apply(settings);
        board.moderators.Add(new BoardModerator(board.Id, createdById, createdByName));
        return board;
    }

    /// <summary>Changes the settings; new rules (text changed) must be accepted again by every member before their next post.</summary>
    public void Change(BoardSettings settings)
    {
        EnsureOpen();
        var rulesChanged = !string.Equals(Rules, settings.Rules.Trim(), StringComparison.Ordinal);
        Apply(settings);
        if (rulesChanged)
        {
            RulesVersion++;
        }
    }

    public bool IsModerator(Guid userId) => moderators.Exists(m => m.UserId == userId);

    public void AddModerator(Guid userId, string name)
    {
        EnsureOpen();
        if (IsModerator(userId))
        {
            return;
        }

        if (moderators.Count >= MaxModerators)
        {
            throw DomainText.Invalid("moderatorIds", "TooManyModerators", MaxModerators);
        }

        moderators.Add(new BoardModerator(Id, userId, name));
    }

    /// <summary>Removes a moderator; a board always keeps one.</summary>
    public void RemoveModerator(Guid userId)
    {
        EnsureOpen();
        var moderator = moderators.Find(m => m.UserId == userId);
        if (moderator is null)
        {
            return;
        }

        if (moderators.Count == 1)
        {
            throw DomainText.WrongState("LastModerator");
        }

        moderators.Remove(moderator);
    }

    /// <summary>Closes the board: it takes no new threads and leaves the lists; its threads stay readable.</summary>
    public void Archive()
    {
        EnsureOpen();
        IsArchived = true;
    }

    public void EnsureOpen()
    {
        if (IsArchived)
        {
            throw DomainText.WrongState("BoardArchived");
        }
    }

    /// <summary>When a thread published at <paramref name="publishedAtUtc"/> expires under this board's settings, if ever.</summary>
    public DateTime? ExpiryFor(DateTime publishedAtUtc) => ExpiryDays is { } days ? publishedAtUtc.AddDays(days) : null;

    private void Apply(BoardSettings settings)
    {
        var name = settings.Name.Trim();
        if (name.Length is 0 or > NameMaxLength)
        {
            throw DomainText.Invalid("name", "BoardNameInvalid", NameMaxLength);
        }

        if ((settings.AudienceKind == BoardAudienceKind.WholeBranch) != (settings.AudienceUnitId is null))
        {
            throw DomainText.Invalid("audienceUnitId", "AudienceUnitInvalid");
        }

        if (settings.ExpiryDays is < 1 or > MaxExpiryDays)
        {
            throw DomainText.Invalid("expiryDays", "ExpiryDaysInvalid", MaxExpiryDays);
        }

        Name = name;
        Description = settings.Description.Trim();
        Rules = settings.Rules.Trim();
        WelcomeMessage = settings.WelcomeMessage.Trim();
        AudienceKind = settings.AudienceKind;
        AudienceUnitId = settings.AudienceUnitId;
        ReviewMode = settings.ReviewMode;
        AllowsAnonymous = settings.AllowsAnonymous;
        ExpiryDays = settings.ExpiryDays;
        ExpiryAction = settings.ExpiryAction;
        SortOrder = settings.SortOrder;
    }
}

/// <summary>What a moderator sets on a board; the audience unit was checked against the organisation by the handler.</summary>
internal sealed record BoardSettings(
    string Name,
    string Description,
    string Rules,
    string WelcomeMessage,
    BoardAudienceKind AudienceKind,
    Guid? AudienceUnitId,
    ReviewMode ReviewMode,
    bool AllowsAnonymous,
    int? ExpiryDays,
    ExpiryAction ExpiryAction,
    int SortOrder = 0);

/// <summary>A moderator (版主) of one board: acts in it only (CM-4).</summary>
internal sealed class BoardModerator
{
    public const int NameMaxLength = 100;

    public BoardModerator(Guid boardId, Guid userId, string name)
    {
        BoardId = boardId;
        UserId = userId;
        Name = name;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid BoardId { get; private set; }

    public Guid UserId { get; private set; }

    public string Name { get; private set; }
}

/// <summary>
/// A user's membership of a board (入群): which version of the rules they accepted, whether the board is in their feed
/// (关注), and when they last read it (unread markers).
/// </summary>
internal sealed class BoardMember : Entity
{
    // For EF Core.
    private BoardMember()
    {
    }

    public Guid BoardId { get; private set; }

    public Guid UserId { get; private set; }

    /// <summary>The member's sub-branch when they joined (CM-5 counts members per sub-branch); null at head office.</summary>
    public Guid? SubBranchId { get; private set; }

    public int AcceptedRulesVersion { get; private set; }

    public DateTime JoinedAtUtc { get; private set; }

    public bool IsFollowing { get; private set; }

    /// <summary>Threads with activity after this are unread in the member's feed.</summary>
    public DateTime LastReadAtUtc { get; private set; }

    public static BoardMember Join(Board board, Guid userId, Guid? subBranchId, DateTime nowUtc) => new()
    {
        BoardId = board.Id,
        UserId = userId,
        SubBranchId = subBranchId,
        AcceptedRulesVersion = board.RulesVersion,
        JoinedAtUtc = nowUtc,
        IsFollowing = true,
        LastReadAtUtc = nowUtc,
    };

    /// <summary>Follows a board without joining it: the rules are not accepted yet (version 0), so posting still asks for them.</summary>
    public static BoardMember FollowOnly(Board board, Guid userId, Guid? subBranchId, DateTime nowUtc) => new()
    {
        BoardId = board.Id,
        UserId = userId,
        SubBranchId = subBranchId,
        AcceptedRulesVersion = 0,
        JoinedAtUtc = nowUtc,
        IsFollowing = true,
        LastReadAtUtc = nowUtc,
    };

    public bool HasAccepted(Board board) => AcceptedRulesVersion >= board.RulesVersion;

    public void AcceptRules(Board board) => AcceptedRulesVersion = board.RulesVersion;

    public void Follow() => IsFollowing = true;

    public void Unfollow() => IsFollowing = false;

    public void MarkRead(DateTime nowUtc)
    {
        if (nowUtc > LastReadAtUtc)
        {
            LastReadAtUtc = nowUtc;
        }
    }
}
