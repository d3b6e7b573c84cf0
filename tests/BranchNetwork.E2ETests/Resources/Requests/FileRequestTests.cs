using Microsoft.Playwright;

namespace BranchNetwork.E2ETests.Resources.Requests;

/// <summary>
/// RR-1 in Chromium: head01 files a material request on a 390 px phone and on a desktop — chooses the kind, fills the
/// item's fields, sees the route preview name the approvers, submits — and finds it on the request's page (已提交) and in
/// the list. Screenshots: docs/images/resources-request-*.png.
/// </summary>
public sealed class FileRequestTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Theory]
    [Trait("Spec", "RR-1")]
    [Trait("Spec", "RR-2")]
    [InlineData(390, 844, "phone")]
    [InlineData(1280, 800, "desktop")]
    public async Task Head01_files_a_material_request_sees_the_route_preview_submits_and_finds_it_in_the_list(int width, int height, string screen)
    {
        app.RequireBrowser();
        var title = $"网点宣传折页（{screen}）";
        var head = await app.SignedInPageAsync("head01", width: width, height: height);
        await head.GotoAsync("/resources/new");
        await BrowserApp.WaitForLiveCircuitAsync(head);

        var kind = head.Locator("[data-testid=request-kind]");
        await kind.WaitForAsync();
        await kind.GetByText("资金", new() { Exact = true }).First.ClickAsync();
        await Field(head, "request-amount").WaitForAsync();
        await kind.GetByText("物资", new() { Exact = true }).First.ClickAsync();
        await Field(head, "request-item-name").WaitForAsync();
        await Field(head, "request-title").FillAsync(title);
        await Field(head, "request-justification").FillAsync("开门红期间各网点宣传折页不足，需补充印制。");
        await Field(head, "request-item-name").FillAsync("宣传折页");
        await Field(head, "request-quantity").FillAsync("500");
        await Field(head, "request-unit").FillAsync("份");
        await Field(head, "request-needed-by").FillAsync("2026-06-30");

        // The preview names who will decide: the material route's head-office supervisors, any of them.
        var preview = head.Locator("[data-testid=route-preview]");
        await preview.Locator("[data-testid=route-preview-step]").Filter(new() { HasText = "综合管理审批" }).WaitForAsync();
        await preview.Locator("[data-testid=route-preview-step]").Filter(new() { HasText = "分行督导" }).First.WaitForAsync();
        await head.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath($"resources-request-form-{screen}.png"), FullPage = true });

        await head.ClickAsync("[data-testid=request-submit]");
        await head.Locator("[data-testid=request-state]").Filter(new() { HasText = "已提交" }).WaitForAsync();
        await head.Locator("[data-testid=request-step]").First.WaitForAsync();
        Assert.True(await head.Locator("[data-testid=request-action]").CountAsync() >= 2, "The operation record misses the creation and the submission.");
        await head.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath($"resources-request-page-{screen}.png"), FullPage = true });

        await head.GotoAsync("/resources");
        var row = head.Locator("[data-testid=request-row]").Filter(new() { HasText = title });
        await row.WaitForAsync();
        await row.Locator("[data-testid=request-row-state]").Filter(new() { HasText = "已提交" }).WaitForAsync();
        await head.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath($"resources-request-list-{screen}.png"), FullPage = true });
        if (width <= 390)
        {
            var overflow = await head.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
            Assert.False(overflow, "The list is wider than the phone's screen.");
        }
    }

    [Fact]
    [Trait("Spec", "RR-1")]
    public async Task Staff_typing_the_requests_address_are_told_in_chinese_that_their_role_has_no_access_and_see_no_list()
    {
        app.RequireBrowser();
        var staff = await app.SignedInPageAsync("staff0101");
        await staff.GotoAsync("/resources");
        await staff.GetByText("您的角色无权访问此页面。").WaitForAsync();
        Assert.Equal(0, await staff.Locator("[data-testid=request-row]").CountAsync());
        Assert.Equal(0, await staff.GetByText("SubBranchHead").CountAsync());
    }

    private static ILocator Field(IPage page, string testId) =>
        page.Locator($"input[data-testid={testId}], textarea[data-testid={testId}], [data-testid={testId}] input, [data-testid={testId}] textarea").First;
}
