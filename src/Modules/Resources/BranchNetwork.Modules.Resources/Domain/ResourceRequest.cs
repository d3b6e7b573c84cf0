namespace BranchNetwork.Modules.Resources.Domain;

/// <summary>
/// 资源申请 (RR-1, RR-2): a sub-branch asks head office for people, money or material and the request follows its kind's
/// route step by step. The request owns every change: its state (<see cref="RequestState"/>), its steps and their
/// approvers, what has been granted so far, and the operation record (操作记录) of every action. Each change also moves
/// <see cref="LastActionAtUtc"/>, so the request's version moves with any change of a step: two approvers deciding at the
/// same instant cannot both save over the same version (the handler reloads and applies the later one again).
/// </summary>
internal sealed class ResourceRequest : Entity
{
    public const int NameMaxLength = 100;
    public const int CommentMaxLength = 500;
    public const int MaxAttachments = 10;

    private readonly List<RequestStep> steps = [];
    private readonly List<RequestAction> actions = [];
    private List<RequestAttachment> attachments = [];

    // For EF Core.
    private ResourceRequest()
    {
        Title = "";
        Justification = "";
        SubBranchName = "";
        RequesterName = "";
    }

    public ResourceKind Kind { get; private set; }

    public string Title { get; private set; }

    public string Justification { get; private set; }

    public Guid SubBranchId { get; private set; }

    public string SubBranchName { get; private set; }

    public Guid RequesterId { get; private set; }

    public string RequesterName { get; private set; }

    /// <summary>People: persons; material: the item's quantity. Null for money.</summary>
    public decimal? Quantity { get; private set; }

    public string? Unit { get; private set; }

    /// <summary>People: for how many days they are needed (e.g. 14 for two weeks).</summary>
    public int? DurationDays { get; private set; }

    public string? ItemName { get; private set; }

    /// <summary>Money: CNY, two decimals.</summary>
    public decimal? Amount { get; private set; }

    public string? BudgetCategory { get; private set; }

    public DateOnly NeededBy { get; private set; }

    public Guid? IndicatorId { get; private set; }

    public string? IndicatorName { get; private set; }

    public Guid? MeasureId { get; private set; }

    public string? MeasureTitle { get; private set; }

    public RequestState State { get; private set; }

    /// <summary>How many times it was submitted: a request returned to the requester and submitted again runs a new round of steps.</summary>
    public int Round { get; private set; }

    /// <summary>Index of the step deciding now (in the current round), or null when no step is deciding.</summary>
    public int? CurrentStepIndex { get; private set; }

    /// <summary>What the approvers have granted so far: the asked figure until someone grants less; final once decided.</summary>
    public decimal? Granted { get; private set; }

    public DateTime? SubmittedAtUtc { get; private set; }

    public DateTime? DecidedAtUtc { get; private set; }

    public DateTime? FulfilledAtUtc { get; private set; }

    public DateTime LastActionAtUtc { get; private set; }

    public IReadOnlyList<RequestAttachment> Attachments => attachments;

    public IReadOnlyList<RequestStep> Steps => steps;

    public IReadOnlyList<RequestAction> Actions => actions;

    /// <summary>The figure asked in the request's own measure (persons, yuan, the item's unit).</summary>
    public decimal Asked => (Kind == ResourceKind.Money ? Amount : Quantity) ?? 0m;

    public bool IsFinal => State is RequestState.Approved or RequestState.PartiallyApproved or RequestState.Rejected
        or RequestState.Withdrawn or RequestState.Fulfilled;

    /// <summary>The steps of the current round, in order.</summary>
    public IEnumerable<RequestStep> CurrentRoundSteps => steps.Where(s => s.Round == Round).OrderBy(s => s.Index);

    public RequestStep? CurrentStep => CurrentStepIndex is { } index ? steps.SingleOrDefault(s => s.Round == Round && s.Index == index) : null;

