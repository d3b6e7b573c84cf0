using BranchNetwork.SharedKernel;

namespace BranchNetwork.Modules.Assessment.Contracts;

/// <summary>
/// A value the system computes for an indicator whose data source is <c>Computed</c> (AS-1), e.g. a
/// community KPI. Other modules register implementations in DI; the indicator names one by <see cref="Key"/>,
/// and the daily assessment job records what it returns as progress.
/// </summary>
public interface IComputedIndicatorSource
{
    /// <summary>Stable key stored on the indicator, e.g. <c>community.posts</c>.</summary>
    string Key { get; }

    /// <summary>Human name shown when choosing a source.</summary>
    string DisplayName { get; }

    /// <summary>The cumulative value per sub-branch for the period from <paramref name="from"/> up to and including <paramref name="asOf"/>.</summary>
    Task<IReadOnlyDictionary<Guid, decimal>> ComputeAsync(IReadOnlyCollection<Guid> subBranchIds, DateOnly from, DateOnly asOf, CancellationToken cancellationToken);
}

/// <summary>A scheme was published (下发): one assessment sheet per sub-branch now exists.</summary>
public sealed record AssessmentSchemePublished(
    Guid EventId,
    DateTime OccurredAtUtc,
    Guid SchemeId,
    string SchemeName,
    DateOnly StartDate,
    DateOnly EndDate,
    IReadOnlyList<Guid> SubBranchIds) : IIntegrationEvent;

/// <summary>A scheme closed: final scores and ranks are frozen.</summary>
public sealed record AssessmentSchemeClosed(
    Guid EventId,
    DateTime OccurredAtUtc,
    Guid SchemeId,
    string SchemeName) : IIntegrationEvent;

/// <summary>
/// A supervisor conferred an honour on a scheme's result (评比推优). The subject is generic: a sub-branch
/// (优秀支行) or anything another module names, such as an excellent work plan (优秀工作方案).
/// </summary>
public sealed record AssessmentHonourAwarded(
    Guid EventId,
    DateTime OccurredAtUtc,
    Guid HonourId,
    Guid SchemeId,
    string Title,
    string SubjectKind,
    Guid SubjectId,
    Guid? SubBranchId) : IIntegrationEvent;

/// <summary>
/// What an honour may be conferred on (评比推优, AS-8): a sub-branch (优秀支行), an excellent work plan (优秀工作方案, TK-5)
/// or a selected idea (金点子). A module whose subjects can be honoured adds its kind here, so an honour never names a
/// kind nobody can show.
/// </summary>
public static class HonourSubjectKinds
{
    public const string SubBranch = "SubBranch";
    public const string WorkPlan = "WorkPlan";
    public const string Idea = "Idea";

    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal) { SubBranch, WorkPlan, Idea };
}

/// <summary>Where a scheme stands, as other modules need to know it (a draft is nobody's business but head office's).</summary>
public enum SchemeState
{
    Published = 1,
    Closed = 2,
}

/// <summary>A published or closed scheme, as the work-plan module lists it.</summary>
public sealed record SchemeOutline(Guid SchemeId, string Name, DateOnly StartDate, DateOnly EndDate, SchemeState State);

/// <summary>One indicator line of a sub-branch's sheet: what a work plan must answer with measures.</summary>
/// <param name="TakesTaskProgress">Whether the indicator's data source is <c>Tasks</c>: written-off task quantities count as its progress.</param>
public sealed record SheetIndicatorOutline(Guid IndicatorId, string Code, string Name, string Unit, decimal Weight, decimal Target, bool TakesTaskProgress);

/// <summary>A sub-branch's assessment sheet of a published or closed scheme, with its indicator lines in scheme order.</summary>
public sealed record SheetOutline(
    Guid SchemeId,
    string SchemeName,
    DateOnly StartDate,
    DateOnly EndDate,
    SchemeState State,
    Guid SubBranchId,
    IReadOnlyList<SheetIndicatorOutline> Indicators);

/// <summary>
/// Read-only view of issued assessment sheets for other modules (TK-1: a work plan answers a sheet). Drafts are never
/// returned. No authorisation here: the calling module decides who may see what.
/// </summary>
public interface IAssessmentSheets
{
    Task<SheetOutline?> FindAsync(Guid schemeId, Guid subBranchId, CancellationToken cancellationToken = default);

    /// <summary>The sub-branch's sheets of published and closed schemes, newest period first.</summary>
    Task<IReadOnlyList<SheetOutline>> ListForSubBranchAsync(Guid subBranchId, CancellationToken cancellationToken = default);

    /// <summary>Published and closed schemes, newest period first.</summary>
    Task<IReadOnlyList<SchemeOutline>> ListSchemesAsync(CancellationToken cancellationToken = default);
}

/// <summary>A scheme whose results may be discussed by the whole branch (全员点评, CM-2): published or closed.</summary>
public sealed record DiscussableResults(Guid SchemeId, string Name, SchemeState State);

/// <summary>
/// Read-only check for the community module (CM-2): whether a scheme's results are published or closed, with its name for
/// the discussion's title. Drafts are null. No authorisation here: the calling module decides who may see what.
/// </summary>
public interface IDiscussableResults
{
    Task<DiscussableResults?> FindAsync(Guid schemeId, CancellationToken cancellationToken = default);
}
