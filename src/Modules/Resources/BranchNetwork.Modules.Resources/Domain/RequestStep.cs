namespace BranchNetwork.Modules.Resources.Domain;

/// <summary>
/// One step of a request's route in one round, copied from the route when submitted: its approvers, mode, CC recipients
/// and time limit. Changed only through <see cref="ResourceRequest"/>.
/// </summary>
internal sealed class RequestStep
{
    private readonly List<StepApprover> approvers = [];
    private List<Person> cc = [];

    // For EF Core.
    private RequestStep()
    {
        Name = "";
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid RequestId { get; private set; }

    public int Round { get; private set; }

    public int Index { get; private set; }

    public string Name { get; private set; }

    public StepMode Mode { get; private set; }

    public int DueWorkingDays { get; private set; }

    /// <summary>The head-office leader's step added for money above the threshold.</summary>
    public bool IsLeaderStep { get; private set; }

    public StepOutcome Outcome { get; private set; }

    public DateTime? StartedAtUtc { get; private set; }

    public DateTime? DueAtUtc { get; private set; }

    public DateTime? CompletedAtUtc { get; private set; }

    /// <summary>China day of the last SLA reminder, so approvers are reminded at most once a day.</summary>
    public DateOnly? LastRemindedOn { get; private set; }

    public IReadOnlyList<Person> Cc => cc;

    public IReadOnlyList<StepApprover> Approvers => approvers;

    /// <summary>True when the step may move on: any-of after the first approval, otherwise when everyone approved.</summary>
    public bool IsComplete
    {
        get
        {
            var deciding = approvers.Where(a => a.Status is not (ApproverStatus.Transferred or ApproverStatus.NotNeeded)).ToList();
            return Mode == StepMode.AnyOf
                ? deciding.Any(a => a.Status == ApproverStatus.Approved)
                : deciding.Count > 0 && deciding.All(a => a.Status == ApproverStatus.Approved);
        }
    }

    public bool IsOverdue(DateTime now) => Outcome == StepOutcome.Pending && DueAtUtc is { } due && due < now;

    internal static RequestStep Plan(Guid requestId, int round, int index, PlannedStep planned)
    {
        var step = new RequestStep
        {
            RequestId = requestId,
            Round = round,
            Index = index,
            Name = planned.Name,
            Mode = planned.Mode,
            DueWorkingDays = planned.DueWorkingDays,
            IsLeaderStep = planned.IsLeaderStep,
            Outcome = StepOutcome.Pending,
            cc = [.. planned.Cc],
        };
        var order = 0;
        foreach (var person in planned.Approvers.DistinctBy(p => p.UserId))
        {
            step.approvers.Add(new StepApprover(step.Id, person, order++, null, null));
        }

        return step;
    }

    internal void Start(DateTime now, StepDueAt dueAt)
    {
        StartedAtUtc = now;
        DueAtUtc = dueAt(now, DueWorkingDays);
        Outcome = StepOutcome.Pending;
        CompletedAtUtc = null;
        LastRemindedOn = null;
    }

    internal void Complete(StepOutcome outcome, DateTime now)
    {
        Outcome = outcome;
        CompletedAtUtc = now;
        foreach (var waiting in approvers.Where(a => a.Status == ApproverStatus.Waiting))
        {
            waiting.NotNeeded();
        }
    }

    /// <summary>The step decides again after a return: its decisions are cleared (the operation record keeps them).</summary>
    internal void Reopen()
    {
        Outcome = StepOutcome.Pending;
        StartedAtUtc = null;
        DueAtUtc = null;
        CompletedAtUtc = null;
        foreach (var approver in approvers.Where(a => a.Status != ApproverStatus.Transferred))
        {
            approver.Reset();
        }
    }

    internal void AddApprover(Person person, int order, Guid? transferredFrom, Guid? addedBy) =>
        approvers.Add(new StepApprover(Id, person, order, transferredFrom, addedBy));

    /// <summary>Puts a signer right after the approver at <paramref name="order"/>, moving the later ones one place down.</summary>
    internal void InsertAfter(int order, Person signer, Guid addedBy)
    {
        foreach (var later in approvers.Where(a => a.Order > order))
        {
            later.MoveDown();
        }

        approvers.Add(new StepApprover(Id, signer, order + 1, null, addedBy));
    }

    internal bool NeedsReminder(DateTime now, DateOnly day) => IsOverdue(now) && LastRemindedOn != day;

    internal void Reminded(DateOnly day) => LastRemindedOn = day;
}

/// <summary>One approver of a step: who, in which order, where they stand, what they granted and said.</summary>
internal sealed class StepApprover
{
    // For EF Core.
    private StepApprover()
    {
        Name = "";
    }

    internal StepApprover(Guid stepId, Person person, int order, Guid? transferredFromId, Guid? addedById)
    {
        StepId = stepId;
        UserId = person.UserId;
        Name = person.Name;
        Order = order;
        Status = ApproverStatus.Waiting;
        TransferredFromId = transferredFromId;
        AddedById = addedById;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid StepId { get; private set; }

    public Guid UserId { get; private set; }

    public string Name { get; private set; }

    public int Order { get; private set; }

    public ApproverStatus Status { get; private set; }

    public DateTime? OpenedAtUtc { get; private set; }

    public DateTime? DecidedAtUtc { get; private set; }

    public decimal? Granted { get; private set; }

    public string? Comment { get; private set; }

    /// <summary>Set when this approver took the place of a colleague who transferred the step (转交).</summary>
    public Guid? TransferredFromId { get; private set; }

    /// <summary>Set when this approver was added by another (加签).</summary>
    public Guid? AddedById { get; private set; }

    internal void MarkOpened(DateTime now) => OpenedAtUtc ??= now;

    internal void Decide(ApproverStatus status, decimal? granted, string? comment, DateTime now)
    {
        Status = status;
        Granted = granted;
        Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        DecidedAtUtc = now;
    }

    internal void TransferTo(DateTime now, string? comment)
    {
        Status = ApproverStatus.Transferred;
        Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        DecidedAtUtc = now;
    }

    internal void NotNeeded() => Status = ApproverStatus.NotNeeded;

    internal void Reset()
    {
        Status = ApproverStatus.Waiting;
        Granted = null;
        Comment = null;
        DecidedAtUtc = null;
    }

    internal void MoveDown() => Order++;
}

/// <summary>A line of the operation record (操作记录): who, when, what, at which step, with which comment.</summary>
internal sealed class RequestAction
{
    // For EF Core.
    private RequestAction()
    {
        ActorName = "";
    }

    internal RequestAction(Guid requestId, Person actor, RequestActionKind kind, DateTime atUtc, string? stepName, string? comment, decimal? granted, string? detail)
    {
        RequestId = requestId;
        ActorId = actor.UserId == Guid.Empty ? null : actor.UserId;
        ActorName = actor.Name;
        Kind = kind;
        AtUtc = atUtc;
        StepName = stepName;
        Comment = comment;
        Granted = granted;
        Detail = detail;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid RequestId { get; private set; }

    /// <summary>Null for what the system did (an SLA reminder).</summary>
    public Guid? ActorId { get; private set; }

    public string ActorName { get; private set; }

    public RequestActionKind Kind { get; private set; }

    public DateTime AtUtc { get; private set; }

    public string? StepName { get; private set; }

    public string? Comment { get; private set; }

    public decimal? Granted { get; private set; }

    /// <summary>Where a return went (the step or the requester), to whom a step was transferred, who was added.</summary>
    public string? Detail { get; private set; }
}