    /// <summary>Starts a draft for the requester's sub-branch (RR-1).</summary>
    public static ResourceRequest Draft(ResourceKind kind, RequestContent content, Person requester, Guid subBranchId, string subBranchName, DateOnly today, DateTime now)
    {
        content.Check(kind, today);
        var request = new ResourceRequest
        {
            Kind = kind,
            RequesterId = requester.UserId,
            RequesterName = requester.Name,
            SubBranchId = subBranchId,
            SubBranchName = subBranchName,
            State = RequestState.Draft,
        };
        request.Apply(content);
        request.Record(requester, RequestActionKind.Created, now);
        return request;
    }

    /// <summary>Changes the content while the request is with its requester: a draft, or returned (退回) to them.</summary>
    public void Edit(RequestContent content, Person requester, DateOnly today, DateTime now)
    {
        EnsureRequester(requester);
        if (State is not (RequestState.Draft or RequestState.Returned))
        {
            throw DomainText.WrongState("EditOnlyDraft");
        }

        content.Check(Kind, today);
        Apply(content);
        Record(requester, RequestActionKind.Edited, now);
    }

    public void Attach(RequestAttachment attachment, Person requester, DateTime now)
    {
        EnsureRequester(requester);
        if (State is not (RequestState.Draft or RequestState.Returned))
        {
            throw DomainText.WrongState("EditOnlyDraft");
        }

        if (attachments.Count >= MaxAttachments)
        {
            throw new ValidationFailedException("file", DomainText.Format("TooManyAttachments", MaxAttachments));
        }

        attachments = [.. attachments, attachment];
        Touch(now);
    }

    /// <summary>
    /// Submits (or submits again after a return) along the planned route: a new round of steps, the first one starting
    /// now with its due time. Refuses a route without approvers (409 <c>resources.route_without_approvers</c>).
    /// </summary>
    public void Submit(IReadOnlyList<PlannedStep> route, Person requester, DateTime now, StepDueAt dueAt)
    {
        EnsureRequester(requester);
        if (State is not (RequestState.Draft or RequestState.Returned))
        {
            throw DomainText.WrongState("SubmitOnlyDraft");
        }

        if (route.Count == 0 || route.Any(s => s.Approvers.Count == 0))
        {
            throw new ConflictException("resources.route_without_approvers", DomainText.Get("RouteWithoutApprovers"));
        }

        Round++;
        for (var i = 0; i < route.Count; i++)
        {
            steps.Add(RequestStep.Plan(Id, Round, i, route[i]));
        }

        State = RequestState.Submitted;
        SubmittedAtUtc = now;
        DecidedAtUtc = null;
        Granted = Asked;
        CurrentStepIndex = 0;
        CurrentStep!.Start(now, dueAt);
        Record(requester, RequestActionKind.Submitted, now, stepName: CurrentStep.Name);
    }

    /// <summary>撤回: back to a draft, allowed only while no approver has opened it.</summary>
    public void Recall(Person requester, DateTime now)
    {
        EnsureRequester(requester);
        if (State is not (RequestState.Submitted or RequestState.InReview))
        {
            throw DomainText.WrongState("RecallOnlySubmitted");
        }

        // In review means an approver has opened (or decided) it: say so, rather than "wrong state".
        if (State == RequestState.InReview || CurrentRoundSteps.SelectMany(s => s.Approvers).Any(a => a.OpenedAtUtc != null))
        {
            throw new ConflictException("resources.already_opened", DomainText.Get("AlreadyOpened"));
        }

        CancelRound(now);
        State = RequestState.Draft;
        Record(requester, RequestActionKind.Recalled, now);
    }

