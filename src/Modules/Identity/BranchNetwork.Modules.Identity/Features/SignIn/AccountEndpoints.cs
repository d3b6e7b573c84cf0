using System.Security.Claims;
using BranchNetwork.Modules.Audit.Contracts;
using BranchNetwork.Modules.Identity.Features.Shared;
using BranchNetwork.Modules.Identity.Services;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace BranchNetwork.Modules.Identity.Features.SignIn;

/// <summary>
/// Cookie sign-in for the web UI (ORG-4): the sign-in pages post here (with antiforgery tokens),
/// and these endpoints redirect back to a page with an error code, never to a foreign site.
/// Every outcome goes to the access log (AU-1).
/// </summary>
internal static class AccountEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var account = endpoints.MapGroup("/account").WithTags("Account").ExcludeFromDescription();
        account.MapPost("/login", LoginAsync).RequireRateLimiting(SignInPolicies.RateLimit);
        account.MapPost("/login-2fa", LoginTwoFactorAsync).RequireRateLimiting(SignInPolicies.RateLimit);
        account.MapPost("/enrol-2fa", EnrolTwoFactorAsync).RequireRateLimiting(SignInPolicies.RateLimit);
        account.MapPost("/logout", LogoutAsync);
    }

    private static async Task<IResult> LoginAsync(
        [FromForm] string? userName,
        [FromForm] string? password,
        [FromForm] string? returnUrl,
        HttpContext context,
        SignInGate gate,
        BankSignInManager signInManager,
        IAccessLog accessLog,
        ILogger<BankSignInManager> logger)
    {
        var back = SafeReturnUrl(returnUrl);
        // One check for every name: the answer and the work done do not tell whether the account exists (ADR 0017).
        var check = await gate.CheckAsync(userName, password, context.Connection.RemoteIpAddress, context.RequestAborted);
        switch (check.Verdict)
        {
            case SignInVerdict.Locked:
                logger.LogWarning("Sign-in refused for {UserName}: locked out from this address", userName);
                accessLog.RecordSignIn(userName ?? "", null, SignInOutcome.LockedOut, "web: locked out");
                return Back("/account/login", "locked", back);
            case SignInVerdict.Invalid:
                logger.LogWarning("Sign-in failed for {UserName}: {Reason}", userName, check.Reason);
                accessLog.RecordSignIn(userName ?? "", check.TriedUserId, SignInOutcome.Failed, "web: " + check.Reason);
                return Back("/account/login", "invalid", back);
            case SignInVerdict.Disabled:
                logger.LogWarning("Sign-in refused for disabled account {UserName}", userName);
                accessLog.RecordSignIn(userName!, check.User!.Id, SignInOutcome.Failed, "web: account disabled");
                return Back("/account/login", "disabled", back);
        }

        var user = check.User!;
        if (await signInManager.MustEnrolTwoFactorAsync(user))
        {
            await signInManager.Context.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, TwoFactorPrincipal(user));
            return Results.LocalRedirect($"/account/enrol-2fa?returnUrl={Uri.EscapeDataString(back)}");
        }

        if (user.TwoFactorEnabled)
        {
            await signInManager.Context.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, TwoFactorPrincipal(user));
            return Results.LocalRedirect($"/account/login-2fa?returnUrl={Uri.EscapeDataString(back)}");
        }

        await signInManager.SignInAsync(user, isPersistent: false);
        logger.LogInformation("Signed in {UserName}", userName);
        accessLog.RecordSignIn(user.UserName!, user.Id, SignInOutcome.Succeeded, "web: password");
        return Results.LocalRedirect(back);
    }

    private static async Task<IResult> LoginTwoFactorAsync([FromForm] string? code, [FromForm] string? returnUrl, BankSignInManager signInManager, IAccessLog accessLog, ILogger<BankSignInManager> logger)
    {
        var back = SafeReturnUrl(returnUrl);
        var user = await signInManager.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return Back("/account/login", "expired", back);
        }

        var result = await signInManager.TwoFactorAuthenticatorSignInAsync(Normalise(code), isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            logger.LogInformation("Signed in {UserName} with TOTP", user.UserName);
            accessLog.RecordSignIn(user.UserName!, user.Id, SignInOutcome.Succeeded, "web: password + TOTP");
            return Results.LocalRedirect(back);
        }

        logger.LogWarning("TOTP sign-in failed for {UserName}", user.UserName);
        accessLog.RecordSignIn(
            user.UserName!,
            user.Id,
            result.IsLockedOut ? SignInOutcome.LockedOut : SignInOutcome.Failed,
            result.IsLockedOut ? "web: locked out (TOTP)" : "web: TOTP code rejected");
        return Back("/account/login-2fa", result.IsLockedOut ? "locked" : "code", back);
    }

    private static async Task<IResult> EnrolTwoFactorAsync([FromForm] string? code, [FromForm] string? returnUrl, BankSignInManager signInManager, IAccessLog accessLog, ILogger<BankSignInManager> logger)
    {
        var back = SafeReturnUrl(returnUrl);
        var user = await signInManager.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return Back("/account/login", "expired", back);
        }

        var users = signInManager.UserManager;
        var valid = await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, Normalise(code));
        if (!valid)
        {
            logger.LogWarning("TOTP enrolment code rejected for {UserName}", user.UserName);
            accessLog.RecordSignIn(user.UserName!, user.Id, SignInOutcome.Failed, "web: TOTP enrolment code rejected");
            return Back("/account/enrol-2fa", "code", back);
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        await signInManager.Context.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        await signInManager.SignInAsync(user, isPersistent: false);
        logger.LogInformation("{UserName} enrolled TOTP two-factor and signed in", user.UserName);
        accessLog.RecordSignIn(user.UserName!, user.Id, SignInOutcome.Succeeded, "web: TOTP enrolled");
        return Results.LocalRedirect(back);
    }

    private static async Task<IResult> LogoutAsync(BankSignInManager signInManager)
    {
        await signInManager.SignOutAsync();
        return Results.LocalRedirect("/account/login");
    }

    private static ClaimsPrincipal TwoFactorPrincipal(BankUser user) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, user.Id.ToString())], IdentityConstants.TwoFactorUserIdScheme));

    private static string Normalise(string? code) => (code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);

    /// <summary>Only local paths: an open redirect after sign-in would be a phishing tool.</summary>
    internal static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";

    private static IResult Back(string page, string error, string returnUrl) =>
        Results.LocalRedirect($"{page}?error={error}&returnUrl={Uri.EscapeDataString(returnUrl)}");
}
