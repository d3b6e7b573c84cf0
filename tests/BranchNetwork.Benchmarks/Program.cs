using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

// Benchmarks report a ratio against a raw baseline measured in the same run; nothing here gates CI.
// Run: dotnet run -c Release --project tests/BranchNetwork.Benchmarks [-- iterations]
//      dotnet run -c Release --project tests/BranchNetwork.Benchmarks -- assessment [sqlite|postgres] [iterations]
//      dotnet run -c Release --project tests/BranchNetwork.Benchmarks -- tasks [sqlite|postgres] [--weeks 4] [--iterations 100]
//      dotnet run -c Release --project tests/BranchNetwork.Benchmarks -- worklogs [sqlite|postgres] [--days 250] [--iterations 50]
//      dotnet run -c Release --project tests/BranchNetwork.Benchmarks -- audit [--rows 10000000] [--iterations 20]
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

        if (args.Length > 0 && args[0] == "audit")
        {
            return await AuditBenchmark.RunAsync(args[1..]);
        }

        var iterations = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 500;
        var databasePath = Path.Combine(Path.GetTempPath(), $"branchnet-bench-{Guid.NewGuid():N}.db");

        // Outside a test project WebApplicationFactory cannot find the Host's content root by itself.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_BRANCHNETWORK_HOST", HostContentRoot());
        await using var app = new BenchmarkApp($"Data Source={databasePath}");
        using var client = app.CreateClient();
        var token = await PasswordTokenAsync(client, "head01");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var units = JsonDocument.Parse(await client.GetStringAsync("/api/identity/units")).RootElement;
        var subBranch = units[0].GetProperty("children").EnumerateArray().First(c => c.GetProperty("code").GetString() == "SB01").GetProperty("id").GetString()!;

        // The unit roster through HTTP, authentication, org scope, Mediator and EF Core ...
        var api = await MeasureAsync(iterations, async () => (await client.GetStringAsync($"/api/identity/units/{subBranch}/members")).Length);

        // ... against a raw ADO.NET query returning the same rows from the same file.
        await using var connection = new SqliteConnection($"Data Source={databasePath}");
        await connection.OpenAsync();
        var raw = await MeasureAsync(iterations, async () =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT u.Id, u.UserName, u.DisplayName, u.Position, o.Name
                FROM AspNetUsers u JOIN OrgUnits o ON o.Id = u.UnitId
                WHERE u.IsActive = 1 AND (o.Id = $id OR o.ParentId = $id)
                ORDER BY u.UserName
                """;
            command.Parameters.AddWithValue("$id", subBranch.ToUpperInvariant());
            var rows = 0;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows++;
            }

            return rows;
        });

        Console.WriteLine($"Unit roster (支行01), {iterations} calls each");
        Console.WriteLine($"  API  : {api.TotalMilliseconds / iterations:F3} ms/call");
        Console.WriteLine($"  raw  : {raw.TotalMilliseconds / iterations:F3} ms/call");
        Console.WriteLine($"  ratio: {api.TotalMilliseconds / raw.TotalMilliseconds:F1} x raw ADO.NET");
        return 0;
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

    private static async Task<TimeSpan> MeasureAsync(int iterations, Func<Task<int>> call)
    {
        for (var i = 0; i < Math.Min(50, iterations); i++)
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
