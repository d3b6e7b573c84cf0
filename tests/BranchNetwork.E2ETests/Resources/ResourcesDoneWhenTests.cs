using Microsoft.Playwright;

namespace BranchNetwork.E2ETests.Resources;

/// <summary>
/// The Resources module's definition of done in Chromium (issue 14): head01 files a money request above the ¥50,000
/// threshold → sees the route preview with the leader's step → submits → the supervisor approves and head01's open
/// request page and bell show it without a reload → the leader partially approves → head01 sees the granted amount and
/// the operation record. The demo routes are the scaffold's: money goes to 分行督导, then above ¥50,000 to 分行分管行长.
/// </summary>
public sealed class ResourcesDoneWhenTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Title = "开门红营销活动经费";

    [Fact]
    [Trait("Spec", "RR-1")]
    [Trait("Spec", "RR-2")]
    public async Task A_money_request_above_the_threshold_goes_to_the_leader_and_comes_back_partially_approved()
    {
        app.RequireBrowser();

        // head01 files the request and previews the route before submitting.
        var head = await app.SignedInPageAsync("head01");
        await head.GotoAsync("/resources/new");
        await BrowserApp.WaitForLiveCircuitAsync(head);
        await ChooseKindAsync(head, "资金");
        await Field(head, "request-title").FillAsync(Title);
        await Field(head, "request-justification").FillAsync("开门红期间举办三场客户沙龙，需场地与礼品费用。");
        await Field(head, "request-amount").FillAsync("80000");
        await Field(head, "request-budget-category").FillAsync("营销费用");
        await Field(head, "request-needed-by").FillAsync("2026-06-30");
        var preview = head.Locator("[data-testid=route-preview]");
        await preview.Locator("[data-testid=route-preview-step]").Filter(new() { HasText = "分行分管行长" }).WaitForAsync();
        await preview.Locator("[data-testid=route-preview-step]").Filter(new() { HasText = "分行督导" }).First.WaitForAsync();
        Assert.Equal(2, await preview.Locator("[data-testid=route-preview-step]").CountAsync());
        await head.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("resources-done-preview.png"), FullPage = true });
        await head.ClickAsync("[data-testid=request-submit]");
        // The form saves, submits and goes on to the request's page in the same circuit (no page load).
        await head.Locator("[data-testid=request-state]").Filter(new() { HasText = "已提交" }).WaitForAsync();
        var requestPath = new Uri(head.Url).AbsolutePath;
        Assert.Matches("^/resources/[0-9a-f-]{36}$", requestPath);
        await head.EvaluateAsync("() => window.__requestNotReloaded = true");
        var bellBefore = await BellCountAsync(head);

        // The supervisor approves the whole amount at the first step.
        var supervisor = await app.SignedInPageAsync("supervisor");
        await supervisor.GotoAsync(requestPath);
        await BrowserApp.WaitForLiveCircuitAsync(supervisor);
        await Field(supervisor, "approval-comment").FillAsync("同意，报分管行长审批。");
        await supervisor.ClickAsync("[data-testid=approval-approve]");
        await supervisor.Locator("[data-testid=request-action]").Filter(new() { HasText = "同意" }).First.WaitForAsync();

        // head01 sees it live: the operation record and the bell, without a reload.
        await head.Locator("[data-testid=request-action]").Filter(new() { HasText = "分行督导" }).Filter(new() { HasText = "同意" }).WaitForAsync();
        await head.WaitForFunctionAsync("before => Number(document.querySelector('[data-testid=bell-count]')?.textContent?.trim() || '0') > before", bellBefore);
        Assert.True(await head.EvaluateAsync<bool>("() => window.__requestNotReloaded === true"), "The request page was reloaded.");

        // The leader grants ¥50,000 of the ¥80,000.
        var leader = await app.SignedInPageAsync("leader");
        await leader.GotoAsync(requestPath);
        await BrowserApp.WaitForLiveCircuitAsync(leader);
        await Field(leader, "approval-granted").FillAsync("50000");
        await Field(leader, "approval-comment").FillAsync("先拨付五万元，活动后据实结算。");
        await leader.ClickAsync("[data-testid=approval-approve]");

        // head01 sees the granted amount and the whole operation record, on a desktop and on a phone.
        await head.Locator("[data-testid=request-state]").Filter(new() { HasText = "部分批准" }).WaitForAsync();
        await head.Locator("[data-testid=request-granted]").Filter(new() { HasText = "50,000" }).WaitForAsync();
        await head.Locator("[data-testid=request-action]").Filter(new() { HasText = "分行分管行长" }).Filter(new() { HasText = "先拨付五万元" }).WaitForAsync();
        Assert.True(await head.Locator("[data-testid=request-action]").CountAsync() >= 4, "The operation record misses steps (created, submitted, two decisions).");
        await head.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("resources-done-request.png"), FullPage = true });

        var phone = await app.SignedInPageAsync("head01", width: 390, height: 844);
        await phone.GotoAsync(requestPath);
        await BrowserApp.WaitForLiveCircuitAsync(phone);
        await phone.Locator("[data-testid=request-granted]").Filter(new() { HasText = "50,000" }).WaitForAsync();
        Assert.True(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The request page scrolls sideways on a phone.");
        await phone.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("resources-done-request-390.png"), FullPage = true });
    }

    private static async Task ChooseKindAsync(IPage page, string kind)
    {
        var choice = page.Locator("[data-testid=request-kind]");
        await choice.WaitForAsync();
        await choice.GetByText(kind, new() { Exact = true }).First.ClickAsync();
    }

    private static ILocator Field(IPage page, string testId) =>
        page.Locator($"input[data-testid={testId}], textarea[data-testid={testId}], [data-testid={testId}] input, [data-testid={testId}] textarea").First;

    // The bell's unread count (the element is there, hidden, at zero).
    private static Task<int> BellCountAsync(IPage page) =>
        page.EvaluateAsync<int>("() => Number(document.querySelector('[data-testid=bell-count]')?.textContent?.trim() || '0')");
}
