using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace BranchNetwork.Modules.Identity.Services;

/// <summary>Adds the display name and unit to the principal the cookie and tokens are built from.</summary>
internal sealed class BankClaimsPrincipalFactory(UserManager<BankUser> userManager, RoleManager<BankRole> roleManager, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<BankUser, BankRole>(userManager, roleManager, options)
{
    public const string DisplayNameClaim = "display_name";
    public const string UnitClaim = "unit_id";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(BankUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayNameClaim, user.DisplayName));
        identity.AddClaim(new Claim(UnitClaim, user.UnitId.ToString()));
        return identity;
    }
}
