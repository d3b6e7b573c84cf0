using Microsoft.Playwright;

namespace BranchNetwork.E2ETests;

public sealed class NotificationTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    [Trait("Spec", "NT-1")]
    public async Task A_supervisors_announcement_raises_the_sub_branch_heads_bell_count_without_a_reload()
    {
        var head = await app.SignedInPageAsync("head01");
        await head.WaitForSelectorAsync("html[data-notifications-hub=connected]", new() { State = WaitForSelectorState.Attached });
        var before = int.Parse((await head.Locator("[data-testid=bell-count]").TextContentAsync())!.Trim());

        var supervisor = await app.SignedInPageAsync("supervisor");
        await supervisor.ClickAsync("[data-testid=nav-announcements]");
        await supervisor.WaitForSelectorAsync("html[data-notifications-hub=connected]", new() { State = WaitForSelectorState.Attached });
        await supervisor.Locator("input[data-testid=announcement-title], [data-testid=announcement-title] input").FillAsync("本周五网点检查");
        await supervisor.Locator("textarea[data-testid=announcement-body], [data-testid=announcement-body] textarea").FillAsync("请各支行做好准备。");
        await supervisor.ClickAsync("[data-testid=announcement-publish]");
        await supervisor.Locator("[data-testid=announcements-table]").GetByText("本周五网点检查").WaitForAsync();

        var bell = head.Locator("[data-testid=bell-count]");
        for (var i = 0; i < 100 && int.Parse((await bell.TextContentAsync())!.Trim()) <= before; i++)
        {
            await head.WaitForTimeoutAsync(200);
        }

        Assert.Equal(before + 1, int.Parse((await bell.TextContentAsync())!.Trim()));
        await head.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserApp.ScreenshotPath("bell-head01-zh.png") });

        await head.ClickAsync("[data-testid=nav-inbox]");
        await head.Locator("[data-testid=inbox]").GetByText("本周五网点检查").WaitForAsync();
    }
}
