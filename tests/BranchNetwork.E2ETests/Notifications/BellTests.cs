using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace BranchNetwork.E2ETests.Notifications;

/// <summary>
/// Issue 11: the bell is a button named in the reader's language; it opens a panel of the latest items, unread first;
/// clicking one opens what it is about and marks it read; the menu shows a red count where a notification waits.
/// </summary>
public sealed class BellTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    [Trait("Spec", "NT-1")]
    public async Task Clicking_a_notification_in_the_bell_opens_its_sheet_and_marks_it_read()
    {
        var head = await app.SignedInPageAsync("head01");
        var bell = head.Locator("[data-testid=bell]");
        var before = await CountAsync(head);

        // The supervisor prompts 支行01 on the demo quarter's scheme: head01 is told, with a link to the sheet.
        var (schemeId, subBranchId) = await PromptSubBranch01Async("请在周五前提交存款营销方案" + Guid.NewGuid().ToString("N")[..4]);
        await head.Locator("[data-testid=bell-count]", new() { HasTextRegex = new Regex($@"^\s*{before + 1}\s*$") }).WaitForAsync(new() { State = WaitForSelectorState.Attached });

        // A real button whose name says how many are waiting; the menu counts the waiting item under 考核方案.
        Assert.Equal("button", await bell.EvaluateAsync<string>("b => b.tagName.toLowerCase()"));
        Assert.Equal($"消息，{before + 1} 条未读", await bell.GetAttributeAsync("aria-label"));
        var navCount = head.Locator("[data-testid=nav-assessment] [data-testid=nav-count]");
        await navCount.WaitForAsync();
        var waitingUnderAssessment = int.Parse((await navCount.GetAttributeAsync("data-count"))!, System.Globalization.CultureInfo.InvariantCulture);

        await DismissToastAsync(head);
        await bell.ClickAsync();
        var panel = head.Locator("[data-testid=bell-panel]");
        var item = panel.Locator("[data-testid=bell-item][data-read=false]").Filter(new() { HasText = "督导提示" }).First;
        await item.WaitForAsync();
        // Unread first: the first item of the panel is an unread one.
        Assert.Equal("false", await panel.Locator("[data-testid=bell-item]").First.GetAttributeAsync("data-read"));
        var sheetPath = $"/assessment/schemes/{schemeId}/sheets/{subBranchId}";
        Assert.Equal(sheetPath, await item.GetAttributeAsync("href"));
        await SettledAsync(panel);
        await head.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserApp.ScreenshotPath("bell-panel.png") });

        await item.ClickAsync();
        await head.Locator("[data-testid=sheet-title]").Filter(new() { HasText = "支行01" }).WaitForAsync();
        Assert.EndsWith(sheetPath, new Uri(head.Url).AbsolutePath, StringComparison.Ordinal);

        // Read: the bell counts one fewer, the menu's count drops, and the item shows as read in the panel.
        await head.Locator("[data-testid=bell-count]", new() { HasTextRegex = new Regex($@"^\s*{before}\s*$") }).WaitForAsync(new() { State = WaitForSelectorState.Attached });
        if (waitingUnderAssessment == 1)
        {
            await navCount.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        }
        else
        {
            await head.Locator($"[data-testid=nav-assessment] [data-testid=nav-count][data-count='{waitingUnderAssessment - 1}']").WaitForAsync();
        }

        await bell.ClickAsync();
        await panel.Locator("[data-testid=bell-item][data-read=true]").Filter(new() { HasText = "督导提示" }).First.WaitForAsync();
        Assert.Equal(sheetPath, await panel.Locator("[data-testid=bell-item][data-read=true]").Filter(new() { HasText = "督导提示" }).First.GetAttributeAsync("href"));

        // Opened another way (from the results page, not the bell), the item's notification is read too.
        await head.Keyboard.PressAsync("Escape");
        await head.GotoAsync($"/assessment/schemes/{schemeId}");
        await BrowserApp.WaitForLiveCircuitAsync(head);
        await PromptSubBranch01Async("请补充本周营销记录" + Guid.NewGuid().ToString("N")[..4]);
        await head.Locator("[data-testid=bell-count]", new() { HasTextRegex = new Regex($@"^\s*{before + 1}\s*$") }).WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await head.ClickAsync("[data-testid=sheet-link-SB01]");
        await head.Locator("[data-testid=sheet-title]").Filter(new() { HasText = "支行01" }).WaitForAsync();
        await head.Locator("[data-testid=bell-count]", new() { HasTextRegex = new Regex($@"^\s*{before}\s*$") }).WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }

    [Fact]
    [Trait("Spec", "NT-1")]
    public async Task On_a_phone_the_bell_panel_fits_the_screen_and_an_inbox_title_opens_its_item()
    {
        var head = await app.SignedInPageAsync("head01", width: 390, height: 844);
        var before = await CountAsync(head);
        var message = "请本周内完成贷款客户回访" + Guid.NewGuid().ToString("N")[..4];
        var (schemeId, subBranchId) = await PromptSubBranch01Async(message);
        await head.Locator("[data-testid=bell-count]", new() { HasTextRegex = new Regex($@"^\s*{before + 1}\s*$") }).WaitForAsync(new() { State = WaitForSelectorState.Attached });

        await DismissToastAsync(head);
        await head.ClickAsync("[data-testid=bell]");
        var panel = head.Locator("[data-testid=bell-panel]");
        await panel.Locator("[data-testid=bell-item][data-read=false]").First.WaitForAsync();
        var box = (await panel.BoundingBoxAsync())!;
        Assert.True(box.X >= 0 && box.X + box.Width <= 390, $"the bell panel spans {box.X}–{box.X + box.Width}px on a 390px screen");
        await SettledAsync(panel);
        await head.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserApp.ScreenshotPath("bell-panel-390.png") });
        await head.Keyboard.PressAsync("Escape");
        await panel.WaitForAsync(new() { State = WaitForSelectorState.Hidden });

        // The inbox's titles lead to their item too, and opening one marks it read.
        await head.GotoAsync("/notifications");
        await BrowserApp.WaitForLiveCircuitAsync(head);
        var entry = head.Locator("[data-testid=inbox-item][data-read=false]").Filter(new() { HasText = message });
        await entry.Locator("[data-testid=inbox-link]").ClickAsync();
        await head.Locator("[data-testid=sheet-title]").Filter(new() { HasText = "支行01" }).WaitForAsync();
        Assert.EndsWith($"/assessment/schemes/{schemeId}/sheets/{subBranchId}", new Uri(head.Url).AbsolutePath, StringComparison.Ordinal);
        await head.Locator("[data-testid=bell-count]", new() { HasTextRegex = new Regex($@"^\s*{before}\s*$") }).WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }

    /// <summary>The live toast of the new notification, closed so it does not cover the panel in the screenshot.</summary>
    private static async Task DismissToastAsync(IPage page)
    {
        var toast = page.Locator(".mud-snackbar").Filter(new() { HasText = "督导提示" }).First;
        await toast.WaitForAsync();
        await toast.Locator("button").First.ClickAsync();
        await toast.WaitForAsync(new() { State = WaitForSelectorState.Detached });
    }

    /// <summary>Waits until the panel's opening transition has finished (a state of the page, not a time).</summary>
    private static async Task SettledAsync(ILocator panel) =>
        await panel.EvaluateAsync("el => Promise.all(el.closest('.mud-popover').getAnimations({ subtree: true }).map(a => a.finished))");

    private static async Task<int> CountAsync(IPage page) =>
        int.Parse((await page.Locator("[data-testid=bell-count]").TextContentAsync())!.Trim(), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The supervisor's prompt (督导提示) to 支行01 on the demo quarter's scheme, through the API.</summary>
    private async Task<(Guid SchemeId, Guid SubBranchId)> PromptSubBranch01Async(string message)
    {
        var head = await app.ClientForAsync("head01");
        var subBranchId = JsonDocument.Parse(await head.GetStringAsync("/api/me")).RootElement.GetProperty("unit").GetProperty("id").GetGuid();
        var supervisor = await app.ClientForAsync("supervisor");
        var schemes = JsonDocument.Parse(await supervisor.GetStringAsync("/api/assessment/schemes?pageSize=200")).RootElement.GetProperty("items");
        var schemeId = schemes.EnumerateArray().First(s => s.GetProperty("name").GetString()!.Contains("季度支行综合考核", StringComparison.Ordinal) && s.GetProperty("status").GetString() == "Published").GetProperty("id").GetGuid();
        var response = await supervisor.PostAsJsonAsync("/api/assessment/warnings", new { schemeId, subBranchId, kind = "Prompt", message });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (schemeId, subBranchId);
    }
}
