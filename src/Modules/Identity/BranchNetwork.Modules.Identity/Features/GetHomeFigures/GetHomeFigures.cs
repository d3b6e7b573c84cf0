using System.Globalization;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Identity.Resources;
using BranchNetwork.SharedKernel.Modules;
using Microsoft.Extensions.Localization;

namespace BranchNetwork.Modules.Identity.Features.GetHomeFigures;

internal static class IdentityHomeFigures
{
    public const string Users = "Users";
    public const string OrgTree = "OrgTree";
}

/// <summary>The administrators' home cards (SPEC §9): active users and the org tree, as live counts.</summary>
[AllowedRoles(BankRoles.SystemAdmin, BankRoles.SecurityAdmin)]
[BoundedList("one figure per home card the module contributes")]
internal sealed record GetHomeFiguresQuery(IReadOnlyCollection<string> CardKeys) : IQuery<IReadOnlyList<HomeFigure>>;

internal sealed class GetHomeFiguresHandler(IdentityDbContext db, ICurrentUser currentUser, IStringLocalizer<IdentityText> text)
    : IQueryHandler<GetHomeFiguresQuery, IReadOnlyList<HomeFigure>>
{
    public async ValueTask<IReadOnlyList<HomeFigure>> Handle(GetHomeFiguresQuery query, CancellationToken cancellationToken)
    {
        currentUser.EnsureAnyRole(BankRoles.SystemAdmin, BankRoles.SecurityAdmin);
        var figures = new List<HomeFigure>();
        if (query.CardKeys.Contains(IdentityHomeFigures.Users))
        {
            var active = await db.Users.CountAsync(u => u.IsActive, cancellationToken);
            var disabled = await db.Users.CountAsync(u => !u.IsActive, cancellationToken);
            figures.Add(new HomeFigure(IdentityHomeFigures.Users, Number(active), string.Format(CultureInfo.CurrentCulture, text["Card_Users_Caption"], disabled), "/admin/users"));
        }

        if (query.CardKeys.Contains(IdentityHomeFigures.OrgTree))
        {
            var units = await db.OrgUnits.CountAsync(u => !u.IsRetired, cancellationToken);
            var subBranches = await db.OrgUnits.CountAsync(u => !u.IsRetired && u.Kind == OrgUnitKind.SubBranch, cancellationToken);
            figures.Add(new HomeFigure(IdentityHomeFigures.OrgTree, Number(units), string.Format(CultureInfo.CurrentCulture, text["Card_OrgTree_Caption"], subBranches), "/organisation"));
        }

        return figures;
    }

    private static string Number(int value) => value.ToString("#,0", CultureInfo.InvariantCulture);
}
