using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BranchNetwork.Testing;

/// <summary>
/// The real app (Program) on a fresh database of the provider under test, with demo data.
/// One per test class; tokens come from the real /connect/token endpoint.
/// </summary>
public class BranchNetworkFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string DemoPassword = "BranchNet#2026";

    /// <summary>The audit checkpoint key of the test hosts (the Development one).</summary>
    public const string TestCheckpointKey = "bDJfdQx5GOLYiSB/bOgLfKUycFKCxjQYd7EugLbLxeI=";

    private readonly ConcurrentDictionary<string, string> tokens = new();

    private readonly bool ownsDatabase;

    public BranchNetworkFactory()
        : this(new TestDatabase(), ownsDatabase: true)
    {
    }

    /// <summary>A second app on the database of another (a restart, or a second node).</summary>
    protected BranchNetworkFactory(TestDatabase database, bool ownsDatabase)
    {
        Database = database;
        this.ownsDatabase = ownsDatabase;
    }

    public TestDatabase Database { get; }

    /// <summary>The app's clock (IClock); tests move it to make time pass.</summary>
    public TestClock Clock { get; } = new();

    /// <summary>ASPNETCORE environment of the app; Development seeds demo data and allows the password grant.</summary>
    protected virtual string EnvironmentName => "Development";

    /// <summary>
    /// Whether this host's database is a copy of the migrated, demo-seeded template (every host that
    /// would seed demo data itself); otherwise it starts empty and the app migrates it.
    /// </summary>
    protected bool StartsFromDemoTemplate =>
        EnvironmentName == "Development" && !(Settings.TryGetValue("Demo:Seed", out var seed) && string.Equals(seed, "false", StringComparison.OrdinalIgnoreCase));

    /// <summary>Extra configuration for a test class (e.g. a tight rate limit).</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public virtual async ValueTask InitializeAsync()
    {
        if (ownsDatabase)
        {
            await Database.CreateAsync(StartsFromDemoTemplate);
        }

        if (Database.Unavailable is null)
        {
            // Starts the host: migrations and seeding run now, not in the first test.
            _ = Server;
        }
    }

    /// <summary>Call first in every test: skips (or fails under BRANCHNET_REQUIRE_ALL) when the provider cannot run here.</summary>
    public void EnsureAvailable()
    {
        if (Database.Unavailable is { } reason)
        {
            TestEnvironment.Unavailable(reason);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        builder.UseSetting("Database:Provider", Database.Provider);
        builder.UseSetting("ConnectionStrings:BranchNetwork", Database.ConnectionString);
        builder.UseSetting("RateLimiting:SignInPermitsPerMinute", "100000");
        builder.UseSetting("RateLimiting:WritesPerMinute", "100000");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Outbox:PollIntervalMilliseconds", "100");
        // Dozens of test hosts run at once on two cores: no Hangfire server polling in each of them
        // (the jobs tests run the job directly; storage and dashboard need no server).
        builder.UseSetting("Jobs:Enabled", "false");
        // The audit checkpoint key (ADR 0022) of appsettings.Development.json, also for hosts in Production.
        builder.UseSetting("Audit:CheckpointKeys:dev", TestCheckpointKey);
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<BranchNetwork.SharedKernel.IClock>(Clock);
            // The framework's clock too (cookie and token lifetimes, OpenIddict's creation dates, lockouts):
            // one time for the whole app, so moving the clock moves everything that compares times.
            services.AddSingleton<TimeProvider>(Clock);
        });
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public virtual HttpClient CreateAnonymousClient()
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        // Wait for the answer, however busy the machine (a password hash can take long on two loaded cores).
        client.Timeout = TimeSpan.FromMinutes(5);
        return client;
    }

    /// <summary>An API client carrying a bearer token of the user (password grant, Development only).</summary>
    public async Task<HttpClient> ClientForAsync(string userName, string password = DemoPassword)
    {
        var client = CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(userName, password));
        return client;
    }

    /// <summary>Drops the cached tokens: a test that moved the clock past their life signs in again.</summary>
    public void ForgetTokens() => tokens.Clear();

    public async Task<string> TokenAsync(string userName, string password = DemoPassword)
    {
        if (tokens.TryGetValue(userName, out var cached))
        {
            return cached;
        }

        var response = await RequestPasswordTokenAsync(userName, password);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"token for {userName}: {(int)response.StatusCode} {body}");
        var token = JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
        tokens[userName] = token;
        return token;
    }

    public async Task<HttpResponseMessage> RequestPasswordTokenAsync(string userName, string password, string scope = "openid profile roles api")
    {
        using var client = CreateAnonymousClient();
        return await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = "branchnet-cli",
            ["username"] = userName,
            ["password"] = password,
            ["scope"] = scope,
        }));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (ownsDatabase)
        {
            await Database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}

public static class HttpJson
{
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return string.IsNullOrEmpty(text) ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public static Task<HttpResponseMessage> PostJsonAsync<T>(this HttpClient client, string url, T body) => client.PostAsJsonAsync(url, body);
}

/// <summary>
/// A stopped clock: it reads <see cref="Start"/> until a test moves it, so no test depends on the day or
/// the hour it runs at. The app's <c>IClock</c> and the framework's <see cref="TimeProvider"/> both read it;
/// timers and timestamps (delays, polling intervals, rate-limit windows) still run in real time.
/// </summary>
public sealed class TestClock : TimeProvider, BranchNetwork.SharedKernel.IClock
{
    /// <summary>Wednesday 27 May 2026, 10:00 in China (02:00 UTC): a working day, in the second month of a quarter.</summary>
    public static readonly DateTime Start = new(2026, 5, 27, 2, 0, 0, DateTimeKind.Utc);

    private long ticks = Start.Ticks;

    public DateTime UtcNow => new(Interlocked.Read(ref ticks), DateTimeKind.Utc);

    public override DateTimeOffset GetUtcNow() => new(UtcNow);

    public void Advance(TimeSpan by) => Interlocked.Add(ref ticks, by.Ticks);
}

public static class Eventually
{
    /// <summary>
    /// Polls until <paramref name="condition"/> holds (outbox delivery and log flushing are asynchronous).
    /// With <paramref name="passing"/>, the app's clock moves on a second before each look: for waits on
    /// something the app schedules in its own time (an outbox retry after its back-off).
    /// </summary>
    public static async Task<T> WaitAsync<T>(Func<Task<T>> probe, Func<T, bool> condition, string what, int timeoutMs = 15000, TestClock? passing = null)
    {
        var started = DateTime.UtcNow;
        while (true)
        {
            passing?.Advance(TimeSpan.FromSeconds(1));
            var value = await probe();
            if (condition(value))
            {
                return value;
            }

            if ((DateTime.UtcNow - started).TotalMilliseconds > timeoutMs)
            {
                Assert.Fail($"Timed out waiting for {what}; last value: {value}");
            }

            await Task.Delay(100);
        }
    }
}
