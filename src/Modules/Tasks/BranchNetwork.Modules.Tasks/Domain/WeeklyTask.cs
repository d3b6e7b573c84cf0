namespace BranchNetwork.Modules.Tasks.Domain;

/// <summary>
/// 每周任务 (TK-2): a piece of an approved measure for one ISO week, with a quantity, assignees and a due date.
/// State machine: Open → WriteOff → Done (核销) | CarryOver → CarriedOver (a new Open task next week, same series) |
/// Cancel → Cancelled | Lapse → Lapsed (skippable recurring task whose week passed). Only an Open task changes.
/// A recurring task (must-do or skippable) has a <see cref="SeriesId"/> shared by every week's occurrence; a
/// carried-over task keeps its series and points to the task it came from, so its history reads across weeks.
/// </summary>
internal sealed class WeeklyTask : Entity
{
    public const int TitleMaxLength = 200;
    public const int UnitMaxLength = 20;
    public const int NoteMaxLength = 1000;
    public const int NameMaxLength = 100;
    public const int MaxAssignees = 20;

    private readonly List<TaskAssignee> assignees = [];

    // For EF Core.
    private WeeklyTask()
    {
        Title = "";
        Unit = "";
        MeasureTitle = "";
        CreatedByName = "";
    }

    public Guid PlanId { get; private set; }

    public Guid MeasureId { get; private set; }

    public string MeasureTitle { get; private set; }

    /// <summary>The sheet and indicator the measure answers (copied: write-offs report progress against them).</summary>
    public Guid SchemeId { get; private set; }

    public Guid SubBranchId { get; private set; }

    public Guid IndicatorId { get; private set; }

    /// <summary>The Monday of the task's ISO week.</summary>
    public DateOnly WeekStart { get; private set; }

    public string Title { get; private set; }

    public decimal Quantity { get; private set; }

    public string Unit { get; private set; }

    public DateOnly DueDate { get; private set; }

    public WeeklyTaskState State { get; private set; }

    public TaskRecurrence Recurrence { get; private set; }

    /// <summary>The last day a recurring task comes back.</summary>
    public DateOnly? RecursUntil { get; private set; }

    public Guid SeriesId { get; private set; }

    public Guid? CarriedFromTaskId { get; private set; }

    public decimal? ActualQuantity { get; private set; }

    public string? Note { get; private set; }

    public Guid? EvidenceFileId { get; private set; }

    public Guid? ClosedById { get; private set; }

    public string? ClosedByName { get; private set; }

    public DateTime? ClosedAtUtc { get; private set; }

    /// <summary>Why it was carried over or cancelled.</summary>
    public string? Reason { get; private set; }

    public Guid CreatedById { get; private set; }

    public string CreatedByName { get; private set; }

    public IReadOnlyList<TaskAssignee> Assignees => assignees;

    public TaskWeek Week => TaskWeek.Of(WeekStart);

    public bool IsAssignedTo(Guid userId) => assignees.Any(a => a.UserId == userId);

    public bool IsOverdue(DateOnly today) => State == WeeklyTaskState.Open && DueDate < today;

    /// <summary>Splits a measure into a task for a week (<paramref name="spec"/>); the due date lies in that week.</summary>
    public static WeeklyTask Create(NewTask spec, Guid byId, string byName)
    {
        if (!spec.Week.Contains(spec.DueDate))
        {
            throw new ValidationFailedException("dueDate", DomainText.Get("DueDateOutsideWeek"));
        }

        if (spec.Recurrence != TaskRecurrence.Once && (spec.RecursUntil is not { } until || until <= spec.Week.End))
        {
            throw new ValidationFailedException("recursUntil", DomainText.Get("RecursUntilAfterWeek"));
        }

        if (spec.Assignees.Count == 0)
        {
            throw new ValidationFailedException("assigneeIds", DomainText.Get("TaskNeedsAssignee"));
        }

        var task = new WeeklyTask
        {
            PlanId = spec.PlanId,
            MeasureId = spec.MeasureId,
            MeasureTitle = spec.MeasureTitle,
            SchemeId = spec.SchemeId,
            SubBranchId = spec.SubBranchId,
            IndicatorId = spec.IndicatorId,
            WeekStart = spec.Week.Start,
            Title = spec.Title.Trim(),
            Quantity = spec.Quantity,
            Unit = spec.Unit.Trim(),
            DueDate = spec.DueDate,
            State = WeeklyTaskState.Open,
            Recurrence = spec.Recurrence,
            RecursUntil = spec.Recurrence == TaskRecurrence.Once ? null : spec.RecursUntil,
            CreatedById = byId,
            CreatedByName = byName,
        };
        task.SeriesId = task.Id;
        task.assignees.AddRange(spec.Assignees.DistinctBy(a => a.UserId).Select(a => new TaskAssignee(task.Id, a.UserId, a.Name)));
        return task;
    }

