using Microsoft.Playwright;

namespace BranchNetwork.E2ETests;

public sealed class ShellTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    [Trait("Spec", "ORG-4")]
    [Trait("Spec", "ORG-3")]
    public async Task A_sub_branch_head_signs_in_sees_the_home_page_and_switches_to_english()
    {
        var page = await app.SignedInPageAsync("head01");

        Assert.Equal("您好，支行01行长", (await page.InnerTextAsync("[data-testid=home-greeting]")).Trim());
        Assert.Contains("本期考核表", await page.InnerTextAsync("[data-testid=home-card-SheetStanding]"), StringComparison.Ordinal);
        // Admin navigation is not offered to a sub-branch head.
        Assert.Equal(0, await page.Locator("[data-testid=nav-users]").CountAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserApp.ScreenshotPath("home-head01-zh.png"), FullPage = true });

        await ClickWhenLiveAsync(page, "[data-testid=language-switch]", "Hello, 支行01行长");

        Assert.Equal("Hello, 支行01行长", (await page.InnerTextAsync("[data-testid=home-greeting]")).Trim());
        Assert.Contains("This period's assessment sheet", await page.InnerTextAsync("[data-testid=home-card-SheetStanding]"), StringComparison.Ordinal);
        Assert.Equal("en", await page.EvaluateAsync<string>("document.documentElement.lang"));

        await ClickWhenLiveAsync(page, "[data-testid=language-switch]", "您好，支行01行长");
    }

    [Fact]
    [Trait("Spec", "ORG-4")]
    public async Task The_home_page_fits_a_390_pixel_phone_screen()
    {
        var page = await app.SignedInPageAsync("staff0101", width: 390, height: 844);

        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 390, $"page is {scrollWidth}px wide on a 390px screen");
        Assert.True(await page.IsVisibleAsync("[data-testid=home-card-Unread]"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserApp.ScreenshotPath("home-staff-phone.png"), FullPage = true });
    }

    [Fact]
    [Trait("Spec", "ORG-4")]
    public async Task A_wrong_password_shows_the_error_in_chinese()
    {
        var context = await app.RequireBrowser().NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl, Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#userName", "head02");
        await page.FillAsync("#password", "not-the-password");
        await page.ClickAsync("[data-testid=sign-in]");

        Assert.Contains("用户名或密码错误", await page.InnerTextAsync("[data-testid=sign-in-error]"), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Spec", "ORG-1")]
    [Trait("Spec", "ORG-2")]
    public async Task A_system_admin_finds_a_user_in_the_user_list()
    {
        var page = await app.SignedInPageAsync("admin");
        Assert.Equal(1, await page.Locator("[data-testid=nav-users]").CountAsync());
        await page.GotoAsync("/admin/users");
        await page.Locator("[data-testid=users-table]").GetByText("head01", new() { Exact = true }).WaitForAsync();

        var table = await page.InnerTextAsync("[data-testid=users-table]");
        Assert.Contains("head01", table, StringComparison.Ordinal);
        Assert.Contains("支行01行长", table, StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserApp.ScreenshotPath("admin-users-zh.png") });
    }

    /// <summary>Interactive buttons work once the Blazor circuit is up: wait for it, click once, wait for the effect.</summary>
    private static async Task ClickWhenLiveAsync(IPage page, string selector, string effect)
    {
        await BrowserApp.WaitForLiveCircuitAsync(page);
        await page.ClickAsync(selector);
        await page.Locator($"text={effect}").First.WaitForAsync();
    }
}
