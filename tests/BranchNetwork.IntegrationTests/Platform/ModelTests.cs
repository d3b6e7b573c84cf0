using BranchNetwork.Host;
using BranchNetwork.Infrastructure;
using BranchNetwork.Infrastructure.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace BranchNetwork.IntegrationTests.Platform;

/// <summary>
/// The model checked per provider without a server: every module's migrations match its model
/// (no change without a migration), and the model is safe for SQL Server by construction.
/// </summary>
public sealed class ModelTests
{
    public static TheoryData<string> Providers => new() { "Sqlite", "PostgreSql", "SqlServer" };

    [Theory]
    [MemberData(nameof(Providers))]
    [Trait("Spec", "ORG-1")]
    public void Every_module_has_a_migration_for_each_model_change(string provider)
    {
        using var services = BuildModules(provider);
        foreach (var database in services.GetServices<ModuleDatabase>())
        {
            using var scope = services.CreateScope();
            var context = (DbContext)scope.ServiceProvider.GetRequiredService(database.ContextType);

            Assert.NotEmpty(context.Database.GetMigrations());
            Assert.False(context.Database.HasPendingModelChanges(), $"{database.Module} on {provider}: the model has changes without a migration (deploy/scripts/add-migration.sh).");
        }
    }

    [Fact]
    [Trait("Spec", "ORG-1")]
    public void The_model_is_safe_for_sql_server()
    {
        using var services = BuildModules("SqlServer");
        var problems = new List<string>();
        foreach (var database in services.GetServices<ModuleDatabase>())
        {
            using var scope = services.CreateScope();
            var model = ((DbContext)scope.ServiceProvider.GetRequiredService(database.ContextType)).Model;
            problems.AddRange(SqlServerSafety.Check(model));
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void The_safety_check_catches_an_unbounded_indexed_string_and_a_cascading_foreign_key()
    {
        var options = new DbContextOptionsBuilder<UnsafeContext>().UseSqlServer("Server=none").Options;
        using var context = new UnsafeContext(options);

        var problems = SqlServerSafety.Check(context.Model).ToList();

        Assert.Contains(problems, p => p.Contains("UnsafeChild.Title", StringComparison.Ordinal) && p.Contains("max length", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("UnsafeChild.Code", StringComparison.Ordinal) && p.Contains("indexed", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("UnsafeChild.Amount", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Cascade", StringComparison.Ordinal));
    }

    private static ServiceProvider BuildModules(string provider)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Configuration["Database:Provider"] = provider;
        builder.Configuration["ConnectionStrings:BranchNetwork"] = provider switch
        {
            "Sqlite" => "Data Source=:memory:",
            "PostgreSql" => "Host=localhost;Database=model_check",
            _ => "Server=localhost;Database=ModelCheck;TrustServerCertificate=True",
        };
        builder.AddPlatformInfrastructure();
        foreach (var module in ModuleCatalog.Modules)
        {
            module.AddServices(builder);
        }

        return builder.Services.BuildServiceProvider();
    }

    private sealed class UnsafeParent
    {
        public int Id { get; set; }
    }

    private sealed class UnsafeChild
    {
        public int Id { get; set; }

        public string Title { get; set; } = "";

        public string Code { get; set; } = "";

        public decimal Amount { get; set; }

        public int ParentId { get; set; }
    }

    private sealed class UnsafeContext(DbContextOptions<UnsafeContext> options) : DbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.Entity<UnsafeParent>();
            modelBuilder.Entity<UnsafeChild>(c =>
            {
                c.HasIndex(x => x.Code);
                c.Property(x => x.Code).HasMaxLength(900);
                c.HasOne<UnsafeParent>().WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Cascade);
            });
        }
    }
}

/// <summary>DESIGN.md's SQL Server rules, checked on the model.</summary>
internal static class SqlServerSafety
{
    /// <summary>Library-owned columns that hold large, never-indexed text (OpenIddict payloads and property bags).</summary>
    private static readonly HashSet<string> UnboundedByDesign =
    [
        "OpenIddictEntityFrameworkCoreApplication.ClientSecret",
        "OpenIddictEntityFrameworkCoreApplication.ConsentType",
        "OpenIddictEntityFrameworkCoreApplication.DisplayName",
        "OpenIddictEntityFrameworkCoreApplication.DisplayNames",
        "OpenIddictEntityFrameworkCoreApplication.JsonWebKeySet",
        "OpenIddictEntityFrameworkCoreApplication.Permissions",
        "OpenIddictEntityFrameworkCoreApplication.PostLogoutRedirectUris",
        "OpenIddictEntityFrameworkCoreApplication.Properties",
        "OpenIddictEntityFrameworkCoreApplication.RedirectUris",
        "OpenIddictEntityFrameworkCoreApplication.Requirements",
        "OpenIddictEntityFrameworkCoreApplication.Settings",
        "OpenIddictEntityFrameworkCoreAuthorization.Properties",
        "OpenIddictEntityFrameworkCoreAuthorization.Scopes",
        "OpenIddictEntityFrameworkCoreScope.Description",
        "OpenIddictEntityFrameworkCoreScope.Descriptions",
        "OpenIddictEntityFrameworkCoreScope.DisplayName",
        "OpenIddictEntityFrameworkCoreScope.DisplayNames",
        "OpenIddictEntityFrameworkCoreScope.Properties",
        "OpenIddictEntityFrameworkCoreScope.Resources",
        "OpenIddictEntityFrameworkCoreToken.Payload",
        "OpenIddictEntityFrameworkCoreToken.Properties",
    ];

    public static IEnumerable<string> Check(IModel model)
    {
        foreach (var entity in model.GetEntityTypes())
        {
            var entityName = entity.ClrType.Name.Split('`')[0];
            foreach (var property in entity.GetProperties())
            {
                var name = $"{entityName}.{property.Name}";
                if (property.ClrType == typeof(string))
                {
                    var max = property.GetMaxLength();
                    var indexed = property.IsKey() || property.IsForeignKey() || property.IsIndex();
                    if (max is null && !UnboundedByDesign.Contains(name))
                    {
                        yield return $"{name}: string without an explicit max length";
                    }
                    else if (indexed && (max is null || max > 450))
                    {
                        yield return $"{name}: indexed string longer than 450 (SQL Server cannot index it)";
                    }
                }

                if ((property.ClrType == typeof(decimal) || property.ClrType == typeof(decimal?)) && property.GetPrecision() is null)
                {
                    yield return $"{name}: decimal without precision and scale";
                }
            }

            // Records are retired, not deleted: our own foreign keys never cascade.
            // ASP.NET Core Identity's and OpenIddict's internal links keep the libraries' own (single-path) behaviour.
            foreach (var foreignKey in entity.GetForeignKeys())
            {
                var library = entity.ClrType.Namespace?.StartsWith("Microsoft.AspNetCore.Identity", StringComparison.Ordinal) == true
                    || entity.ClrType.Namespace?.StartsWith("OpenIddict", StringComparison.Ordinal) == true;
                if (!library && foreignKey.DeleteBehavior == DeleteBehavior.Cascade)
                {
                    yield return $"{entityName} -> {foreignKey.PrincipalEntityType.ClrType.Name}: Cascade delete (use Restrict/NoAction)";
                }
            }
        }
    }
}
