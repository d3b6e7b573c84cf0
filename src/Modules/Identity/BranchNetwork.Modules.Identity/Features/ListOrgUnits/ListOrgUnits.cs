using BranchNetwork.Modules.Identity.Contracts;

namespace BranchNetwork.Modules.Identity.Features.ListOrgUnits;

internal sealed record OrgUnitNode(Guid Id, string Code, string Name, OrgUnitKind Kind, Guid? ParentId, bool IsRetired, int MemberCount, IReadOnlyList<OrgUnitNode> Children);

/// <summary>The organisation tree (ORG-1). Its shape is not secret: every signed-in user may read it.</summary>
[AnySignedInUser]
[BoundedList("The organisation tree: one branch's sub-branches and teams, a few hundred units at most.")]
internal sealed record ListOrgUnitsQuery : IQuery<IReadOnlyList<OrgUnitNode>>;

internal sealed class ListOrgUnitsHandler(IdentityDbContext db) : IQueryHandler<ListOrgUnitsQuery, IReadOnlyList<OrgUnitNode>>
{
    public async ValueTask<IReadOnlyList<OrgUnitNode>> Handle(ListOrgUnitsQuery query, CancellationToken cancellationToken)
    {
        var units = await db.OrgUnits.AsNoTracking().OrderBy(u => u.Code).ToListAsync(cancellationToken);
        var members = await db.Users.AsNoTracking().Where(u => u.IsActive).GroupBy(u => u.UnitId)
            .Select(g => new { UnitId = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.UnitId, g => g.Count, cancellationToken);
        var children = units.Where(u => u.ParentId is not null).ToLookup(u => u.ParentId!.Value);

        OrgUnitNode Build(Domain.OrgUnit unit) => new(
            unit.Id, unit.Code, unit.Name, unit.Kind, unit.ParentId, unit.IsRetired,
            members.GetValueOrDefault(unit.Id), children[unit.Id].Select(Build).ToList());

        return units.Where(u => u.ParentId is null).Select(Build).ToList();
    }
}
