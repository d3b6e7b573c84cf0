using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace BranchNetwork.E2ETests.Community.Feed;

/// <summary>
/// The community's landing page and search on a 390 px phone (CM-1): staff0101 follows a board, a colleague posts two
/// threads there, and staff0101 sees them newest first with unread markers, marks them read, searches a Chinese phrase
/// and opens the result list — nothing wider than the screen.
/// </summary>
public sealed class FeedAndSearchPhoneTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    [Trait("Spec", "CM-1")]
    public async Task Staff_read_the_feed_and_search_in_chinese_on_a_phone()
    {
        app.RequireBrowser();
        var tag = "zp" + Guid.NewGuid().ToString("N")[..6];
        var (first, second) = await SeedAsync(tag);

        var page = await app.SignedInPageAsync("staff0101", 390, 844);
        await page.GotoAsync("/community");
        await BrowserApp.WaitForLiveCircuitAsync(page);
        var items = page.Locator("[data-testid=feed-item]");
        await items.Filter(new() { HasText = first }).WaitForAsync();
        await items.Filter(new() { HasText = second }).WaitForAsync();
        Assert.Contains(second, await items.First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("true", await items.First.GetAttributeAsync("data-unread"));
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"), "The feed is wider than the phone.");
        await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("community-feed-390.png"), FullPage = true });

        await page.ClickAsync("[data-testid=feed-mark-read]");
        await items.Filter(new() { HasText = second }).And(page.Locator("[data-unread=false]")).WaitForAsync();

        await page.Locator("[data-testid=feed-search-input]").FillAsync($"理财产品 {tag}");
        await page.Locator("[data-testid=feed-search-input]").PressAsync("Enter");
        await page.WaitForURLAsync("**/community/search?q=*");
        await BrowserApp.WaitForLiveCircuitAsync(page);

        // The live page reads the results again after the first render: wait for the state, not for the first sight.
        await page.Locator("[data-testid=search-hit]").Filter(new() { HasText = first }).WaitForAsync();
        await Assertions.Expect(page.Locator("[data-testid=search-hit]")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"), "The search page is wider than the phone.");
        await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("community-search-390.png"), FullPage = true });
    }

    /// <summary>The moderator opens a board; staff0101 joins it (and so follows it); then staff0102 posts two threads.</summary>
    private async Task<(string First, string Second)> SeedAsync(string tag)
    {
        var moderator = await app.ClientForAsync("moderator");
        var created = await moderator.PostAsJsonAsync("/api/community/boards", new
        {
            name = "营销交流" + tag[..4],
            description = "营销经验交流",
            rules = "文明发言，不得发布客户信息。",
            welcomeMessage = "欢迎",
            audienceKind = "WholeBranch",
            reviewMode = "PostReview",
            allowsAnonymous = false,
            expiryAction = "Close",
            sortOrder = 0,
        });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var board = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement;
        var boardId = board.GetProperty("id").GetGuid();
        var rulesVersion = board.GetProperty("rulesVersion").GetInt32();

        foreach (var user in new[] { "staff0101", "staff0102" })
        {
            var client = await app.ClientForAsync(user);
            var joined = await client.PostAsJsonAsync($"/api/community/boards/{boardId}/join", new { rulesVersion });
            Assert.True(joined.IsSuccessStatusCode, await joined.Content.ReadAsStringAsync());
        }

        // The test clock stands still: move it so the posts come after the join (unread) and one after the other.
        var poster = await app.ClientForAsync("staff0102");
        var first = $"理财产品推介经验{tag}";
        var second = $"网点厅堂服务心得{tag}";
        foreach (var (title, body) in new[] { (first, "<p>如何介绍稳健型理财产品</p>"), (second, "<p>厅堂服务要主动</p>") })
        {
            app.Clock.Advance(TimeSpan.FromMinutes(1));
            var posted = await poster.PostAsJsonAsync($"/api/community/boards/{boardId}/threads", new { title, body, kind = "Discussion", anonymous = false });
            Assert.True(posted.IsSuccessStatusCode, await posted.Content.ReadAsStringAsync());
        }

        return (first, second);
    }
}
