using System.Diagnostics;
using Npgsql;

namespace BranchNetwork.Testing;

/// <summary>
/// A database for one test host on the provider under test; dropped afterwards. By default it is a
/// copy of a template the app migrated and seeded once per test process (SQLite: a file copy,
/// PostgreSQL: CREATE DATABASE … TEMPLATE), so a test class pays for a copy, not for every migration.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string name;
    private string? sqlitePath;
    private string? postgresAdmin;

    public TestDatabase()
        : this("bn_" + Guid.NewGuid().ToString("N")[..16])
    {
    }

    private TestDatabase(string name) => this.name = name;

    public string Provider { get; } = TestEnvironment.Provider;

    public string ConnectionString { get; private set; } = "";

    /// <summary>Why this provider cannot run here, or null when it can.</summary>
    public string? Unavailable { get; private set; }

    internal static string SqliteFolder => Path.Combine(Path.GetTempPath(), "branchnet-tests");

    /// <summary>
    /// Creates the database: a copy of the migrated, demo-seeded template, or (<paramref name="fromTemplate"/>
    /// false) an empty one that the app migrates itself (a host that must not see demo data).
    /// </summary>
    public async Task CreateAsync(bool fromTemplate = true)
    {
        switch (Provider)
        {
            case "Sqlite":
                Directory.CreateDirectory(SqliteFolder);
                sqlitePath = Path.Combine(SqliteFolder, name + ".db");
                ConnectionString = $"Data Source={sqlitePath}";
                if (fromTemplate)
                {
                    var file = await DatabaseTemplate.SqliteAsync();
                    File.Copy(file, sqlitePath);
                    if (File.Exists(file + "-wal"))
                    {
                        File.Copy(file + "-wal", sqlitePath + "-wal");
                    }
                }

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
                var template = fromTemplate ? await DatabaseTemplate.PostgresAsync(admin) : null;
                await DatabaseTemplate.CreatePostgresDatabaseAsync(admin, name, template);
                break;
            case "SqlServer":
                var server = TestEnvironment.SqlServerConnectionString ?? await SqlServerContainer.StartAsync();
                if (server is null)
                {
                    Unavailable = "SqlServer tests need BRANCHNET_TEST_SQLSERVER or a Docker engine for Testcontainers.MsSql; neither is here.";
                    return;
                }

                // No template on SQL Server (rarely run here): the app migrates each database itself.
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
            DatabaseTemplate.DeleteSqliteFiles(sqlitePath);
        }

        if (postgresAdmin is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await DatabaseTemplate.DropPostgresDatabaseAsync(postgresAdmin, name);
        }
    }

    /// <summary>
    /// The per-process template: migrated by the app's own startup (migrator, module initialisers and
    /// the idempotent demo seeding) once, lazily and thread-safely, then copied per test class. Named
    /// <c>bn_tmpl_&lt;pid&gt;_…</c> so leftovers are plainly test leftovers; removed at process exit, and
    /// a template whose process is gone is swept by the next run.
    /// </summary>
    private static class DatabaseTemplate
    {
        private const string Prefix = "bn_tmpl_";
        private static readonly Lazy<Task<string>> Sqlite = new(BuildSqliteAsync);
        private static readonly object PostgresLock = new();
        private static Task<string>? postgres;

        public static Task<string> SqliteAsync() => Sqlite.Value;

        public static Task<string> PostgresAsync(string admin)
        {
            lock (PostgresLock)
            {
                return postgres ??= BuildPostgresAsync(admin);
            }
        }

        private static string NewName() => $"{Prefix}{Environment.ProcessId}_{Guid.NewGuid().ToString("N")[..8]}";

        private static async Task<string> BuildSqliteAsync()
        {
            SweepSqlite();
            var template = new TestDatabase(NewName());
            await template.CreateAsync(fromTemplate: false);
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                DeleteSqliteFiles(template.sqlitePath!);
            };
            await MigrateAndSeedAsync(template);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            return template.sqlitePath!;
        }

        private static async Task<string> BuildPostgresAsync(string admin)
        {
            await SweepPostgresAsync(admin);
            var template = new TestDatabase(NewName());
            await template.CreateAsync(fromTemplate: false);
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                NpgsqlConnection.ClearAllPools();
                DropPostgresDatabaseAsync(admin, template.name).GetAwaiter().GetResult();
            };
            await MigrateAndSeedAsync(template);
            // CREATE DATABASE … TEMPLATE refuses while anyone is connected to the template.
            NpgsqlConnection.ClearAllPools();
            return template.name;
        }

        private static async Task MigrateAndSeedAsync(TestDatabase template)
        {
            await using var host = new TemplateHost(template);
            await host.InitializeAsync();
        }

        public static async Task CreatePostgresDatabaseAsync(string admin, string name, string? template)
        {
            var sql = template is null ? $"CREATE DATABASE \"{name}\"" : $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"";
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync();
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await using var create = new NpgsqlCommand(sql, connection);
                    await create.ExecuteNonQueryAsync();
                    return;
                }
                catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 100)
                {
                    // "source database is being accessed by other users": a copy of the same template
                    // being made at this moment, or a pooled connection of the template's host still closing.
                    await Task.Delay(100);
                }
            }
        }

        public static async Task DropPostgresDatabaseAsync(string admin, string name)
        {
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        public static void DeleteSqliteFiles(string path)
        {
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
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

        /// <summary>Whether a template's name says its test process has ended (a killed run's leftover).</summary>
        private static bool IsOrphan(string name)
        {
            var pid = name[Prefix.Length..].Split('_')[0];
            if (!int.TryParse(pid, out var id))
            {
                return false;
            }

            try
            {
                using var process = Process.GetProcessById(id);
                return process.HasExited;
            }
            catch (ArgumentException)
            {
                return true;
            }
        }

        private static void SweepSqlite()
        {
            if (!Directory.Exists(SqliteFolder))
            {
                return;
            }

            foreach (var file in Directory.GetFiles(SqliteFolder, Prefix + "*.db"))
            {
                if (IsOrphan(Path.GetFileNameWithoutExtension(file)))
                {
                    DeleteSqliteFiles(file);
                }
            }
        }

        private static async Task SweepPostgresAsync(string admin)
        {
            var orphans = new List<string>();
            await using (var connection = new NpgsqlConnection(admin))
            {
                await connection.OpenAsync();
                await using var list = new NpgsqlCommand($"SELECT datname FROM pg_database WHERE datname LIKE '{Prefix}%'", connection);
                await using var reader = await list.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    if (IsOrphan(reader.GetString(0)))
                    {
                        orphans.Add(reader.GetString(0));
                    }
                }
            }

            foreach (var orphan in orphans)
            {
                await DropPostgresDatabaseAsync(admin, orphan);
            }
        }
    }

    /// <summary>The app started once on the template, exactly as a test host starts (Development: demo data), then stopped.</summary>
    private sealed class TemplateHost(TestDatabase database) : BranchNetworkFactory(database, ownsDatabase: false);
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
