using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BranchNetwork.Infrastructure.Persistence;

/// <summary>Applies every module's migrations for the configured provider; the schema only ever comes from migrations.</summary>
public sealed class DatabaseMigrator(IServiceProvider services, IEnumerable<ModuleDatabase> databases, ILogger<DatabaseMigrator> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        using var scope = services.CreateScope();
        foreach (var database in databases)
        {
            var context = (DbContext)scope.ServiceProvider.GetRequiredService(database.ContextType);
            var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
            {
                logger.LogInformation("Applying {Count} migration(s) to module {Module}: {Migrations}", pending.Count, database.Module, pending);
                await context.Database.MigrateAsync(cancellationToken);
            }
        }
    }
}
