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
/// limiter. Reads are only enqueued and written in batches by <see cref="AccessLogWriter"/>; a request
/// that changed state, a denial and a sign-in outcome are written by <see cref="DurableAccessLog"/> just
/// before the response starts (ADR 0019), so a client that got its answer knows it is in the log even if
/// the process dies the next moment. A failure to record never reaches the request.
/// </summary>
internal sealed class AccessLogMiddleware(RequestDelegate next, AccessLogBuffer buffer, DurableAccessLog durable, AccessLogSkipList skipList, IClock clock, ILogger<AccessLogMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var timeUtc = clock.UtcNow;
        var started = Stopwatch.GetTimestamp();
        var method = context.Request.Method;
        var path = (context.Request.PathBase + context.Request.Path).Value;
        var pending = new PendingAccessLog();
        context.Features.Set(pending);
        // The last moment before the client can see an answer: the status is final, nothing has been sent.
        context.Response.OnStarting(() => RecordAsync(context, pending, timeUtc, Stopwatch.GetElapsedTime(started), method, path, escaped: null, atEnd: false));
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
            // Nothing was sent (an exception escaped, or the client went away) or the response needed no write now.
            await RecordAsync(context, pending, timeUtc, Stopwatch.GetElapsedTime(started), method, path, escaped, atEnd: true);
        }
    }

    /// <summary>
    /// Records the request once: written now when it changed state, was denied or carries sign-in outcomes;
    /// otherwise buffered. Called when the response starts and again when the pipeline ends; the first call wins,
    /// except that a read that was not denied waits for the end (its duration then includes the body).
    /// </summary>
    private async Task RecordAsync(HttpContext context, PendingAccessLog pending, DateTime timeUtc, TimeSpan duration, string method, string? path, Exception? escaped, bool atEnd)
    {
        try
        {
            if (pending.Closed)
            {
                return;
            }

            var status = escaped is not null ? StatusCodes.Status500InternalServerError : context.Response.StatusCode;
            if (!atEnd && !DurableAccessLog.MustBeDurable(method, status) && !pending.HasSignIns)
            {
                return;
            }

            if (pending.Close() is not { } entries)
            {
                return;
            }

            var mustBeDurable = DurableAccessLog.MustBeDurable(method, status) || entries.Count > 0;

            var entry = skipList.IsSkipped(path, status) ? null : Entry(context, timeUtc, duration, method, path, status, escaped);
            if (entry is not null)
            {
                entries.Insert(0, entry);
            }

            if (mustBeDurable)
            {
                await durable.WriteAsync(entries);
            }
            else
            {
                foreach (var each in entries)
                {
                    buffer.Enqueue(each);
                }
            }
        }
        catch (Exception e)
        {
            logger.LogError(e, "Could not record {Method} {Path} in the access log", method, path);
        }
    }

    private static AccessLogEntry Entry(HttpContext context, DateTime timeUtc, TimeSpan duration, string method, string? path, int status, Exception? escaped)
    {
        // The exception handler clears the endpoint before it writes the problem details; it keeps a copy.
        var handled = context.Features.Get<IExceptionHandlerFeature>();
        var endpoint = context.GetEndpoint() ?? handled?.Endpoint;
        var (userId, userName, roles, unitId) = AccessLogBuffer.UserOf(context.User);
        return AccessLogEntry.Create(
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
                null => context.Features.Get<RefusalCodeFeature>()?.Code,
                AppException app => app.Code,
                var other => other.GetType().Name,
            });
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
