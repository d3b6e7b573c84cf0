using System.Security.Claims;
using BranchNetwork.Modules.Audit.Contracts;
using BranchNetwork.Modules.Audit.Features.Shared;
using BranchNetwork.Modules.Audit.Resources;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BranchNetwork.Modules.Audit.Features.EnforcePolicies;

/// <summary>
/// Enforces the time-window and network-zone policies (AU-5) on every request — API, page loads, the Blazor circuit's
/// negotiate and connect, the notifications hub — after authentication and authorisation (so the roles are known,
/// bearer tokens included) and before any endpoint runs (ADR 0023). The client address is the connection's, which
/// the forwarded-headers middleware replaces only for a configured trusted proxy. A refusal is a 403 problem naming
/// the policy, with its code on the request so the access log records it.
/// </summary>
internal sealed class AccessPolicyGate(
    AccessPolicyCache cache,
    IOptionsMonitor<AccessPolicyOptions> options,
    IClock clock,
    BankCalendar calendar,
    IStringLocalizer<AuditText> text,
    IProblemDetailsService problems,
    ILogger<AccessPolicyGate> logger) : IAccessPolicyGate
{
    public async ValueTask<bool> AdmitAsync(HttpContext context)
    {
        if (!options.CurrentValue.Enforce)
        {
            return true;
        }

        var policies = await cache.GetAsync(context.RequestAborted);
        if (policies.Count == 0)
        {
            return true;
        }

        var path = (context.Request.PathBase + context.Request.Path).Value ?? "/";
        var refusing = CompiledPolicy.FirstRefusing(policies, path, RolesOf(context.User), clock.UtcNow, calendar, context.Connection.RemoteIpAddress);
        if (refusing is null)
        {
            return true;
        }

        logger.LogWarning("Access policy {Policy} ({Code}) refused {Method} {Path} for {User} from {Address}", refusing.Name, refusing.Code, context.Request.Method, path, context.User.Identity?.Name ?? "(anonymous)", context.Connection.RemoteIpAddress);
        context.Features.Set(new RefusalCodeFeature($"{refusing.Code}: {refusing.Name}"));
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        var title = text[refusing.Code].Value;
        var detail = string.Format(System.Globalization.CultureInfo.CurrentCulture, text["PolicyRefused"], refusing.Name);
        var written = await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status403Forbidden,
                Title = title,
                Detail = detail,
                Extensions = { ["code"] = refusing.Code, ["policy"] = refusing.Name, ["policyId"] = refusing.Id },
            },
        });
        if (!written)
        {
            // A browser asking for a page accepts no JSON: the same words as plain text.
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync($"{title}\n{detail}\n{refusing.Code}", context.RequestAborted);
        }

        return false;
    }

    internal static IReadOnlyCollection<string> RolesOf(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true
            ? [.. user.FindAll(c => c.Type is "role" or ClaimTypes.Role).Select(c => c.Value).Distinct(StringComparer.Ordinal)]
            : [];
}
