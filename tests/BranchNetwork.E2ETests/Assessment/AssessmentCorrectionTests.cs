using System.Globalization;
using Microsoft.Playwright;

namespace BranchNetwork.E2ETests.Assessment;

/// <summary>
/// AS-4 corrections in Chromium: on the demo quarter's scheme the supervisor records a value on a sub-branch's sheet,
/// corrects that latest entry with a reason, and the history keeps the old entry marked superseded while the new
/// value is in force (also on the sheet's actual column), on a phone-sized screen.
/// </summary>
public sealed class AssessmentCorrectionTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    [Trait("Spec", "AS-4")]
    public async Task A_supervisor_corrects_the_latest_entry_with_a_reason_and_the_history_keeps_the_superseded_one()
    {
        var reason = "录入时多输了一位" + Guid.NewGuid().ToString("N")[..4];
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(app.Clock.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")));
        var day = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var supervisor = await app.SignedInPageAsync("supervisor", width: 390, height: 844);
        await OpenDemoSheetAsync(supervisor, "SB05", "支行05");

        // The history follows the selected indicator: 新增有效客户 (CUST-NEW), which heads may enter too.
        await supervisor.ClickAsync("[data-testid=trend-chip-CUST-NEW]");
        await supervisor.WaitForSelectorAsync("[data-testid=progress-form]");
        await Field(supervisor, "progress-date").FillAsync(day);
        await SetAsync(supervisor, "[data-testid=progress-CUST-NEW]", "770");
        await supervisor.ClickAsync("[data-testid=progress-save]");
        await supervisor.Locator("[data-testid=actual-CUST-NEW]").Filter(new() { HasText = "(" + day + ")" }).Filter(new() { HasText = "770" }).WaitForAsync();

        // The newest entry is listed first and is in force; the supervisor corrects it.
        var latest = supervisor.Locator("[data-testid=history] tbody tr").First;
        await latest.Locator("[data-testid=history-value]").Filter(new() { HasText = "770" }).WaitForAsync();
        var entry = latest.Locator("[data-testid=history-entry]");
        Assert.Equal("false", await entry.GetAttributeAsync("data-superseded"));
        var oldId = await entry.GetAttributeAsync("data-entry-id");
        Assert.False(string.IsNullOrEmpty(oldId));
        await latest.Locator("[data-testid=history-correct]").ClickAsync();
        await supervisor.WaitForSelectorAsync("[data-testid=correction-form]");

        // Without a reason the handler refuses and the message shows on the field; nothing is written.
        await Field(supervisor, "correction-value").FillAsync("77");
        await Field(supervisor, "correction-value").PressAsync("Tab");
        await supervisor.ClickAsync("[data-testid=correction-save]");
        await supervisor.Locator("[data-testid=correction-form] .mud-input-helper-text.mud-input-error").First.WaitForAsync();
        Assert.Equal("false", await supervisor.GetAttributeAsync($"[data-testid=history-entry][data-entry-id='{oldId}']", "data-superseded"));

        await supervisor.Locator("[data-testid=correction-reason] textarea, textarea[data-testid=correction-reason]").First.FillAsync(reason);
        await supervisor.ClickAsync("[data-testid=correction-save]");

        // The old entry stays in the history, marked superseded; the correction is in force with its reason.
        await supervisor.Locator($"[data-testid=history-entry][data-entry-id='{oldId}'][data-superseded=true]").WaitForAsync();
        var correction = supervisor.Locator("[data-testid=history] tbody tr").Filter(new() { Has = supervisor.Locator("[data-testid=history-entry][data-correction=true][data-superseded=false]") }).Filter(new() { HasText = reason });
        await correction.WaitForAsync();
        Assert.Equal("77", (await correction.Locator("[data-testid=history-value]").InnerTextAsync()).Trim());
        Assert.Equal(0, await supervisor.Locator($"[data-testid=history] tbody tr:has([data-entry-id='{oldId}']) [data-testid=history-correct]").CountAsync());
        await supervisor.Locator("[data-testid=actual-CUST-NEW]").Filter(new() { HasText = "(" + day + ")" }).Filter(new() { HasText = "77" }).WaitForAsync();
        Assert.DoesNotContain("770", await supervisor.InnerTextAsync("[data-testid=actual-CUST-NEW]"), StringComparison.Ordinal);

        var scrollWidth = await supervisor.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 390, $"the sheet is {scrollWidth}px wide on a 390px screen");
    }

    [Fact]
    [Trait("Spec", "AS-6")]
    public async Task A_head_who_acknowledges_one_of_two_prompts_without_a_response_sees_the_error_under_that_prompt_only()
    {
        var tag = Guid.NewGuid().ToString("N")[..4];
        var (first, second) = ("请补充本周存款营销计划" + tag, "请说明投诉处理进展" + tag);

        var supervisor = await app.SignedInPageAsync("supervisor");
        await OpenDemoSheetAsync(supervisor, "SB06", "支行06");
        foreach (var message in new[] { first, second })
        {
            await supervisor.Locator("[data-testid=issue-message] textarea, textarea[data-testid=issue-message]").First.FillAsync(message);
            await supervisor.ClickAsync("[data-testid=issue-send]");
            await supervisor.Locator("[data-testid=warning]").Filter(new() { HasText = message }).WaitForAsync();
        }

        var head = await app.SignedInPageAsync("head06", width: 390, height: 844);
        await head.GotoAsync(new Uri(supervisor.Url).PathAndQuery);
        await WaitForHubAsync(head);
        var firstCard = head.Locator("[data-testid=warning][data-status=Open]").Filter(new() { HasText = first });
        var secondCard = head.Locator("[data-testid=warning][data-status=Open]").Filter(new() { HasText = second });
        await firstCard.Locator("[data-testid=warning-ack]").ClickAsync();

        await firstCard.Locator(".mud-input-helper-text.mud-input-error").First.WaitForAsync();
        Assert.Equal(0, await secondCard.Locator(".mud-input-helper-text.mud-input-error").CountAsync());
        Assert.Equal(1, await head.Locator("[data-testid=warning] .mud-input-helper-text.mud-input-error").CountAsync());
    }

    /// <summary>Opens a sub-branch's sheet of the demo quarter's scheme from the scheme list, as a user would.</summary>
    private static async Task OpenDemoSheetAsync(IPage page, string code, string name)
    {
        await page.GotoAsync("/assessment");
        await WaitForHubAsync(page);
        await page.Locator("[data-testid=schemes-table] [data-testid=scheme-link]").Filter(new() { HasText = "季度支行综合考核" }).First.ClickAsync();
        await page.WaitForSelectorAsync("[data-testid=heatmap]");
        await WaitForHubAsync(page);
        await page.ClickAsync($"[data-testid=sheet-link-{code}]");
        await page.Locator("[data-testid=sheet-title]").Filter(new() { HasText = name }).WaitForAsync();
        await WaitForHubAsync(page);
    }

    private static ILocator Field(IPage page, string testId) =>
        page.Locator($"input[data-testid={testId}], [data-testid={testId}] input").First;

    /// <summary>Fills a plain input and leaves it, so its change event reaches the circuit.</summary>
    private static async Task SetAsync(IPage page, string selector, string value)
    {
        await page.FillAsync(selector, value);
        await page.PressAsync(selector, "Tab");
    }

    private static async Task WaitForHubAsync(IPage page) =>
        await page.WaitForSelectorAsync("html[data-notifications-hub=connected]", new() { State = WaitForSelectorState.Attached });
}
