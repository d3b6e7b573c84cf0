using Microsoft.AspNetCore.Http;

namespace BranchNetwork.Infrastructure.Web;

/// <summary>Baseline security headers for every response.</summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    // MudBlazor sets inline styles; scripts come only from the app itself.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self' ws: wss:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        // The API reference (Development only) and the jobs dashboard (SystemAdmin only) ship inline scripts.
        if (!context.Request.Path.StartsWithSegments("/scalar") && !context.Request.Path.StartsWithSegments("/jobs"))
        {
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
        }

        return next(context);
    }
}
