using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using BranchNetwork.Modules.Audit.Domain;
using BranchNetwork.Modules.Audit.Features.Shared;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

namespace BranchNetwork.Benchmarks;

/// <summary>
/// AU-3/AU-4 at scale (PostgreSQL): an access log of N rows (default 10 million) as one valid hash chain, seeded with
/// COPY. (a) One user's entries over one day through the auditor's API, paged to the end, against a raw SQL query
/// returning the same rows, in the same run; (b) the chain verifier's throughput over the whole chain.
/// Run: dotnet run -c Release --project tests/BranchNetwork.Benchmarks -- audit [--rows N] [--iterations I]
/// </summary>
internal static class AuditBenchmark
{
    private const int Users = 1000;
    private const int Days = 30;

    public static async Task<int> RunAsync(string[] args)
    {
        var rows = Option(args, "--rows", 10_000_000);
        var iterations = (int)Option(args, "--iterations", 20);
        var admin = Environment.GetEnvironmentVariable("BRANCHNET_TEST_POSTGRES") is { Length: > 0 } configured
            ? configured
            : "Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres";
        var name = "bn_auditbench_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = true }.ConnectionString;
        try
        {
            return await RunAsync(connectionString, rows, iterations);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private static async Task<int> RunAsync(string connectionString, long rows, int iterations)
    {
        Console.WriteLine($"Audit benchmark on PostgreSQL: {rows:N0} access-log rows ({Users} users over {Days} days), {iterations} searches per case after warm-up");
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}; load average {LoadAverage()}");
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_BRANCHNETWORK_HOST", RosterBenchmark.HostContentRoot());
        var watch = Stopwatch.StartNew();
        await using var app = new BenchmarkApp(connectionString, new Dictionary<string, string>
        {
            ["Database:Provider"] = "PostgreSql",
            ["Jobs:Enabled"] = "false",
        });
        using var client = app.CreateClient();
        Console.WriteLine($"Host started, schema migrated: {watch.Elapsed.TotalSeconds:F1} s");

        var end = new DateTime(2026, 5, 27, 0, 0, 0, DateTimeKind.Utc);
        var start = end.AddDays(-Days);
        watch.Restart();
        var seeded = await SeedAsync(connectionString, rows, start, end);
        Console.WriteLine($"Seeded {seeded:N0} chained rows with COPY (hashes computed by the app's ChainHash) in {watch.Elapsed.TotalSeconds:F1} s; load average {LoadAverage()}");

        var token = await RosterBenchmark.PasswordTokenAsync(client, "auditor");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        // (a) one user over one day (the middle day), every page
        var user = "user0042";
        var from = start.AddDays(Days / 2);
        var to = from.AddDays(1).AddTicks(-10);
        var apiIds = await ApiSearchAsync(client, user, from, to);
        var rawIds = await RawSearchAsync(connectionString, user, from, to);
        if (!apiIds.SequenceEqual(rawIds))
        {
            Console.Error.WriteLine($"The API returned {apiIds.Count} rows, the raw query {rawIds.Count}: not the same rows.");
            return 1;
        }

        var api = await MeasureAsync(iterations, async () => (await ApiSearchAsync(client, user, from, to)).Count);
        var raw = await MeasureAsync(iterations, async () => (await RawSearchAsync(connectionString, user, from, to)).Count);
        Console.WriteLine($"(a) One user, one day: {apiIds.Count} rows (same rows both ways, newest first), {iterations} searches each");
        Console.WriteLine($"    API (HTTP, auth, Mediator, EF Core, keyset pages of 200): {api.TotalMilliseconds / iterations:F2} ms/search");
        Console.WriteLine($"    raw SQL (Npgsql, same rows):                               {raw.TotalMilliseconds / iterations:F2} ms/search");
        Console.WriteLine($"    ratio: {api.TotalMilliseconds / raw.TotalMilliseconds:F1} x raw");

        // (b) verification of the whole access-log chain
        using (var scope = app.Services.CreateScope())
        {
            watch.Restart();
            var result = await scope.ServiceProvider.GetRequiredService<ChainVerifier>().VerifyAsync(ChainNames.AccessLog, CancellationToken.None);
            var seconds = watch.Elapsed.TotalSeconds;
            Console.WriteLine($"(b) Verification of the access-log chain: {(result.Intact ? "intact" : "BROKEN " + result.FirstBreak)}, {result.RecordsChecked:N0} records in {seconds:F1} s = {result.RecordsChecked / seconds:N0} records/s");
            if (!result.Intact)
            {
                return 1;
            }

            watch.Restart();
            var day = await scope.ServiceProvider.GetRequiredService<ChainVerifier>().VerifyAsync(ChainNames.AccessLog, from, to, CancellationToken.None);
            Console.WriteLine($"    one day's window: {day.RecordsChecked:N0} records in {watch.Elapsed.TotalSeconds:F2} s ({(day.Intact ? "intact" : "BROKEN")})");
        }

        Console.WriteLine($"Load average after: {LoadAverage()}");
        return 0;
    }

    /// <summary>Appends the rows after the chain's head, as <c>ChainAppender</c> does: head row locked, sealed in order, head moved.</summary>
    private static async Task<long> SeedAsync(string connectionString, long rows, DateTime start, DateTime end)
    {
        var userIds = Enumerable.Range(0, Users).Select(_ => Guid.NewGuid()).ToArray();
        var step = (end - start).Ticks / rows;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var lockHead = new NpgsqlCommand("""UPDATE audit."ChainHeads" SET "Seq" = "Seq" WHERE "Chain" = 'access'""", connection, transaction))
        {
            await lockHead.ExecuteNonQueryAsync();
        }

        long seq;
        string hash;
        await using (var read = new NpgsqlCommand("""SELECT "Seq", "Hash" FROM audit."ChainHeads" WHERE "Chain" = 'access'""", connection, transaction))
        await using (var reader = await read.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            (seq, hash) = (reader.GetInt64(0), reader.GetString(1));
        }

        var random = new Random(42);
        await using (var import = await connection.BeginBinaryImportAsync(
            """COPY audit."AccessLogEntries" ("Id", "TimeUtc", "Kind", "UserId", "UserName", "Roles", "UnitId", "Ip", "Method", "RouteTemplate", "Path", "Status", "DurationMs", "Detail", "Seq", "PrevHash", "Hash") FROM STDIN (FORMAT BINARY)"""))
        {
            for (long i = 0; i < rows; i++)
            {
                var u = random.Next(Users);
                var entry = AccessLogEntry.Create(
                    start.AddTicks(step * i), AccessLogKind.Request, userIds[u], string.Create(CultureInfo.InvariantCulture, $"user{u:D4}"), ["Staff"], null,
                    "10.1.2.3", "GET", "/api/assessment/schemes/{id}", string.Create(CultureInfo.InvariantCulture, $"/api/assessment/schemes/{i % 977}"),
                    random.Next(20) == 0 ? 403 : 200, random.Next(1, 500) / 10.0, null);
                entry.Seal(++seq, hash);
                hash = entry.Hash;
                await import.StartRowAsync();
                await import.WriteAsync(entry.Id, NpgsqlDbType.Uuid);
                await import.WriteAsync(entry.TimeUtc, NpgsqlDbType.TimestampTz);
                await import.WriteAsync((int)entry.Kind, NpgsqlDbType.Integer);
                await import.WriteAsync(entry.UserId!.Value, NpgsqlDbType.Uuid);
                await import.WriteAsync(entry.UserName!, NpgsqlDbType.Varchar);
                await import.WriteAsync(entry.Roles!, NpgsqlDbType.Varchar);
                await import.WriteNullAsync();
                await import.WriteAsync(entry.Ip!, NpgsqlDbType.Varchar);
                await import.WriteAsync(entry.Method!, NpgsqlDbType.Varchar);
                await import.WriteAsync(entry.RouteTemplate!, NpgsqlDbType.Varchar);
                await import.WriteAsync(entry.Path!, NpgsqlDbType.Varchar);
                await import.WriteAsync(entry.Status, NpgsqlDbType.Integer);
                await import.WriteAsync(entry.DurationMs, NpgsqlDbType.Double);
                await import.WriteNullAsync();
                await import.WriteAsync(entry.Seq, NpgsqlDbType.Bigint);
                await import.WriteAsync(entry.PrevHash, NpgsqlDbType.Varchar);
                await import.WriteAsync(entry.Hash, NpgsqlDbType.Varchar);
                if (i > 0 && i % 1_000_000 == 0)
                {
                    Console.WriteLine($"  {i:N0} rows …");
                }
            }

            await import.CompleteAsync();
        }

        await using (var move = new NpgsqlCommand("""UPDATE audit."ChainHeads" SET "Seq" = @seq, "Hash" = @hash WHERE "Chain" = 'access'""", connection, transaction))
        {
            move.Parameters.AddWithValue("seq", seq);
            move.Parameters.AddWithValue("hash", hash);
            await move.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        await using (var analyze = new NpgsqlCommand("""ANALYZE audit."AccessLogEntries" """, connection))
        {
            analyze.CommandTimeout = 0;
            await analyze.ExecuteNonQueryAsync();
        }

        return rows;
    }

    private static async Task<List<Guid>> ApiSearchAsync(HttpClient client, string user, DateTime from, DateTime to)
    {
        var ids = new List<Guid>();
        string? after = null;
        do
        {
            var url = $"/api/audit/access-log?user={user}&from={from:O}&to={to:O}&pageSize=200" + (after is null ? "" : $"&after={Uri.EscapeDataString(after)}");
            using var page = JsonDocument.Parse(await client.GetStringAsync(new Uri(url, UriKind.Relative)));
            ids.AddRange(page.RootElement.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetGuid()));
            after = page.RootElement.TryGetProperty("nextCursor", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
        }
        while (after is not null);
        return ids;
    }

    private static async Task<List<Guid>> RawSearchAsync(string connectionString, string user, DateTime from, DateTime to)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT "Id" FROM audit."AccessLogEntries"
            WHERE "UserName" = @user AND "TimeUtc" >= @from AND "TimeUtc" <= @to
            ORDER BY "TimeUtc" DESC, "Id" DESC
            """, connection);
        command.Parameters.AddWithValue("user", user);
        command.Parameters.AddWithValue("from", from);
        command.Parameters.AddWithValue("to", to);
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }

    private static async Task<TimeSpan> MeasureAsync(int iterations, Func<Task<int>> call)
    {
        for (var i = 0; i < Math.Min(3, iterations); i++)
        {
            await call();
        }

        var watch = Stopwatch.StartNew();
        for (var i = 0; i < iterations; i++)
        {
            await call();
        }

        return watch.Elapsed;
    }

    private static long Option(string[] args, string name, long fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && long.TryParse(args[index + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
