using BranchNetwork.Modules.Assessment.Resources;
using BranchNetwork.Modules.Identity.Contracts;
using Microsoft.Extensions.Localization;

namespace BranchNetwork.Modules.Assessment.Features.Shared;

/// <summary>
/// ORG-3 for this module, used by every handler (never by a page: pages learn what the user may do from the
/// queries' results, and scope is read afresh per request): head-office roles see every sub-branch and draft schemes;
/// anyone else sees published results and only their own sub-branch's sheet, warnings and appeals.
/// </summary>
internal sealed class AssessmentAccess(ICurrentUser user, IOrgScope scope, AssessmentDbContext db, IStringLocalizer<AssessmentText> text)
{
    public ICurrentUser User => user;

    public bool IsTaskAdmin => user.IsInRole(BankRoles.TaskAdmin);

    public bool IsSupervisor => user.IsInRole(BankRoles.HeadOfficeSupervisor);

    /// <summary>Roles that oversee the whole network: they read every sub-branch's sheet.</summary>
    public bool IsHeadOfficeRole => IsTaskAdmin || IsSupervisor || user.IsInRole(BankRoles.Auditor);

    /// <summary>
    /// Head-office assessment roles, or members of that sub-branch. Not <c>IOrgScope.CanActForSubBranchAsync</c>: it lets
    /// every head-office unit member in (SystemAdmin, SecurityAdmin, Moderator), which the lists never did.
    /// </summary>
    public async Task<bool> CanSeeSubBranchAsync(Guid subBranchId, CancellationToken ct) =>
        IsHeadOfficeRole || await scope.GetOwnSubBranchIdAsync(ct) == subBranchId;

    /// <summary>404 (not 403) for another unit's private item: its existence is not disclosed.</summary>
    public async Task EnsureCanSeeSubBranchAsync(Guid subBranchId, CancellationToken ct)
    {
        if (!await CanSeeSubBranchAsync(subBranchId, ct))
        {
            throw new NotFoundException("assessment.sheet_not_found", text["SheetNotFound"]);
        }
    }

    public Task<Guid?> OwnSubBranchAsync(CancellationToken ct) => scope.GetOwnSubBranchIdAsync(ct);

    /// <summary>A scheme the user may read: drafts only for head-office roles.</summary>
    public async Task<AssessmentScheme> VisibleSchemeAsync(Guid schemeId, CancellationToken ct, bool track = false, bool withIndicators = true)
    {
        var query = track ? db.Schemes : db.Schemes.AsNoTracking();
        if (withIndicators)
        {
            query = query.Include(s => s.Indicators.OrderBy(i => i.SortOrder));
        }

        var scheme = await query.FirstOrDefaultAsync(s => s.Id == schemeId, ct);
        if (scheme is null || (scheme.Status == SchemeStatus.Draft && !IsHeadOfficeRole))
        {
            throw new NotFoundException("assessment.scheme_not_found", text["SchemeNotFound"]);
        }

        return scheme;
    }

    /// <summary>
    /// Whether the user may enter progress for <paramref name="line"/> on <paramref name="subBranchId"/>'s sheet (AS-4). Nobody
    /// types progress of an indicator fed by task write-offs (TK-2).
    /// </summary>
    public bool CanEnterProgress(SchemeIndicator line, Guid subBranchId, Guid? ownSubBranchId) =>
        line.DataSource != IndicatorDataSource.Tasks && CanCorrectProgress(line, subBranchId, ownSubBranchId);

    /// <summary>Whether the user may correct an entry of <paramref name="line"/> on <paramref name="subBranchId"/>'s sheet, whatever its source.</summary>
    public bool CanCorrectProgress(SchemeIndicator line, Guid subBranchId, Guid? ownSubBranchId) =>
        IsSupervisor || (IsSubBranchHead && line.AllowSubBranchEntry && ownSubBranchId == subBranchId);

    public bool IsSubBranchHead => user.IsInRole(BankRoles.SubBranchHead);
}
