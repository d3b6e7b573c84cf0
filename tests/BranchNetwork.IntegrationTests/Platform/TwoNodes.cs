using System.Collections.Concurrent;
using BranchNetwork.Infrastructure.Outbox;
using BranchNetwork.IntegrationTests.Notifications;
using BranchNetwork.Testing;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BranchNetwork.IntegrationTests.Platform;

/// <summary>
/// Two app instances (nodes) on one database, both running their outbox processors, as behind a load balancer.
/// Each node would keep its Data Protection keys in a folder of its own if the app did not put them anywhere
/// (as two machines would): only a key ring in the database lets a cookie from one node open a page on the other.
/// </summary>
public sealed class TwoNodes : IAsyncLifetime
{
    private readonly string keyFolders = Path.Combine(Path.GetTempPath(), "branchnet-dp-" + Guid.NewGuid().ToString("N"));

    public TestDatabase Database { get; } = new();

    /// <summary>Every message either node marked delivered, with the node that did it.</summary>
    public ConcurrentQueue<(string Node, Guid MessageId)> Deliveries { get; } = new();

    public SiblingApp A { get; private set; } = null!;

    public SiblingApp B { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await Database.CreateAsync();
        if (Database.Unavailable is not null)
        {
            return;
        }

        A = await StartAsync("A");
        B = await StartAsync("B");
    }

    private async Task<SiblingApp> StartAsync(string node)
    {
        var folder = Directory.CreateDirectory(Path.Combine(keyFolders, node));
        var app = new SiblingApp(Database, new Dictionary<string, string?> { ["Outbox:BatchSize"] = "10" }, services =>
        {
            services.AddSingleton<IInterceptor>(new DeliveryRecorder(node, Deliveries));
            // Only when the app configured no key store: this node's own folder, like a separate machine's disk.
            services.AddOptions<KeyManagementOptions>().PostConfigure<ILoggerFactory>((options, logs) =>
                options.XmlRepository ??= new FileSystemXmlRepository(folder, logs));
        });
        await app.InitializeAsync();
        return app;
    }

    public async ValueTask DisposeAsync()
    {
        if (Database.Unavailable is null)
        {
            await A.DisposeAsync();
            await B.DisposeAsync();
        }

        await Database.DisposeAsync();
        try
        {
            Directory.Delete(keyFolders, recursive: true);
        }
        catch (IOException)
        {
            // Temp files; nothing depends on them.
        }
    }

    /// <summary>Sees the save in which a node marks an outbox message delivered: once per delivery.</summary>
    private sealed class DeliveryRecorder(string node, ConcurrentQueue<(string, Guid)> deliveries) : SaveChangesInterceptor
    {
        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            foreach (var entry in eventData.Context!.ChangeTracker.Entries<OutboxMessage>())
            {
                if (entry.State == EntityState.Modified && entry.Entity.ProcessedAtUtc is not null && entry.Property(m => m.ProcessedAtUtc).OriginalValue is null)
                {
                    deliveries.Enqueue((node, entry.Entity.Id));
                }
            }

            return base.SavingChangesAsync(eventData, result, cancellationToken);
        }
    }
}
