using BranchNetwork.Modules.Assessment.Features.Shared;
using BranchNetwork.Modules.Identity.Contracts;

namespace BranchNetwork.Modules.Assessment.Features.ListImportRuns;

internal sealed record ImportRunDto(
    Guid Id,
    DateTime At,
    Guid SchemeId,
    string SchemeName,
    ImportKind Kind,
    string? ByName,
    int Rows,
    int ErrorCount,
    IReadOnlyList<ImportRowError> Errors);

/// <summary>
/// The latest imports of targets and progress with what was wrong in each refused file (AS-3, AS-4): head office's
/// upload history, read by the task admin and the supervisors who import. Imports are head-office work, so every
/// holder of those roles sees all of them.
/// </summary>
[AllowedRoles(BankRoles.TaskAdmin, BankRoles.HeadOfficeSupervisor)]
[BoundedList("the latest imports only: older uploads were corrected or taken long since")]
internal sealed record ListImportRunsQuery : IQuery<IReadOnlyList<ImportRunDto>>
{
    public const int Latest = 20;
}

internal sealed class ListImportRunsHandler(AssessmentDbContext db, AssessmentAccess access) : IQueryHandler<ListImportRunsQuery, IReadOnlyList<ImportRunDto>>
{
    public async ValueTask<IReadOnlyList<ImportRunDto>> Handle(ListImportRunsQuery query, CancellationToken cancellationToken)
    {
        access.User.EnsureAnyRole(BankRoles.TaskAdmin, BankRoles.HeadOfficeSupervisor);
        var runs = await db.ImportRuns.AsNoTracking()
            .OrderByDescending(r => r.CreatedAtUtc).ThenByDescending(r => r.Id)
            .Take(ListImportRunsQuery.Latest)
            .Join(db.Schemes, r => r.SchemeId, s => s.Id, (r, s) => new { Run = r, Scheme = s.Name })
            .ToListAsync(cancellationToken);
        return runs
            .OrderByDescending(r => r.Run.CreatedAtUtc).ThenByDescending(r => r.Run.Id)
            .Select(r => new ImportRunDto(r.Run.Id, r.Run.CreatedAtUtc, r.Run.SchemeId, r.Scheme, r.Run.Kind, r.Run.ByName, r.Run.Rows, r.Run.ErrorCount, r.Run.Errors()))
            .ToList();
    }
}
