using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
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
            // On a new database every migration is pending: asking the history table that does not exist yet would only
            // log a failed command (PostgreSQL wrote error lines for every module at every first start).
            var pending = await context.GetService<IHistoryRepository>().ExistsAsync(cancellationToken)
                ? (await context.Database.GetPendingMigrationsAsync(cancellationToken)).ToList()
                : context.Database.GetMigrations().ToList();
            if (pending.Count > 0)
            {
                logger.LogInformation("Applying {Count} migration(s) to module {Module}: {Migrations}", pending.Count, database.Module, pending);
                await context.Database.MigrateAsync(cancellationToken);
            }
        }
    }
}
