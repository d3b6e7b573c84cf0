using BranchNetwork.SharedKernel;

namespace BranchNetwork.Modules.Tasks.Contracts;

/// <summary>
/// A weekly task was written off (核销) with an actual quantity (TK-2). The task's measure answers
/// <paramref name="IndicatorId"/> of the sheet (<paramref name="SchemeId"/>, <paramref name="SubBranchId"/>); the
/// assessment module decides whether the indicator takes task progress and records it if so.
/// </summary>
public sealed record WeeklyTaskWrittenOff(
    Guid EventId,
    DateTime OccurredAtUtc,
    Guid TaskId,
    Guid SchemeId,
    Guid SubBranchId,
    Guid IndicatorId,
    DateOnly WrittenOffOn,
    decimal Quantity,
    Guid WrittenOffById,
    string WrittenOffByName) : IIntegrationEvent;

/// <summary>
/// A supervisor marked a work plan excellent (优秀工作方案, TK-5) after its scheme closed; staff of every sub-branch
/// can now read it as an example. The assessment module records it as an honour; community and incentives follow.
/// </summary>
public sealed record WorkPlanMarkedExcellent(
    Guid EventId,
    DateTime OccurredAtUtc,
    Guid PlanId,
    Guid SchemeId,
    Guid SubBranchId,
    string SubBranchName,
    string Citation,
    Guid MarkedById) : IIntegrationEvent;

/// <summary>A weekly task as another module sees it (e.g. a daily log line linking it).</summary>
public sealed record AssignedTaskInfo(
    Guid TaskId,
    Guid SubBranchId,
    string Title,
    string MeasureTitle,
    decimal Quantity,
    string Unit,
    DateOnly WeekStart,
    DateOnly DueDate,
    bool IsOpen);

/// <summary>
/// Read-only view of the weekly tasks assigned to a person, for other modules (WL-1: log lines link to the author's own
/// tasks). No authorisation here: the caller asks for the signed-in user's own tasks.
/// </summary>
public interface IAssignedTasks
{
    /// <summary>The person's tasks of the ISO week containing <paramref name="day"/> (open and closed), by due date.</summary>
    Task<IReadOnlyList<AssignedTaskInfo>> ListForWeekAsync(Guid userId, DateOnly day, CancellationToken cancellationToken = default);

    /// <summary>Those of <paramref name="taskIds"/> that are assigned to the person; the others are simply absent.</summary>
    Task<IReadOnlyList<AssignedTaskInfo>> FindAssignedAsync(Guid userId, IReadOnlyCollection<Guid> taskIds, CancellationToken cancellationToken = default);
}

/// <summary>A measure (举措) of a sub-branch's work plan, as another module links it (RR-1: a resource request names the measure it serves).</summary>
public sealed record WorkPlanMeasureInfo(Guid MeasureId, Guid PlanId, Guid IndicatorId, string Title);

/// <summary>
/// Read-only view of the measures of a sub-branch's work plan for a scheme, for other modules (RR-1: a resource request may
/// link a measure of its sub-branch's plan). No authorisation here: the caller decides who may see what.
/// </summary>
public interface IWorkPlanMeasures
{
    /// <summary>The measures of the sub-branch's work plan answering <paramref name="schemeId"/> (any state), by title; empty when it has no plan.</summary>
    Task<IReadOnlyList<WorkPlanMeasureInfo>> ListForSheetAsync(Guid schemeId, Guid subBranchId, CancellationToken cancellationToken = default);
}

/// <summary>A work plan marked excellent (优秀工作方案), as the community module names its discussion (CM-2).</summary>
public sealed record ExcellentPlanInfo(Guid PlanId, string SchemeName, string SubBranchName);

/// <summary>
/// Read-only check for the community module (CM-2): a plan marked excellent, or null (not found, not excellent). No
/// authorisation here: excellent plans are read by every sub-branch as examples (TK-5).
/// </summary>
public interface IExcellentPlans
{
    Task<ExcellentPlanInfo?> FindAsync(Guid planId, CancellationToken cancellationToken = default);
}
