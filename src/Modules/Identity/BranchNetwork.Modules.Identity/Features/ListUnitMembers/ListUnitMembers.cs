using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Identity.Resources;
using Microsoft.Extensions.Localization;

namespace BranchNetwork.Modules.Identity.Features.ListUnitMembers;

internal sealed record UnitMember(Guid Id, string UserName, string DisplayName, string? Position, string UnitName, IReadOnlyList<string> Roles);

/// <summary>
/// The roster of a sub-branch (with its teams) — private to that sub-branch and head office (ORG-3).
/// Head office may read any unit's roster.
/// </summary>
[AnySignedInUser]
[BoundedList("One unit's roster: the staff of one sub-branch and its teams, tens of people.")]
internal sealed record ListUnitMembersQuery(Guid UnitId) : IQuery<IReadOnlyList<UnitMember>>;

internal sealed class ListUnitMembersHandler(IdentityDbContext db, IOrgScope scope, IOrganisationDirectory directory, IStringLocalizer<IdentityText> text)
    : IQueryHandler<ListUnitMembersQuery, IReadOnlyList<UnitMember>>
{
    public async ValueTask<IReadOnlyList<UnitMember>> Handle(ListUnitMembersQuery query, CancellationToken cancellationToken)
    {
        var unit = await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Id == query.UnitId, cancellationToken)
            ?? throw new NotFoundException("identity.unit_not_found", text["UnitNotFound"]);

        if (!await scope.IsHeadOfficeAsync(cancellationToken))
        {
            // Outside head office a roster is visible only within the user's own sub-branch.
            var own = await scope.GetOwnSubBranchIdAsync(cancellationToken);
            var visible = own is { } subBranchId ? await directory.GetUnitAndDescendantsAsync(subBranchId, cancellationToken) : [];
            if (!visible.Contains(unit.Id))
            {
                throw new ForbiddenException("org.scope_denied", text["ScopeDenied"]);
            }
        }

        var unitIds = await directory.GetUnitAndDescendantsAsync(unit.Id, cancellationToken);
        var members = await db.SummariesAsync(db.Users.AsNoTracking().Where(u => unitIds.Contains(u.UnitId) && u.IsActive), cancellationToken);
        return members
            .OrderBy(m => m.UserName, StringComparer.Ordinal)
            .Select(m => new UnitMember(m.Id, m.UserName, m.DisplayName, m.Position, m.UnitName, m.Roles))
            .ToList();
    }
}
