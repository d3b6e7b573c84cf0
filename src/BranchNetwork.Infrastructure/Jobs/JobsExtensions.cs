using BranchNetwork.Infrastructure.Persistence;
using Hangfire;
using Hangfire.Dashboard;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.SqlServer;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BranchNetwork.Infrastructure.Jobs;

public static class JobsExtensions
{
    public const string DashboardPath = "/jobs";

    /// <summary>Hangfire with storage by provider: SQL Server / PostgreSQL in the app database, in memory with SQLite.</summary>
    public static WebApplicationBuilder AddPlatformJobs(this WebApplicationBuilder builder)
    {
        var settings = builder.Services.GetDatabaseSettings(builder);
        // One storage per host, created lazily and owned by DI: Hangfire's static JobStorage.Current
        // would otherwise be shared (and disposed) across app instances in one process, as in tests.
        builder.Services.AddSingleton<JobStorage>(_ => settings.Provider switch
        {
            DatabaseProvider.SqlServer => new SqlServerStorage(settings.ConnectionString),
            DatabaseProvider.PostgreSql => new PostgreSqlStorage(
                new NpgsqlConnectionFactory(settings.ConnectionString, new PostgreSqlStorageOptions { SchemaName = "hangfire" }),
                new PostgreSqlStorageOptions { SchemaName = "hangfire" }),
            _ => new InMemoryStorage(),
        });
        builder.Services.AddHangfire((services, configuration) => configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseStorage(services.GetRequiredService<JobStorage>()));

        if (builder.Configuration.GetValue("Jobs:Enabled", true))
        {
            builder.Services.AddHangfireServer(o => o.WorkerCount = Math.Max(2, Environment.ProcessorCount));
        }

        return builder;
    }

    /// <summary>The dashboard, for SystemAdmin only (others get 401/403).</summary>
    public static void UseJobsDashboard(this WebApplication app, string requiredRole) =>
        app.UseHangfireDashboard(DashboardPath, new DashboardOptions
        {
            Authorization = [new RoleDashboardFilter(requiredRole)],
            DisplayStorageConnectionString = false,
            DashboardTitle = "BranchNetwork jobs",
        });

    private sealed class RoleDashboardFilter(string role) : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) => context.GetHttpContext().User.IsInRole(role);
    }
}