    /// <summary>核销: the actual quantity done, a note and optional evidence. Only an assignee, only once.</summary>
    public void WriteOff(decimal actualQuantity, string? note, Guid? evidenceFileId, Guid byId, string byName, IClock clock)
    {
        EnsureOpen();
        if (actualQuantity < 0)
        {
            throw new ValidationFailedException("actualQuantity", DomainText.Get("QuantityNegative"));
        }

        State = WeeklyTaskState.Done;
        ActualQuantity = actualQuantity;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        EvidenceFileId = evidenceFileId;
        Closed(byId, byName, clock);
    }

    /// <summary>Moves an open task to the next week with a reason: this one ends CarriedOver, the returned one is Open.</summary>
    public WeeklyTask CarryOver(string reason, Guid byId, string byName, IClock clock)
    {
        EnsureOpen();
        State = WeeklyTaskState.CarriedOver;
        Reason = reason.Trim();
        Closed(byId, byName, clock);
        var next = Week.Next;
        return CopyFor(next, DueDate.AddDays(7), carriedFrom: Id);
    }

    public void Cancel(string reason, Guid byId, string byName, IClock clock)
    {
        EnsureOpen();
        State = WeeklyTaskState.Cancelled;
        Reason = reason.Trim();
        Closed(byId, byName, clock);
    }

    /// <summary>A skippable recurring task whose week has passed undone.</summary>
    public void Lapse(IClock clock)
    {
        EnsureOpen();
        State = WeeklyTaskState.Lapsed;
        ClosedAtUtc = clock.UtcNow;
    }

    /// <summary>The next week's occurrence of a recurring task, or null when the series has ended.</summary>
    public WeeklyTask? NextOccurrence()
    {
        if (Recurrence == TaskRecurrence.Once || RecursUntil is not { } until)
        {
            return null;
        }

        var next = Week.Next;
        return next.Start > until ? null : CopyFor(next, DueDate.AddDays(7), carriedFrom: null);
    }

    private WeeklyTask CopyFor(TaskWeek week, DateOnly dueDate, Guid? carriedFrom)
    {
        var copy = new WeeklyTask
        {
            PlanId = PlanId,
            MeasureId = MeasureId,
            MeasureTitle = MeasureTitle,
            SchemeId = SchemeId,
            SubBranchId = SubBranchId,
            IndicatorId = IndicatorId,
            WeekStart = week.Start,
            Title = Title,
            Quantity = Quantity,
            Unit = Unit,
            DueDate = dueDate,
            State = WeeklyTaskState.Open,
            Recurrence = Recurrence,
            RecursUntil = RecursUntil,
            SeriesId = SeriesId,
            CarriedFromTaskId = carriedFrom,
            CreatedById = CreatedById,
            CreatedByName = CreatedByName,
        };
        copy.assignees.AddRange(assignees.Select(a => new TaskAssignee(copy.Id, a.UserId, a.UserName)));
        return copy;
    }

    private void EnsureOpen()
    {
        if (State != WeeklyTaskState.Open)
        {
            throw DomainText.WrongState("TaskNotOpen");
        }
    }

