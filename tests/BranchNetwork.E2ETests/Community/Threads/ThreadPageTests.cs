using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace BranchNetwork.E2ETests.Community.Threads;

/// <summary>
/// CM-1 in Chromium on a desktop (1366 px) and a 390 px phone: staff0101 opens a board, accepts its rules (入群须知) and
/// sees the welcome message, posts a thread, likes and keeps it, replies — and a colleague's reply and like arrive on
/// the open page without a reload. Screenshots: docs/images/community-*.png.
/// </summary>
public sealed class ThreadPageTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Theory]
    [Trait("Spec", "CM-1")]
    [InlineData(1366, 800, "desktop")]
    [InlineData(390, 844, "phone")]
    public async Task A_member_accepts_the_rules_posts_likes_keeps_and_replies_and_sees_a_colleagues_reply_live(int width, int height, string screen)
    {
        app.RequireBrowser();
        var moderator = await app.ClientForAsync("moderator");
        var created = await moderator.PostAsJsonAsync("/api/community/boards", new
        {
            name = $"浏览器测试{screen}{Guid.NewGuid().ToString("N")[..4]}",
            description = "开门红经验交流",
            rules = "文明发言，不得发布客户信息。",
            welcomeMessage = "欢迎加入，祝开门红！",
            audienceKind = "WholeBranch",
            reviewMode = "PostReview",
            allowsAnonymous = true,
            expiryAction = "Close",
            sortOrder = 0,
        });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var boardId = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();

        var page = await app.SignedInPageAsync("staff0101", width: width, height: height);
        await page.GotoAsync($"/community/boards/{boardId}");
        await BrowserApp.WaitForLiveCircuitAsync(page);
        await page.Locator("[data-testid=board-rules-needed]").WaitForAsync();
        await page.ClickAsync("[data-testid=thread-new]");
        await page.Locator("[data-testid=rules-dialog]").WaitForAsync();
        await page.ClickAsync("[data-testid=rules-accept]");
        await page.Locator("[data-testid=new-thread-page]").WaitForAsync();
        await page.Locator("[data-testid=board-welcome]").Filter(new() { HasText = "欢迎加入，祝开门红！" }).WaitForAsync();

        var title = $"代发工资营销心得（{screen}）";
        await Field(page, "thread-title-input").FillAsync(title);
        await Field(page, "thread-body").FillAsync("今年重点走访代发企业。\n- 梳理名单\n- 上门走访");
        await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath($"community-new-thread-{screen}.png"), FullPage = true });
        await page.ClickAsync("[data-testid=thread-submit]");
        await page.Locator("[data-testid=thread-title]").Filter(new() { HasText = title }).WaitForAsync();
        await page.Locator("[data-testid=thread-page][data-live=on]").WaitForAsync();
        await page.Locator("[data-testid=thread-body] li").Filter(new() { HasText = "上门走访" }).WaitForAsync();

        await page.ClickAsync("[data-testid=like-button]");
        await page.Locator("[data-testid=like-count]").Filter(new() { HasText = "1" }).WaitForAsync();
        await page.ClickAsync("[data-testid=favourite-button]");
        await page.Locator("[data-testid=favourite-button]").Filter(new() { HasText = "已收藏" }).WaitForAsync();
        await Field(page, "reply-editor").FillAsync("补充：走访前先预约。");
        await page.ClickAsync("[data-testid=reply-submit]");
        await page.Locator("[data-testid=reply-item]").Filter(new() { HasText = "走访前先预约" }).WaitForAsync();

        // A colleague replies and likes through the API: the open page shows both without a reload.
        var threadId = Guid.Parse(page.Url.Split('/')[^1]);
        var colleague = await app.ClientForAsync("staff0102");
        var rules = await colleague.GetFromJsonAsync<JsonElement>($"/api/community/boards/{boardId}");
        _ = await colleague.PostAsJsonAsync($"/api/community/boards/{boardId}/join", new { rulesVersion = rules.GetProperty("rulesVersion").GetInt32() });
        var reply = await colleague.PostAsJsonAsync($"/api/community/threads/{threadId}/replies", new { body = "<p>学习了，谢谢分享！</p>", anonymous = false });
        Assert.True(reply.IsSuccessStatusCode, await reply.Content.ReadAsStringAsync());
        await page.Locator("[data-testid=reply-item]").Filter(new() { HasText = "学习了，谢谢分享" }).WaitForAsync(new() { Timeout = 20_000 });
        _ = await colleague.PostAsync($"/api/community/threads/{threadId}/like", null);
        await page.Locator("[data-testid=like-count]").Filter(new() { HasText = "2" }).WaitForAsync(new() { Timeout = 20_000 });
        await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath($"community-thread-{screen}.png"), FullPage = true });
        if (width <= 390)
        {
            var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
            Assert.False(overflow, "The thread page is wider than the phone's screen.");
        }

        await page.GotoAsync("/community/favourites");
        await page.Locator("[data-testid=thread-row]").Filter(new() { HasText = title }).WaitForAsync();
    }

    private static ILocator Field(IPage page, string testId) =>
        page.Locator($"input[data-testid={testId}], textarea[data-testid={testId}], [data-testid={testId}] input, [data-testid={testId}] textarea").First;
}
