using Microsoft.Playwright;

namespace BranchNetwork.E2ETests.Resources.History;

/// <summary>
/// RR-3 in Chromium: head01 (支行01 only) and the supervisor (every sub-branch) open 申请统计 on a desktop and on a phone
/// and see the table of sub-branch × kind and the chart of asked against granted per month, built from the demo
/// requests; the home page's resource cards link there from the to-do list.
/// </summary>
public sealed class HistoryPageTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Theory]
    [Trait("Spec", "RR-3")]
    [InlineData("head01", 1366, 900, "resources-history-head.png")]
    [InlineData("head01", 390, 844, "resources-history-phone.png")]
    [InlineData("supervisor", 1366, 900, "resources-history.png")]
    [InlineData("supervisor", 390, 844, null)]
    public async Task The_history_page_shows_the_table_and_the_chart_of_asked_against_granted(string user, int width, int height, string? screenshot)
    {
        app.RequireBrowser();
        var page = await app.SignedInPageAsync(user, width, height);
        await page.GotoAsync("/resources/history");
        await BrowserApp.WaitForLiveCircuitAsync(page);

        await page.Locator("[data-testid=history-table]").WaitForAsync();
        await page.Locator("[data-testid=history-row]").First.WaitForAsync();
        await page.Locator("[data-testid=history-chart] svg").First.WaitForAsync();
        await page.Locator("[data-testid=history-total]").First.WaitForAsync();
        var rows = await page.Locator("[data-testid=history-row]").AllInnerTextsAsync();
        Assert.Contains(rows, r => r.Contains("支行01", StringComparison.Ordinal));
        if (user == "head01")
        {
            Assert.All(rows, r => Assert.Contains("支行01", r, StringComparison.Ordinal));
            Assert.Equal(0, await page.Locator("[data-testid=history-sub-branch]").CountAsync());
        }
        else
        {
            Assert.Contains(rows, r => r.Contains("支行02", StringComparison.Ordinal));
            await page.Locator("[data-testid=history-sub-branch]").WaitForAsync();
        }

        // Money as ¥ with separators: the demo's ¥68,000 of 支行01 is asked in the period.
        await page.Locator("[data-testid=history-row-asked]").Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("¥[0-9]{1,3}(,[0-9]{3})+\\.00") }).First.WaitForAsync();
        await page.Locator("[data-testid=nav-resources-history]").First.WaitForAsync(new() { State = WaitForSelectorState.Attached });
        if (width < 600)
        {
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The history page scrolls sideways on a phone.");
        }

        if (screenshot is not null)
        {
            await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath(screenshot), FullPage = true });
        }
    }

    [Fact]
    [Trait("Spec", "RR-3")]
    public async Task The_home_cards_show_the_sub_branchs_requests_and_those_at_my_step()
    {
        app.RequireBrowser();
        var head = await app.SignedInPageAsync("head01", 390, 844);
        var card = head.Locator("[data-testid=home-card-ResourcesSubBranchRequests]");
        await card.WaitForAsync();
        await card.Locator("[data-testid=home-card-heat]").WaitForAsync();
        await card.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("resources-history-home-card.png") });

        var supervisor = await app.SignedInPageAsync("supervisor");
        var mine = supervisor.Locator("[data-testid=home-card-ResourcesAtMyStep]");
        await mine.Locator("[data-testid=home-card-caption]").Filter(new() { HasText = "已超时" }).WaitForAsync();
    }
}
