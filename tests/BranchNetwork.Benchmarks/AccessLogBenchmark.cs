using System.Diagnostics;
using System.Globalization;
using BranchNetwork.Modules.Audit.Data;
using BranchNetwork.Modules.Audit.Domain;
using BranchNetwork.Modules.Audit.Features.RecordAccess;
using BranchNetwork.Modules.Audit.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace BranchNetwork.Benchmarks;

/// <summary>
/// Goal 3 of issue 16: does the access log keep up? Offers R entries per second for N seconds to the app's own
/// access-log buffer (the call the middleware makes for every logged read), waits until the writer has drained,
/// then counts the stored rows with a raw query, verifies the chain, and inserts the same rows with the provider's
/// raw bulk path (SQLite: one transaction, one prepared statement; PostgreSQL: binary COPY) into a copy of the table
/// with the same indexes, in the same run. The buffer is fed directly, not through HTTP: two shared cores cannot
/// generate 5,000 authenticated requests a second next to the app (`/api/me` answers about 600/s here), so an HTTP
/// feed would measure the request pipeline, not whether the log keeps up.
/// Run: dotnet run -c Release --project tests/BranchNetwork.Benchmarks -- accesslog [sqlite|postgres] [--seconds 10] [--rate 5000]
/// </summary>
internal static class AccessLogBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var provider = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0].ToUpperInvariant() : "SQLITE";
        var postgres = provider is "POSTGRES" or "POSTGRESQL" or "PG";
        if (!postgres && provider != "SQLITE")
        {
            Console.Error.WriteLine($"Unknown provider '{args[0]}': use sqlite or postgres.");
            return 2;
        }

        var seconds = (int)Option(args, "--seconds", 10);
        var rate = (int)Option(args, "--rate", 5000);
        await using var database = postgres ? await AssessmentBenchmark.BenchDatabase.CreatePostgresAsync() : AssessmentBenchmark.BenchDatabase.CreateSqlite();
        Console.WriteLine($"Access-log benchmark on {database.Provider}: {rate:N0} entries/s offered for {seconds} s");
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores (shared with other work), {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}; load average {LoadAverage()}");

        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_BRANCHNETWORK_HOST", RosterBenchmark.HostContentRoot());
        await using var app = new BenchmarkApp(database.ConnectionString, new Dictionary<string, string>
        {
            ["Database:Provider"] = database.Provider,
            ["Jobs:Enabled"] = "false",
        });
        using var client = app.CreateClient(); // starts the host: migrations and demo data
        var buffer = app.Services.GetRequiredService<AccessLogBuffer>();
        var before = await CountAsync(app.Services);
        var droppedBefore = buffer.DroppedTotal;
        var spilledBefore = Spilled(buffer);

        // Offer at the target rate: every millisecond or so, catch up to elapsed × rate.
        var ids = new List<Guid>(rate * seconds);
        var userIds = Enumerable.Range(0, 200).Select(_ => Guid.NewGuid()).ToArray();
        var watch = Stopwatch.StartNew();
        var total = (long)rate * seconds;
        long offered = 0;
        while (offered < total)
        {
            var due = rate <= 0 ? total : Math.Min(total, (long)(watch.Elapsed.TotalSeconds * rate));
            while (offered < due)
            {
                var u = (int)(offered % userIds.Length);
                var entry = AccessLogEntry.Create(
                    DateTime.UtcNow, AccessLogKind.Request, userIds[u], string.Create(CultureInfo.InvariantCulture, $"user{u:D4}"), ["Staff"], null,
                    "10.1.2.3", "GET", "/api/assessment/schemes/{id}", string.Create(CultureInfo.InvariantCulture, $"/api/assessment/schemes/{offered % 977}"),
                    200, 1.5, null);
                ids.Add(entry.Id);
                buffer.Enqueue(entry);
                offered++;
            }

            if (offered < total)
            {
                await Task.Delay(1);
            }
        }

        var offering = watch.Elapsed;
        Console.WriteLine($"Offered {offered:N0} entries in {offering.TotalSeconds:F1} s ({offered / offering.TotalSeconds:N0}/s); load average {LoadAverage()}");

        // Drain: until every offered entry that was not dropped is stored, or nothing moved for 30 s.
        long stored = 0;
        var lastChange = Stopwatch.StartNew();
        while (true)
        {
            var now = await CountAsync(app.Services) - before;
            if (now != stored)
            {
                stored = now;
                lastChange.Restart();
            }

            var dropped = buffer.DroppedTotal - droppedBefore;
            if (stored >= offered - dropped || lastChange.Elapsed > TimeSpan.FromSeconds(30))
            {
                break;
            }

            await Task.Delay(50);
        }

        var drained = watch.Elapsed;
        var droppedTotal = buffer.DroppedTotal - droppedBefore;
        var spilled = spilledBefore < 0 ? -1 : Spilled(buffer) - spilledBefore;
        var sustained = stored / drained.TotalSeconds;
        Console.WriteLine($"  offered : {offered:N0}");
        Console.WriteLine($"  stored  : {stored:N0} (raw COUNT(*) of the access-log table)");
        Console.WriteLine($"  dropped : {droppedTotal:N0}");
        Console.WriteLine($"  spilled : {(spilled < 0 ? "n/a (no spill file in this build)" : spilled.ToString("N0", CultureInfo.InvariantCulture))}");
        Console.WriteLine($"  drained : {drained.TotalSeconds:F1} s after the first entry ({(drained - offering).TotalSeconds:F1} s after the last)");
        Console.WriteLine($"  sustained write rate: {sustained:N0} entries/s");

        using (var scope = app.Services.CreateScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<ChainVerifier>().VerifyAsync(ChainNames.AccessLog, CancellationToken.None);
            Console.WriteLine($"  chain   : {(result.Intact ? "intact" : "BROKEN " + result.FirstBreak)}, {result.RecordsChecked:N0} records verified");
            if (!result.Intact)
            {
                return 1;
            }
        }

        // The raw baseline: the same rows, bulk-inserted by hand into a copy of the table with the same indexes.
        var raw = await RawBaselineAsync(app.Services, database.Provider, ids);
        Console.WriteLine($"  raw bulk insert of the same {raw.Rows:N0} rows: {raw.Elapsed.TotalSeconds:F2} s = {raw.Rows / raw.Elapsed.TotalSeconds:N0} rows/s");
        if (raw.Rows != stored || raw.Matching != stored)
        {
            Console.Error.WriteLine($"The baseline holds {raw.Rows:N0} rows, {raw.Matching:N0} of them stored by the app; the app stored {stored:N0}: not the same rows.");
            return 1;
        }

        Console.WriteLine($"  ratio   : sustained rate = {sustained / (raw.Rows / raw.Elapsed.TotalSeconds):F3} × the raw bulk rate; offered rate = {rate / (raw.Rows / raw.Elapsed.TotalSeconds):F3} × raw");
        Console.WriteLine($"Load average after: {LoadAverage()}");
        return droppedTotal == 0 && stored == offered ? 0 : 3;
    }

    /// <summary>Spilled entries, where the build has a spill file (-1 before it had one).</summary>
    private static long Spilled(AccessLogBuffer buffer) =>
        buffer.GetType().GetProperty("SpilledTotal")?.GetValue(buffer) is long value ? value : -1;

    private static async Task<long> CountAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AuditDbContext>();
        var table = Table(db, "AccessLogEntries");
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table}";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static string Table(AuditDbContext db, string name) =>
        db.Database.IsNpgsql() ? $"{AuditDbContext.Schema}.\"{name}\"" : $"\"{name}\"";

    private static async Task<(long Rows, long Matching, TimeSpan Elapsed)> RawBaselineAsync(IServiceProvider services, string provider, List<Guid> offeredIds)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AuditDbContext>();
        var source = Table(db, "AccessLogEntries");
        var copy = Table(db, "AccessLogBaseline");
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        var columns = new[] { "Id", "TimeUtc", "Kind", "UserId", "UserName", "Roles", "UnitId", "Ip", "Method", "RouteTemplate", "Path", "Status", "DurationMs", "Detail", "Seq", "PrevHash", "Hash" };
        var list = string.Join(", ", columns.Select(c => $"\"{c}\""));

        // The same rows as the app stored, read back first (not timed).
        var rows = new List<object?[]>();
        var wanted = offeredIds.ToHashSet();
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = $"SELECT {list} FROM {source}";
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var values = new object?[columns.Length];
                reader.GetValues(values!);
                var id = values[0] is Guid g ? g : Guid.Parse((string)values[0]!);
                if (wanted.Contains(id))
                {
                    rows.Add(values.Select(v => v is DBNull ? null : v).ToArray());
                }
            }
        }

        await using (var create = connection.CreateCommand())
        {
            if (provider == "PostgreSql")
            {
                create.CommandText = $"CREATE TABLE {copy} (LIKE {source} INCLUDING ALL)";
                await create.ExecuteNonQueryAsync();
            }
            else
            {
                create.CommandText = "SELECT sql FROM sqlite_master WHERE tbl_name = 'AccessLogEntries' AND sql IS NOT NULL";
                var statements = new List<string>();
                await using (var reader = await create.ExecuteReaderAsync())
                {
                    while (await reader.ReadAsync())
                    {
                        statements.Add(reader.GetString(0).Replace("AccessLogEntries", "AccessLogBaseline", StringComparison.Ordinal));
                    }
                }

                foreach (var statement in statements)
                {
                    await using var each = connection.CreateCommand();
                    each.CommandText = statement;
                    await each.ExecuteNonQueryAsync();
                }
            }
        }

        var watch = Stopwatch.StartNew();
        if (connection is NpgsqlConnection npgsql)
        {
            await using var import = await npgsql.BeginBinaryImportAsync($"COPY {copy} ({list}) FROM STDIN (FORMAT BINARY)");
            foreach (var row in rows)
            {
                await import.WriteRowAsync(CancellationToken.None, row);
            }

            await import.CompleteAsync();
        }
        else
        {
            await using var transaction = await connection.BeginTransactionAsync();
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = $"INSERT INTO {copy} ({list}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
            var parameters = columns.Select((_, i) =>
            {
                var p = insert.CreateParameter();
                p.ParameterName = "$p" + i;
                insert.Parameters.Add(p);
                return p;
            }).ToArray();
            insert.Prepare();
            foreach (var row in rows)
            {
                for (var i = 0; i < row.Length; i++)
                {
                    parameters[i].Value = row[i] ?? DBNull.Value;
                }

                await insert.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
        }

        var elapsed = watch.Elapsed;
        long count;
        long matching;
        await using (var check = connection.CreateCommand())
        {
            check.CommandText = $"SELECT COUNT(*) FROM {copy}";
            count = Convert.ToInt64(await check.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
            check.CommandText = $"SELECT COUNT(*) FROM {copy} b JOIN {source} a ON a.\"Id\" = b.\"Id\" AND a.\"Hash\" = b.\"Hash\"";
            matching = Convert.ToInt64(await check.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }

        return (count, matching, elapsed);
    }

    private static long Option(string[] args, string name, long fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && long.TryParse(args[index + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
