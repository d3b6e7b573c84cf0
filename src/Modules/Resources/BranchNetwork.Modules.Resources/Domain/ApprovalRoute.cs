namespace BranchNetwork.Modules.Resources.Domain;

/// <summary>
/// 审批流程 (RR-2): the route a request of one kind follows, configured by SystemAdmin. Ordered steps, each with its
/// approvers (named people, or everyone active in a head-office role when submitted), its mode, its CC recipients and its
/// time limit in working days. A money request above <see cref="LeaderThreshold"/> gets one more, final step decided by
/// the head-office leader(s) in <see cref="LeaderApproverIds"/>. A request copies the route when it is submitted, so a
/// later change of the route never changes a request under way.
/// </summary>
internal sealed class ApprovalRoute : Entity
{
    public const int MaxSteps = 10;
    public const int MaxApproversPerStep = 20;
    public const int MaxCc = 20;
    public const int MaxDueWorkingDays = 30;
    public const int DefaultDueWorkingDays = 2;
    public const decimal DefaultLeaderThreshold = 50_000m;
    public const decimal MaxAmount = 1_000_000_000m;

    private List<RouteStepDefinition> steps = [];
    private List<Guid> leaderApproverIds = [];

    // For EF Core.
    private ApprovalRoute()
    {
    }

    public ResourceKind Kind { get; private set; }

    public IReadOnlyList<RouteStepDefinition> Steps => steps;

    /// <summary>Money only: an amount strictly above it adds the leader's step. Null for people and material.</summary>
    public decimal? LeaderThreshold { get; private set; }

    public IReadOnlyList<Guid> LeaderApproverIds => leaderApproverIds;

    public static ApprovalRoute Create(ResourceKind kind, IReadOnlyList<RouteStepDefinition> steps, decimal? leaderThreshold, IReadOnlyList<Guid> leaderApproverIds)
    {
        var route = new ApprovalRoute { Kind = kind };
        route.Configure(steps, leaderThreshold, leaderApproverIds);
        return route;
    }

    /// <summary>
    /// Replaces the route. Refuses (400, field by field) a route without steps, a step without approvers, more than
    /// <see cref="MaxSteps"/> steps, a time limit outside 1..<see cref="MaxDueWorkingDays"/> working days, and for money
    /// a threshold that is not positive or a threshold without a leader.
    /// </summary>
    public void Configure(IReadOnlyList<RouteStepDefinition> newSteps, decimal? leaderThreshold, IReadOnlyList<Guid> newLeaderApproverIds)
    {
        var errors = new Dictionary<string, string[]>();
        if (newSteps.Count == 0)
        {
            errors["steps"] = [DomainText.Get("RouteNeedsSteps")];
        }
        else if (newSteps.Count > MaxSteps)
        {
            errors["steps"] = [DomainText.Format("RouteTooManySteps", MaxSteps)];
        }

        for (var i = 0; i < newSteps.Count; i++)
        {
            var step = newSteps[i];
            if (string.IsNullOrWhiteSpace(step.Name) || step.Name.Length > RouteStepDefinition.NameMaxLength)
            {
                errors[$"steps[{i}].name"] = [DomainText.Format("StepNameInvalid", RouteStepDefinition.NameMaxLength)];
            }

            if (step.ApproverIds.Count == 0 && string.IsNullOrEmpty(step.ApproverRole))
            {
                errors[$"steps[{i}].approverIds"] = [DomainText.Get("StepNeedsApprovers")];
            }
            else if (step.ApproverIds.Count > MaxApproversPerStep || step.ApproverIds.Distinct().Count() != step.ApproverIds.Count)
            {
                errors[$"steps[{i}].approverIds"] = [DomainText.Format("StepApproversInvalid", MaxApproversPerStep)];
            }

            if (step.CcIds.Count > MaxCc)
            {
                errors[$"steps[{i}].ccIds"] = [DomainText.Format("StepCcTooMany", MaxCc)];
            }

            if (step.DueWorkingDays is < 1 or > MaxDueWorkingDays)
            {
                errors[$"steps[{i}].dueWorkingDays"] = [DomainText.Format("StepDueInvalid", MaxDueWorkingDays)];
            }
        }

        if (Kind == ResourceKind.Money)
        {
            if (leaderThreshold is not { } threshold || threshold <= 0 || threshold > MaxAmount)
            {
                errors["leaderThreshold"] = [DomainText.Get("LeaderThresholdInvalid")];
            }

            if (newLeaderApproverIds.Count == 0)
            {
                errors["leaderApproverIds"] = [DomainText.Get("LeaderNeeded")];
            }
        }

        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }

        steps = [.. newSteps];
        LeaderThreshold = Kind == ResourceKind.Money ? leaderThreshold : null;
        leaderApproverIds = Kind == ResourceKind.Money ? [.. newLeaderApproverIds.Distinct()] : [];
    }

    /// <summary>True when a request of this amount gets the leader's final step (strictly above the threshold).</summary>
    public bool NeedsLeader(decimal? amount) =>
        Kind == ResourceKind.Money && LeaderThreshold is { } threshold && amount is { } value && value > threshold && leaderApproverIds.Count > 0;
}

/// <summary>
/// One configured step. Approvers are the named people, plus — when <see cref="ApproverRole"/> is set — every active
/// head-office user in that role at the moment the request is submitted.
/// </summary>
internal sealed record RouteStepDefinition(
    string Name,
    StepMode Mode,
    IReadOnlyList<Guid> ApproverIds,
    string? ApproverRole,
    IReadOnlyList<Guid> CcIds,
    int DueWorkingDays)
{
    public const int NameMaxLength = 50;
}
