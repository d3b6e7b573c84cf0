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
        await BrowserApp.WaitForLiveCircuitAsync(page);

        // The auditor's own sign-in is in the log once the writer has flushed (about once a second):
        // search again until it shows, each time waiting for the search's answer rather than a fixed time.
        var signedIn = page.Locator("[data-testid=access-log-table] >> text=登录成功");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await signedIn.CountAsync() == 0 && DateTime.UtcNow < deadline)
        {
            await page.FillAsync("input[data-testid=filter-user], [data-testid=filter-user] input", "auditor");
            await page.ClickAsync("[data-testid=access-log-search]");
            try
            {
                await signedIn.First.WaitForAsync(new() { Timeout = 2_000 });
            }
            catch (TimeoutException)
            {
                // Not flushed yet: search again.
            }
        }

        var table = await page.InnerTextAsync("[data-testid=access-log-table]");
        Assert.Contains("登录成功", table, StringComparison.Ordinal);
        Assert.Contains("auditor", table, StringComparison.Ordinal);
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 390, $"page is {scrollWidth}px wide on a 390px screen");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserApp.ScreenshotPath("audit-access-log-phone.png"), FullPage = false });
    }
}
