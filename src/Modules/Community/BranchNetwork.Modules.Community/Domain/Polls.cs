namespace BranchNetwork.Modules.Community.Domain;

/// <summary>When a poll's counts may be read (CM-2).</summary>
internal enum PollResultsVisibility
{
    /// <summary>A reader sees the counts once they have voted (and everyone once the poll is closed).</summary>
    OnVote = 0,

    /// <summary>Nobody but the board's moderators sees the counts until the poll closes.</summary>
    OnClose = 1,

    /// <summary>Only the board's moderators (and the poll's author) ever see the counts.</summary>
    ModeratorsOnly = 2,
}

/// <summary>
/// 投票 (CM-2): a question on a thread with 2–20 options, single or multiple choice (at most <see cref="MaxChoices"/>),
/// anonymous ballots or not, an optional closing time and a rule for who sees the counts. A thread has at most one poll.
/// Votes never change this row: each is a <see cref="PollBallot"/> (unique per poll and user) with its
/// <see cref="PollChoice"/> rows, and counts are computed from the stored choices — so simultaneous votes lose and
/// double nothing, and no vote waits on another.
/// </summary>
internal sealed class Poll : Entity
{
    public const int QuestionMaxLength = 200;
    public const int OptionMaxLength = 100;
    public const int MinOptions = 2;
    public const int MaxOptions = 20;

    private readonly List<PollOption> options = [];

    // For EF Core.
    private Poll()
    {
        Question = "";
    }

    public Guid ThreadId { get; private set; }

    public Guid BoardId { get; private set; }

    public Guid CreatedById { get; private set; }

    public string Question { get; private set; }

    public bool IsMultipleChoice { get; private set; }

    /// <summary>1 for a single choice; for a multiple choice, how many options a ballot may mark.</summary>
    public int MaxChoices { get; private set; }

    /// <summary>Nobody — moderators included — may see who chose what; only the counts.</summary>
    public bool IsAnonymous { get; private set; }

    public PollResultsVisibility ResultsVisibility { get; private set; }

    /// <summary>When the poll closes by itself; null: open until closed by hand.</summary>
    public DateTime? ClosesAtUtc { get; private set; }

    /// <summary>When the author or a moderator closed it early.</summary>
    public DateTime? ClosedAtUtc { get; private set; }

    public IReadOnlyList<PollOption> Options => options;

    public bool IsClosedAt(DateTime nowUtc) => ClosedAtUtc is not null || ClosesAtUtc <= nowUtc;

    public static Poll Create(
        BoardThread thread, Guid createdById, string question, IReadOnlyList<string> optionTexts, bool multiple, int? maxChoices,
        bool anonymous, PollResultsVisibility visibility, DateTime? closesAtUtc, DateTime nowUtc)
    {
        thread.EnsurePublished();
        var text = (question ?? "").Trim();
        if (text.Length is 0 or > QuestionMaxLength || !IsPlain(text))
        {
            throw DomainText.Invalid("question", "PollQuestionInvalid", QuestionMaxLength);
        }

        var texts = (optionTexts ?? []).Select(o => (o ?? "").Trim()).ToList();
        if (texts.Count is < MinOptions or > MaxOptions)
        {
            throw DomainText.Invalid("options", "PollOptionCount", MinOptions, MaxOptions);
        }

        if (texts.Exists(o => o.Length is 0 or > OptionMaxLength || !IsPlain(o)))
        {
            throw DomainText.Invalid("options", "PollOptionInvalid", OptionMaxLength);
        }

        if (texts.Distinct(StringComparer.Ordinal).Count() != texts.Count)
        {
            throw DomainText.Invalid("options", "PollOptionDuplicate");
        }

        var max = multiple ? maxChoices ?? texts.Count : 1;
        if (max < 1 || max > texts.Count || (!multiple && maxChoices is not null and not 1))
        {
            throw DomainText.Invalid("maxChoices", "PollMaxChoicesInvalid", texts.Count);
        }

        if (!Enum.IsDefined(visibility))
        {
            throw DomainText.Invalid("resultsVisibility", "PollVisibilityInvalid");
        }

        if (closesAtUtc is { } closes && (closes <= nowUtc || closes > nowUtc.AddYears(1)))
        {
            throw DomainText.Invalid("closesAtUtc", "PollClosesInvalid");
        }

        var poll = new Poll
        {
            ThreadId = thread.Id,
            BoardId = thread.BoardId,
            CreatedById = createdById,
            Question = text,
            IsMultipleChoice = multiple,
            MaxChoices = max,
            IsAnonymous = anonymous,
            ResultsVisibility = visibility,
            ClosesAtUtc = closesAtUtc is { } c ? DateTime.SpecifyKind(c, DateTimeKind.Utc) : null,
        };
        for (var i = 0; i < texts.Count; i++)
        {
            poll.options.Add(new PollOption(poll.Id, i, texts[i]));
        }

        return poll;
    }

    /// <summary>One line of plain text: no control characters, no text-direction overrides (they only disguise).</summary>
    private static bool IsPlain(string text) => !TextGuard.HasBidiControl(text) && !text.Any(char.IsControl);

