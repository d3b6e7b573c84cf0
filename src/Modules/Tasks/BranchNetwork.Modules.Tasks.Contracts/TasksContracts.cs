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
