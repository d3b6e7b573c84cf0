using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace BranchNetwork.Modules.Audit.Features.RecordAccess;

/// <summary>
/// Records every request in the access log (AU-1): anonymous, allowed and denied alike. It is the
/// outermost middleware (see <see cref="AccessLogStartupFilter"/>), so it sees the status the
/// client really gets — after the exception handler, authentication, authorization and the rate
/// limiter. It only enqueues: writing happens in batches in <see cref="AccessLogWriter"/>, and a
/// failure to record never reaches the request.
/// </summary>
internal sealed class AccessLogMiddleware(RequestDelegate next, AccessLogBuffer buffer, IClock clock, ILogger<AccessLogMiddleware> logger)
{
    /// <summary>Blazor's framework files, static web assets of packages, and the Blazor circuit hub.</summary>
    private static readonly string[] FrameworkPrefixes = ["/_framework", "/_content", "/_blazor"];

    private static readonly HashSet<string> StaticFileExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".css", ".js", ".mjs", ".map", ".png", ".jpg", ".jpeg", ".gif", ".svg", ".ico", ".webp", ".avif",
        ".woff", ".woff2", ".ttf", ".otf", ".eot", ".wasm", ".br", ".gz",
    };

    public async Task InvokeAsync(HttpContext context)
    {
        var timeUtc = clock.UtcNow;
        var started = Stopwatch.GetTimestamp();
        var method = context.Request.Method;
        var path = (context.Request.PathBase + context.Request.Path).Value;
        Exception? escaped = null;
        try
        {
            await next(context);
        }
        catch (Exception e)
        {
            escaped = e;
            throw;
        }
        finally
        {
            Record(context, timeUtc, Stopwatch.GetElapsedTime(started), method, path, escaped);
        }
    }

    /// <summary>
    /// Static files and Blazor framework/hub traffic would bury the requests that matter, so they are
    /// left out — unless they were refused or failed (status ≥ 400 other than 404).
    /// </summary>
    internal static bool IsSkipped(string? path, int status)
    {
        if (status >= 400 && status != StatusCodes.Status404NotFound)
        {
            return false;
        }

        if (string.IsNullOrEmpty(path))
        {
            return false;
        }

        var pathString = new PathString(path);
        if (FrameworkPrefixes.Any(prefix => pathString.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        var lastSegment = path[(path.LastIndexOf('/') + 1)..];
        var dot = lastSegment.LastIndexOf('.');
        return dot > 0 && StaticFileExtensions.Contains(lastSegment[dot..]);
    }

    private void Record(HttpContext context, DateTime timeUtc, TimeSpan duration, string method, string? path, Exception? escaped)
    {
        try
        {
            var status = escaped is not null ? StatusCodes.Status500InternalServerError : context.Response.StatusCode;
            if (IsSkipped(path, status))
            {
                return;
            }

            // The exception handler clears the endpoint before it writes the problem details; it keeps a copy.
            var handled = context.Features.Get<IExceptionHandlerFeature>();
            var endpoint = context.GetEndpoint() ?? handled?.Endpoint;
            var (userId, userName, roles, unitId) = AccessLogBuffer.UserOf(context.User);
            buffer.Enqueue(AccessLogEntry.Create(
                timeUtc,
                AccessLogKind.Request,
                userId,
                userName,
                roles,
                unitId,
                AccessLogBuffer.IpOf(context),
                method,
                (endpoint as RouteEndpoint)?.RoutePattern.RawText,
                path,
                status,
                duration.TotalMilliseconds,
                (escaped ?? handled?.Error) switch
                {
                    null => null,
                    AppException app => app.Code,
                    var other => other.GetType().Name,
                }));
        }
        catch (Exception e)
        {
            logger.LogError(e, "Could not record {Method} {Path} in the access log", method, path);
        }
    }
}

/// <summary>Puts <see cref="AccessLogMiddleware"/> in front of the whole pipeline the host builds.</summary>
internal sealed class AccessLogStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseMiddleware<AccessLogMiddleware>();
        next(app);
    };
}
