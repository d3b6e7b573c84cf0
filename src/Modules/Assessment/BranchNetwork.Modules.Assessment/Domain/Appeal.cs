namespace BranchNetwork.Modules.Assessment.Domain;

/// <summary>
/// 任务申辩 (AS-7): a sub-branch disputes a target or a score. The decision, its author, reason and the
/// change it made (old and new target, or score adjustment) stay on the record as the trail.
/// State machine: Pending → (Decide, accept) → Accepted | Pending → (Decide, reject) → Rejected; a decided appeal is final.
/// </summary>
internal sealed class Appeal : Entity
{
    public const int ReasonMaxLength = 2000;
    public const int NameMaxLength = 100;

    // For EF Core.
    private Appeal()
    {
        Reason = "";
        FiledByName = "";
    }

    public Guid SchemeId { get; private set; }

    public Guid SubBranchId { get; private set; }

    public Guid? IndicatorId { get; private set; }

    public AppealKind Kind { get; private set; }

    public string Reason { get; private set; }

    /// <summary>The target the sub-branch asks for, or the score adjustment it asks for.</summary>
    public decimal? RequestedValue { get; private set; }

    public Guid FiledById { get; private set; }

    public string FiledByName { get; private set; }

    public AppealStatus Status { get; private set; }

    public Guid? DecidedById { get; private set; }

    public string? DecidedByName { get; private set; }

    public DateTime? DecidedAtUtc { get; private set; }

    public string? DecisionReason { get; private set; }

    public decimal? PreviousTarget { get; private set; }

    public decimal? NewTarget { get; private set; }

    public decimal? ScoreAdjustment { get; private set; }

    /// <summary>Files an appeal on a published scheme, about one of its indicators when given.</summary>
    public static Appeal File(AssessmentScheme scheme, Guid subBranchId, AppealKind kind, Guid? indicatorId, string reason, decimal? requestedValue, Guid filedById, string? filedByName)
    {
        scheme.EnsureAcceptsAppeals();
        if (indicatorId is { } id)
        {
            scheme.RequireLine(id);
        }

        return new Appeal
        {
            SchemeId = scheme.Id,
            SubBranchId = subBranchId,
            IndicatorId = indicatorId,
            Kind = kind,
            Reason = reason.Trim(),
            RequestedValue = requestedValue,
            FiledById = filedById,
            FiledByName = filedByName ?? "",
            Status = AppealStatus.Pending,
        };
    }

    /// <summary>
    /// Accepts or rejects a pending appeal of a published scheme, with reasons. Accepting a target appeal sets the
    /// new target on <paramref name="cell"/> (rescored); accepting a score appeal adds the adjustment to <paramref name="sheet"/>.
    /// </summary>
    public void Decide(AppealDecision decision, AssessmentScheme scheme, Target? cell, AssessmentSheet? sheet, IClock clock)
    {
        if (Status != AppealStatus.Pending)
        {
            throw DomainText.WrongStatus("AppealDecided");
        }

        scheme.EnsureAcceptsAppeals();
        if (decision.Accept && Kind == AppealKind.Target)
        {
            var newTarget = decision.NewTarget ?? throw new ValidationFailedException("newTarget", DomainText.Get("AcceptTargetNeedsValue"));
            var target = cell ?? throw new InvalidOperationException("A target appeal is decided with its target cell.");
            PreviousTarget = target.Value;
            NewTarget = newTarget;
            target.Retarget(newTarget, scheme.Indicators.First(i => i.IndicatorId == IndicatorId));
        }
        else if (decision.Accept)
        {
            var adjustment = decision.ScoreAdjustment is { } a && a != 0m ? a : throw new ValidationFailedException("scoreAdjustment", DomainText.Get("AcceptScoreNeedsAdjustment"));
            (sheet ?? throw new InvalidOperationException("A score appeal is decided with its sheet.")).Adjust(adjustment);
            ScoreAdjustment = adjustment;
        }

        Status = decision.Accept ? AppealStatus.Accepted : AppealStatus.Rejected;
        DecidedById = decision.DeciderId;
        DecidedByName = decision.DeciderName;
        DecidedAtUtc = clock.UtcNow;
        DecisionReason = decision.Reason.Trim();
    }
}

/// <summary>A supervisor's decision on an appeal: accept (with a new target or a score adjustment) or reject, with reasons.</summary>
internal sealed record AppealDecision(bool Accept, string Reason, decimal? NewTarget, decimal? ScoreAdjustment, Guid DeciderId, string? DeciderName);

/// <summary>评比推优 (AS-8): an honour on a closed scheme's result, for a sub-branch or any subject another module names.</summary>
internal sealed class Honour : Entity
{
    public const int TitleMaxLength = 50;
    public const int SubjectKindMaxLength = 32;
    public const int SubjectNameMaxLength = 200;
    public const int CitationMaxLength = 1000;

    public Guid SchemeId { get; set; }

    public required string Title { get; set; }

    /// <summary><c>SubBranch</c>, <c>WorkPlan</c>, …</summary>
    public required string SubjectKind { get; set; }

    public Guid SubjectId { get; set; }

    public required string SubjectName { get; set; }

    public Guid? SubBranchId { get; set; }

    public string? Citation { get; set; }

    public Guid AwardedById { get; set; }

    public required string AwardedByName { get; set; }
}

/// <summary>全员点评: a comment by any member of staff on a scheme's published results.</summary>
internal sealed class ResultComment : Entity
{
    public const int BodyMaxLength = 1000;

    public Guid SchemeId { get; set; }

    public Guid AuthorId { get; set; }

    public required string AuthorName { get; set; }

    public required string Body { get; set; }
}
