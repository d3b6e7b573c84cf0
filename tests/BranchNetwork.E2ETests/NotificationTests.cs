using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace BranchNetwork.E2ETests;

public sealed class NotificationTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    [Trait("Spec", "NT-1")]
    public async Task A_supervisors_announcement_raises_the_sub_branch_heads_bell_count_without_a_reload()
    {
        // Signed in means the live circuit and the notification hub are up (BrowserApp waits for both).
        var head = await app.SignedInPageAsync("head01");
        var before = int.Parse((await head.Locator("[data-testid=bell-count]").TextContentAsync())!.Trim());

        var supervisor = await app.SignedInPageAsync("supervisor");
        await supervisor.ClickAsync("[data-testid=nav-announcements]");
        await supervisor.WaitForURLAsync("**/notifications/announcements");
        // The announcement list loads in the live circuit: once it shows, the form is live too.
        await supervisor.Locator("[data-testid=announcements-table], .mud-alert").First.WaitForAsync();
        await supervisor.Locator("input[data-testid=announcement-title], [data-testid=announcement-title] input").FillAsync("本周五网点检查");
        await supervisor.Locator("textarea[data-testid=announcement-body], [data-testid=announcement-body] textarea").FillAsync("请各支行做好准备。");
        await supervisor.ClickAsync("[data-testid=announcement-publish]");
        // Everyone in the bank gets it: the supervisor is told how many people first, and confirms.
        var confirmation = supervisor.Locator(".mud-dialog").Filter(new() { HasText = "将向全行的" });
        await confirmation.GetByRole(AriaRole.Button, new() { Name = "发布", Exact = true }).ClickAsync();
        await supervisor.Locator("[data-testid=announcements-table]").GetByText("本周五网点检查").WaitForAsync();

        // The pushed notification raises the count in place: wait for that state, not for a time.
        var bell = head.Locator("[data-testid=bell-count]");
        await head.Locator("[data-testid=bell-count]", new() { HasTextRegex = new Regex($@"^\s*{before + 1}\s*$") }).WaitForAsync(new() { State = WaitForSelectorState.Attached });
        Assert.Equal(before + 1, int.Parse((await bell.TextContentAsync())!.Trim()));
        await head.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserApp.ScreenshotPath("bell-head01-zh.png") });

        await head.ClickAsync("[data-testid=nav-inbox]");
        await head.Locator("[data-testid=inbox]").GetByText("本周五网点检查").WaitForAsync();
    }
}
