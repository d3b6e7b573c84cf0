using BranchNetwork.Infrastructure.Requests;
using BranchNetwork.Infrastructure.Resources;
using BranchNetwork.SharedKernel.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace BranchNetwork.Infrastructure.Web;

/// <summary>
/// Logs every authorisation denial (401 and 403). A 403 of the API is answered here as the same RFC 9457 problem
/// details, in the user's language, as the mediator's 403 (<c>auth.role_required</c>, or <c>auth.read_only_role</c> for
/// an Auditor's write): the endpoint-level check derived from the request's roles (ADR 0018) runs before the body is
/// read, and its answer must not differ from the handler's.
/// </summary>
public sealed class DenialLoggingAuthorizationHandler(ILogger<DenialLoggingAuthorizationHandler> logger) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler inner = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
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

        if (authorizeResult.Forbidden && context.Request.Path.StartsWithSegments("/api"))
        {
            var failed = authorizeResult.AuthorizationFailure?.FailedRequirements.ToList() ?? [];
            var code = failed.Count > 0 && failed.All(r => r is ReadOnlyRoleRequirement) ? RequestAuthorization.ReadOnlyRoleCode
                : failed.Any(r => r is RolesAuthorizationRequirement) ? "auth.role_required"
                : "auth.forbidden";
            var text = context.RequestServices.GetRequiredService<IStringLocalizer<PlatformText>>();
            context.Features.Set(new RefusalCodeFeature(code));
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = { Status = StatusCodes.Status403Forbidden, Title = text[code], Extensions = { ["code"] = code } },
            });
            return;
        }

        await inner.HandleAsync(next, context, policy, authorizeResult);
    }
}
