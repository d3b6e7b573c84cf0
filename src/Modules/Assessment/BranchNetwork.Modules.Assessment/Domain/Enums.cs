namespace BranchNetwork.Modules.Assessment.Domain;

/// <summary>Whether more is better (deposits, customers) or less is better (non-performing loans, complaints).</summary>
internal enum IndicatorDirection
{
    HigherIsBetter = 0,
    LowerIsBetter = 1,
}

/// <summary>Where an indicator's actual values come from (AS-1).</summary>
internal enum IndicatorDataSource
{
    Manual = 0,
    Import = 1,
    Computed = 2,

    /// <summary>
    /// Written-off weekly tasks (TK-2): each write-off adds its quantity to the cumulative actual. Typed and imported
    /// entries are refused, as they would reset the running sum; a correction stays possible.
    /// </summary>
    Tasks = 3,
}

/// <summary>How completion turns into a share of the indicator's weight (AS-8).</summary>
internal enum ScoringRuleKind
{
    /// <summary>weight × clamp(completion, floor, cap).</summary>
    Ratio = 0,

    /// <summary>As <see cref="Ratio"/>, but 0 below a minimum completion.</summary>
    Threshold = 1,

    /// <summary>weight × the factor of the highest band whose lower bound the completion reaches.</summary>
    Banded = 2,
}

internal enum PeriodKind
{
    Quarter = 0,
    HalfYear = 1,
    Year = 2,
    Custom = 3,
}

/// <summary>综合 (every business line) or 专项 (one business line).</summary>
internal enum SchemeKind
{
    Comprehensive = 0,
    Special = 1,
}

internal enum SchemeStatus
{
    Draft = 0,
    Published = 1,
    Closed = 2,
}

internal enum Grade
{
    Excellent = 0,
    Good = 1,
    Fair = 2,
    Unsatisfactory = 3,
}

/// <summary>How a progress entry arrived.</summary>
internal enum ProgressSource
{
    Manual = 0,
    Import = 1,
    Computed = 2,

    /// <summary>A weekly task written off in the work-plan module (TK-2).</summary>
    Tasks = 3,
}

internal enum WarningRuleKind
{
    /// <summary>Completion is behind time progress by more than N percentage points.</summary>
    BehindTimeProgress = 0,

    /// <summary>The sub-branch ranks in the bottom N of the scheme.</summary>
    BottomRank = 1,

    /// <summary>No progress entered for the indicator for N days.</summary>
    NoProgressForDays = 2,
}

/// <summary>预警 (a weakness to act on) or 提示 (a reminder with a message).</summary>
internal enum WarningKind
{
    Warning = 0,
    Prompt = 1,
}

internal enum WarningStatus
{
    Open = 0,
    Acknowledged = 1,
    Closed = 2,
}

internal enum WarningCloseReason
{
    Supervisor = 0,
    ConditionCleared = 1,
}

internal enum AppealKind
{
    Target = 0,
    Score = 1,
}

internal enum AppealStatus
{
    Pending = 0,
    Accepted = 1,
    Rejected = 2,
}
