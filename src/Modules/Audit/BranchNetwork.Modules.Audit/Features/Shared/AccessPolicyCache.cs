using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BranchNetwork.Modules.Audit.Features.Shared;

/// <summary>AU-5 settings: <c>AccessPolicies:Enforce</c> (the operators' break-glass switch) and how long a node trusts its copy.</summary>
internal sealed class AccessPolicyOptions
{
    public const string Section = "AccessPolicies";

    /// <summary>False turns enforcement off on this node (break-glass, ADR 0023); policies stay stored and editable.</summary>
    public bool Enforce { get; set; } = true;

    /// <summary>
    /// The longest a node serves its copy of the policies: a change made on this node applies at once (the copy is
    /// dropped), a change made on another node within this many seconds.
    /// </summary>
    public int CacheSeconds { get; set; } = 30;
}

/// <summary>
/// Every policy, compiled, read once per <see cref="AccessPolicyOptions.CacheSeconds"/> instead of once per request.
/// A change through the API calls <see cref="Invalidate"/>, so the node that took it applies it to the next request.
/// </summary>
internal sealed class AccessPolicyCache(IServiceScopeFactory scopes, IOptionsMonitor<AccessPolicyOptions> options) : IDisposable
{
    private readonly SemaphoreSlim loading = new(1, 1);
    private volatile Snapshot? current;
    private long invalidations;

    public async ValueTask<IReadOnlyList<CompiledPolicy>> GetAsync(CancellationToken cancellationToken)
    {
        var snapshot = current;
        if (snapshot is not null && Environment.TickCount64 < snapshot.ExpiresAt)
        {
            return snapshot.Policies;
        }

        await loading.WaitAsync(cancellationToken);
        try
        {
            snapshot = current;
            if (snapshot is not null && Environment.TickCount64 < snapshot.ExpiresAt)
            {
                return snapshot.Policies;
            }

            var generation = Volatile.Read(ref invalidations);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AuditDbContext>();
            var rows = await db.AccessPolicies.AsNoTracking().OrderBy(p => p.Name).ThenBy(p => p.Id).ToListAsync(cancellationToken);
            var policies = rows.Select(CompiledPolicy.From).ToList();
            // An invalidation during the read may have missed it: keep the result only for this caller.
            if (generation == Volatile.Read(ref invalidations))
            {
                current = new Snapshot(policies, Environment.TickCount64 + (Math.Max(0, options.CurrentValue.CacheSeconds) * 1000L));
            }

            return policies;
        }
        finally
        {
            loading.Release();
        }
    }

    public void Invalidate()
    {
        Interlocked.Increment(ref invalidations);
        current = null;
    }

    public void Dispose() => loading.Dispose();

    private sealed record Snapshot(IReadOnlyList<CompiledPolicy> Policies, long ExpiresAt);
}
