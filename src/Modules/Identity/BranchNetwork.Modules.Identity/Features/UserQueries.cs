using BranchNetwork.Modules.Identity.Resources;
using Microsoft.Extensions.Localization;

namespace BranchNetwork.Modules.Identity.Features;

/// <summary>A user as the administration screens and API show it.</summary>
internal sealed record UserSummary(
    Guid Id,
    string UserName,
    string DisplayName,
    Guid UnitId,
    string UnitName,
    string? Position,
    bool IsActive,
    bool TwoFactorEnabled,
    IReadOnlyList<string> Roles);

internal static class UserQueries
{
    public static async Task<BankUser> GetUserOr404Async(this IdentityDbContext db, Guid id, IStringLocalizer<IdentityText> text, CancellationToken cancellationToken) =>
        await db.Users.FirstOrDefaultAsync(u => u.Id == id, cancellationToken)
        ?? throw new NotFoundException("identity.user_not_found", text["UserNotFound"]);

    public static async Task<OrgUnit> GetUnitOr404Async(this IdentityDbContext db, Guid id, IStringLocalizer<IdentityText> text, CancellationToken cancellationToken, string field = "unitId") =>
        await db.OrgUnits.FirstOrDefaultAsync(u => u.Id == id && !u.IsRetired, cancellationToken)
        ?? throw new ValidationFailedException(field, text["UnitNotFound"]);

    public static async Task<List<UserSummary>> SummariesAsync(this IdentityDbContext db, IQueryable<BankUser> users, CancellationToken cancellationToken)
    {
        var rows = await (from u in users
                          join unit in db.OrgUnits on u.UnitId equals unit.Id
                          select new { User = u, UnitName = unit.Name }).ToListAsync(cancellationToken);
        var rolesByUser = await db.RoleNamesAsync(rows.Select(r => r.User.Id).ToList(), cancellationToken);
        return rows.Select(r => new UserSummary(
                r.User.Id,
                r.User.UserName!,
                r.User.DisplayName,
                r.User.UnitId,
                r.UnitName,
                r.User.Position,
                r.User.IsActive,
                r.User.TwoFactorEnabled,
                [.. rolesByUser[r.User.Id]]))
            .ToList();
    }

    /// <summary>Each user's role names, in name order, in one query for any number of users.</summary>
    public static async Task<ILookup<Guid, string>> RoleNamesAsync(this IdentityDbContext db, IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken)
    {
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where userIds.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        return roles.OrderBy(r => r.Name, StringComparer.Ordinal).ToLookup(r => r.UserId, r => r.Name!);
    }

    public static async Task<UserSummary> SummaryAsync(this IdentityDbContext db, Guid id, CancellationToken cancellationToken) =>
        (await db.SummariesAsync(db.Users.AsNoTracking().Where(u => u.Id == id), cancellationToken)).Single();

    /// <summary>Identity's own errors (password policy, duplicate name) as field errors.</summary>
    public static void ThrowIfFailed(this Microsoft.AspNetCore.Identity.IdentityResult result, string field)
    {
        if (!result.Succeeded)
        {
            throw new ValidationFailedException(new Dictionary<string, string[]> { [field] = result.Errors.Select(e => e.Description).ToArray() });
        }
    }
}
