using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Identity.Resources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace BranchNetwork.Modules.Identity.Features.GetMe;

internal sealed record MeUnit(Guid Id, string Code, string Name, OrgUnitKind Kind);

internal sealed record MeResponse(Guid Id, string UserName, string DisplayName, string? Position, MeUnit Unit, IReadOnlyList<string> Roles, bool TwoFactorEnabled);

[AnySignedInUser]
internal sealed record GetMeQuery : IQuery<MeResponse>;

// The context is resolved from the request's scope only when the summary is not kept: building a DbContext costs more
// than the whole answer from the cache (ADR 0031).
internal sealed class GetMeHandler(MeCache cache, IServiceProvider requestServices, ICurrentUser currentUser, IStringLocalizer<IdentityText> text)
    : IQueryHandler<GetMeQuery, MeResponse>
{
    public async ValueTask<MeResponse> Handle(GetMeQuery query, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireUserId();
        if (cache.TryGet(userId, out var kept))
        {
            return kept;
        }

        var version = cache.Version;
        var db = requestServices.GetRequiredService<IdentityDbContext>();
        // One read: the user with its unit and its role names (issue 16: every client asks this on every start, and
        // each round-trip of its own costs as much as the rest of the request; ADR 0028).
        var me = await (from u in db.Users.AsNoTracking()
                        where u.Id == userId && u.IsActive
                        join unit in db.OrgUnits on u.UnitId equals unit.Id
                        select new
                        {
                            u.Id,
                            u.UserName,
                            u.DisplayName,
                            u.Position,
                            u.TwoFactorEnabled,
                            unit = new MeUnit(unit.Id, unit.Code, unit.Name, unit.Kind),
                            Roles = (from ur in db.UserRoles
                                     where ur.UserId == u.Id
                                     join r in db.Roles on ur.RoleId equals r.Id
                                     select r.Name).ToList(),
                        })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("identity.user_not_found", text["UserNotFound"]);
        var roles = me.Roles.OfType<string>().ToList();
        roles.Sort(StringComparer.Ordinal);
        var response = new MeResponse(me.Id, me.UserName!, me.DisplayName, me.Position, me.unit, roles.AsReadOnly(), me.TwoFactorEnabled);
        cache.Keep(userId, version, response);
        return response;
    }
}
