using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace BranchNetwork.Infrastructure.Web;

/// <summary>Logs every authorisation denial (401 and 403) before the default handling.</summary>
public sealed class DenialLoggingAuthorizationHandler(ILogger<DenialLoggingAuthorizationHandler> logger) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler inner = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden || authorizeResult.Challenged)
        {
            logger.LogWarning(
                "Access denied ({Outcome}) {Method} {Path} for {User}",
                authorizeResult.Forbidden ? "forbidden" : "challenged",
                context.Request.Method,
                context.Request.Path,
                context.User.Identity?.Name ?? "(anonymous)");
        }

        return inner.HandleAsync(next, context, policy, authorizeResult);
    }
}
