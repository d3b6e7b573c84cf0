using BranchNetwork.Modules.Identity.Contracts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BranchNetwork.Modules.Identity.Services;

/// <summary>Identity's sign-in manager plus the bank's rules: disabled accounts cannot sign in; privileged roles need TOTP.</summary>
internal sealed class BankSignInManager(
    UserManager<BankUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<BankUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<BankUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<BankUser> confirmation,
    IHostEnvironment environment)
    : SignInManager<BankUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(BankUser user) => user.IsActive && await base.CanSignInAsync(user);

    /// <summary>True when the user holds a role that needs 2FA and has not enrolled (demo accounts are exempt in Development only).</summary>
    public async Task<bool> MustEnrolTwoFactorAsync(BankUser user)
    {
        if (user.TwoFactorEnabled || (user.IsDemo && environment.IsDevelopment()))
        {
            return false;
        }

        var roles = await UserManager.GetRolesAsync(user);
        return roles.Any(r => BankRoles.RequireTwoFactor.Contains(r));
    }
}
