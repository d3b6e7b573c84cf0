using Microsoft.Playwright;

namespace BranchNetwork.E2ETests.Audit;

public sealed class AccessLogPageTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    [Trait("Spec", "AU-1")]
    public async Task An_auditor_searches_the_access_log_on_a_390_pixel_phone_screen()
    {
        var page = await app.SignedInPageAsync("auditor", width: 390, height: 844);
        await page.GotoAsync("/audit/access-log");
        await page.WaitForSelectorAsync("[data-testid=access-log-table]");

        // The auditor's own sign-in is in the log (the writer flushes about once a second).
        for (var attempt = 0; attempt < 30 && await page.Locator("[data-testid=access-log-table] >> text=登录成功").CountAsync() == 0; attempt++)
        {
            await page.FillAsync("input[data-testid=filter-user], [data-testid=filter-user] input", "auditor");
            await page.ClickAsync("[data-testid=access-log-search]");
            await Task.Delay(1000);
        }

        var table = await page.InnerTextAsync("[data-testid=access-log-table]");
        Assert.Contains("登录成功", table, StringComparison.Ordinal);
        Assert.Contains("auditor", table, StringComparison.Ordinal);
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 390, $"page is {scrollWidth}px wide on a 390px screen");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserApp.ScreenshotPath("audit-access-log-phone.png"), FullPage = false });
    }
}