    /// <summary>Checks a ballot: open, options of this poll, no repeats, within the number allowed (nothing stored on refusal).</summary>
    public PollBallot Cast(Guid userId, IReadOnlyList<Guid> optionIds, DateTime nowUtc)
    {
        if (IsClosedAt(nowUtc))
        {
            throw new ConflictException("community.poll_closed", DomainText.Get("PollClosed"));
        }

        var chosen = (optionIds ?? []).ToList();
        if (chosen.Count == 0 || chosen.Exists(id => !options.Exists(o => o.Id == id)))
        {
            throw DomainText.Invalid("optionIds", "PollOptionUnknown");
        }

        if (chosen.Distinct().Count() != chosen.Count || chosen.Count > MaxChoices)
        {
            throw DomainText.Invalid("optionIds", "PollTooManyChoices", MaxChoices);
        }

        return new PollBallot(Id, userId, chosen, nowUtc);
    }

    /// <summary>Closes the poll early (409 when it is already closed).</summary>
    public void Close(DateTime nowUtc)
    {
        if (IsClosedAt(nowUtc))
        {
            throw new ConflictException("community.poll_closed", DomainText.Get("PollClosed"));
        }

        ClosedAtUtc = nowUtc;
    }
}

/// <summary>An option of a poll, in its order.</summary>
internal sealed class PollOption
{
    public PollOption(Guid pollId, int position, string text)
    {
        PollId = pollId;
        Position = position;
        Text = text;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid PollId { get; private set; }

    public int Position { get; private set; }

    public string Text { get; private set; }
}

/// <summary>A user's one ballot in a poll: the unique key (poll, user) makes a second one — even at the same instant — fail.</summary>
internal sealed class PollBallot
{
    private readonly List<PollChoice> choices = [];

    // For EF Core.
    private PollBallot()
    {
    }

    public PollBallot(Guid pollId, Guid userId, IReadOnlyList<Guid> optionIds, DateTime atUtc)
    {
        PollId = pollId;
        UserId = userId;
        AtUtc = atUtc;
        choices.AddRange(optionIds.Select(o => new PollChoice(Id, pollId, o)));
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid PollId { get; private set; }

    public Guid UserId { get; private set; }

    public DateTime AtUtc { get; private set; }

    public IReadOnlyList<PollChoice> Choices => choices;
}

/// <summary>One option marked on a ballot; the poll's counts are the number of these per option.</summary>
internal sealed class PollChoice
{
    public PollChoice(Guid ballotId, Guid pollId, Guid optionId)
    {
        BallotId = ballotId;
        PollId = pollId;
        OptionId = optionId;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid BallotId { get; private set; }

    public Guid PollId { get; private set; }

    public Guid OptionId { get; private set; }
}

/// <summary>
/// A row of the search index (CM-1 search): one character bigram of a thread's title and body or of a reply's body,
/// kept in step with the content in the same save. Chinese has no word boundaries, so a query is cut into the same
/// bigrams and a post matches when it holds all of them; the same SQL runs on SQLite and PostgreSQL. Authors' names are
/// never indexed.
/// </summary>
internal sealed class SearchGram
{
    public const int GramMaxLength = 2;

    public SearchGram(Guid threadId, Guid? replyId, Guid boardId, string gram)
    {
        ThreadId = threadId;
        ReplyId = replyId;
        PostId = replyId ?? threadId;
        BoardId = boardId;
        Gram = gram;
    }

    public string Gram { get; private set; }

    /// <summary>The thread's id, or the reply's.</summary>
    public Guid PostId { get; private set; }

    public Guid ThreadId { get; private set; }

    public Guid? ReplyId { get; private set; }

    public Guid BoardId { get; private set; }
}

/// <summary>
/// The discussion thread (全员点评, CM-2) of a piece of another module's work: one per subject, the unique key making
/// two first opens at the same instant create one. Kind and id only — no foreign key across modules.
/// </summary>
internal sealed class DiscussionLink
{
    public DiscussionLink(Contracts.DiscussionSubjectKind subjectKind, Guid subjectId, Guid threadId)
    {
        SubjectKind = subjectKind;
        SubjectId = subjectId;
        ThreadId = threadId;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Contracts.DiscussionSubjectKind SubjectKind { get; private set; }

    public Guid SubjectId { get; private set; }

    public Guid ThreadId { get; private set; }
}

/// <summary>A board the module made for itself (the whole-branch 全员点评 board), found by its key; unique per key.</summary>
internal sealed class SystemBoard
{
    public const int KeyMaxLength = 40;
    public const string Discussions = "discussions";

    public SystemBoard(string key, Guid boardId)
    {
        Key = key;
        BoardId = boardId;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public string Key { get; private set; }

    public Guid BoardId { get; private set; }
}

/// <summary>When a user last looked at the replies to their threads and their mentions (the staff home card counts what came after).</summary>
internal sealed class ActivitySeen
{
    public ActivitySeen(Guid userId, DateTime seenAtUtc)
    {
        UserId = userId;
        SeenAtUtc = seenAtUtc;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid UserId { get; private set; }

    public DateTime SeenAtUtc { get; private set; }

    public void Seen(DateTime nowUtc)
    {
        if (nowUtc > SeenAtUtc)
        {
            SeenAtUtc = nowUtc;
        }
    }
}
