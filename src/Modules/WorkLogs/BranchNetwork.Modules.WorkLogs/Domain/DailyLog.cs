namespace BranchNetwork.Modules.WorkLogs.Domain;

/// <summary>
/// 工作日志 (WL-1, WL-4): one per person per day — what was done (free text and lines linked to the author's weekly tasks
/// with quantities), problems and help needed, the plan for tomorrow, and the typed fields of the author's template.
/// Draft (autosaved) → Submitted, on time or late (<see cref="LogWindow"/>). Until the day closes the author may still
/// change it; after the close nothing changes but amendments (补充说明), each shown with its time, the original kept.
/// The template's fields are copied when the log is started, so a later template change never rewrites a log.
/// </summary>
internal sealed class DailyLog : Entity
{
    public const int TextMaxLength = 20_000;
    public const int NameMaxLength = 100;
    public const int MaxLines = 30;
    public const int LineNoteMaxLength = 200;
    public const int MaxAttachments = 10;

    private readonly List<LogTaskLine> lines = [];
    private readonly List<LogFieldValue> fieldValues = [];
    private readonly List<LogAmendment> amendments = [];
    private List<TemplateField> templateFields = [];
    private List<LogAttachment> attachments = [];

    // For EF Core.
    private DailyLog()
    {
        AuthorName = "";
    }

    public Guid AuthorId { get; private set; }

    public string AuthorName { get; private set; }

    /// <summary>The author's sub-branch when the log was started (readers and statistics go by it).</summary>
    public Guid SubBranchId { get; private set; }

    /// <summary>The author's own unit (a team inside the sub-branch, or the sub-branch itself), for team statistics.</summary>
    public Guid UnitId { get; private set; }

    public DateOnly Day { get; private set; }

    public LogState State { get; private set; }

    public Guid? TemplateId { get; private set; }

    public string? TemplateName { get; private set; }

    /// <summary>今日完成 (free text).</summary>
    public string? Done { get; private set; }

    /// <summary>存在问题及需要的支持.</summary>
    public string? Problems { get; private set; }

    /// <summary>明日计划.</summary>
    public string? Plan { get; private set; }

    /// <summary>The author lets colleagues of the same sub-branch read it (otherwise staff never read peers' logs).</summary>
    public bool SharedWithTeam { get; private set; }

    public DateTime? SubmittedAtUtc { get; private set; }

    public LogTimeliness? Timeliness { get; private set; }

    public DateTime LastSavedAtUtc { get; private set; }

    public IReadOnlyList<TemplateField> TemplateFields => templateFields;

    public IReadOnlyList<LogAttachment> Attachments => attachments;

    public IReadOnlyList<LogTaskLine> Lines => lines;

    public IReadOnlyList<LogFieldValue> FieldValues => fieldValues;

    public IReadOnlyList<LogAmendment> Amendments => amendments;

    /// <summary>
    /// Starts the author's log for <paramref name="day"/> with the template's fields (none when null). Refuses a day
    /// after today (China time) and a day already closed.
    /// </summary>
    public static DailyLog Start(LogAuthor author, DateOnly day, LogTemplate? template, LogWindow window, IClock clock)
    {
        if (day > BankCalendar.Today(clock))
        {
            throw new ValidationFailedException("day", DomainText.Get("DayInFuture"));
        }

        if (window.IsClosed(day, clock.UtcNow))
        {
            throw DayClosed();
        }

        return new DailyLog
        {
            AuthorId = author.UserId,
            AuthorName = author.Name,
            SubBranchId = author.SubBranchId,
            UnitId = author.UnitId,
            Day = day,
            State = LogState.Draft,
            TemplateId = template?.Id,
            TemplateName = template?.Name,
            templateFields = template is null ? [] : [.. template.Fields],
            LastSavedAtUtc = clock.UtcNow,
        };
    }

    /// <summary>
    /// Saves what the author wrote (the draft autosave, or a change of a submitted log before the close). Field values are
    /// checked against the template copy: an unknown field or a value of the wrong type is refused, field by field.
    /// Task lines arrive already checked by the caller as the author's own tasks.
    /// </summary>
    public void Write(LogContent content, LogWindow window, IClock clock)
    {
        if (window.IsClosed(Day, clock.UtcNow))
        {
            throw DayClosed();
        }

        CheckText("done", content.Done);
        CheckText("problems", content.Problems);
        CheckText("plan", content.Plan);
        if (content.Lines.Count > MaxLines)
        {
            throw new ValidationFailedException("lines", DomainText.Format("TooManyLines", MaxLines));
        }

        if (content.Lines.Select(l => l.TaskId).Distinct().Count() != content.Lines.Count)
        {
            throw new ValidationFailedException("lines", DomainText.Get("TaskLinkedTwice"));
        }

        for (var i = 0; i < content.Lines.Count; i++)
        {
            if (content.Lines[i].Quantity < 0)
            {
                throw new ValidationFailedException($"lines[{i}].quantity", DomainText.Get("QuantityNegative"));
            }
        }

        if (content.Attachments.Count > MaxAttachments)
        {
            throw new ValidationFailedException("attachmentIds", DomainText.Format("TooManyAttachments", MaxAttachments));
        }

        var values = new List<LogFieldValue>();
        foreach (var (key, raw) in content.Fields)
        {
            var field = templateFields.FirstOrDefault(f => f.Key == key)
                ?? throw new ValidationFailedException($"fields.{key}", DomainText.Format("FieldUnknown", key));
            var (value, error) = field.Normalise(raw);
            if (error is not null)
            {
                throw new ValidationFailedException($"fields.{key}", error);
            }

            if (value is not null)
            {
                values.Add(new LogFieldValue(Id, key, value));
            }
        }

        Done = Clean(content.Done);
        Problems = Clean(content.Problems);
        Plan = Clean(content.Plan);
        SharedWithTeam = content.SharedWithTeam;
        attachments = [.. content.Attachments];
        lines.Clear();
        lines.AddRange(content.Lines.Select(l => new LogTaskLine(Id, l.TaskId, l.TaskTitle, l.Quantity, l.Unit, Clean(l.Note))));
        fieldValues.Clear();
        fieldValues.AddRange(values);
        LastSavedAtUtc = clock.UtcNow;
    }

