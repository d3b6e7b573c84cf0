using System.Net;
using BranchNetwork.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BranchNetwork.E2ETests;

/// <summary>
/// The app on a real Kestrel socket, plus Debian's Chromium driven by Playwright (never a downloaded
/// browser). One Chromium serves the whole test process (<see cref="SharedBrowser"/>); every page a test
/// opens gets its own browser context, so cookies and storage never leak between users or tests.
/// </summary>
public class BrowserApp : BranchNetworkFactory
{
    // Contexts that were open before this class started (none: classes run one at a time, see xunit.runner.json).
    private HashSet<IBrowserContext> contextsBefore = [];

    public IBrowser? Browser { get; private set; }

    public string BaseUrl { get; private set; } = "";

    public string? BrowserUnavailable { get; private set; }

    public override async ValueTask InitializeAsync()
    {
        await Database.CreateAsync(StartsFromDemoTemplate);
        if (Database.Unavailable is not null)
        {
            return;
        }

        UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        if (TestEnvironment.ChromiumPath is not { } chromium)
        {
            BrowserUnavailable = "Chromium not found: install Debian's chromium or set BRANCHNET_CHROMIUM.";
            return;
        }

        Browser = await SharedBrowser.GetAsync(chromium);
        contextsBefore = [.. Browser.Contexts];
    }

    /// <summary>Skips (or fails under BRANCHNET_REQUIRE_ALL) when there is no browser or database.</summary>
    public IBrowser RequireBrowser()
    {
        EnsureAvailable();
        if (BrowserUnavailable is { } reason)
        {
            TestEnvironment.Unavailable(reason);
        }

        return Browser!;
    }

    public async Task<IPage> SignedInPageAsync(string userName, int width = 1280, int height = 800)
    {
        var context = await RequireBrowser().NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "zh-CN",
        });
        // Generous: the browser tests share two cores with the rest of the suite.
        context.SetDefaultTimeout(120_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.FillAsync("#userName", userName);
        await page.FillAsync("#password", DemoPassword);
        await page.ClickAsync("[data-testid=sign-in]");
        await page.WaitForSelectorAsync("[data-testid=home-greeting]");
        await WaitForLiveCircuitAsync(page);
        return page;
    }

    /// <summary>
    /// Waits until the page's interactive circuit is live (its notification hub has connected). The
    /// prerendered page shows before that; a click or a navigation in that gap can be lost or undone when
    /// the circuit starts on the old address, so tests wait for this state before they act.
    /// </summary>
    public static Task WaitForLiveCircuitAsync(IPage page) =>
        page.WaitForSelectorAsync("html[data-notifications-hub=connected]", new() { State = WaitForSelectorState.Attached });

    /// <summary>Where the README's screenshots live, found from the test binary up to the repository root.</summary>
    public static string ScreenshotPath(string fileName)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "BranchNetwork.sln")))
        {
            directory = directory.Parent;
        }

        var folder = Path.Combine(directory?.FullName ?? Path.GetTempPath(), "docs", "images");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, fileName);
    }

    /// <summary>The app listens on a real socket here: API clients talk to it like any client, not through the in-memory server.</summary>
    public override HttpClient CreateAnonymousClient() =>
        new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromMinutes(5) };

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            // The browser stays for the next test class; only this class's contexts go.
            foreach (var context in Browser.Contexts.Where(c => !contextsBefore.Contains(c)).ToList())
            {
                await context.CloseAsync();
            }
        }

        await base.DisposeAsync();
    }
}

/// <summary>One Chromium per test process, launched on first use and closed when the process exits.</summary>
internal static class SharedBrowser
{
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    private static readonly object Gate = new();
    private static Task<IBrowser>? browser;

    public static Task<IBrowser> GetAsync(string chromium)
    {
        lock (Gate)
        {
            // A launch that failed is tried again by the next class rather than failing every later one.
            if (browser is null || browser.IsFaulted || browser.IsCanceled)
            {
                browser = LaunchAsync(chromium);
            }

            return browser;
        }
    }

    private static async Task<IBrowser> LaunchAsync(string chromium)
    {
        var playwright = await Playwright.CreateAsync();
        var launched = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = chromium, Headless = true, Args = ChromiumArgs });
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                launched.CloseAsync().Wait(TimeSpan.FromSeconds(5));
            }
            catch (PlaywrightException)
            {
                // Already gone with the driver.
            }
            catch (AggregateException)
            {
                // Already gone with the driver.
            }

            playwright.Dispose();
        };
        return launched;
    }
}
