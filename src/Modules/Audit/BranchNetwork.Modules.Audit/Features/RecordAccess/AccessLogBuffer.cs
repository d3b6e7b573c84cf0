using System.Security.Claims;
using System.Threading.Channels;
using BranchNetwork.Modules.Audit.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BranchNetwork.Modules.Audit.Features.RecordAccess;

/// <summary>
/// The in-memory queue between requests and the database (AU-1): a bounded channel that never blocks a request.
/// When it is full the entry goes to the spill file (<see cref="AccessLogSpill"/>, ADR 0025) and is written later;
/// only when the disk refuses it too is it dropped, counted and reported as an error. Also the <see cref="IAccessLog"/>
/// other modules call for sign-in outcomes.
/// </summary>
internal sealed class AccessLogBuffer : IAccessLog
{
    public const string SubjectClaim = "sub";
    public const string NameClaim = "name";
    public const string RoleClaim = "role";
    public const string UnitClaim = "unit_id";

    private readonly Channel<AccessLogEntry> channel;
    private readonly AccessLogSpill spill;
    private readonly IClock clock;
    private readonly IHttpContextAccessor httpContextAccessor;
    private readonly ILogger<AccessLogBuffer> logger;
    private readonly int wakeAt;
    private TaskCompletionSource batchReady = NewSignal();
    private long droppedSinceReport;
    private long droppedTotal;

    public AccessLogBuffer(IOptions<AccessLogOptions> options, AccessLogSpill spill, IClock clock, IHttpContextAccessor httpContextAccessor, ILogger<AccessLogBuffer> logger)
    {
        this.spill = spill;
        this.clock = clock;
        this.httpContextAccessor = httpContextAccessor;
        this.logger = logger;
        wakeAt = options.Value.WakeAt;
        channel = Channel.CreateBounded<AccessLogEntry>(
            new BoundedChannelOptions(options.Value.EffectiveCapacity)
            {
                // TryWrite answers false when full: the entry then goes to the spill file, never silently away.
                FullMode = BoundedChannelFullMode.Wait,
                SingleReader = true,
                SingleWriter = false,
            });
    }

    public ChannelReader<AccessLogEntry> Reader => channel.Reader;

    /// <summary>Entries lost since the app started: the buffer was full and the spill file refused them, or the database refused the row itself.</summary>
    public long DroppedTotal => Interlocked.Read(ref droppedTotal);

    /// <summary>Entries sent to the spill file since the app started.</summary>
    public long SpilledTotal => spill.SpilledTotal;

    /// <summary>Entries waiting in memory.</summary>
    public int Buffered => channel.Reader.Count;

    /// <summary>Completes when a full batch is waiting, so the writer need not wait for its interval.</summary>
    public Task BatchReady => Volatile.Read(ref batchReady).Task;

    public void Enqueue(AccessLogEntry entry)
    {
        if (!channel.Writer.TryWrite(entry) && !spill.TryAppend([entry]))
        {
            Dropped(1);
        }

        if (channel.Reader.Count >= wakeAt)
        {
            Volatile.Read(ref batchReady).TrySetResult();
        }
    }

    /// <summary>Counts entries that are lost for good; the writer reports them in a log line (ADR 0025).</summary>
    public void Dropped(long count)
    {
        Interlocked.Add(ref droppedSinceReport, count);
        Interlocked.Add(ref droppedTotal, count);
    }

    public void ResetBatchSignal()
    {
        var current = Volatile.Read(ref batchReady);
        if (current.Task.IsCompleted)
        {
            Interlocked.CompareExchange(ref batchReady, NewSignal(), current);
        }
    }

    /// <summary>Entries dropped since the last call.</summary>
    public long TakeDropped() => Interlocked.Exchange(ref droppedSinceReport, 0);

    public void RecordSignIn(string userName, Guid? userId, SignInOutcome outcome, string? detail)
    {
        try
        {
            var context = httpContextAccessor.HttpContext;
            var kind = outcome switch
            {
                SignInOutcome.Succeeded => AccessLogKind.SignIn,
                SignInOutcome.LockedOut => AccessLogKind.LockedOut,
                _ => AccessLogKind.SignInFailed,
            };
            var entry = AccessLogEntry.Create(
                clock.UtcNow,
                kind,
                userId,
                userName,
                roles: null,
                unitId: null,
                ip: IpOf(context),
                method: context?.Request.Method,
                routeTemplate: (context?.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText,
                path: context is null ? null : (context.Request.PathBase + context.Request.Path).Value,
                status: 0,
                durationMs: 0,
                detail: detail);
            // Written with the request's own entry before the response is sent (ADR 0019); outside a request, buffered.
            if (context?.Features.Get<PendingAccessLog>() is { } pending && !context.Response.HasStarted && pending.TryAdd(entry))
            {
                return;
            }

            Enqueue(entry);
        }
        catch (Exception e)
        {
            // The access log never fails a user's request.
            logger.LogError(e, "Could not record a sign-in outcome for {UserName}", userName);
        }
    }

    internal static string? IpOf(HttpContext? context)
    {
        var address = context?.Connection.RemoteIpAddress;
        if (address is null)
        {
            return null;
        }

        return (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
    }

    internal static (Guid? UserId, string? UserName, IReadOnlyList<string>? Roles, Guid? UnitId) UserOf(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true)
        {
            return (null, null, null, null);
        }

        var userId = Guid.TryParse(user.FindFirst(SubjectClaim)?.Value, out var id) ? id : (Guid?)null;
        var name = user.FindFirst(NameClaim)?.Value ?? user.Identity.Name;
        var roles = user.FindAll(c => c.Type is RoleClaim or ClaimTypes.Role).Select(c => c.Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var unitId = Guid.TryParse(user.FindFirst(UnitClaim)?.Value, out var unit) ? unit : (Guid?)null;
        return (userId, name, roles.Count == 0 ? null : roles, unitId);
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
