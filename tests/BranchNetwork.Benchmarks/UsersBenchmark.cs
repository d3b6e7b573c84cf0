using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using BranchNetwork.Modules.Notifications.Contracts;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Logging;
using static BranchNetwork.Benchmarks.AssessmentBenchmark;

namespace BranchNetwork.Benchmarks;

/// <summary>
/// Issue 16, goal 6: how many concurrent active users one node sustains with p99 &lt; 200 ms and no error. Virtual staff,
/// sub-branch heads and supervisors each hold one notifications hub connection (WebSocket) for their session and,
/// after an exponential think time, do one thing of their role's mix: the home page, the inbox, a sheet, the results,
/// progress entry, their week, their logs. Users are added in steps; each step is measured for a fixed window once its
/// new users are connected (the first after an unmeasured warm-up). The built Host runs as a child process: as in
/// production, the generator's own CPU competes with it on the same two cores, and is reported. The demo data has 28 such accounts, so virtual users share them
/// (one token and one cookie per account).
/// Run: dotnet run -c Release --project tests/BranchNetwork.Benchmarks -- users [sqlite|postgres] [--steps 100,250,500,1000,2000,3000]
///      [--step-seconds 60] [--think-ms 15000] [--mix 70,25,5] [--stop-p99 2000] [--warmup-seconds 20] [--out docs/images] [--env KEY=VALUE ...]
/// </summary>
internal static class UsersBenchmark
{
    private const double GoalP99Ms = 200;
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    private enum Role
    {
        Staff,
        Head,
        Supervisor,
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var provider = args.FirstOrDefault(a => a is "sqlite" or "postgres") ?? "sqlite";
        if (ColdStartBenchmark.OptionText(args, "--chart-from") is { } csvPath)
        {
            // Draws a chart again from a run's CSV (e.g. after changing the drawing), without a new run.
            var rows = File.ReadAllLines(csvPath).Skip(1).Select(StepResult.Parse).ToList();
            await Chart.RenderAsync(rows, ColdStartBenchmark.OptionText(args, "--title") ?? provider, Path.ChangeExtension(csvPath, ".png"));
            return 0;
        }

        var steps = (ColdStartBenchmark.OptionText(args, "--steps") ?? "100,250,500,1000,2000,3000")
            .Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var stepSeconds = ColdStartBenchmark.Option(args, "--step-seconds", 60);
        var thinkMs = ColdStartBenchmark.Option(args, "--think-ms", 15000);
        var stopP99 = ColdStartBenchmark.Option(args, "--stop-p99", 2000);
        var warmupSeconds = ColdStartBenchmark.Option(args, "--warmup-seconds", 20);
        var mix = (ColdStartBenchmark.OptionText(args, "--mix") ?? "70,25,5").Split(',').Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var outDirectory = ColdStartBenchmark.OptionText(args, "--out") ?? Path.Combine(Path.GetDirectoryName(RosterBenchmark.HostContentRoot())!, "..", "docs", "images");
        var hostDll = ColdStartBenchmark.OptionText(args, "--host") ?? ColdStartBenchmark.DefaultHostDll();
        var environment = ColdStartBenchmark.EnvironmentOptions(args);

        // Thousands of timers and sockets: without spare threads the generator's own queueing would show up as latency.
        ThreadPool.SetMinThreads(Environment.ProcessorCount * 8, Environment.ProcessorCount * 8);

        await using var database = provider == "postgres" ? await BenchDatabase.CreatePostgresAsync() : BenchDatabase.CreateSqlite();
        var port = ColdStartBenchmark.FreePort();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(hostDll)!, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(hostDll);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Database__Provider"] = database.Provider;
        start.Environment["ConnectionStrings__BranchNetwork"] = database.ConnectionString;
        start.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        // The 28 demo accounts are shared by thousands of virtual users: per-account limits meant for one person
        // (writes per minute, sign-ins per minute from one address) would refuse what many people do at once.
        start.Environment["RateLimiting__WritesPerMinute"] = "1000000";
        start.Environment["RateLimiting__SignInPermitsPerMinute"] = "1000000";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        Console.WriteLine($"Concurrent users on {provider}: steps {string.Join(',', steps)}, {stepSeconds} s measured per step, think time exponential mean {thinkMs} ms, mix staff/heads/supervisors {string.Join('/', mix)} %");
        using var host = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var serverErrors = new ConcurrentQueue<string>();
        host.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.Contains("ERR]", StringComparison.Ordinal) == true || e.Data?.Contains("FTL]", StringComparison.Ordinal) == true)
            {
                serverErrors.Enqueue(e.Data);
                Console.Error.WriteLine(e.Data);
            }
        };
        host.ErrorDataReceived += (_, e) => { if (!string.IsNullOrEmpty(e.Data)) { Console.Error.WriteLine(e.Data); } };
        host.BeginOutputReadLine();
        host.BeginErrorReadLine();

        var baseUri = new Uri($"http://127.0.0.1:{port}");
        using var handler = new SocketsHttpHandler
        {
            UseCookies = false,
            AllowAutoRedirect = false,
            MaxConnectionsPerServer = int.MaxValue,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(10),
        };
        using var client = new HttpClient(handler) { BaseAddress = baseUri, Timeout = Timeout.InfiniteTimeSpan };
        var users = new List<VirtualUser>();
        using var stop = new CancellationTokenSource();
        try
        {
            using (var setup = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromMinutes(5) })
            {
                await WaitForAsync(setup, "/health/live", host);
                await WaitForAsync(setup, "/", host);
            }

            var world = await World.DiscoverAsync(baseUri, client);
            Console.WriteLine($"Accounts shared by the virtual users: {world.Staff.Count} staff, {world.Heads.Count} heads, {world.Supervisors.Count} supervisor; scheme {world.SchemeId}, {world.SubBranches.Count} sub-branches");
            using var refresher = new PeriodicTimer(TimeSpan.FromMinutes(20));
            _ = Task.Run(async () =>
            {
                // Access tokens live 30 minutes: a long run signs the shared accounts in again, as a real client refreshes.
                while (await refresher.WaitForNextTickAsync(stop.Token))
                {
                    await world.RefreshTokensAsync(client);
                }
            }, CancellationToken.None);

            var metrics = new Metrics();
            var results = new List<StepResult>();
            var random = new Random(16);
            var self = Process.GetCurrentProcess();
            foreach (var (target, index) in steps.Select((s, i) => (s, i)))
            {
                metrics.Window = -1;
                var added = new List<VirtualUser>();
                for (var n = users.Count; n < target; n++)
                {
                    var roll = random.NextDouble() * mix.Sum();
                    var role = roll < mix[0] ? Role.Staff : roll < mix[0] + mix[1] ? Role.Head : Role.Supervisor;
                    added.Add(new VirtualUser(role, world.AccountFor(role, n), world, client, metrics, thinkMs, n + 1));
                }

                var connectWatch = Stopwatch.StartNew();
                // Fifty hub connections at a time: people arriving over minutes, not a synchronised storm the backlog refuses.
                await Parallel.ForEachAsync(added, new ParallelOptions { MaxDegreeOfParallelism = 50 }, async (user, _) => await user.ConnectAsync(baseUri));
                var connectSeconds = connectWatch.Elapsed.TotalSeconds;
                users.AddRange(added);
                foreach (var user in added)
                {
                    user.Start(stop.Token);
                }

                if (index == 0)
                {
                    // Not measured: the first users run while the Host's code is compiled and its caches and pools fill.
                    await Task.Delay(TimeSpan.FromSeconds(warmupSeconds));
                }

                metrics.ResetWindowErrors();
                var machineBefore = MachineCpu();
                host.Refresh();
                var serverCpuBefore = host.TotalProcessorTime;
                self.Refresh();
                var selfCpuBefore = self.TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                metrics.Window = index;
                await Task.Delay(TimeSpan.FromSeconds(stepSeconds));
                metrics.Window = -1;
                var elapsed = watch.Elapsed.TotalSeconds;
                host.Refresh();
                self.Refresh();
                var machineAfter = MachineCpu();
                var result = StepResult.From(
                    target,
                    metrics.Take(index),
                    elapsed,
                    metrics.WindowErrors,
                    users.Count(u => !u.HubOpen),
                    (host.TotalProcessorTime - serverCpuBefore).TotalSeconds / elapsed,
                    (self.TotalProcessorTime - selfCpuBefore).TotalSeconds / elapsed,
                    (machineAfter.Busy - machineBefore.Busy) / Math.Max(1, machineAfter.Total - machineBefore.Total) * Environment.ProcessorCount,
                    Rss(host) / 1024.0 / 1024.0,
                    LoadAverage(),
                    connectSeconds);
                results.Add(result);
                Console.WriteLine(result.Line());
                foreach (var (what, count) in metrics.ErrorKinds.OrderByDescending(p => p.Value).Take(5))
                {
                    Console.WriteLine($"    error: {what} × {count}");
                }

                if (result.P99 > stopP99 || result.ErrorRate > 0.05)
                {
                    Console.WriteLine($"Stopping: p99 {result.P99:F0} ms or error rate {result.ErrorRate:P1} past the limits (--stop-p99 {stopP99}, 5 %)");
                    break;
                }
            }

            var sustained = results.Where(r => r.P99 < GoalP99Ms && r.Errors == 0).Select(r => r.Users).DefaultIfEmpty(0).Max();
            var firstFailing = results.FirstOrDefault(r => r.P99 >= GoalP99Ms || r.Errors > 0);
            Console.WriteLine($"Sustained with p99 < {GoalP99Ms} ms and 0 errors: {sustained} concurrent users" +
                (firstFailing is null ? " (every step passed)" : $" (first failing step: {firstFailing.Users})") + $"; goal 2,000: {(sustained >= 2000 ? "met" : "not met")}");
            Console.WriteLine($"Per endpoint over all measured steps (ms): {metrics.EndpointSummary()}");
            Console.WriteLine($"Notifications received on the hub connections: {world.NotificationsReceived}; server error lines: {serverErrors.Count}");

            Directory.CreateDirectory(outDirectory);
            var name = $"performance-users-{provider}";
            var csv = Path.Combine(outDirectory, name + ".csv");
            await File.WriteAllLinesAsync(csv, [StepResult.CsvHeader, .. results.Select(r => r.Csv())]);
            var png = Path.Combine(outDirectory, name + ".png");
            await Chart.RenderAsync(results, $"{(provider == "postgres" ? "PostgreSQL" : "SQLite")}: latency against concurrent users (think time {thinkMs / 1000.0:0.#} s, {stepSeconds} s per step)", png);
            Console.WriteLine($"Wrote {Path.GetFullPath(csv)} and {Path.GetFullPath(png)}");
            return 0;
        }
        finally
        {
            await stop.CancelAsync();
            await Parallel.ForEachAsync(users, new ParallelOptions { MaxDegreeOfParallelism = 50 }, async (u, _) => await u.DisposeAsync());
            host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync();
        }
    }

    private static async Task WaitForAsync(HttpClient client, string path, Process host)
    {
        for (var attempt = 0; attempt < 6000; attempt++)
        {
            if (host.HasExited)
            {
                throw new InvalidOperationException($"The Host exited with {host.ExitCode}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException(path);
    }

    private static long Rss(Process process)
    {
        var line = File.ReadLines($"/proc/{process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    private static (double Busy, double Total) MachineCpu()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(f => double.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        var idle = fields[3] + fields[4];
        return (fields.Take(8).Sum() - idle, fields.Take(8).Sum());
    }

    private static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    /// <summary>One demo account: its bearer token for the API and its sign-in cookie for the server-rendered pages.</summary>
    private sealed class Account(string userName)
    {
        public string UserName { get; } = userName;

        public string Token { get; set; } = "";

        public string Cookie { get; set; } = "";

        public Guid SubBranchId { get; set; }

        public List<Guid> EntryIndicators { get; } = [];
    }

    /// <summary>What the virtual users act on: the shared accounts, the demo scheme and its sub-branches.</summary>
    private sealed class World
    {
        private int notificationsReceived;

        public List<Account> Staff { get; } = [];

        public List<Account> Heads { get; } = [];

        public List<Account> Supervisors { get; } = [];

        public Guid SchemeId { get; private set; }

        public List<Guid> SubBranches { get; } = [];

        public int NotificationsReceived => Volatile.Read(ref notificationsReceived);

        public void Received() => Interlocked.Increment(ref notificationsReceived);

        public Account AccountFor(Role role, int n)
        {
            var list = role switch { Role.Staff => Staff, Role.Head => Heads, _ => Supervisors };
            return list[n % list.Count];
        }

        public static async Task<World> DiscoverAsync(Uri baseUri, HttpClient client)
        {
            var world = new World();
            world.Supervisors.Add(new Account("supervisor"));
            for (var i = 1; i <= 8; i++)
            {
                world.Heads.Add(new Account($"head{i:00}"));
                for (var s = 1; s <= (i == 1 ? 5 : 2); s++)
                {
                    world.Staff.Add(new Account($"staff{i:00}{s:00}"));
                }
            }

            foreach (var account in world.All)
            {
                account.Token = await RosterBenchmark.PasswordTokenAsync(client, account.UserName);
                account.Cookie = await CookieSignInAsync(baseUri, account.UserName);
            }

            foreach (var head in world.Heads)
            {
                using var mine = await SendAsync(client, HttpMethod.Get, "/api/assessment/sheets/mine", head);
                mine.EnsureSuccessStatusCode();
                var sheet = JsonDocument.Parse(await mine.Content.ReadAsStringAsync()).RootElement.GetProperty("items")[0];
                world.SchemeId = sheet.GetProperty("schemeId").GetGuid();
                head.SubBranchId = sheet.GetProperty("subBranchId").GetGuid();
                world.SubBranches.Add(head.SubBranchId);
                using var view = await SendAsync(client, HttpMethod.Get, $"/api/assessment/schemes/{world.SchemeId}/sheets/{head.SubBranchId}", head);
                view.EnsureSuccessStatusCode();
                head.EntryIndicators.AddRange(JsonDocument.Parse(await view.Content.ReadAsStringAsync()).RootElement.GetProperty("indicators").EnumerateArray()
                    .Where(i => i.GetProperty("allowSubBranchEntry").GetBoolean()).Select(i => i.GetProperty("indicatorId").GetGuid()));
                if (head.EntryIndicators.Count == 0)
                {
                    throw new InvalidOperationException($"FAIL: {head.UserName}'s sheet has no indicator a head may enter: progress entry would not be simulated");
                }
            }

            // Every page of the mix answers for its role before anything is measured, and the home page is the
            // signed-in page with its cards, not the sign-in form.
            foreach (var account in world.All)
            {
                using var home = await SendAsync(client, HttpMethod.Get, "/", account, cookie: true);
                var html = await home.Content.ReadAsStringAsync();
                if (home.StatusCode != HttpStatusCode.OK || !html.Contains("data-testid=\"home-card-", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"FAIL: {account.UserName}'s home page answered {(int)home.StatusCode} without its cards");
                }
            }

            return world;
        }

        public IEnumerable<Account> All => Supervisors.Concat(Heads).Concat(Staff);

        public async Task RefreshTokensAsync(HttpClient client)
        {
            foreach (var account in All)
            {
                account.Token = await RosterBenchmark.PasswordTokenAsync(client, account.UserName);
            }
        }

        private static async Task<string> CookieSignInAsync(Uri baseUri, string userName)
        {
            var cookies = new CookieContainer();
            using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
            using var browser = new HttpClient(handler) { BaseAddress = baseUri, Timeout = TimeSpan.FromMinutes(2) };
            var form = await browser.GetStringAsync(new Uri("/account/login", UriKind.Relative));
            const string Marker = "name=\"__RequestVerificationToken\" value=\"";
            var at = form.IndexOf(Marker, StringComparison.Ordinal) + Marker.Length;
            var token = WebUtility.HtmlDecode(form[at..form.IndexOf('"', at)]);
            using var response = await browser.PostAsync(new Uri("/account/login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["userName"] = userName,
                ["password"] = "BranchNet#2026",
                ["returnUrl"] = "/",
                ["__RequestVerificationToken"] = token,
            }));
            if (response.StatusCode != HttpStatusCode.Redirect)
            {
                throw new InvalidOperationException($"FAIL: {userName} could not sign in through the form: {(int)response.StatusCode}");
            }

            return cookies.GetCookieHeader(baseUri);
        }
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, Account account, HttpContent? content = null, bool cookie = false, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content };
        if (cookie)
        {
            request.Headers.Add("Cookie", account.Cookie);
        }
        else
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", account.Token);
        }

        return await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
    }

    /// <summary>One person: signed in on one shared account, one hub connection held, acting after each think time.</summary>
    private sealed class VirtualUser(Role role, Account account, World world, HttpClient client, Metrics metrics, int thinkMs, int seed) : IAsyncDisposable
    {
        private readonly Random random = new(seed);
        private HubConnection? hub;
        private Task loop = Task.CompletedTask;

        public bool HubOpen => hub?.State == HubConnectionState.Connected;

        public async Task ConnectAsync(Uri baseUri)
        {
            var connection = new HubConnectionBuilder()
                .WithUrl(new Uri(baseUri, NotificationsHubContract.Path), o =>
                {
                    o.AccessTokenProvider = () => Task.FromResult<string?>(account.Token);
                    o.Transports = HttpTransportType.WebSockets;
                    o.SkipNegotiation = true;
                })
                .ConfigureLogging(l => l.SetMinimumLevel(LogLevel.None))
                .Build();
            connection.On<NotificationMessage>(NotificationsHubContract.NotificationMethod, _ => world.Received());
            connection.Closed += e =>
            {
                metrics.Error("hub connection closed" + (e is null ? "" : $": {e.GetType().Name}"));
                return Task.CompletedTask;
            };
            try
            {
                await connection.StartAsync();
                hub = connection;
            }
            catch (Exception e) when (e is HttpRequestException or IOException or System.Net.WebSockets.WebSocketException or TimeoutException or OperationCanceledException)
            {
                metrics.Error($"hub connection refused: {e.GetType().Name}");
                await connection.DisposeAsync();
            }
        }

        public void Start(CancellationToken stop) => loop = Task.Run(() => RunAsync(stop), CancellationToken.None);

        private async Task RunAsync(CancellationToken stop)
        {
            try
            {
                // The first action somewhere in the first think time: arrivals spread as they are in the steady state.
                await Task.Delay(TimeSpan.FromMilliseconds(random.NextDouble() * thinkMs), stop);
                while (!stop.IsCancellationRequested)
                {
                    await ActAsync(stop);
                    // Exponential think time, capped at five means so one user never sleeps through a whole step.
                    var think = Math.Min(-Math.Log(1 - random.NextDouble()) * thinkMs, 5.0 * thinkMs);
                    await Task.Delay(TimeSpan.FromMilliseconds(think), stop);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The run is over.
            }
        }

        private Task ActAsync(CancellationToken stop)
        {
            var roll = random.Next(100);
            var sheet = $"/api/assessment/schemes/{world.SchemeId}/sheets/";
            return role switch
            {
                Role.Staff => roll switch
                {
                    < 25 => CallAsync("home page", HttpMethod.Get, "/", stop, cookie: true),
                    < 45 => CallAsync("inbox", HttpMethod.Get, "/api/notifications", stop),
                    < 60 => CallAsync("unread count", HttpMethod.Get, "/api/notifications/unread-count", stop),
                    < 80 => CallAsync("my week", HttpMethod.Get, "/api/tasks/my-week", stop),
                    _ => CallAsync("my logs", HttpMethod.Get, "/api/worklogs/mine", stop),
                },
                Role.Head => roll switch
                {
                    < 25 => CallAsync("home page", HttpMethod.Get, "/", stop, cookie: true),
                    < 50 => CallAsync("own sheet", HttpMethod.Get, sheet + account.SubBranchId, stop),
                    < 65 => CallAsync("inbox", HttpMethod.Get, "/api/notifications", stop),
                    < 75 => CallAsync("unread count", HttpMethod.Get, "/api/notifications/unread-count", stop),
                    < 85 => CallAsync("progress entry", HttpMethod.Post, $"/api/assessment/schemes/{world.SchemeId}/progress", stop, content: ProgressBody()),
                    _ => CallAsync("team board", HttpMethod.Get, "/api/tasks/team-board", stop),
                },
                _ => roll switch
                {
                    < 25 => CallAsync("home page", HttpMethod.Get, "/", stop, cookie: true),
                    < 55 => CallAsync("results", HttpMethod.Get, $"/api/assessment/schemes/{world.SchemeId}/results", stop),
                    < 70 => CallAsync("a sheet", HttpMethod.Get, sheet + world.SubBranches[random.Next(world.SubBranches.Count)], stop),
                    < 85 => CallAsync("inbox", HttpMethod.Get, "/api/notifications", stop),
                    _ => CallAsync("unread count", HttpMethod.Get, "/api/notifications/unread-count", stop),
                },
            };
        }

        /// <summary>Today's cumulative figure (China date) for one of the indicators a head may enter.</summary>
        private JsonContent ProgressBody()
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
            var indicator = account.EntryIndicators[random.Next(account.EntryIndicators.Count)];
            return JsonContent.Create(new { entries = new[] { new { subBranchId = account.SubBranchId, indicatorId = indicator, date = today, value = 100m + random.Next(300) } } });
        }

        private async Task CallAsync(string name, HttpMethod method, string path, CancellationToken stop, HttpContent? content = null, bool cookie = false)
        {
            var window = metrics.Window;
            var started = Stopwatch.GetTimestamp();
            string? error = null;
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop);
                timeout.CancelAfter(RequestTimeout);
                using var response = await SendAsync(client, method, path, account, content, cookie, timeout.Token);
                if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.NoContent))
                {
                    // The problem's code says which rule refused (e.g. a concurrent write of the same cell).
                    var body = await response.Content.ReadAsStringAsync(CancellationToken.None);
                    var at = body.IndexOf("\"code\":\"", StringComparison.Ordinal);
                    error = $"{name} {(int)response.StatusCode}{(at < 0 ? "" : " " + body[(at + 8)..body.IndexOf('"', at + 8)])}";
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
            {
                error = $"{name} {e.GetType().Name}";
            }

            metrics.Record(window, name, Stopwatch.GetElapsedTime(started).TotalMilliseconds, error);
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                await loop;
            }
            catch (OperationCanceledException)
            {
                // Stopped.
            }

            if (hub is not null)
            {
                await hub.DisposeAsync();
            }
        }
    }

    private sealed class Metrics
    {
        private readonly ConcurrentDictionary<int, ConcurrentBag<(string Name, double Ms)>> samples = new();
        private readonly ConcurrentDictionary<string, List<double>> byEndpoint = new();
        private int windowErrors;

        public volatile int Window = -1;

        public ConcurrentDictionary<string, int> ErrorKinds { get; } = new();

        public int WindowErrors => Volatile.Read(ref windowErrors);

        public void ResetWindowErrors()
        {
            Volatile.Write(ref windowErrors, 0);
            ErrorKinds.Clear();
        }

        /// <summary>Errors count from the moment a step's users start until its window closes (its ramp included).</summary>
        public void Error(string what)
        {
            Interlocked.Increment(ref windowErrors);
            ErrorKinds.AddOrUpdate(what, 1, (_, n) => n + 1);
        }

        public void Record(int window, string name, double ms, string? error)
        {
            if (error is not null)
            {
                Error(error);
            }

            if (window >= 0)
            {
                samples.GetOrAdd(window, _ => []).Add((name, ms));
            }
        }

        public List<(string Name, double Ms)> Take(int window)
        {
            var taken = samples.TryRemove(window, out var bag) ? bag.ToList() : [];
            foreach (var (name, ms) in taken)
            {
                var list = byEndpoint.GetOrAdd(name, _ => []);
                lock (list)
                {
                    list.Add(ms);
                }
            }

            return taken;
        }

        public string EndpointSummary() => string.Join("; ", byEndpoint.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p =>
        {
            var sorted = p.Value.Order().ToList();
            return string.Create(CultureInfo.InvariantCulture, $"{p.Key} n={sorted.Count} p50 {Percentile(sorted, 0.5):F1} p99 {Percentile(sorted, 0.99):F1}");
        }));
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private sealed record StepResult(
        int Users, int Requests, double Seconds, double P50, double P95, double P99, double Max, int Errors, int HubsDown,
        double ServerCores, double GeneratorCores, double MachineCores, double ServerRssMb, string Load, double ConnectSeconds)
    {
        public const string CsvHeader = "users,requests,req_per_s,p50_ms,p95_ms,p99_ms,max_ms,errors,hubs_down,server_cpu_cores,generator_cpu_cores,machine_cpu_cores,server_rss_mb,load_average,hub_connect_s";

        public double Rate => Requests / Seconds;

        public double ErrorRate => Errors / (double)Math.Max(1, Requests);

        public static StepResult From(int users, List<(string Name, double Ms)> samples, double seconds, int errors, int hubsDown, double server, double generator, double machine, double rss, string load, double connect)
        {
            var sorted = samples.Select(s => s.Ms).Order().ToList();
            return new StepResult(users, sorted.Count, seconds, Percentile(sorted, 0.5), Percentile(sorted, 0.95), Percentile(sorted, 0.99), sorted.Count == 0 ? double.NaN : sorted[^1],
                errors, hubsDown, server, generator, machine, rss, load, connect);
        }

        public string Line() => string.Create(CultureInfo.InvariantCulture,
            $"  {Users,5} users: {Rate,6:F1} req/s, p50 {P50,6:F1} ms, p95 {P95,6:F1} ms, p99 {P99,7:F1} ms, max {Max,7:F0} ms, errors {Errors}, hubs down {HubsDown}; CPU cores server {ServerCores:F2}, generator {GeneratorCores:F2}, whole machine {MachineCores:F2}; server RSS {ServerRssMb:F0} MB; load {Load}; hubs connected in {ConnectSeconds:F1} s{(P99 < GoalP99Ms && Errors == 0 ? "  ok" : "  FAILS the goal")}");

        public static StepResult Parse(string line)
        {
            var f = line.Split(',');
            double D(int i) => double.Parse(f[i], CultureInfo.InvariantCulture);
            return new StepResult(int.Parse(f[0], CultureInfo.InvariantCulture), int.Parse(f[1], CultureInfo.InvariantCulture), f[1] == "0" ? 1 : D(1) / D(2), D(3), D(4), D(5), D(6),
                int.Parse(f[7], CultureInfo.InvariantCulture), int.Parse(f[8], CultureInfo.InvariantCulture), D(9), D(10), D(11), D(12), f[13].Replace('/', ' '), D(14));
        }

        public string Csv() => string.Create(CultureInfo.InvariantCulture,
            $"{Users},{Requests},{Rate:F2},{P50:F2},{P95:F2},{P99:F2},{Max:F1},{Errors},{HubsDown},{ServerCores:F3},{GeneratorCores:F3},{MachineCores:F3},{ServerRssMb:F1},{Load.Replace(' ', '/')},{ConnectSeconds:F1}");
    }

    /// <summary>p50 and p99 against users as an SVG, rasterised to PNG by the installed headless Chromium.</summary>
    private static class Chart
    {
        public static async Task RenderAsync(List<StepResult> results, string title, string png)
        {
            const int Width = 900, Height = 520, Left = 80, Right = 90, Top = 60, Bottom = 70;
            // Logarithmic: the 200 ms goal stays readable beside the seconds of an overloaded step.
            var maxY = Math.Max(1000, results.Max(r => double.IsNaN(r.P99) ? 0 : r.P99) * 1.5);
            const double MinY = 1;
            var maxX = results.Max(r => r.Users);
            double X(int users) => Left + ((Width - Left - Right) * users / (double)maxX);
            double Y(double ms) => Height - Bottom - ((Height - Top - Bottom) * Math.Log10(Math.Clamp(ms, MinY, maxY) / MinY) / Math.Log10(maxY / MinY));
            var svg = new StringBuilder();
            svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" font-family=\"sans-serif\" font-size=\"13\">");
            svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{Width}\" height=\"{Height}\" fill=\"white\"/><text x=\"{Width / 2}\" y=\"30\" text-anchor=\"middle\" font-size=\"16\">{WebUtility.HtmlEncode(title)}</text>");
            for (var decade = MinY; decade <= maxY; decade *= 10)
            {
                foreach (var ms in new[] { decade, decade * 2, decade * 5 }.Where(m => m <= maxY))
                {
                    svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Y(ms):F1}\" y2=\"{Y(ms):F1}\" stroke=\"#ddd\"/><text x=\"{Left - 8}\" y=\"{Y(ms) + 4:F1}\" text-anchor=\"end\">{ms:0}</text>");
                }
            }

            foreach (var r in results)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{X(r.Users):F1}\" x2=\"{X(r.Users):F1}\" y1=\"{Top}\" y2=\"{Height - Bottom}\" stroke=\"#eee\"/><text x=\"{X(r.Users):F1}\" y=\"{Height - Bottom + 20}\" text-anchor=\"middle\">{r.Users}</text>");
            }

            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Y(GoalP99Ms):F1}\" y2=\"{Y(GoalP99Ms):F1}\" stroke=\"#c62828\" stroke-dasharray=\"6 4\"/><text x=\"{Width - Right - 4}\" y=\"{Y(GoalP99Ms) - 6:F1}\" text-anchor=\"end\" fill=\"#c62828\">p99 goal 200 ms</text>");
            foreach (var (series, colour, pick) in new (string, string, Func<StepResult, double>)[] { ("p99", "#1565c0", r => r.P99), ("p50", "#2e7d32", r => r.P50) })
            {
                var points = string.Join(' ', results.Where(r => !double.IsNaN(pick(r))).Select(r => string.Create(CultureInfo.InvariantCulture, $"{X(r.Users):F1},{Y(pick(r)):F1}")));
                svg.Append(CultureInfo.InvariantCulture, $"<polyline points=\"{points}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2.5\"/>");
                foreach (var r in results.Where(r => !double.IsNaN(pick(r))))
                {
                    var failed = r.Errors > 0 ? " (errors)" : "";
                    svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{X(r.Users):F1}\" cy=\"{Y(pick(r)):F1}\" r=\"4\" fill=\"{(r.Errors > 0 ? "#c62828" : colour)}\"/>");
                    if (series == "p99")
                    {
                        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(r.Users) + 6:F1}\" y=\"{Y(pick(r)) - 8:F1}\" fill=\"{colour}\" font-size=\"11\">{pick(r):F0}{failed}</text>");
                    }
                }
            }

            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{(Width + Left) / 2}\" y=\"{Height - 25}\" text-anchor=\"middle\">concurrent active users (each holding a hub connection)</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<text transform=\"translate(22 {(Height - Bottom + Top) / 2}) rotate(-90)\" text-anchor=\"middle\">latency, ms (logarithmic)</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Left + 15}\" y=\"{Top + 5}\" width=\"170\" height=\"48\" fill=\"white\" stroke=\"#ccc\"/><line x1=\"{Left + 25}\" x2=\"{Left + 55}\" y1=\"{Top + 20}\" y2=\"{Top + 20}\" stroke=\"#1565c0\" stroke-width=\"2.5\"/><text x=\"{Left + 62}\" y=\"{Top + 24}\">p99</text><line x1=\"{Left + 25}\" x2=\"{Left + 55}\" y1=\"{Top + 40}\" y2=\"{Top + 40}\" stroke=\"#2e7d32\" stroke-width=\"2.5\"/><text x=\"{Left + 62}\" y=\"{Top + 44}\">p50 (red dot: errors)</text>");
            svg.Append("</svg>");

            var html = Path.ChangeExtension(png, ".tmp.html");
            await File.WriteAllTextAsync(html, $"<!doctype html><html><body style=\"margin:0\">{svg}</body></html>");
            try
            {
                var chromium = Environment.GetEnvironmentVariable("BRANCHNET_CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
                var start = new ProcessStartInfo(chromium) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
                foreach (var arg in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", $"--window-size={Width},{Height}", $"--screenshot={Path.GetFullPath(png)}", new Uri(Path.GetFullPath(html)).AbsoluteUri })
                {
                    start.ArgumentList.Add(arg);
                }

                using var process = Process.Start(start) ?? throw new InvalidOperationException("chromium did not start");
                await process.WaitForExitAsync();
                if (!File.Exists(png))
                {
                    Console.Error.WriteLine($"The chart was not rendered ({chromium}); the SVG stays in {html}");
                    return;
                }
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                Console.Error.WriteLine($"No Chromium to render the chart ({e.Message}); the SVG stays in {html}");
                return;
            }

            File.Delete(html);
        }
    }
}
