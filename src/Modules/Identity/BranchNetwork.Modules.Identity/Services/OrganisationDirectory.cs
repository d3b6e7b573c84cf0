using BranchNetwork.Modules.Identity.Contracts;

namespace BranchNetwork.Modules.Identity.Services;

internal sealed class OrganisationDirectory(IdentityDbContext db) : IOrganisationDirectory
{
    public async Task<OrgUnitInfo?> FindUnitAsync(Guid unitId, CancellationToken cancellationToken = default) =>
        (await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Id == unitId, cancellationToken))?.ToInfo();

    public Task<IReadOnlyList<OrgUnitInfo>> ListSubBranchesAsync(CancellationToken cancellationToken = default) =>
        ListActiveAsync(OrgUnitKind.SubBranch, cancellationToken);

    public Task<IReadOnlyList<OrgUnitInfo>> ListBusinessLinesAsync(CancellationToken cancellationToken = default) =>
        ListActiveAsync(OrgUnitKind.BusinessLine, cancellationToken);

    public async Task<IReadOnlyList<Guid>> GetUnitAndDescendantsAsync(Guid unitId, CancellationToken cancellationToken = default)
    {
        // The tree is small (one branch network): load the parent links once and walk them in memory.
        var links = await db.OrgUnits.AsNoTracking().Select(u => new { u.Id, u.ParentId }).ToListAsync(cancellationToken);
        if (!links.Any(l => l.Id == unitId))
        {
            return [];
        }

        var children = links.Where(l => l.ParentId is not null).ToLookup(l => l.ParentId!.Value, l => l.Id);
        var result = new List<Guid>();
        var pending = new Queue<Guid>([unitId]);
        while (pending.TryDequeue(out var id))
        {
            result.Add(id);
            foreach (var child in children[id])
            {
                pending.Enqueue(child);
            }
        }

        return result;
    }

    public async Task<BankUserInfo?> FindUserAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return null;
        }

        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ur.UserId == userId
                           select r.Name!).ToListAsync(cancellationToken);
        return new BankUserInfo(user.Id, user.UserName!, user.DisplayName, user.UnitId, user.Position, user.IsActive, roles.Order(StringComparer.Ordinal).ToList());
    }

    public async Task<IReadOnlyDictionary<Guid, string>> GetDisplayNamesAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken = default)
    {
        if (userIds.Count == 0)
        {
            return new Dictionary<Guid, string>();
        }

        var ids = userIds.Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
    }

    public async Task<IReadOnlyList<Guid>> ListActiveUserIdsAsync(Guid? unitId, string? role, CancellationToken cancellationToken = default)
    {
        var users = db.Users.AsNoTracking().Where(u => u.IsActive);
        if (unitId is { } id)
        {
            var units = await GetUnitAndDescendantsAsync(id, cancellationToken);
            users = users.Where(u => units.Contains(u.UnitId));
        }

        if (role is not null)
        {
            users = from u in users
                    join ur in db.UserRoles on u.Id equals ur.UserId
                    join r in db.Roles on ur.RoleId equals r.Id
                    where r.Name == role
                    select u;
        }

        return await users.Select(u => u.Id).Distinct().ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<Guid>>> ListActiveUserIdsByUnitAsync(IReadOnlyCollection<Guid> unitIds, string? role, CancellationToken cancellationToken = default)
    {
        // One read of the tree and one of the users, whatever the number of units.
        var links = await db.OrgUnits.AsNoTracking().Select(u => new { u.Id, u.ParentId }).ToListAsync(cancellationToken);
        var parents = links.ToDictionary(l => l.Id, l => l.ParentId);
        var wanted = unitIds.ToHashSet();
        var users = db.Users.AsNoTracking().Where(u => u.IsActive);
        if (role is not null)
        {
            users = from u in users
                    join ur in db.UserRoles on u.Id equals ur.UserId
                    join r in db.Roles on ur.RoleId equals r.Id
                    where r.Name == role
                    select u;
        }

        var members = await users.Select(u => new { u.Id, u.UnitId }).Distinct().ToListAsync(cancellationToken);
        var result = wanted.ToDictionary(id => id, _ => new List<Guid>());
        foreach (var member in members)
        {
            // Walk up from the user's unit: the user belongs to every requested unit above it.
            for (Guid? unit = member.UnitId; unit is { } id; unit = parents.GetValueOrDefault(id))
            {
                if (result.TryGetValue(id, out var list))
                {
                    list.Add(member.Id);
                }
            }
        }

        return result.ToDictionary(r => r.Key, r => (IReadOnlyList<Guid>)r.Value);
    }

    public async Task<IReadOnlyList<UnitMemberInfo>> ListActiveMembersAsync(IReadOnlyCollection<Guid> unitIds, CancellationToken cancellationToken = default)
    {
        var links = await db.OrgUnits.AsNoTracking().Select(u => new { u.Id, u.ParentId }).ToListAsync(cancellationToken);
        var parents = links.ToDictionary(l => l.Id, l => l.ParentId);
        var wanted = unitIds.ToHashSet();
        var users = await db.Users.AsNoTracking().Where(u => u.IsActive)
            .Select(u => new { u.Id, u.UserName, u.DisplayName, u.UnitId, u.Position })
            .ToListAsync(cancellationToken);
        var result = new List<UnitMemberInfo>();
        foreach (var user in users)
        {
            for (Guid? unit = user.UnitId; unit is { } id; unit = parents.GetValueOrDefault(id))
            {
                if (wanted.Contains(id))
                {
                    result.Add(new UnitMemberInfo(id, user.Id, user.UserName!, user.DisplayName, user.UnitId, user.Position));
                }
            }
        }

        return result;
    }

    private async Task<IReadOnlyList<OrgUnitInfo>> ListActiveAsync(OrgUnitKind kind, CancellationToken cancellationToken) =>
        (await db.OrgUnits.AsNoTracking()
            .Where(u => u.Kind == kind && !u.IsRetired)
            .OrderBy(u => u.Code)
            .ToListAsync(cancellationToken))
        .Select(u => u.ToInfo())
        .ToList();
}
