using BranchNetwork.SharedKernel;

namespace BranchNetwork.Modules.Assessment.Domain;

/// <summary>
/// 任务申辩 (AS-7): a sub-branch disputes a target or a score. The decision, its author, reason and the
/// change it made (old and new target, or score adjustment) stay on the record as the trail.
/// </summary>
internal sealed class Appeal : Entity
{
    public const int ReasonMaxLength = 2000;
    public const int NameMaxLength = 100;

    public Guid SchemeId { get; set; }

    public Guid SubBranchId { get; set; }

    public Guid? IndicatorId { get; set; }

    public AppealKind Kind { get; set; }

    public required string Reason { get; set; }

    /// <summary>The target the sub-branch asks for, or the score adjustment it asks for.</summary>
    public decimal? RequestedValue { get; set; }

    public Guid FiledById { get; set; }

    public required string FiledByName { get; set; }

    public AppealStatus Status { get; set; }

    public Guid? DecidedById { get; set; }

    public string? DecidedByName { get; set; }

    public DateTime? DecidedAtUtc { get; set; }

    public string? DecisionReason { get; set; }

    public decimal? PreviousTarget { get; set; }

    public decimal? NewTarget { get; set; }

    public decimal? ScoreAdjustment { get; set; }
}

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
