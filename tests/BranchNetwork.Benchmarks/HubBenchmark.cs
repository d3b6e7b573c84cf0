using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using BranchNetwork.Modules.Notifications.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Logging;
using static BranchNetwork.Benchmarks.AssessmentBenchmark;

namespace BranchNetwork.Benchmarks;

/// <summary>
/// Issue 16, goal 5: what an idle hub connection costs the server and how fast one notification reaches every open page.
/// The built Host runs as a child process so the resident memory read from /proc is the server's alone. In one run:
/// the server's RSS idle, with <c>--connections</c> idle authenticated hub connections (per connection), after they all
/// closed and again after <c>--settle</c> seconds more; then the time from publishing one announcement to its arrival on
/// <c>--fanout</c> connections, against a bare ASP.NET Core WebSocket server broadcasting the same payload to as many
/// sockets in the same run. Both must deliver to every connection or the run fails.
/// Run: dotnet run -c Release --project tests/BranchNetwork.Benchmarks -- hub [sqlite|postgres] [--connections 2000] [--fanout 10000] [--settle 20]
///      [--env DOTNET_GCgen0size=0x400000 ...] (environment for the Host, to compare GC settings without a rebuild)
/// </summary>
internal static class HubBenchmark
{
    private const string Marker = "hub-bench";

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Contains("--bare-server"))
        {
            return await BareServerAsync(ColdStartBenchmark.Option(args, "--port", 0), ColdStartBenchmark.Option(args, "--count", 0));
        }

        var provider = args.FirstOrDefault(a => a is "sqlite" or "postgres") ?? "sqlite";
        var connections = ColdStartBenchmark.Option(args, "--connections", 2000);
        var fanout = Math.Max(connections, ColdStartBenchmark.Option(args, "--fanout", 10000));
        var settle = TimeSpan.FromSeconds(ColdStartBenchmark.Option(args, "--settle", 20));
        var hostDll = ColdStartBenchmark.OptionText(args, "--host") ?? ColdStartBenchmark.DefaultHostDll();
        var environment = ColdStartBenchmark.EnvironmentOptions(args);

        await using var database = provider == "postgres" ? await BenchDatabase.CreatePostgresAsync() : BenchDatabase.CreateSqlite();
        var port = ColdStartBenchmark.FreePort();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(hostDll)!, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(hostDll);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Database__Provider"] = database.Provider;
        start.Environment["ConnectionStrings__BranchNetwork"] = database.ConnectionString;
        start.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        start.Environment["RateLimiting__WritesPerMinute"] = "1000000";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        Console.WriteLine($"Hub connections on {provider}: {connections} idle, fan-out to {fanout}; Host environment: {string.Join(' ', environment.Select(p => $"{p.Key}={p.Value}"))}");
        using var host = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        host.OutputDataReceived += (_, e) => { if (e.Data?.Contains("ERR]", StringComparison.Ordinal) == true) { Console.Error.WriteLine(e.Data); } };
        host.ErrorDataReceived += (_, e) => Console.Error.WriteLine(e.Data);
        host.BeginOutputReadLine();
        host.BeginErrorReadLine();
        var open = new List<HubConnection>();
        try
        {
            var baseUri = new Uri($"http://127.0.0.1:{port}");
            using var client = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromMinutes(2) };
            await WaitForAsync(client, "/health/live", host);
            await WaitForAsync(client, "/", host);
            var staffToken = await RosterBenchmark.PasswordTokenAsync(client, "head01");
            var supervisorToken = await RosterBenchmark.PasswordTokenAsync(client, "supervisor");

            // Warm the hub's code paths so the idle figure is not the JIT's.
            var warm = await OpenAsync(baseUri, staffToken, 50, _ => { });
            await CloseAsync(warm);
            await Task.Delay(settle);
            var idle = Rss(host);

            var received = 0;
            var allArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var title = $"{Marker} {Guid.NewGuid():N}";
            var watch = new Stopwatch();
            var firstArrival = TimeSpan.Zero;
            Action<NotificationMessage> onMessage = message =>
            {
                if (message.Title != title)
                {
                    return;
                }

                var count = Interlocked.Increment(ref received);
                if (count == 1)
                {
                    // The stored-and-resolved part (request, outbox, inbox rows) ends here; the rest is writing to sockets.
                    firstArrival = watch.Elapsed;
                }

                if (count == fanout)
                {
                    allArrived.TrySetResult();
                }
            };
            open.AddRange(await OpenAsync(baseUri, staffToken, connections, onMessage));
            await Task.Delay(settle);
            var withConnections = Rss(host);
            var perConnection = (withConnections - idle) / (double)connections;

            open.AddRange(await OpenAsync(baseUri, staffToken, fanout - connections, onMessage));
            await Task.Delay(TimeSpan.FromSeconds(2));
            var withFanout = Rss(host);

            // One announcement to everyone: head01 is a recipient, so each of its connections gets it once.
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", supervisorToken);
            watch.Start();
            using (var published = await client.PostAsJsonAsync("/api/notifications/announcements", new { title, body = "benchmark", unitId = (Guid?)null, role = (string?)null }))
            {
                published.EnsureSuccessStatusCode();
            }

            var posted = watch.Elapsed;
            if (await Task.WhenAny(allArrived.Task, Task.Delay(TimeSpan.FromMinutes(1))) != allArrived.Task)
            {
                Console.Error.WriteLine($"FAIL: the announcement reached {received} of {fanout} hub connections");
                return 1;
            }

            var hubFanout = watch.Elapsed;

            await CloseAsync(open);
            open.Clear();
            await Task.Delay(settle);
            var afterClose = Rss(host);
            await Task.Delay(settle * 3);
            var afterWhile = Rss(host);

            Console.WriteLine($"Server RSS (MB): idle {Mb(idle):F1}, {connections} connections {Mb(withConnections):F1}, {fanout} connections {Mb(withFanout):F1}, all closed +{settle.TotalSeconds:F0} s {Mb(afterClose):F1}, +{settle.TotalSeconds * 4:F0} s {Mb(afterWhile):F1}");
            Console.WriteLine($"Per idle hub connection: {perConnection / 1024:F1} KB (RSS, {connections} connections); {(withFanout - idle) / (double)fanout / 1024:F1} KB at {fanout}");
            Console.WriteLine($"Returned after close: {100.0 * (withFanout - afterWhile) / Math.Max(1, withFanout - idle):F0} % of what {fanout} connections took");
            Console.WriteLine($"Fan-out of one announcement to {fanout} hub connections: {hubFanout.TotalMilliseconds:F0} ms (publish answered after {posted.TotalMilliseconds:F0} ms, first connection reached after {firstArrival.TotalMilliseconds:F0} ms)");

            var payload = JsonSerializer.SerializeToUtf8Bytes(new NotificationMessage(Guid.NewGuid(), "announcement", title, "benchmark", null, DateTime.UtcNow), JsonSerializerOptions.Web);
            var bare = await BareBroadcastAsync(fanout, payload);
            Console.WriteLine($"Bare WebSocket broadcast to {fanout} sockets: {bare.TotalMilliseconds:F0} ms; ratio hub : bare {hubFanout / bare:F1}");
            return 0;
        }
        finally
        {
            await CloseAsync(open);
            host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync();
        }
    }

    private static double Mb(long bytes) => bytes / 1024.0 / 1024.0;

    private static long Rss(Process process)
    {
        var line = File.ReadLines($"/proc/{process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
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

            await Task.Delay(50);
        }

        throw new TimeoutException(path);
    }

    private static async Task<List<HubConnection>> OpenAsync(Uri baseUri, string token, int count, Action<NotificationMessage> onMessage)
    {
        var connections = new ConcurrentBag<HubConnection>();
        // Fifty at a time: a page load's burst, not a synchronised storm the listen backlog would refuse.
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 50 }, async (_, ct) =>
        {
            var connection = new HubConnectionBuilder()
                .WithUrl(new Uri(baseUri, NotificationsHubContract.Path), o =>
                {
                    o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                    o.Transports = HttpTransportType.WebSockets;
                    o.SkipNegotiation = true;
                })
                .ConfigureLogging(l => l.SetMinimumLevel(LogLevel.None))
                .Build();
            connection.ServerTimeout = TimeSpan.FromMinutes(10);
            connection.On(NotificationsHubContract.NotificationMethod, onMessage);
            await connection.StartAsync(ct);
            connections.Add(connection);
        });
        return [.. connections];
    }

    private static async Task CloseAsync(List<HubConnection> connections) =>
        await Parallel.ForEachAsync(connections, new ParallelOptions { MaxDegreeOfParallelism = 50 }, async (c, _) => await c.DisposeAsync());

    /// <summary>
    /// The floor: Kestrel accepting plain WebSockets and writing one text frame to each, no hub, no groups. The server is a
    /// child process like the Host (a process may hold 20,000 files here: 10,000 sockets on each side do not fit in one).
    /// </summary>
    private static async Task<TimeSpan> BareBroadcastAsync(int count, byte[] payload)
    {
        var port = ColdStartBenchmark.FreePort();
        var start = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet") { UseShellExecute = false, RedirectStandardInput = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(typeof(HubBenchmark).Assembly.Location);
        foreach (var arg in new[] { "hub", "--bare-server", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--count", count.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }

        using var server = Process.Start(start) ?? throw new InvalidOperationException("the bare server did not start");
        try
        {
            if (await server.StandardOutput.ReadLineAsync() != "listening")
            {
                throw new InvalidOperationException("FAIL: the bare server did not start listening");
            }

            var received = 0;
            var allArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var expected = Encoding.UTF8.GetString(payload);
            var clients = new ConcurrentBag<ClientWebSocket>();
            await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 50 }, async (client, ct) =>
            {
                var socket = new ClientWebSocket();
                await socket.ConnectAsync(new Uri($"ws://127.0.0.1:{port}/ws"), ct);
                clients.Add(socket);
                _ = Task.Run(async () =>
                {
                    var buffer = new byte[4096];
                    var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
                    if (Encoding.UTF8.GetString(buffer, 0, result.Count) == expected && Interlocked.Increment(ref received) == count)
                    {
                        allArrived.TrySetResult();
                    }
                }, CancellationToken.None);
            });
            if (await server.StandardOutput.ReadLineAsync() != "ready")
            {
                throw new InvalidOperationException("FAIL: the bare server did not accept every socket");
            }

            var watch = Stopwatch.StartNew();
            await server.StandardInput.WriteLineAsync(expected);
            await server.StandardInput.FlushAsync();
            if (await Task.WhenAny(allArrived.Task, Task.Delay(TimeSpan.FromMinutes(1))) != allArrived.Task)
            {
                throw new InvalidOperationException($"FAIL: the bare broadcast reached {received} of {count} sockets");
            }

            var elapsed = watch.Elapsed;
            foreach (var socket in clients)
            {
                socket.Abort();
                socket.Dispose();
            }

            return elapsed;
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
    }

    private static async Task<int> BareServerAsync(int port, int count)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        await using var app = builder.Build();
        app.UseWebSockets();
        var sockets = new ConcurrentBag<WebSocket>();
        var allConnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        app.Map("/ws", async (HttpContext context) =>
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            sockets.Add(socket);
            if (sockets.Count == count)
            {
                allConnected.TrySetResult();
            }

            var buffer = new byte[64];
            try
            {
                while (socket.State == WebSocketState.Open && (await socket.ReceiveAsync(buffer, context.RequestAborted)).MessageType != WebSocketMessageType.Close)
                {
                }
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                // The client went away.
            }
        });
        await app.StartAsync();
        Console.WriteLine("listening");
        await allConnected.Task;
        Console.WriteLine("ready");
        var message = Encoding.UTF8.GetBytes(await Console.In.ReadLineAsync() ?? "");
        await Task.WhenAll(sockets.Select(s => s.SendAsync(message, WebSocketMessageType.Text, true, CancellationToken.None)));
        await Console.In.ReadLineAsync();
        return 0;
    }
}
