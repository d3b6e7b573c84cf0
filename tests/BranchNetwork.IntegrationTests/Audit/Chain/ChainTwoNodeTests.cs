using BranchNetwork.IntegrationTests.Notifications;
using BranchNetwork.Modules.Audit.Data;
using BranchNetwork.Modules.Audit.Domain;
using BranchNetwork.Modules.Audit.Features.Shared;
using BranchNetwork.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BranchNetwork.IntegrationTests.Audit.Chain;

/// <summary>Two app nodes on one database, as in production behind a load balancer.</summary>
public sealed class ChainTwoNodes : IAsyncLifetime
{
    public TestDatabase Database { get; } = new();

    public SiblingApp A { get; private set; } = null!;

    public SiblingApp B { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await Database.CreateAsync();
        if (Database.Unavailable is not null)
        {
            return;
        }

        A = new SiblingApp(Database, new Dictionary<string, string?>());
        await A.InitializeAsync();
        B = new SiblingApp(Database, new Dictionary<string, string?>());
        await B.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Database.Unavailable is null)
        {
            await B.DisposeAsync();
            await A.DisposeAsync();
        }

        await Database.DisposeAsync();
    }
}

/// <summary>AU-3: appends from two nodes at once queue behind the head row: one chain, positions 1…N, no fork, no gap.</summary>
[Trait("Spec", "AU-3")]
public sealed class ChainTwoNodeTests(ChainTwoNodes nodes) : IClassFixture<ChainTwoNodes>
{
    private const int AppendsPerNode = 200;
    private const int WritersPerNode = 10;

    [Fact]
    public async Task Two_nodes_appending_at_once_leave_both_chains_whole_without_gap_or_fork()
    {
        if (nodes.Database.Unavailable is { } reason)
        {
            TestEnvironment.Unavailable(reason);
        }

        var before = await ReadAsync(nodes.A, async db => (
            Trail: await db.AuditRecords.CountAsync(),
            Access: await db.AccessLogEntries.CountAsync(e => e.Seq > 0)));

        // Each node runs its appends 10 at a time (a busy node's request concurrency; more would only exhaust the
        // connection pool, as every waiting append holds a connection in its transaction), both nodes at once.
        await Task.WhenAll(new[] { nodes.A, nodes.B }.Select(node => Parallel.ForEachAsync(
            Enumerable.Range(0, AppendsPerNode),
            new ParallelOptions { MaxDegreeOfParallelism = WritersPerNode },
            async (i, _) => await AppendAsync(node, i))));

        foreach (var chain in ChainLab.Chains)
        {
            var seqs = await ReadAsync(nodes.B, db => chain == ChainNames.Trail
                ? db.AuditRecords.OrderBy(r => r.Seq).Select(r => r.Seq).ToListAsync()
                : db.AccessLogEntries.Where(e => e.Seq > 0).OrderBy(e => e.Seq).Select(e => e.Seq).ToListAsync());
            var expected = (chain == ChainNames.Trail ? before.Trail : before.Access) + (2 * AppendsPerNode);
            Assert.True(seqs.Count >= expected, $"{chain}: {seqs.Count} records, expected at least {expected}");
            Assert.Equal(Enumerable.Range(1, seqs.Count).Select(i => (long)i), seqs);

            using var scope = nodes.A.Services.CreateScope();
            var result = await scope.ServiceProvider.GetRequiredService<ChainVerifier>().VerifyAsync(chain, CancellationToken.None);
            Assert.True(result.Intact, result.FirstBreak?.Description);
            Assert.True(result.RecordsChecked >= expected);
        }
    }

    private static async Task AppendAsync(SiblingApp node, int i)
    {
        await Task.Yield();
        using var scope = node.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AuditDbContext>();
        await ChainAppender.AppendAsync(db, ChainNames.Trail, [ChainLab.TrailRecord(i, node.Clock.UtcNow)], CancellationToken.None);
        await ChainAppender.AppendAsync(db, ChainNames.AccessLog, [ChainLab.AccessRecord(i, node.Clock.UtcNow)], CancellationToken.None);
    }

    private static async Task<T> ReadAsync<T>(SiblingApp node, Func<AuditDbContext, Task<T>> read)
    {
        using var scope = node.Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<AuditDbContext>());
    }
}
