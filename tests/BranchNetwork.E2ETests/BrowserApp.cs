using System.Net;
using BranchNetwork.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BranchNetwork.E2ETests;

/// <summary>The app on a real Kestrel socket, plus Debian's Chromium driven by Playwright (never a downloaded browser).</summary>
public class BrowserApp : BranchNetworkFactory
{
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    private IPlaywright? playwright;

    public IBrowser? Browser { get; private set; }

    public string BaseUrl { get; private set; } = "";

    public string? BrowserUnavailable { get; private set; }

    public override async ValueTask InitializeAsync()
    {
        await Database.CreateAsync();
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

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = chromium, Headless = true, Args = ChromiumArgs });
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
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.FillAsync("#userName", userName);
        await page.FillAsync("#password", DemoPassword);
        await page.ClickAsync("[data-testid=sign-in]");
        await page.WaitForSelectorAsync("[data-testid=home-greeting]");
        return page;
    }

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

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        playwright?.Dispose();
        await base.DisposeAsync();
    }
}
