using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using System.Text.Json;
using BranchNetwork.Testing;

namespace BranchNetwork.IntegrationTests.Platform.Crash;

/// <summary>
/// The real Host as a child process (<c>dotnet BranchNetwork.Host.dll</c>) on a test database and a free port,
/// so a test can kill it as the operating system would (SIGKILL: no finally blocks, no flushing, no shutdown)
/// and start it again on the same database. Demo data is seeded; the password grant works (Development).
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private static readonly HashSet<int> HandedOut = [];

    private readonly Process process;
    private readonly StringBuilder output = new();

    private HostProcess(Process process, string baseUrl)
    {
        this.process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public bool HasExited => process.HasExited;

    /// <summary>What the process wrote, for a failure message.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>
    /// The Host's own build output: <c>src/BranchNetwork.Host/bin/&lt;configuration&gt;/&lt;framework&gt;/</c> of the
    /// repository this test binary was built in (same configuration and framework), else the copy beside the tests.
    /// </summary>
    public static string HostDll()
    {
        const string Dll = "BranchNetwork.Host.dll";
        var testFolder = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testFolder.Name;
        var configuration = typeof(HostProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? testFolder.Parent?.Name ?? "Release";
        var candidates = new List<string>();
        for (var folder = testFolder; folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "BranchNetwork.sln")))
            {
                candidates.Add(Path.Combine(folder.FullName, "src", "BranchNetwork.Host", "bin", configuration, framework, Dll));
                break;
            }
        }

        candidates.Add(Path.Combine(testFolder.FullName, Dll));
        return candidates.FirstOrDefault(c => File.Exists(c) && File.Exists(Path.ChangeExtension(c, ".runtimeconfig.json")))
            ?? throw new FileNotFoundException($"The Host is not built; looked at: {string.Join(", ", candidates)}. Run `dotnet build tests/BranchNetwork.IntegrationTests -c Release`.");
    }

    /// <summary>
    /// Starts the Host on <paramref name="database"/> and waits until it answers <c>/health/live</c> and has said it
    /// listens on its own address. A port taken between choosing and binding it (another host of the suite, another test
    /// project) makes the Host fail to start: it is started again on another port.
    /// </summary>
    public static async Task<HostProcess> StartAsync(TestDatabase database, IReadOnlyDictionary<string, string> settings)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (await StartOnceAsync(database, settings, lastAttempt: attempt == 5) is { } host)
            {
                return host;
            }
        }
    }

    private static async Task<HostProcess?> StartOnceAsync(TestDatabase database, IReadOnlyDictionary<string, string> settings, bool lastAttempt)
    {
        var dll = HostDll();
        var baseUrl = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_URLS"] = baseUrl,
            ["Database__Provider"] = database.Provider,
            ["ConnectionStrings__BranchNetwork"] = database.ConnectionString,
            ["Demo__Seed"] = "true",
            ["Jobs__Enabled"] = "false",
            ["RateLimiting__SignInPermitsPerMinute"] = "100000",
            ["RateLimiting__WritesPerMinute"] = "100000",
            ["Outbox__PollIntervalMilliseconds"] = "100",
            ["Serilog__MinimumLevel__Default"] = "Warning",
            // "Now listening on: <address>": the answer to /health/live came from this process, not from another on the port.
            ["Serilog__MinimumLevel__Override__Microsoft.Hosting.Lifetime"] = "Information",
        };
        foreach (var (key, value) in settings)
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var host = new HostProcess(process, baseUrl);
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            if (!await host.WaitUntilLiveAsync(lastAttempt))
            {
                await host.DisposeAsync();
                return null;
            }
        }
        catch
        {
            // A host that never came up must not outlive the test.
            await host.DisposeAsync();
            throw;
        }

        return host;
    }

    /// <summary>Kills the process now (SIGKILL) and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await WaitForExitAsync();
    }

    /// <summary>Waits for the process to end by itself (a fault point), at most two minutes.</summary>
    public async Task<int> WaitForExitAsync()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"The Host did not exit.\n{Output}");
        }

        return process.ExitCode;
    }

    public HttpClient CreateClient(string? token = null)
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromMinutes(2) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>An API client of a demo user (password grant, Development only).</summary>
    public async Task<HttpClient> ClientForAsync(string userName)
    {
        using var anonymous = CreateClient();
        var response = await anonymous.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = "branchnet-cli",
            ["username"] = userName,
            ["password"] = BranchNetworkFactory.DemoPassword,
            ["scope"] = "openid profile roles api",
        }));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"token for {userName}: {(int)response.StatusCode} {body}");
        return CreateClient(JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString());
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    /// <summary>A port free now and never handed to another host of this run (the crash tests start hosts in parallel).</summary>
    private static int FreePort()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            lock (HandedOut)
            {
                if (HandedOut.Add(port))
                {
                    return port;
                }
            }
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    /// <summary>
    /// Polls until the Host answers (it migrates and seeds first), failing early if it died; false when it died because its
    /// port was taken (and <paramref name="lastAttempt"/> is false: the caller tries another port).
    /// </summary>
    private async Task<bool> WaitUntilLiveAsync(bool lastAttempt)
    {
        using var client = CreateClient();
        // The first request warms the whole pipeline: on a loaded machine that alone can take half a minute.
        client.Timeout = TimeSpan.FromSeconds(90);
        var started = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                if (!lastAttempt && Output.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }

                Assert.Fail($"The Host exited with {process.ExitCode} while starting.\n{Output}");
            }

            try
            {
                if ((await client.GetAsync("/health/live")).StatusCode == HttpStatusCode.OK && Output.Contains("Now listening on: " + BaseUrl, StringComparison.Ordinal))
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Busy starting.
            }

            if (started.Elapsed > TimeSpan.FromMinutes(6))
            {
                Assert.Fail($"The Host did not answer /health/live within six minutes (a busy machine).\n{Output}");
            }

            await Task.Delay(200);
        }
    }
}