    /// <summary>撤销: the requester gives up before the first decision of the round (or while it is back with them).</summary>
    public void Withdraw(Person requester, string? comment, DateTime now)
    {
        EnsureRequester(requester);
        if (IsFinal)
        {
            throw DomainText.WrongState("WithdrawAfterDecision");
        }

        if (State is RequestState.Submitted or RequestState.InReview
            && CurrentRoundSteps.SelectMany(s => s.Approvers).Any(a => a.Status is ApproverStatus.Approved or ApproverStatus.Rejected))
        {
            throw new ConflictException("resources.already_decided", DomainText.Get("WithdrawAfterDecision"));
        }

        CancelRound(now);
        State = RequestState.Withdrawn;
        Record(requester, RequestActionKind.Withdrawn, now, comment: comment);
    }

    /// <summary>
    /// An approver of the deciding step opens the request: from then on the requester can no longer recall it, and the
    /// request is 审批中. Returns whether anything changed (a second opening records nothing).
    /// </summary>
    public bool Open(Person approver, DateTime now)
    {
        var step = CurrentStep;
        if (step is null || IsFinal)
        {
            return false;
        }

        var entries = step.Approvers.Where(a => a.UserId == approver.UserId && a.Status == ApproverStatus.Waiting && a.OpenedAtUtc == null).ToList();
        if (entries.Count == 0)
        {
            return false;
        }

        foreach (var entry in entries)
        {
            entry.MarkOpened(now);
        }

        if (State == RequestState.Submitted)
        {
            State = RequestState.InReview;
        }

        Record(approver, RequestActionKind.Opened, now, stepName: step.Name);
        return true;
    }

    /// <summary>
    /// An approver decides at the deciding step (RR-2). Approving may grant less than what is granted so far (partial),
    /// never more and never nothing; rejecting needs a reason and ends the request. The step completes by its mode and the
    /// next one starts, or the request is decided.
    /// </summary>
    public void Decide(Person approver, bool approve, decimal? granted, string? comment, DateTime now, StepDueAt dueAt)
    {
        var (step, entry) = ActingEntry(approver);
        if (approve)
        {
            var grant = granted ?? Granted ?? Asked;
            if (grant <= 0 || grant > (Granted ?? Asked) || decimal.Round(grant, 2) != grant
                || (Kind == ResourceKind.People && grant != decimal.Truncate(grant)))
            {
                throw new ValidationFailedException("granted", DomainText.Format("GrantInvalid", Granted ?? Asked));
            }

            entry.Decide(ApproverStatus.Approved, grant, comment, now);
            Granted = grant;
            Record(approver, grant < Asked ? RequestActionKind.PartiallyApproved : RequestActionKind.Approved, now, step.Name, comment, grant);
            if (step.IsComplete)
            {
                step.Complete(StepOutcome.Approved, now);
                var next = CurrentRoundSteps.FirstOrDefault(s => s.Index > step.Index);
                if (next is null)
                {
                    State = Granted < Asked ? RequestState.PartiallyApproved : RequestState.Approved;
                    DecidedAtUtc = now;
                    CurrentStepIndex = null;
                }
                else
                {
                    CurrentStepIndex = next.Index;
                    next.Start(now, dueAt);
                    State = RequestState.InReview;
                }
            }
            else
            {
                State = RequestState.InReview;
            }
        }
        else
        {
            if (string.IsNullOrWhiteSpace(comment))
            {
                throw new ValidationFailedException("comment", DomainText.Get("ReasonNeeded"));
            }

            entry.Decide(ApproverStatus.Rejected, null, comment, now);
            step.Complete(StepOutcome.Rejected, now);
            foreach (var later in CurrentRoundSteps.Where(s => s.Index > step.Index))
            {
                later.Complete(StepOutcome.Cancelled, now);
            }

            State = RequestState.Rejected;
            DecidedAtUtc = now;
            CurrentStepIndex = null;
            Record(approver, RequestActionKind.Rejected, now, step.Name, comment);
        }
    }

