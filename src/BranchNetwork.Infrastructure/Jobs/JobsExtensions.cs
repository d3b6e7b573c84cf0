using BranchNetwork.Infrastructure.Persistence;
using Hangfire;
using Hangfire.Dashboard;
using Hangfire.PostgreSql;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BranchNetwork.Infrastructure.Jobs;

/// <summary>A module's recurring jobs, registered at start-up (ids are stable, so re-registering updates them).</summary>
public interface IRecurringJobSource
{
    void Register(IRecurringJobManager jobs);
}

public static class JobsExtensions
{
    public const string DashboardPath = "/jobs";

    /// <summary>Hangfire with storage by provider: SQL Server / PostgreSQL in the app database, in memory with SQLite.</summary>
    public static WebApplicationBuilder AddPlatformJobs(this WebApplicationBuilder builder)
    {
        var settings = builder.Services.GetDatabaseSettings(builder);
        builder.Services.AddHangfire(configuration =>
        {
            configuration.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            switch (settings.Provider)
            {
                case DatabaseProvider.SqlServer:
                    configuration.UseSqlServerStorage(settings.ConnectionString);
                    break;
                case DatabaseProvider.PostgreSql:
                    configuration.UsePostgreSqlStorage(o => o.UseNpgsqlConnection(settings.ConnectionString), new PostgreSqlStorageOptions { SchemaName = "hangfire" });
                    break;
                default:
                    configuration.UseInMemoryStorage();
                    break;
            }
        });

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

    public static void RegisterRecurringJobs(this IServiceProvider services)
    {
        var jobs = services.GetRequiredService<IRecurringJobManager>();
        foreach (var source in services.GetServices<IRecurringJobSource>())
        {
            source.Register(jobs);
        }
    }

    private sealed class RoleDashboardFilter(string role) : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) => context.GetHttpContext().User.IsInRole(role);
    }
}
