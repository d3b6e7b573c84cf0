using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BranchNetwork.Infrastructure.Persistence;

/// <summary>A module database the host migrates at start-up.</summary>
public sealed record ModuleDatabase(string Module, Type ContextType);

public static class PersistenceExtensions
{
    /// <summary>
    /// Registers a module's DbContext on the configured provider, with its migrations in the
    /// provider's migrations assembly and its own history table (ADR 0004).
    /// </summary>
    public static IServiceCollection AddModuleDbContext<TContext>(this WebApplicationBuilder builder, string module, string schema)
        where TContext : DbContext
    {
        var settings = builder.Services.GetDatabaseSettings(builder);
        builder.Services.AddDbContext<TContext>((services, options) =>
        {
            Configure(options, settings, module, schema);
            // Interceptors registered in DI apply to every module context (tests use one to inject faults).
            options.AddInterceptors(services.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>());
        });
        builder.Services.AddSingleton(new ModuleDatabase(module, typeof(TContext)));
        // The audit trail (AU-2, ADR 0021): per scope, so it sees the request's user.
        builder.Services.TryAddEnumerable(ServiceDescriptor.Scoped<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, Auditing.AuditTrailInterceptor>());
        return builder.Services;
    }

    /// <summary>Registers the module's outbox with the processor; the context must implement <c>IOutboxDbContext</c>.</summary>
    public static IServiceCollection AddModuleOutbox<TContext>(this IServiceCollection services, string module)
        where TContext : DbContext, Outbox.IOutboxDbContext
    {
        services.AddSingleton(new Outbox.ModuleOutbox(module, typeof(TContext)));
        return services;
    }

    public static void Configure(DbContextOptionsBuilder options, DatabaseSettings settings, string module, string schema)
    {
        switch (settings.Provider)
        {
            case DatabaseProvider.Sqlite:
                options.UseSqlite(settings.ConnectionString, o => o
                    .MigrationsAssembly(settings.MigrationsAssembly)
                    .MigrationsHistoryTable($"__EFMigrationsHistory_{module}"));
                break;
            case DatabaseProvider.PostgreSql:
                options.UseNpgsql(settings.ConnectionString, o => o
                    .MigrationsAssembly(settings.MigrationsAssembly)
                    .MigrationsHistoryTable("__EFMigrationsHistory", schema));
                break;
            case DatabaseProvider.SqlServer:
                options.UseSqlServer(settings.ConnectionString, o => o
                    .MigrationsAssembly(settings.MigrationsAssembly)
                    .MigrationsHistoryTable("__EFMigrationsHistory", schema));
                break;
            default:
                throw new InvalidOperationException($"Unknown provider {settings.Provider}.");
        }
    }

    public static DatabaseSettings GetDatabaseSettings(this IServiceCollection services, WebApplicationBuilder builder)
    {
        var existing = services.FirstOrDefault(d => d.ServiceType == typeof(DatabaseSettings))?.ImplementationInstance as DatabaseSettings;
        if (existing is not null)
        {
            return existing;
        }

        var settings = DatabaseSettings.From(builder.Configuration, builder.Environment.ContentRootPath);
        services.AddSingleton(settings);
        return settings;
    }
}