    /// <summary>
    /// 退回: an approver of the deciding step sends the request back to an earlier step of the round (which decides again)
    /// or, with <paramref name="toStepIndex"/> null, to the requester (who edits and submits again). A reason is needed.
    /// </summary>
    public void Return(Person approver, int? toStepIndex, string? comment, DateTime now, StepDueAt dueAt)
    {
        var (step, _) = ActingEntry(approver);
        if (string.IsNullOrWhiteSpace(comment))
        {
            throw new ValidationFailedException("comment", DomainText.Get("ReasonNeeded"));
        }

        if (toStepIndex is { } target)
        {
            if (target < 0 || target >= step.Index)
            {
                throw new ValidationFailedException("toStep", DomainText.Get("ReturnTargetInvalid"));
            }

            var reopened = CurrentRoundSteps.Where(s => s.Index >= target && s.Index <= step.Index).ToList();
            foreach (var s in reopened)
            {
                s.Reopen();
            }

            // What the steps before the target granted still stands; what the reopened steps granted is decided again.
            Granted = CurrentRoundSteps.Where(s => s.Index < target).SelectMany(s => s.Approvers)
                .Where(a => a.Status == ApproverStatus.Approved && a.Granted != null)
                .OrderByDescending(a => a.DecidedAtUtc).Select(a => a.Granted).FirstOrDefault() ?? Asked;
            CurrentStepIndex = target;
            var targetStep = CurrentStep!;
            targetStep.Start(now, dueAt);
            Record(approver, RequestActionKind.Returned, now, step.Name, comment, detail: targetStep.Name);
        }
        else
        {
            step.Complete(StepOutcome.Returned, now);
            foreach (var later in CurrentRoundSteps.Where(s => s.Index > step.Index))
            {
                later.Complete(StepOutcome.Cancelled, now);
            }

            State = RequestState.Returned;
            CurrentStepIndex = null;
            Record(approver, RequestActionKind.Returned, now, step.Name, comment, detail: RequesterName);
        }
    }

    /// <summary>转交: the approver hands their place at the deciding step to a colleague, who decides instead.</summary>
    public void Transfer(Person approver, Person colleague, string? comment, DateTime now)
    {
        var (step, entry) = ActingEntry(approver);
        EnsureNewApprover(step, colleague);
        entry.TransferTo(now, comment);
        step.AddApprover(colleague, entry.Order, transferredFrom: approver.UserId, addedBy: null);
        Record(approver, RequestActionKind.Transferred, now, step.Name, comment, detail: colleague.Name);
    }

    /// <summary>
    /// 加签: the approver adds a signer to the deciding step. One by one, the signer decides right after the approver; in
    /// an all-of step the signer's approval is needed too; in an any-of step the signer is one more who may decide.
    /// </summary>
    public void AddSigner(Person approver, Person signer, string? comment, DateTime now)
    {
        var (step, entry) = ActingEntry(approver);
        EnsureNewApprover(step, signer);
        step.InsertAfter(entry.Order, signer, approver.UserId);
        Record(approver, RequestActionKind.SignerAdded, now, step.Name, comment, detail: signer.Name);
    }

    /// <summary>Head office confirms delivery (已落实) of an approved or partially approved request.</summary>
    public void ConfirmFulfilled(Person confirmer, string? comment, DateTime now)
    {
        if (State is not (RequestState.Approved or RequestState.PartiallyApproved))
        {
            throw DomainText.WrongState("FulfilOnlyApproved");
        }

        State = RequestState.Fulfilled;
        FulfilledAtUtc = now;
        Record(confirmer, RequestActionKind.Fulfilled, now, comment: comment, granted: Granted);
    }

    /// <summary>Records the daily SLA reminder for the deciding step; false when it was already sent that day.</summary>
    public bool RecordReminder(DateOnly day, DateTime now)
    {
        var step = CurrentStep;
        if (step is null || !step.NeedsReminder(now, day))
        {
            return false;
        }

        step.Reminded(day);
        Record(new Person(Guid.Empty, ""), RequestActionKind.Reminded, now, step.Name);
        return true;
    }

