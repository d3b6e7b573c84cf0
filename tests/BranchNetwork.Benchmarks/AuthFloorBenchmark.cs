using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace BranchNetwork.Benchmarks;

/// <summary>
/// Issue 16, goal 1: the authenticated floor. <c>GET /api/me</c> with a bearer token against <c>/health/live</c>
/// (no authentication, no database) on the same host in the same run, alternately in rounds, so the machine's
/// load at the time weighs on both alike. The app listens on Kestrel on a loopback port and the clients speak real
/// HTTP/1.1 with keep-alive, as wrk did in the issue: the in-memory TestServer would skip the sockets, the parser and
/// the connection handling that <c>/health/live</c> is made of, and flatter the ratio's denominator.
/// Run: dotnet run -c Release --project tests/BranchNetwork.Benchmarks -- auth [sqlite|postgres] [--seconds 5] [--concurrency 8] [--rounds 3] [--warmup 8]
/// </summary>
internal static class AuthFloorBenchmark
{
    private const string UserName = "head01";

    public static async Task<int> RunAsync(string[] args)
    {
        var provider = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0].ToUpperInvariant() : "SQLITE";
        var postgres = provider is "POSTGRES" or "POSTGRESQL" or "PG";
        if (!postgres && provider != "SQLITE")
        {
            Console.Error.WriteLine($"Unknown provider '{args[0]}': use sqlite or postgres.");
            return 2;
        }

        var seconds = Option(args, "--seconds", 5);
        var concurrency = Option(args, "--concurrency", 8);
        var rounds = Option(args, "--rounds", 3);

        await using var database = postgres ? await AssessmentBenchmark.BenchDatabase.CreatePostgresAsync() : AssessmentBenchmark.BenchDatabase.CreateSqlite();
        Console.WriteLine($"Auth floor on {database.Provider}: GET /api/me ({UserName}, bearer token) against /health/live, Kestrel on loopback, {concurrency} concurrent clients, {rounds} rounds of {seconds} s each");
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");

        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_BRANCHNETWORK_HOST", RosterBenchmark.HostContentRoot());
        var watch = Stopwatch.StartNew();
        await using var app = new BenchmarkApp(database.ConnectionString, new Dictionary<string, string>
        {
            ["Database:Provider"] = database.Provider,
            ["Jobs:Enabled"] = "false",
        });
        app.UseKestrel(0);
        app.StartServer(); // migrations and demo data run here
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Console.WriteLine($"Host listening on {address} after {watch.Elapsed.TotalSeconds:F1} s");

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var client = new HttpClient(handler) { BaseAddress = new Uri(address) };
        var token = await RosterBenchmark.PasswordTokenAsync(client, UserName);
        var me = await CheckMeAsync(client, token);
        Console.WriteLine($"/api/me answers 200 for {UserName} ({me}); load average before: {LoadAverage()}");

        var healthTotal = 0L;
        var meTotal = 0L;
        var elapsedHealth = TimeSpan.Zero;
        var elapsedMe = TimeSpan.Zero;
        // A warm-up of both, untimed: tiered compilation reaches its optimised code only after some seconds of calls
        // (on a quiet machine /health/live still doubled between the second and third 5-s round with a 2-s warm-up).
        var warmup = TimeSpan.FromSeconds(Option(args, "--warmup", 8));
        await DriveAsync(client, concurrency, warmup, () => Health(), CheckHealth);
        await DriveAsync(client, concurrency, warmup, () => Me(token), CheckMe);
        var ratios = new List<double>();
        for (var round = 1; round <= rounds; round++)
        {
            var h = await DriveAsync(client, concurrency, TimeSpan.FromSeconds(seconds), () => Health(), CheckHealth);
            var m = await DriveAsync(client, concurrency, TimeSpan.FromSeconds(seconds), () => Me(token), CheckMe);
            healthTotal += h.Requests;
            meTotal += m.Requests;
            elapsedHealth += h.Elapsed;
            elapsedMe += m.Elapsed;
            ratios.Add(m.PerSecond / h.PerSecond);
            Console.WriteLine($"  round {round}: /health/live {h.PerSecond,8:N0} req/s   /api/me {m.PerSecond,8:N0} req/s   ratio {m.PerSecond / h.PerSecond:F3}");
        }

        var healthRate = healthTotal / elapsedHealth.TotalSeconds;
        var meRate = meTotal / elapsedMe.TotalSeconds;
        ratios.Sort();
        Console.WriteLine($"{database.Provider}: /health/live {healthRate:N0} req/s, GET /api/me {meRate:N0} req/s, ratio {meRate / healthRate:F3}, median of the rounds' ratios {ratios[ratios.Count / 2]:F3} (goal ≥ 0.5); load average after: {LoadAverage()}");
        return 0;
    }

    private static HttpRequestMessage Health() => new(HttpMethod.Get, "/health/live");

    private static HttpRequestMessage Me(string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    private static async Task<string> CheckMeAsync(HttpClient client, string token)
    {
        using var response = await client.SendAsync(Me(token));
        var body = await response.Content.ReadAsStringAsync();
        CheckMe(response.StatusCode, body);
        return body.Length > 120 ? body[..120] + "…" : body;
    }

    private static void CheckHealth(HttpStatusCode status, string body)
    {
        if (status != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"/health/live answered {(int)status}: {body}");
        }
    }

    /// <summary>Every answer counted is the signed-in user's own: a 401 or someone else's record fails the run.</summary>
    private static void CheckMe(HttpStatusCode status, string body)
    {
        if (status != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"/api/me answered {(int)status}: {body}");
        }

        using var json = JsonDocument.Parse(body);
        if (json.RootElement.GetProperty("userName").GetString() != UserName)
        {
            throw new InvalidOperationException($"/api/me answered another user: {body}");
        }
    }

    private static async Task<(long Requests, TimeSpan Elapsed, double PerSecond)> DriveAsync(
        HttpClient client, int concurrency, TimeSpan duration, Func<HttpRequestMessage> request, Action<HttpStatusCode, string> check)
    {
        var requests = 0L;
        var watch = Stopwatch.StartNew();
        var until = watch.Elapsed + duration;
        var loops = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            var mine = 0L;
            while (watch.Elapsed < until)
            {
                using var message = request();
                using var response = await client.SendAsync(message);
                check(response.StatusCode, await response.Content.ReadAsStringAsync());
                mine++;
            }

            Interlocked.Add(ref requests, mine);
        })).ToList();
        await Task.WhenAll(loops);
        var elapsed = watch.Elapsed;
        return (requests, elapsed, requests / elapsed.TotalSeconds);
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
