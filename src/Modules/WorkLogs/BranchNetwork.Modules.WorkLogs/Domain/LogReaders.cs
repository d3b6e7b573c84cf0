namespace BranchNetwork.Modules.WorkLogs.Domain;

/// <summary>
/// 已读回执 (WL-3): the first time someone other than the author opened a submitted log, and the last time. The author
/// sees who read the log and when.
/// </summary>
internal sealed class LogRead
{
    public const int NameMaxLength = 100;

    // For EF Core.
    private LogRead()
    {
        ReaderName = "";
    }

    public LogRead(Guid logId, Guid readerId, string readerName, DateTime atUtc)
    {
        LogId = logId;
        ReaderId = readerId;
        ReaderName = readerName;
        FirstReadAtUtc = atUtc;
        LastReadAtUtc = atUtc;
    }

    public Guid LogId { get; private set; }

    public Guid ReaderId { get; private set; }

    public string ReaderName { get; private set; }

    public DateTime FirstReadAtUtc { get; private set; }

    public DateTime LastReadAtUtc { get; private set; }

    public void ReadAgain(DateTime atUtc) => LastReadAtUtc = atUtc;
}

/// <summary>A reader's comment (点评) on a submitted log; the author is notified live.</summary>
internal sealed class LogComment : Entity
{
    public const int TextMaxLength = 1_000;
    public const int NameMaxLength = 100;

    // For EF Core.
    private LogComment()
    {
        Text = "";
        AuthorName = "";
    }

    public Guid LogId { get; private set; }

    public Guid AuthorId { get; private set; }

    public string AuthorName { get; private set; }

    public string Text { get; private set; }

    public DateTime WrittenAtUtc { get; private set; }

    /// <summary>Only a submitted log takes comments; drafts are the author's alone.</summary>
    public static LogComment On(DailyLog log, Guid authorId, string authorName, string text, IClock clock)
    {
        if (log.State != LogState.Submitted)
        {
            throw DomainText.WrongState("OnlySubmittedRead");
        }

        return new LogComment
        {
            LogId = log.Id,
            AuthorId = authorId,
            AuthorName = authorName,
            Text = text.Trim(),
            WrittenAtUtc = clock.UtcNow,
        };
    }
}

/// <summary>A like (点赞) on a submitted log, one per reader.</summary>
internal sealed class LogLike
{
    public const int NameMaxLength = 100;

    // For EF Core.
    private LogLike()
    {
        UserName = "";
    }

    public LogLike(Guid logId, Guid userId, string userName, DateTime atUtc)
    {
        LogId = logId;
        UserId = userId;
        UserName = userName;
        LikedAtUtc = atUtc;
    }

    public Guid LogId { get; private set; }

    public Guid UserId { get; private set; }

    public string UserName { get; private set; }

    public DateTime LikedAtUtc { get; private set; }
}

/// <summary>
/// A chase-up or missing-digest reminder that went out (WL-2): the key (person, day, kind) makes it go once, even when
/// two nodes run the job at the same minute.
/// </summary>
internal sealed class ChaseSent
{
    public ChaseSent(Guid userId, DateOnly day, ChaseKind kind, DateTime sentAtUtc)
    {
        UserId = userId;
        Day = day;
        Kind = kind;
        SentAtUtc = sentAtUtc;
    }

    public Guid UserId { get; private set; }

    public DateOnly Day { get; private set; }

    public ChaseKind Kind { get; private set; }

    public DateTime SentAtUtc { get; private set; }
}
