using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

// Benchmarks report a ratio against a raw baseline measured in the same run; nothing here gates CI.
// Every case first checks that its raw baseline returns the same rows as the API and stops the run (exit 1 or an
// exception naming the difference) if not; each runs alone, with a small size for a quick look.
// Run: dotnet run -c Release --project tests/BranchNetwork.Benchmarks [-- --iterations 500]   (the unit roster, SQLite)
//      dotnet run -c Release --project tests/BranchNetwork.Benchmarks -- assessment [sqlite|postgres] [--subbranches 500] [--days 365] [--iterations 200]
//      dotnet run -c Release --project tests/BranchNetwork.Benchmarks -- sheet [sqlite|postgres] [--subbranches 500] [--days 30] [--iterations 200]
//      dotnet run -c Release --project tests/BranchNetwork.Benchmarks -- tasks [sqlite|postgres] [--weeks 4] [--iterations 100]
//      dotnet run -c Release --project tests/BranchNetwork.Benchmarks -- worklogs [sqlite|postgres] [--days 250] [--iterations 50]
//      dotnet run -c Release --project tests/BranchNetwork.Benchmarks -- audit [--rows 10000000] [--iterations 20]
//      dotnet run -c Release --project tests/BranchNetwork.Benchmarks -- home [sqlite|postgres] [--iterations 100]
//      dotnet run -c Release --project tests/BranchNetwork.Benchmarks -- coldstart [sqlite|postgres] [--runs 3]
//      dotnet run -c Release --project tests/BranchNetwork.Benchmarks -- hub [sqlite|postgres] [--connections 2000] [--fanout 10000] [--settle 20]
//      dotnet run -c Release --project tests/BranchNetwork.Benchmarks -- community [--threads 1000000] [--replies 5000000] [--iterations 50]   (PostgreSQL)
//      dotnet run -c Release --project tests/BranchNetwork.Benchmarks -- users [sqlite|postgres] [--steps 100,250,500,1000,2000,3000] [--step-seconds 60] [--think-ms 15000]
namespace BranchNetwork.Benchmarks;

