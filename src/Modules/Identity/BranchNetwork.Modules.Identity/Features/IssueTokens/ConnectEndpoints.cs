using System.Security.Claims;
using BranchNetwork.Modules.Audit.Contracts;
using BranchNetwork.Modules.Identity.Features.Shared;
using BranchNetwork.Modules.Identity.Services;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace BranchNetwork.Modules.Identity.Features.IssueTokens;

/// <summary>The passthrough endpoints of the OpenIddict server: /connect/token and /connect/authorize.</summary>
internal static class ConnectEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/connect/token", (Func<HttpContext, Task<IResult>>)ExchangeAsync).RequireRateLimiting(SignInPolicies.RateLimit).ExcludeFromDescription().DisableAntiforgery();
        endpoints.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], (Func<HttpContext, Task<IResult>>)AuthorizeAsync).ExcludeFromDescription().DisableAntiforgery();
    }

    private static async Task<IResult> ExchangeAsync(HttpContext context)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var services = context.RequestServices;
        var userManager = services.GetRequiredService<UserManager<BankUser>>();
        var signInManager = services.GetRequiredService<BankSignInManager>();

        if (request.IsPasswordGrantType())
        {
            // Every outcome of the password grant goes to the access log (AU-1).
            var accessLog = services.GetRequiredService<IAccessLog>();
            var userName = request.Username ?? "";
            // One check for every name: the answer and the work done do not tell whether the account exists (ADR 0017).
            var check = await services.GetRequiredService<SignInGate>().CheckAsync(userName, request.Password, context.Connection.RemoteIpAddress, context.RequestAborted);
            switch (check.Verdict)
            {
                case SignInVerdict.Locked:
                    accessLog.RecordSignIn(userName, null, SignInOutcome.LockedOut, "token: locked out");
                    return Reject(Errors.InvalidGrant, "Sign-in is locked for this user name from this address after repeated failures; try again later.");
                case SignInVerdict.Invalid:
                    accessLog.RecordSignIn(userName, check.TriedUserId, SignInOutcome.Failed, "token: " + check.Reason);
                    return Reject(Errors.InvalidGrant, "The user name or password is incorrect.");
                case SignInVerdict.Disabled:
                    accessLog.RecordSignIn(userName, check.User!.Id, SignInOutcome.Failed, "token: account disabled");
                    return Reject(Errors.InvalidGrant, "The account is disabled.");
            }

            var user = check.User!;
            // The password grant cannot carry a second factor: privileged accounts use the interactive flow.
            if (user.TwoFactorEnabled || await signInManager.MustEnrolTwoFactorAsync(user))
            {
                accessLog.RecordSignIn(userName, user.Id, SignInOutcome.Failed, "token: two-factor required");
                return Reject(Errors.InvalidGrant, "This account needs two-factor sign-in; use the authorization code flow.");
            }

            accessLog.RecordSignIn(user.UserName!, user.Id, SignInOutcome.Succeeded, "token: password grant");
            return await SignInAsync(signInManager, user, request.GetScopes());
        }

        if (request.IsClientCredentialsGrantType())
        {
            var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
            identity.SetClaim(Claims.Subject, request.ClientId);
            identity.SetClaim(Claims.Name, request.ClientId);
            identity.SetScopes(request.GetScopes());
            identity.SetResources("branchnet-api");
            identity.SetDestinations(_ => [Destinations.AccessToken]);
            return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            var result = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            var subject = result.Principal?.GetClaim(Claims.Subject);
            var user = subject is null ? null : await userManager.FindByIdAsync(subject);
            if (user is null || !user.IsActive)
            {
                return Reject(Errors.InvalidGrant, "The account is no longer allowed to sign in.");
            }

            return await SignInAsync(signInManager, user, result.Principal!.GetScopes());
        }

        return Reject(Errors.UnsupportedGrantType, "The grant type is not supported.");
    }

    private static async Task<IResult> AuthorizeAsync(HttpContext context)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var result = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (!result.Succeeded)
        {
            // Send the user to the sign-in page, then back here with the same query.
            return Results.Challenge(
                new AuthenticationProperties { RedirectUri = context.Request.PathBase + context.Request.Path + context.Request.QueryString },
                [IdentityConstants.ApplicationScheme]);
        }

        var services = context.RequestServices;
        var userManager = services.GetRequiredService<UserManager<BankUser>>();
        var user = await userManager.GetUserAsync(result.Principal!);
        if (user is null || !user.IsActive)
        {
            return Results.Challenge(authenticationSchemes: [IdentityConstants.ApplicationScheme]);
        }

        return await SignInAsync(services.GetRequiredService<BankSignInManager>(), user, request.GetScopes());
    }

    private static async Task<IResult> SignInAsync(BankSignInManager signInManager, BankUser user, IEnumerable<string> scopes)
    {
        var principal = await signInManager.CreateUserPrincipalAsync(user);
        principal.SetScopes(scopes);
        principal.SetResources("branchnet-api");
        principal.SetDestinations(claim => claim.Type switch
        {
            Claims.Name or Claims.Subject or Claims.Role or BankClaimsPrincipalFactory.DisplayNameClaim or BankClaimsPrincipalFactory.UnitClaim
                => [Destinations.AccessToken, Destinations.IdentityToken],
            // The security stamp never leaves the server.
            _ => [],
        });
        return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static IResult Reject(string error, string description) =>
        Results.Forbid(
            new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
            }),
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
