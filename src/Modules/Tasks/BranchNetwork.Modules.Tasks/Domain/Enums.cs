namespace BranchNetwork.Modules.Tasks.Domain;

/// <summary>
/// A work plan's review state (TK-1): Draft → Submitted → Approved, or Submitted → Returned → (revised) → Submitted.
/// </summary>
internal enum PlanState
{
    Draft = 0,
    Submitted = 1,
    Returned = 2,
    Approved = 3,
}

/// <summary>
/// A weekly task's state (TK-2): Open → Done (核销) | CarriedOver (to next week) | Cancelled | Lapsed (a skippable
/// recurring task whose week passed). Every state but Open is final for this week's task.
/// </summary>
internal enum WeeklyTaskState
{
    Open = 0,
    Done = 1,
    CarriedOver = 2,
    Cancelled = 3,
    Lapsed = 4,
}

/// <summary>Whether a task comes back every week, and what a missed week means (chosen when the task is created).</summary>
internal enum TaskRecurrence
{
    /// <summary>This week only.</summary>
    Once = 0,

    /// <summary>Weekly until a date; a missed week carries over until done.</summary>
    MustDo = 1,

    /// <summary>Weekly until a date; a missed week lapses.</summary>
    Skippable = 2,
}

/// <summary>What happened to a task, for its history (kept across carry-overs).</summary>
internal enum TaskEventKind
{
    Created = 0,
    WrittenOff = 1,
    CarriedOver = 2,
    Cancelled = 3,
    Lapsed = 4,
    Prompted = 5,
    Reminded = 6,
}