internal static class RosterBenchmark
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "assessment")
        {
            return await AssessmentBenchmark.RunAsync(args[1..]);
        }

        if (args.Length > 0 && args[0] == "tasks")
        {
            return await TasksBenchmark.RunAsync(args[1..]);
        }

        if (args.Length > 0 && args[0] == "worklogs")
        {
            return await WorkLogsBenchmark.RunAsync(args[1..]);
        }

        if (args.Length > 0 && args[0] == "home")
        {
            return await HomeBenchmark.RunAsync(args[1..]);
        }

        if (args.Length > 0 && args[0] == "audit")
        {
            return await AuditBenchmark.RunAsync(args[1..]);
        }

        if (args.Length > 0 && args[0] == "auth")
        {
            return await AuthFloorBenchmark.RunAsync(args[1..]);
        }

        if (args.Length > 0 && args[0] == "sheet")
        {
            return await SheetBenchmark.RunAsync(args[1..]);
        }

        if (args.Length > 0 && args[0] == "accesslog")
        {
            return await AccessLogBenchmark.RunAsync(args[1..]);
        }

        if (args.Length > 0 && args[0] == "coldstart")
        {
            return await ColdStartBenchmark.RunAsync(args[1..]);
        }

        if (args.Length > 0 && args[0] == "hub")
        {
            return await HubBenchmark.RunAsync(args[1..]);
        }

        if (args.Length > 0 && args[0] == "community")
        {
            return await CommunityBenchmark.RunAsync(args[1..]);
        }

        if (args.Length > 0 && args[0] == "users")
        {
            return await UsersBenchmark.RunAsync(args[1..]);
        }

        var iterations = AssessmentBenchmark.Option(args, "--iterations", args.Length > 0 && int.TryParse(args[0], out var n) ? n : 500);
        var databasePath = Path.Combine(Path.GetTempPath(), $"branchnet-bench-{Guid.NewGuid():N}.db");

        // Outside a test project WebApplicationFactory cannot find the Host's content root by itself.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_BRANCHNETWORK_HOST", HostContentRoot());
        await using var app = new BenchmarkApp($"Data Source={databasePath}");
        using var client = app.CreateClient();
        var token = await PasswordTokenAsync(client, "head01");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var units = JsonDocument.Parse(await client.GetStringAsync("/api/identity/units")).RootElement;
        var subBranch = units[0].GetProperty("children").EnumerateArray().First(c => c.GetProperty("code").GetString() == "SB01").GetProperty("id").GetString()!;
        var url = $"/api/identity/units/{subBranch}/members";

        // The same rows both ways before anything is timed: every member with name, position, unit and roles.
        var apiRows = RosterRows(await client.GetStringAsync(url));
        var rawRows = await RawRosterAsync(databasePath, subBranch);
        if (apiRows.Count == 0 || !apiRows.SequenceEqual(rawRows))
        {
            Console.Error.WriteLine($"The roster API returned {apiRows.Count} members, the raw query {rawRows.Count}: not the same rows.");
            foreach (var (a, r) in apiRows.Zip(rawRows).Where(p => p.First != p.Second).Take(3))
            {
                Console.Error.WriteLine($"  API {a}{Environment.NewLine}  raw {r}");
            }

            return 1;
        }

        // The unit roster through HTTP, authentication, org scope, Mediator and EF Core; the authenticated floor any
        // call pays (GET /api/me); and a raw ADO.NET query reading the same rows (all their columns, roles included)
        // on a connection taken from the pool per call, as a request does. Interleaved, so load hits all alike.
        var cases = new (string Name, Func<Task<int>> Call, List<double> Times)[]
        {
            ("raw ADO.NET: the same members with their roles", async () => (await RawRosterAsync(databasePath, subBranch)).Count, []),
            ("HTTP GET /api/me (the authenticated floor)", async () => (await client.GetStringAsync("/api/me")).Length, []),
            ("HTTP GET /api/identity/units/{SB01}/members", async () => (await client.GetStringAsync(url)).Length, []),
        };
        foreach (var c in cases)
        {
            for (var i = 0; i < Math.Min(50, iterations); i++)
            {
                await c.Call();
            }
        }

        for (var i = 0; i < iterations; i++)
        {
            foreach (var c in cases)
            {
                var started = Stopwatch.GetTimestamp();
                await c.Call();
                c.Times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        var median = cases.Select(c => c.Times.Order().ElementAt(c.Times.Count / 2)).ToArray();
        Console.WriteLine($"Unit roster (支行01, {apiRows.Count} members, same rows both ways), {iterations} calls each, median ms per call");
        for (var i = 0; i < cases.Length; i++)
        {
            Console.WriteLine($"  {cases[i].Name,-50}: {median[i]:F3} ms");
        }

        Console.WriteLine($"  ratio roster API / raw                            : {median[2] / median[0]:F1} x");
        Console.WriteLine($"  ratio (roster API - /api/me floor) / raw          : {(median[2] - median[1]) / median[0]:F1} x");
        return 0;
    }

    private static List<string> RosterRows(string json) =>
        [.. JsonDocument.Parse(json).RootElement.EnumerateArray().Select(m => string.Join('|',
            m.GetProperty("id").GetGuid(),
            m.GetProperty("userName").GetString(),
            m.GetProperty("displayName").GetString(),
            m.TryGetProperty("position", out var position) ? position.GetString() : null,
            m.GetProperty("unitName").GetString(),
            string.Join(',', m.GetProperty("roles").EnumerateArray().Select(r => r.GetString())))),];

    /// <summary>The roster with raw ADO.NET: the sub-branch and its teams (the demo tree is two levels deep), active members, roles.</summary>
    private static async Task<List<string>> RawRosterAsync(string databasePath, string subBranch)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT u.Id, u.UserName, u.DisplayName, u.Position, o.Name, r.Name
            FROM AspNetUsers u JOIN OrgUnits o ON o.Id = u.UnitId
            LEFT JOIN AspNetUserRoles ur ON ur.UserId = u.Id LEFT JOIN AspNetRoles r ON r.Id = ur.RoleId
            WHERE u.IsActive = 1 AND (o.Id = $id OR o.ParentId = $id)
            ORDER BY u.UserName, r.Name
            """;
        command.Parameters.AddWithValue("$id", subBranch.ToUpperInvariant());
        var rows = new List<(Guid Id, string UserName, string DisplayName, string? Position, string Unit, List<string> Roles)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var id = reader.GetGuid(0);
            if (rows.Count == 0 || rows[^1].Id != id)
            {
                rows.Add((id, reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetString(4), []));
            }

            if (!reader.IsDBNull(5))
            {
                rows[^1].Roles.Add(reader.GetString(5));
            }
        }

        return [.. rows.Select(r => string.Join('|', r.Id, r.UserName, r.DisplayName, r.Position, r.Unit, string.Join(',', r.Roles.Order(StringComparer.Ordinal))))];
    }

    internal static string HostContentRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "BranchNetwork.sln")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory?.FullName ?? ".", "src", "BranchNetwork.Host");
    }

    internal static async Task<string> PasswordTokenAsync(HttpClient client, string userName)
    {
        var response = await client.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = "branchnet-cli",
            ["username"] = userName,
            ["password"] = "BranchNet#2026",
            ["scope"] = "openid api",
        }));
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("access_token").GetString()!;
    }
}

internal sealed class BenchmarkApp(string connectionString, IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:BranchNetwork", connectionString);
        builder.UseSetting("RateLimiting:WritesPerMinute", "1000000");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Serilog:MinimumLevel:Override:Serilog.AspNetCore.RequestLoggingMiddleware", "Warning");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
    }
}
