using BranchNetwork.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace BranchNetwork.IntegrationTests.Notifications;

/// <summary>Another app instance on the same database: a restarted process or a second node.</summary>
public sealed class SiblingApp(TestDatabase database, IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services = null)
    : BranchNetworkFactory(database, ownsDatabase: false)
{
    protected override IReadOnlyDictionary<string, string?> Settings => settings;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (services is not null)
        {
            builder.ConfigureServices(services);
        }
    }
}

/// <summary>Fails saving inbox entries a given number of times: a handler that throws, for real.</summary>
public sealed class FailingInboxWrites(int failures) : SaveChangesInterceptor
{
    private int remaining = failures;

    public int Thrown { get; private set; }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        var writesInbox = eventData.Context!.ChangeTracker.Entries().Any(e => e.State == EntityState.Added && e.Metadata.ClrType.Name == "Notification");
        if (writesInbox && Interlocked.Decrement(ref remaining) >= 0)
        {
            Thrown++;
            throw new InvalidOperationException("Injected failure while storing notifications.");
        }

        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }
}