    private void Closed(Guid byId, string byName, IClock clock)
    {
        ClosedById = byId;
        ClosedByName = byName;
        ClosedAtUtc = clock.UtcNow;
    }
}

/// <summary>What a new task is made of (validated by the slice; the entity checks its own rules).</summary>
internal sealed record NewTask(
    Guid PlanId,
    Guid MeasureId,
    string MeasureTitle,
    Guid SchemeId,
    Guid SubBranchId,
    Guid IndicatorId,
    TaskWeek Week,
    string Title,
    decimal Quantity,
    string Unit,
    DateOnly DueDate,
    TaskRecurrence Recurrence,
    DateOnly? RecursUntil,
    IReadOnlyList<(Guid UserId, string Name)> Assignees);

/// <summary>A person a task is assigned to; any of them may write it off.</summary>
internal sealed class TaskAssignee
{
    public const int NameMaxLength = 100;

    public TaskAssignee(Guid taskId, Guid userId, string userName)
    {
        TaskId = taskId;
        UserId = userId;
        UserName = userName;
    }

    public Guid TaskId { get; private set; }

    public Guid UserId { get; private set; }

    public string UserName { get; private set; }
}

/// <summary>One line of a task's history, kept by series so it reads across carry-overs and recurrences.</summary>
internal sealed class TaskHistoryEntry
{
    public const int DetailMaxLength = 1000;
    public const int NameMaxLength = 100;

    // For EF Core.
    private TaskHistoryEntry()
    {
        ByName = "";
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid TaskId { get; private set; }

    public Guid SeriesId { get; private set; }

    public TaskEventKind Kind { get; private set; }

    public DateTime AtUtc { get; private set; }

    public string ByName { get; private set; }

    public string? Detail { get; private set; }

    public static TaskHistoryEntry Of(WeeklyTask task, TaskEventKind kind, string byName, string? detail, IClock clock) => new()
    {
        TaskId = task.Id,
        SeriesId = task.SeriesId,
        Kind = kind,
        AtUtc = clock.UtcNow,
        ByName = byName,
        Detail = detail is { Length: > DetailMaxLength } ? detail[..DetailMaxLength] : detail,
    };
}

/// <summary>
/// 督导提示 (TK-4): head office's prompt on one task or on a sub-branch's week; its owners are notified live.
/// </summary>
internal sealed class SupervisionPrompt : Entity
{
    public const int TextMaxLength = 1000;
    public const int NameMaxLength = 100;

    // For EF Core.
    private SupervisionPrompt()
    {
        Text = "";
        AuthorName = "";
    }

    public Guid SubBranchId { get; private set; }

    public DateOnly WeekStart { get; private set; }

    /// <summary>The task prompted about; null for a prompt on the whole week.</summary>
    public Guid? TaskId { get; private set; }

    public string Text { get; private set; }

    public Guid AuthorId { get; private set; }

    public string AuthorName { get; private set; }

    public DateTime WrittenAtUtc { get; private set; }

    public static SupervisionPrompt Write(Guid subBranchId, TaskWeek week, Guid? taskId, string text, Guid authorId, string authorName, IClock clock) => new()
    {
        SubBranchId = subBranchId,
        WeekStart = week.Start,
        TaskId = taskId,
        Text = text.Trim(),
        AuthorId = authorId,
        AuthorName = authorName,
        WrittenAtUtc = clock.UtcNow,
    };
}

/// <summary>
/// A reminder already sent for a task in a reminder slot (e.g. 2026-W49 Monday): the unique key makes the reminder
/// job send once per task per slot, even when it runs twice or on two nodes.
/// </summary>
internal sealed class ReminderSent
{
    public const int SlotMaxLength = 40;

    public ReminderSent(Guid taskId, string slot, DateTime sentAtUtc)
    {
        TaskId = taskId;
        Slot = slot;
        SentAtUtc = sentAtUtc;
    }

    public Guid TaskId { get; private set; }

    public string Slot { get; private set; }

    public DateTime SentAtUtc { get; private set; }
}
