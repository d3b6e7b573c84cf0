using Npgsql;

namespace BranchNetwork.Testing;

/// <summary>A fresh, empty database for one test host on the provider under test; dropped afterwards.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string name = "bn_" + Guid.NewGuid().ToString("N")[..16];
    private string? sqlitePath;
    private string? postgresAdmin;

    public string Provider { get; } = TestEnvironment.Provider;

    public string ConnectionString { get; private set; } = "";

    /// <summary>Why this provider cannot run here, or null when it can.</summary>
    public string? Unavailable { get; private set; }

    public async Task CreateAsync()
    {
        switch (Provider)
        {
            case "Sqlite":
                var folder = Path.Combine(Path.GetTempPath(), "branchnet-tests");
                Directory.CreateDirectory(folder);
                sqlitePath = Path.Combine(folder, name + ".db");
                ConnectionString = $"Data Source={sqlitePath}";
                break;
            case "PostgreSql":
                if (TestEnvironment.PostgresConnectionString is not { Length: > 0 } admin)
                {
                    Unavailable = "BRANCHNET_TEST_PROVIDER=PostgreSql needs BRANCHNET_TEST_POSTGRES (a server connection string).";
                    return;
                }

                postgresAdmin = admin;
                ConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = true }.ConnectionString;
                // Created here so the app's migrator finds it (and logs no failed connection first).
                await using (var connection = new NpgsqlConnection(admin))
                {
                    await connection.OpenAsync();
                    await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
                    await create.ExecuteNonQueryAsync();
                }

                break;
            case "SqlServer":
                var server = TestEnvironment.SqlServerConnectionString ?? await SqlServerContainer.StartAsync();
                if (server is null)
                {
                    Unavailable = "SqlServer tests need BRANCHNET_TEST_SQLSERVER or a Docker engine for Testcontainers.MsSql; neither is here.";
                    return;
                }

                ConnectionString = new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(server) { InitialCatalog = name, TrustServerCertificate = true }.ConnectionString;
                break;
            default:
                throw new InvalidOperationException($"Unknown BRANCHNET_TEST_PROVIDER '{Provider}'.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (sqlitePath is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { sqlitePath, sqlitePath + "-wal", sqlitePath + "-shm" })
            {
                try
                {
                    File.Delete(file);
                }
                catch (IOException)
                {
                    // A file still open by a late connection is left in the temp folder.
                }
            }
        }

        if (postgresAdmin is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(postgresAdmin);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}

/// <summary>Starts SQL Server in Docker via Testcontainers, once per run; null when no Docker engine is reachable.</summary>
internal static class SqlServerContainer
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? connectionString;
    private static bool tried;

    public static async Task<string?> StartAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (!tried)
            {
                tried = true;
                try
                {
                    var container = new Testcontainers.MsSql.MsSqlBuilder("mcr.microsoft.com/mssql/server:2022-latest").Build();
                    await container.StartAsync();
                    connectionString = container.GetConnectionString();
                }
                catch (Exception e) when (e.GetType().Name.Contains("Docker", StringComparison.Ordinal) || e is TimeoutException or HttpRequestException)
                {
                    connectionString = null;
                }
            }

            return connectionString;
        }
        finally
        {
            Gate.Release();
        }
    }
}
