using BranchNetwork.Modules.Identity.Contracts;
using Microsoft.Extensions.Logging;

namespace BranchNetwork.Modules.Identity.Services;

/// <summary>
/// ORG-3 for the current user. The unit is read from the database, not from the token, so a
/// user moved to another unit loses the old scope at once. Cached for the request / circuit scope.
/// </summary>
internal sealed class OrgScope(ICurrentUser currentUser, IdentityDbContext db, ILogger<OrgScope> logger) : IOrgScope
{
    private (bool IsHeadOffice, Guid? SubBranchId)? resolved;

    public async Task<bool> IsHeadOfficeAsync(CancellationToken cancellationToken = default) =>
        (await ResolveAsync(cancellationToken)).IsHeadOffice;

    public async Task<Guid?> GetOwnSubBranchIdAsync(CancellationToken cancellationToken = default) =>
        (await ResolveAsync(cancellationToken)).SubBranchId;

    public async Task<bool> CanActForSubBranchAsync(Guid subBranchId, CancellationToken cancellationToken = default)
    {
        var scope = await ResolveAsync(cancellationToken);
        return scope.IsHeadOffice || scope.SubBranchId == subBranchId;
    }

    public async Task EnsureCanActForSubBranchAsync(Guid subBranchId, CancellationToken cancellationToken = default)
    {
        if (!await CanActForSubBranchAsync(subBranchId, cancellationToken))
        {
            logger.LogWarning("Org scope denial: user {User} may not act for sub-branch {SubBranch}", currentUser.UserName, subBranchId);
            throw new ForbiddenException("org.scope_denied", "You may act only for your own sub-branch.");
        }
    }

    private async Task<(bool IsHeadOffice, Guid? SubBranchId)> ResolveAsync(CancellationToken cancellationToken)
    {
        if (resolved is { } cached)
        {
            return cached;
        }

        if (currentUser.UserId is not { } userId)
        {
            return (false, null);
        }

        var unitId = await db.Users.AsNoTracking().Where(u => u.Id == userId && u.IsActive).Select(u => (Guid?)u.UnitId).FirstOrDefaultAsync(cancellationToken);
        if (unitId is null)
        {
            resolved = (false, null);
            return resolved.Value;
        }

        var units = await db.OrgUnits.AsNoTracking().Select(u => new { u.Id, u.ParentId, u.Kind }).ToDictionaryAsync(u => u.Id, cancellationToken);
        var current = unitId;
        var result = (IsHeadOffice: false, SubBranchId: (Guid?)null);
        while (current is { } id && units.TryGetValue(id, out var unit))
        {
            if (unit.Kind == OrgUnitKind.SubBranch)
            {
                result = (false, unit.Id);
                break;
            }

            if (unit.Kind == OrgUnitKind.HeadOffice)
            {
                result = (true, null);
                break;
            }

            current = unit.ParentId;
        }

        resolved = result;
        return result;
    }
}
