using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Identity.Resources;
using Microsoft.Extensions.Localization;

namespace BranchNetwork.Modules.Identity.Features.GetMe;

internal sealed record MeUnit(Guid Id, string Code, string Name, OrgUnitKind Kind);

internal sealed record MeResponse(Guid Id, string UserName, string DisplayName, string? Position, MeUnit Unit, IReadOnlyList<string> Roles, bool TwoFactorEnabled);

[AnySignedInUser]
internal sealed record GetMeQuery : IQuery<MeResponse>;

internal sealed class GetMeHandler(IdentityDbContext db, ICurrentUser currentUser, IStringLocalizer<IdentityText> text) : IQueryHandler<GetMeQuery, MeResponse>
{
    public async ValueTask<MeResponse> Handle(GetMeQuery query, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireUserId();
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId && u.IsActive, cancellationToken)
            ?? throw new NotFoundException("identity.user_not_found", text["UserNotFound"]);
        var unit = await db.OrgUnits.AsNoTracking().SingleAsync(u => u.Id == user.UnitId, cancellationToken);
        var summary = await db.SummaryAsync(user.Id, cancellationToken);
        return new MeResponse(user.Id, user.UserName!, user.DisplayName, user.Position, new MeUnit(unit.Id, unit.Code, unit.Name, unit.Kind), summary.Roles, user.TwoFactorEnabled);
    }
}
