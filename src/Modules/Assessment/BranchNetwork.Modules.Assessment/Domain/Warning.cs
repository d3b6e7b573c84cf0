using BranchNetwork.SharedKernel;

namespace BranchNetwork.Modules.Assessment.Domain;

/// <summary>An early-warning rule of a scheme (AS-6), evaluated by the daily job.</summary>
internal sealed class WarningRule : Entity
{
    public Guid SchemeId { get; set; }

    public WarningRuleKind Kind { get; set; }

    /// <summary>N: percentage points behind, bottom-N ranks, or days without progress.</summary>
    public decimal Threshold { get; set; }

    public bool IsActive { get; set; } = true;
}

/// <summary>预警 / 提示 (AS-6) to a sub-branch, tracked from open through acknowledgement to closure.</summary>
internal sealed class Warning : Entity
{
    public const int MessageMaxLength = 1000;
    public const int ResponseMaxLength = 1000;
    public const int OpenKeyMaxLength = 120;
    public const int SubjectKindMaxLength = 32;
    public const int NameMaxLength = 100;

    public Guid SchemeId { get; set; }

    public Guid SubBranchId { get; set; }

    /// <summary>The indicator concerned; null for a whole-sheet warning (bottom rank, or a manual one).</summary>
    public Guid? IndicatorId { get; set; }

    /// <summary>The rule that raised it; null when a supervisor issued it by hand.</summary>
    public Guid? RuleId { get; set; }

    public WarningKind Kind { get; set; }

    public required string Message { get; set; }

    /// <summary>What a prompt is about, e.g. <c>WorkPlan</c>, <c>WeeklyTask</c>, <c>WorkLog</c> (owned by other modules).</summary>
    public string? SubjectKind { get; set; }

    public Guid? SubjectId { get; set; }

    public WarningStatus Status { get; set; }

    /// <summary>
    /// rule × sub-branch × indicator while the warning is not closed, null after: a unique index makes
    /// "at most one open warning per rule, sub-branch and indicator" hold even if two evaluations race.
    /// </summary>
    public string? OpenKey { get; set; }

    public Guid? IssuedById { get; set; }

    public string? IssuedByName { get; set; }

    public string? Response { get; set; }

    public Guid? AcknowledgedById { get; set; }

    public DateTime? AcknowledgedAtUtc { get; set; }

    public Guid? ClosedById { get; set; }

    public DateTime? ClosedAtUtc { get; set; }

    public WarningCloseReason? CloseReason { get; set; }

    public static string KeyFor(Guid ruleId, Guid subBranchId, Guid? indicatorId) => $"{ruleId:N}:{subBranchId:N}:{indicatorId?.ToString("N") ?? "-"}";

    public void Close(WarningCloseReason reason, Guid? byUserId, DateTime atUtc)
    {
        Status = WarningStatus.Closed;
        OpenKey = null;
        CloseReason = reason;
        ClosedById = byUserId;
        ClosedAtUtc = atUtc;
    }
}