    /// <summary>The people waiting to decide at the deciding step (one by one: only the one whose turn it is).</summary>
    public IReadOnlyList<StepApprover> WaitingApprovers()
    {
        var step = CurrentStep;
        if (step is null || IsFinal)
        {
            return [];
        }

        var waiting = step.Approvers.Where(a => a.Status == ApproverStatus.Waiting).OrderBy(a => a.Order).ToList();
        return step.Mode == StepMode.OneByOne ? waiting.Take(1).ToList() : waiting;
    }

    /// <summary>Whether this person is (or was) an approver of the request in any round: they may read it.</summary>
    public bool HasApprover(Guid userId) => steps.Any(s => s.Approvers.Any(a => a.UserId == userId));

    private (RequestStep Step, StepApprover Entry) ActingEntry(Person approver)
    {
        if (State is not (RequestState.Submitted or RequestState.InReview) || CurrentStep is not { } step)
        {
            throw DomainText.WrongState("NotInReview");
        }

        var entry = WaitingApprovers().FirstOrDefault(a => a.UserId == approver.UserId);
        if (entry is null)
        {
            if (step.Approvers.Any(a => a.UserId == approver.UserId && a.Status == ApproverStatus.Waiting))
            {
                throw new ConflictException("resources.not_your_turn", DomainText.Get("NotYourTurn"));
            }

            if (step.Approvers.Any(a => a.UserId == approver.UserId && a.Status is ApproverStatus.Approved or ApproverStatus.Rejected))
            {
                throw new ConflictException("resources.already_decided", DomainText.Get("AlreadyDecided"));
            }

            throw new ForbiddenException("resources.not_your_step", DomainText.Get("NotYourStep"));
        }

        return (step, entry);
    }

    private void EnsureNewApprover(RequestStep step, Person person)
    {
        if (person.UserId == RequesterId || step.Approvers.Any(a => a.UserId == person.UserId && a.Status == ApproverStatus.Waiting))
        {
            throw new ValidationFailedException("userId", DomainText.Get("ApproverInvalid"));
        }
    }

    private void EnsureRequester(Person requester)
    {
        if (requester.UserId != RequesterId)
        {
            throw new ForbiddenException("resources.not_requester", DomainText.Get("NotRequester"));
        }
    }

    private void CancelRound(DateTime now)
    {
        foreach (var step in CurrentRoundSteps.Where(s => s.Outcome == StepOutcome.Pending))
        {
            step.Complete(StepOutcome.Cancelled, now);
        }

        CurrentStepIndex = null;
    }

    private void Apply(RequestContent content)
    {
        Title = content.Title.Trim();
        Justification = content.Justification.Trim();
        NeededBy = content.NeededBy;
        IndicatorId = content.Indicator?.Id;
        IndicatorName = content.Indicator?.Name;
        MeasureId = content.Measure?.Id;
        MeasureTitle = content.Measure?.Name;
        Quantity = Kind == ResourceKind.Money ? null : content.Quantity;
        Unit = Kind switch
        {
            ResourceKind.Material => content.Unit?.Trim(),
            ResourceKind.People => DomainText.Get("UnitPerson"),
            _ => null,
        };
        DurationDays = Kind == ResourceKind.People ? content.DurationDays : null;
        ItemName = Kind == ResourceKind.Material ? content.ItemName?.Trim() : null;
        Amount = Kind == ResourceKind.Money ? content.Amount : null;
        BudgetCategory = Kind == ResourceKind.Money ? content.BudgetCategory?.Trim() : null;
    }

    private void Record(Person actor, RequestActionKind kind, DateTime now, string? stepName = null, string? comment = null, decimal? granted = null, string? detail = null)
    {
        actions.Add(new RequestAction(Id, actor, kind, now, stepName, string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(), granted, detail));
        Touch(now);
    }

    private void Touch(DateTime now) => LastActionAtUtc = now;
}
