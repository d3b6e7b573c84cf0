using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace BranchNetwork.Modules.Audit.Contracts;

/// <summary>
/// What content policies (AU-5) allow an uploader holding some roles: the extensions (lower case, no dot; null = any
/// the purpose accepts) and the size ceiling (null = the purpose's own). A module's own limits stay upper bounds.
/// </summary>
public sealed record UploadContentRules(IReadOnlyCollection<string>? AllowedExtensions, long? MaxBytes, string? PolicyName);

/// <summary>The SecurityAdmin's content policies (AU-5) for other modules: uploads (Files) and link domains (posts).</summary>
public interface IContentPolicies
{
    /// <summary>The combined rules of every enabled content policy in scope of <paramref name="roles"/>: extensions intersected, the smallest size.</summary>
    ValueTask<UploadContentRules> ForUploadAsync(IReadOnlyCollection<string> roles, CancellationToken cancellationToken);

    /// <summary>The link domains posts may carry for <paramref name="roles"/> (empty = no content policy restricts links).</summary>
    ValueTask<IReadOnlyList<string>> AllowedLinkDomainsAsync(IReadOnlyCollection<string> roles, CancellationToken cancellationToken);
}

/// <summary>Decides a request against the access policies before its handler; false when it has answered the request itself (403).</summary>
public interface IAccessPolicyGate
{
    ValueTask<bool> AdmitAsync(HttpContext context);
}

/// <summary>The host's one line in the pipeline (after authentication and authorisation, before the endpoints): see ADR 0023.</summary>
public static class AccessPolicyPipeline
{
    public static IApplicationBuilder UseAccessPolicies(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var gate = context.RequestServices.GetService<IAccessPolicyGate>();
            if (gate is null || await gate.AdmitAsync(context))
            {
                await next(context);
            }
        });
}
