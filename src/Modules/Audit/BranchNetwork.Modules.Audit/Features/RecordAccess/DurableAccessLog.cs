using BranchNetwork.Modules.Audit.Features.Shared;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BranchNetwork.Modules.Audit.Features.RecordAccess;

/// <summary>
/// Writes the entries that must survive a crash (ADR 0019) at once, before the response is sent: the entry of
/// every request that changed state (any method but GET, HEAD, OPTIONS and TRACE), of every denial (401, 403)
/// and every sign-in outcome. Reads stay in <see cref="AccessLogBuffer"/>. One INSERT round trip per such
/// request, in its own scope (never the request's DbContext, which may hold the handler's changes). When the
/// database refuses, the entries go to the buffer: the writer retries them and the request is not failed.
/// </summary>
internal sealed class DurableAccessLog(IServiceScopeFactory scopes, AccessLogBuffer buffer, ILogger<DurableAccessLog> logger)
{
    /// <summary>Whether a request's entry is written before its response (true) or buffered (false).</summary>
    public static bool MustBeDurable(string method, int status) =>
        status is StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden
        || !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method));

    public async Task WriteAsync(IReadOnlyCollection<AccessLogEntry> entries)
    {
        if (entries.Count == 0)
        {
            return;
        }

        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AuditDbContext>();
            // Not the request's token: a client that hangs up must not take its own log entry with it.
            await ChainAppender.AppendAsync(db, ChainNames.AccessLog, [.. entries], CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Writing {Count} access-log entries before the response failed; they are buffered instead", entries.Count);
            foreach (var entry in entries)
            {
                buffer.Enqueue(entry);
            }
        }
    }
}

/// <summary>
/// The access-log state of one request, set by <see cref="AccessLogMiddleware"/>: sign-in outcomes recorded
/// during the request wait here and are written with the request's own entry, in the same round trip.
/// </summary>
internal sealed class PendingAccessLog
{
    private readonly Lock gate = new();
    private readonly List<AccessLogEntry> signIns = [];

    /// <summary>Set once the request's entries were handed over (written, or buffered); later sign-ins go to the buffer.</summary>
    public bool Closed { get; private set; }

    public bool HasSignIns
    {
        get
        {
            lock (gate)
            {
                return signIns.Count > 0;
            }
        }
    }

    /// <summary>Holds a sign-in entry for the request's durable write; false when the request's entries have already gone.</summary>
    public bool TryAdd(AccessLogEntry entry)
    {
        lock (gate)
        {
            if (Closed)
            {
                return false;
            }

            signIns.Add(entry);
            return true;
        }
    }

    /// <summary>Closes the request's log: returns the sign-ins held, or null when it was closed already.</summary>
    public List<AccessLogEntry>? Close()
    {
        lock (gate)
        {
            if (Closed)
            {
                return null;
            }

            Closed = true;
            return [.. signIns];
        }
    }
}