    /// <summary>
    /// Submits the draft: on time before the cut-off, late after it. Something must have been done (text or a task line)
    /// and every required field filled; refused after the close (the day is then missing).
    /// </summary>
    public void Submit(LogWindow window, IClock clock)
    {
        if (State != LogState.Draft)
        {
            throw DomainText.WrongState("LogAlreadySubmitted");
        }

        if (window.IsClosed(Day, clock.UtcNow))
        {
            throw DayClosed();
        }

        if (Done is null && lines.Count == 0)
        {
            throw new ValidationFailedException("done", DomainText.Get("NothingDone"));
        }

        foreach (var field in templateFields.Where(f => f.Required))
        {
            if (fieldValues.All(v => v.Key != field.Key))
            {
                throw new ValidationFailedException($"fields.{field.Key}", DomainText.Format("FieldRequired", field.Label));
            }
        }

        State = LogState.Submitted;
        SubmittedAtUtc = clock.UtcNow;
        Timeliness = window.TimelinessAt(Day, clock.UtcNow);
    }

    /// <summary>补充说明 (WL-4): after the close, the author adds to a submitted log; the original stays as it was.</summary>
    public LogAmendment Amend(string text, LogWindow window, IClock clock)
    {
        if (State != LogState.Submitted)
        {
            throw DomainText.WrongState("OnlySubmittedAmended");
        }

        if (!window.IsClosed(Day, clock.UtcNow))
        {
            throw DomainText.WrongState("AmendAfterClose");
        }

        var amendment = new LogAmendment(Id, text.Trim(), clock.UtcNow);
        amendments.Add(amendment);
        return amendment;
    }

    public bool IsClosed(LogWindow window, IClock clock) => window.IsClosed(Day, clock.UtcNow);

    private static void CheckText(string field, string? text)
    {
        if (text is { Length: > TextMaxLength })
        {
            throw new ValidationFailedException(field, DomainText.Format("TextTooLong", TextMaxLength));
        }
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static ConflictException DayClosed() => new("worklogs.day_closed", DomainText.Get("DayClosed"));
}

/// <summary>Who writes a log, as the directory knows them when the log is started.</summary>
internal sealed record LogAuthor(Guid UserId, string Name, Guid SubBranchId, Guid UnitId);

/// <summary>What the author wrote; <see cref="Fields"/> by template field key, raw text as typed.</summary>
internal sealed record LogContent(
    string? Done,
    string? Problems,
    string? Plan,
    bool SharedWithTeam,
    IReadOnlyDictionary<string, string?> Fields,
    IReadOnlyList<LogLineDraft> Lines,
    IReadOnlyList<LogAttachment> Attachments);

/// <summary>A line linking a weekly task of the author, with the quantity done today (titles copied from the task).</summary>
internal sealed record LogLineDraft(Guid TaskId, string TaskTitle, decimal Quantity, string Unit, string? Note);

/// <summary>A file uploaded through the Files module and attached to the log (listed by name in the export).</summary>
internal sealed record LogAttachment(Guid FileId, string Name);

internal sealed class LogTaskLine
{
    public const int TitleMaxLength = 200;
    public const int UnitMaxLength = 20;

    public LogTaskLine(Guid logId, Guid taskId, string taskTitle, decimal quantity, string unit, string? note)
    {
        Id = Guid.CreateVersion7();
        LogId = logId;
        TaskId = taskId;
        TaskTitle = taskTitle;
        Quantity = quantity;
        Unit = unit;
        Note = note;
    }

    public Guid Id { get; private set; }

    public Guid LogId { get; private set; }

    public Guid TaskId { get; private set; }

    public string TaskTitle { get; private set; }

    public decimal Quantity { get; private set; }

    public string Unit { get; private set; }

    public string? Note { get; private set; }
}

/// <summary>A filled template field; stored one row per field so that supervisors can filter logs by a field's value.</summary>
internal sealed class LogFieldValue
{
    // Indexed with its key for the supervisors' filter: SQL Server indexes at most 450 characters.
    public const int ValueMaxLength = TemplateField.TextValueMaxLength;

    public LogFieldValue(Guid logId, string key, string value)
    {
        LogId = logId;
        Key = key;
        Value = value;
    }

    public Guid LogId { get; private set; }

    public string Key { get; private set; }

    public string Value { get; private set; }
}

/// <summary>补充说明: added after the close, shown with its time under the unchanged log.</summary>
internal sealed class LogAmendment
{
    public const int TextMaxLength = 5_000;

    public LogAmendment(Guid logId, string text, DateTime addedAtUtc)
    {
        Id = Guid.CreateVersion7();
        LogId = logId;
        Text = text;
        AddedAtUtc = addedAtUtc;
    }

    public Guid Id { get; private set; }

    public Guid LogId { get; private set; }

    public string Text { get; private set; }

    public DateTime AddedAtUtc { get; private set; }
}
