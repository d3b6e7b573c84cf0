using Microsoft.Extensions.Configuration;

namespace BranchNetwork.Infrastructure.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
    SqlServer,
}

/// <summary>Reads <c>Database:Provider</c> and <c>ConnectionStrings:BranchNetwork</c> (ADR 0004).</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string DefaultSqlitePath = "data/branchnet.db";

    public string MigrationsAssembly => $"BranchNetwork.Migrations.{Provider}";

    public static DatabaseSettings From(IConfiguration configuration, string contentRoot)
    {
        var raw = configuration["Database:Provider"];
        var provider = string.IsNullOrWhiteSpace(raw)
            ? DatabaseProvider.Sqlite
            : Enum.TryParse<DatabaseProvider>(raw, ignoreCase: true, out var p)
                ? p
                : throw new InvalidOperationException($"Database:Provider '{raw}' is not one of Sqlite, PostgreSql, SqlServer.");

        var connectionString = configuration.GetConnectionString("BranchNetwork");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = provider switch
            {
                DatabaseProvider.Sqlite => $"Data Source={Path.Combine(contentRoot, DefaultSqlitePath)}",
                // Only used by design-time tooling (dotnet ef) which never connects.
                DatabaseProvider.PostgreSql => "Host=localhost;Database=branchnet;Username=postgres",
                _ => "Server=localhost;Database=BranchNetwork;Trusted_Connection=True;TrustServerCertificate=True",
            };
        }

        if (provider == DatabaseProvider.Sqlite)
        {
            EnsureSqliteFolder(connectionString);
        }

        return new DatabaseSettings(provider, connectionString);
    }

    private static void EnsureSqliteFolder(string connectionString)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }
}
