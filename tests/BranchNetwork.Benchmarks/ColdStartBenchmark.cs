using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using static BranchNetwork.Benchmarks.AssessmentBenchmark;

namespace BranchNetwork.Benchmarks;

/// <summary>
/// Issue 16, goal 4: how long a branch's server takes from the process start to its first answer. The built Host is
/// started as a child process (as an operator starts it), once on a fresh database that it migrates and fills with the
/// demo branch network, then again on the database the first start left behind. Reported per run and as the median:
/// the first answer of any kind (the port is listening), the first 200 of <c>/health/live</c> and the first 200 of
/// <c>/</c> (the sign-in page, redirects followed). The ratio of <c>/</c> to <c>/health/live</c> in the same start says
/// how much of the wait is the pages' own start-up rather than the process and the database.
/// Run: dotnet run -c Release --project tests/BranchNetwork.Benchmarks -- coldstart [sqlite|postgres] [--runs 3] [--host path/to/BranchNetwork.Host.dll] [--baseline another/BranchNetwork.Host.dll] [--env KEY=VALUE ...]
/// </summary>
internal static class ColdStartBenchmark
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    public static async Task<int> RunAsync(string[] args)
    {
        var provider = args.FirstOrDefault(a => a is "sqlite" or "postgres") ?? "sqlite";
        var runs = Option(args, "--runs", 3);
        var hostDll = OptionText(args, "--host") ?? DefaultHostDll();
        var environment = EnvironmentOptions(args);
        if (!File.Exists(hostDll))
        {
            Console.Error.WriteLine($"Host not built: {hostDll} (dotnet build src/BranchNetwork.Host -c Release)");
            return 2;
        }

        // --baseline another build: the two start in turn, run by run, so a shared machine's drift hits both alike.
        var baselineDll = OptionText(args, "--baseline");
        var hosts = baselineDll is null ? new[] { hostDll } : new[] { baselineDll, hostDll };
        Console.WriteLine($"Cold start on {provider}, {runs} runs each (fresh database, then the same database again); Host environment: {string.Join(' ', environment.Select(p => $"{p.Key}={p.Value}"))}");
        var fresh = hosts.ToDictionary(h => h, _ => new List<StartTimes>());
        var existing = hosts.ToDictionary(h => h, _ => new List<StartTimes>());
        for (var run = 1; run <= runs; run++)
        {
            foreach (var host in hosts)
            {
                await using var database = provider == "postgres" ? await BenchDatabase.CreatePostgresAsync() : BenchDatabase.CreateSqlite();
                var first = await MeasureStartAsync(host, database, environment);
                var second = await MeasureStartAsync(host, database, environment);
                fresh[host].Add(first);
                existing[host].Add(second);
                Console.WriteLine($"  run {run} {host}: fresh {first}; existing {second}");
            }
        }

        foreach (var host in hosts)
        {
            Console.WriteLine($"Median of {runs}, {host} (ms since the process started):");
            Report("fresh database, demo data", fresh[host]);
            Report("existing database", existing[host]);
        }

        if (baselineDll is not null)
        {
            Console.WriteLine($"Ratio of medians, {hostDll} : {baselineDll}: fresh / {Median(fresh[hostDll].Select(t => t.Page)) / Median(fresh[baselineDll].Select(t => t.Page)):F2}, existing / {Median(existing[hostDll].Select(t => t.Page)) / Median(existing[baselineDll].Select(t => t.Page)):F2}");
        }

        return 0;
    }

    private static void Report(string label, List<StartTimes> times)
    {
        var listening = Median(times.Select(t => t.Listening));
        var live = Median(times.Select(t => t.Live));
        var page = Median(times.Select(t => t.Page));
        Console.WriteLine($"  {label,-26}: listening {listening,6:F0}  /health/live {live,6:F0}  / {page,6:F0}  ratio / : /health/live {page / live:F2}");
    }

    private static async Task<StartTimes> MeasureStartAsync(string hostDll, BenchDatabase database, IReadOnlyDictionary<string, string> environment)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(hostDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(hostDll);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Database__Provider"] = database.Provider;
        start.Environment["ConnectionStrings__BranchNetwork"] = database.ConnectionString;
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = true, UseCookies = false }) { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = Patience };
            double listening = 0, live = 0, page = 0;
            var liveTask = FirstOkAsync(client, "/health/live", watch, process, t => listening = listening == 0 ? t : Math.Min(listening, t));
            var pageTask = FirstOkAsync(client, "/", watch, process, t => listening = listening == 0 ? t : Math.Min(listening, t));
            live = await liveTask;
            page = await pageTask;
            return new StartTimes(listening, live, page);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            lock (output)
            {
                Console.Error.WriteLine(output.ToString());
            }

            throw;
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>Polls every 20 ms; <paramref name="answered"/> gets the time of the first answer of any status.</summary>
    private static async Task<double> FirstOkAsync(HttpClient client, string path, Stopwatch watch, Process process, Action<double> answered)
    {
        while (watch.Elapsed < Patience)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The Host exited with {process.ExitCode} before {path} answered");
            }

            try
            {
                using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
                var at = watch.Elapsed.TotalMilliseconds;
                answered(at);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return at;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"{path} did not answer 200 within {Patience}");
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static string DefaultHostDll() =>
        Path.GetFullPath(Path.Combine(RosterBenchmark.HostContentRoot(), "bin", "Release", "net10.0", "BranchNetwork.Host.dll"));

    internal static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], out var value) ? value : fallback;
    }

    /// <summary>Every <c>--env KEY=VALUE</c>: the Host's environment, to compare runtime settings without a rebuild.</summary>
    internal static IReadOnlyDictionary<string, string> EnvironmentOptions(string[] args) =>
        args.Select((a, i) => (a, i))
            .Where(p => p.a == "--env" && p.i + 1 < args.Length)
            .Select(p => args[p.i + 1].Split('=', 2))
            .ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "", StringComparer.Ordinal);

    internal static string? OptionText(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private sealed record StartTimes(double Listening, double Live, double Page)
    {
        public override string ToString() => $"listening {Listening:F0} ms, /health/live {Live:F0} ms, / {Page:F0} ms";
    }
}
