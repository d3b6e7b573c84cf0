using System.Globalization;
using System.Text;
using Microsoft.Playwright;

namespace BranchNetwork.E2ETests.Assessment;

/// <summary>
/// The assessment module end to end in Chromium, as the definition of done: a TaskAdmin builds and
/// publishes a scheme, the sub-branch head sees the sheet and a live notification, the supervisor enters progress
/// and the warning evaluation flags 支行01, the head acknowledges, the scheme closes, the ranking shows and exports.
/// </summary>
public sealed class AssessmentWalkthroughTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly string[] SubBranchCodes = ["SB01", "SB02", "SB03", "SB04", "SB05", "SB06", "SB07", "SB08"];

    [Fact]
    [Trait("Spec", "AS-2")]
    [Trait("Spec", "AS-3")]
    [Trait("Spec", "AS-4")]
    [Trait("Spec", "AS-5")]
    [Trait("Spec", "AS-6")]
    [Trait("Spec", "AS-8")]
    [Trait("Spec", "AS-9")]
    public async Task A_scheme_goes_from_draft_to_published_warned_acknowledged_closed_ranked_and_exported()
    {
        var schemeName = "E2E考核" + Guid.NewGuid().ToString("N")[..6];
        // The bank's calendar day (the app dates progress and time progress in China Standard Time).
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(app.Clock.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")));
        var start = today.AddDays(-22);
        var end = today.AddDays(7);

        // head01 waits on a phone-sized screen with the live hub connected, to see the notification arrive.
        var head = await app.SignedInPageAsync("head01", width: 390, height: 844);
        await WaitForHubAsync(head);
        var bellBefore = await BellCountAsync(head);

        // TaskAdmin builds the scheme in the UI: custom period around today, two demo indicators weighted 60/40.
        var admin = await app.SignedInPageAsync("taskadmin");
        await admin.GotoAsync("/assessment");
        await WaitForHubAsync(admin);
        await admin.ClickAsync("[data-testid=new-scheme]");
        await admin.WaitForSelectorAsync("[data-testid=scheme-form]");
        await WaitForHubAsync(admin);
        await Field(admin, "scheme-name").FillAsync(schemeName);
        await admin.ClickAsync("[data-testid=period-Custom]");
        await Field(admin, "end-date").WaitForAsync();
        await Field(admin, "start-date").FillAsync(start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await Field(admin, "end-date").FillAsync(end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await SetAsync(admin, "[data-testid=weight-DEP-NEW]", "60");
        await SetAsync(admin, "[data-testid=weight-LOAN-INCL]", "40");
        await admin.Locator("[data-testid=weight-sum]").Filter(new() { HasText = "100 / 100" }).WaitForAsync();
        await admin.ClickAsync("[data-testid=scheme-save]");
        await admin.WaitForURLAsync("**/assessment/schemes/*/edit");
        await admin.WaitForSelectorAsync("[data-testid=target-grid]");

        // Targets come from a CSV import (all or nothing); the grid then has no missing cell.
        var csv = new StringBuilder("支行代码,指标代码,目标值\n");
        foreach (var code in SubBranchCodes)
        {
            csv.Append(code).Append(",DEP-NEW,1000\n").Append(code).Append(",LOAN-INCL,500\n");
        }

        await admin.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "targets.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv.ToString()) });
        await admin.Locator("[data-testid=missing-count]").Filter(new() { HasText = "缺少目标 0 项" }).WaitForAsync();
        Assert.Equal("1,000", await admin.InputValueAsync("[data-testid=target-SB01-DEP-NEW]"));

        await admin.ClickAsync("[data-testid=scheme-publish]");
        await ConfirmAsync(admin, "下发");
        await admin.WaitForURLAsync(url => !url.EndsWith("/edit", StringComparison.Ordinal) && url.Contains("/assessment/schemes/", StringComparison.Ordinal));
        await admin.Locator("[data-testid=scheme-status]").Filter(new() { HasText = "执行中" }).WaitForAsync();
        var schemeUrl = new Uri(admin.Url).AbsolutePath;

        // head01: the bell counts up without a reload, and the new sheet is listed under 我的考核表.
        await WaitUntilAsync(head, async () => await BellCountAsync(head) > bellBefore, "head01's bell did not count the published sheet");
        // The bell may have counted another test's notification first: reload the inbox until this one is listed.
        await InboxListsAsync(head, schemeName);
        await head.GotoAsync("/assessment");
        await WaitForHubAsync(head);
        await head.Locator("[data-testid=my-sheets]").GetByText(schemeName).ClickAsync();
        await head.WaitForSelectorAsync("[data-testid=sheet-title]");
        Assert.Equal("支行01", (await head.InnerTextAsync("[data-testid=sheet-title]")).Trim());
        var sheetPath = new Uri(head.Url).AbsolutePath;
        // Deposits are entered by head office only: the head has no entry field for them.
        Assert.Equal(0, await head.Locator("[data-testid=progress-DEP-NEW]").CountAsync());

        // The supervisor enters 支行01's deposits far behind time progress (two dates, for the trend), 支行02 ahead
        // and 支行03 slightly behind, then runs the warning evaluation.
        var supervisor = await app.SignedInPageAsync("supervisor");
        await supervisor.GotoAsync(sheetPath);
        await WaitForHubAsync(supervisor);
        await RecordAsync(supervisor, today.AddDays(-7), ("DEP-NEW", "50"));
        await RecordAsync(supervisor, today, ("DEP-NEW", "100"));

        await supervisor.GotoAsync(schemeUrl);
        await WaitForHubAsync(supervisor);
        await supervisor.ClickAsync("[data-testid=sheet-link-SB02]");
        await supervisor.Locator("[data-testid=sheet-title]").Filter(new() { HasText = "支行02" }).WaitForAsync();
        await WaitForHubAsync(supervisor);
        await RecordAsync(supervisor, today, ("DEP-NEW", "800"), ("LOAN-INCL", "450"));

        await supervisor.GotoAsync(schemeUrl);
        await WaitForHubAsync(supervisor);
        await supervisor.ClickAsync("[data-testid=sheet-link-SB03]");
        await supervisor.Locator("[data-testid=sheet-title]").Filter(new() { HasText = "支行03" }).WaitForAsync();
        await WaitForHubAsync(supervisor);
        await RecordAsync(supervisor, today, ("DEP-NEW", "700"));

        await supervisor.GotoAsync(schemeUrl);
        await WaitForHubAsync(supervisor);
        await supervisor.ClickAsync("[data-testid=evaluate-warnings]");
        await supervisor.Locator(".mud-snackbar").Filter(new() { HasText = "评估完成" }).WaitForAsync();
        // Heat map: completion − time progress (≈ 76.7%): 10% red, 80% green, 70% amber (within the 10-point margin).
        Assert.Equal("red", await supervisor.GetAttributeAsync("[data-testid=heat-SB01-DEP-NEW]", "data-band"));
        Assert.Contains("10.0%", await supervisor.InnerTextAsync("[data-testid=heat-SB01-DEP-NEW]"), StringComparison.Ordinal);
        Assert.Equal("green", await supervisor.GetAttributeAsync("[data-testid=heat-SB02-DEP-NEW]", "data-band"));
        Assert.Equal("amber", await supervisor.GetAttributeAsync("[data-testid=heat-SB03-DEP-NEW]", "data-band"));
        await supervisor.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserApp.ScreenshotPath("assessment-results.png"), FullPage = true });

        // head01 sees the warning on the sheet and acknowledges it with a response.
        await head.GotoAsync(sheetPath);
        await WaitForHubAsync(head);
        var warning = head.Locator("[data-testid=warning][data-status=Open]").Filter(new() { HasText = "储蓄存款新增" }).First;
        await warning.WaitForAsync();
        await warning.Locator("textarea").First.FillAsync("已组织营销活动，月底前追赶进度。");
        await warning.Locator("[data-testid=warning-ack]").ClickAsync();
        await head.Locator("[data-testid=warning][data-status=Acknowledged]").Filter(new() { HasText = "已组织营销活动" }).WaitForAsync();
        var scrollWidth = await head.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 390, $"the sheet is {scrollWidth}px wide on a 390px screen");
        await head.EvaluateAsync("window.scrollTo(0, 0)");
        await head.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserApp.ScreenshotPath("assessment-sheet.png"), FullPage = true });

        // head01 reads the full ranking and heat map, but only its own sheet is linked (other sheets stay private).
        await head.GotoAsync(schemeUrl);
        await WaitForHubAsync(head);
        await head.Locator("[data-testid=sheet-link-SB01]").WaitForAsync();
        // One snapshot of the page: between the prerendered HTML and the live render the ranking briefly reloads.
        var ranking = await head.EvaluateAsync<int[]>(
            "() => [document.querySelectorAll('[data-testid=ranking] [data-testid=rank]').length, document.querySelectorAll('[data-testid=sheet-link-SB01]').length, document.querySelectorAll('[data-testid=sheet-link-SB02]').length]");
        Assert.Equal([SubBranchCodes.Length, 1, 0], ranking);
        scrollWidth = await head.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 390, $"the results page is {scrollWidth}px wide on a 390px screen");

        // TaskAdmin closes the scheme: the ranking is final and the score table downloads as xlsx.
        await admin.GotoAsync(schemeUrl);
        await WaitForHubAsync(admin);
        await admin.ClickAsync("[data-testid=scheme-close]");
        await ConfirmAsync(admin, "结束考核");
        await admin.Locator("[data-testid=scheme-status]").Filter(new() { HasText = "已结束" }).WaitForAsync();
        await admin.Locator("[data-testid=ranking] [data-testid=rank]").Nth(SubBranchCodes.Length - 1).WaitForAsync();
        Assert.Equal(SubBranchCodes.Length, await admin.Locator("[data-testid=ranking] [data-testid=rank]").CountAsync());

        var download = await admin.RunAndWaitForDownloadAsync(() => admin.ClickAsync("[data-testid=export-xlsx]"));
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.OrdinalIgnoreCase);
        var bytes = await File.ReadAllBytesAsync(await download.PathAsync());
        Assert.True(bytes.Length > 2 && bytes[0] == (byte)'P' && bytes[1] == (byte)'K', "the export is not a zip (xlsx) file");
    }

    [Fact]
    [Trait("Spec", "AS-2")]
    public async Task A_task_admin_makes_a_special_scheme_for_one_business_line_and_it_stays_special_when_edited_again()
    {
        var schemeName = "零售专项" + Guid.NewGuid().ToString("N")[..6];
        var admin = await app.SignedInPageAsync("taskadmin", width: 390, height: 844);
        await admin.GotoAsync("/assessment/schemes/new");
        await admin.WaitForSelectorAsync("[data-testid=scheme-form]");
        await WaitForHubAsync(admin);
        await Field(admin, "scheme-name").FillAsync(schemeName);
        await SetAsync(admin, "[data-testid=weight-DEP-NEW]", "100");
        await admin.ClickAsync("[data-testid=kind-Special]");
        // The business lines show once the circuit has taken the choice: save only then.
        await admin.Locator("[data-testid=business-line]").WaitForAsync();

        // A special scheme without its business line is refused on that field, and nothing is saved.
        await admin.ClickAsync("[data-testid=scheme-save]");
        await admin.Locator("[data-testid=business-line-error]").Filter(new() { HasText = "专项考核须指定条线" }).WaitForAsync();
        Assert.EndsWith("/assessment/schemes/new", admin.Url, StringComparison.Ordinal);

        await admin.ClickAsync("[data-testid=line-HO-RETAIL]");
        await admin.ClickAsync("[data-testid=scheme-save]");
        await admin.WaitForURLAsync("**/assessment/schemes/*/edit");

        // Opened again later, the draft is still special and still for 零售条线, so saving it keeps both.
        await admin.ReloadAsync();
        await WaitForHubAsync(admin);
        // The business lines show only for a special scheme, so the checked one appears once the draft has loaded.
        await admin.Locator("input[type=radio][data-testid=line-HO-RETAIL]:checked, [data-testid=line-HO-RETAIL] input[type=radio]:checked").WaitForAsync();
        Assert.True(await Radio(admin, "kind-Special").IsCheckedAsync());
        Assert.False(await Radio(admin, "line-HO-CORP").IsCheckedAsync());
    }

    [Fact]
    [Trait("Spec", "AS-1")]
    public async Task A_task_admin_in_english_adds_an_indicator_to_the_library_and_retires_it()
    {
        var code = "E2E-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var admin = await app.SignedInPageAsync("taskadmin");
        await admin.GotoAsync("/culture/set?culture=en&redirectUri=%2Fassessment%2Findicators");
        await admin.GetByText("Indicator library").First.WaitForAsync();
        await WaitForHubAsync(admin);
        await admin.Locator("[data-testid=indicators-table]").GetByText("DEP-NEW").WaitForAsync();

        // A code with a space is refused by the validator; the message shows on the field.
        await Field(admin, "indicator-code").FillAsync("BAD CODE");
        await Field(admin, "indicator-name").FillAsync("Mobile banking sign-ups");
        await Field(admin, "indicator-unit").FillAsync("户");
        await admin.ClickAsync("[data-testid=indicator-create]");
        await admin.Locator("[data-testid=indicator-form] .mud-input-helper-text.mud-input-error").First.WaitForAsync();

        await Field(admin, "indicator-code").FillAsync(code);
        await admin.ClickAsync("[data-testid=indicator-create]");
        var row = admin.Locator("[data-testid=indicators-table] tr").Filter(new() { HasText = code });
        await row.WaitForAsync();
        Assert.Contains("Higher is better", await row.InnerTextAsync(), StringComparison.Ordinal);

        await row.Locator("[data-testid=indicator-retire]").ClickAsync();
        await row.WaitForAsync(new() { State = WaitForSelectorState.Detached });
    }

    [Fact]
    [Trait("Spec", "AS-7")]
    [Trait("Spec", "AS-5")]
    public async Task A_head_appeals_a_score_the_supervisor_rejects_it_with_a_reason_and_anyone_can_comment_on_results()
    {
        var reason = "客户投诉已撤销，申请复核" + Guid.NewGuid().ToString("N")[..4];
        var head = await app.SignedInPageAsync("head01", width: 390, height: 844);
        await head.GotoAsync("/assessment");
        await WaitForHubAsync(head);
        await head.Locator("[data-testid=my-sheet-link]").Filter(new() { HasText = "季度支行综合考核" }).First.ClickAsync();
        await head.WaitForSelectorAsync("[data-testid=appeal-form]");
        await WaitForHubAsync(head);
        var sheetPath = new Uri(head.Url).AbsolutePath;
        await head.Locator("[data-testid=appeal-reason] textarea, textarea[data-testid=appeal-reason]").First.FillAsync(reason);
        await head.ClickAsync("[data-testid=appeal-file]");
        await head.Locator("[data-testid=appeal][data-status=Pending]").Filter(new() { HasText = reason }).WaitForAsync();

        var supervisor = await app.SignedInPageAsync("supervisor");
        await supervisor.GotoAsync(sheetPath);
        await WaitForHubAsync(supervisor);
        var appeal = supervisor.Locator("[data-testid=appeal][data-status=Pending]").Filter(new() { HasText = reason });
        await appeal.Locator("[data-testid=appeal-decision-reason] input, input[data-testid=appeal-decision-reason]").First.FillAsync("投诉撤销证明不足。");
        await appeal.Locator("[data-testid=appeal-reject]").ClickAsync();
        await ConfirmAsync(supervisor, "驳回");
        await supervisor.Locator("[data-testid=appeal][data-status=Rejected]").Filter(new() { HasText = reason }).WaitForAsync();

        await head.ReloadAsync();
        await WaitForHubAsync(head);
        await head.Locator("[data-testid=appeal][data-status=Rejected]").Filter(new() { HasText = "投诉撤销证明不足" }).WaitForAsync();

        await head.ClickAsync("[data-testid=scheme-link]");
        await head.WaitForSelectorAsync("[data-testid=ranking]");
        await WaitForHubAsync(head);
        await head.Locator("[data-testid=comment-body] textarea, textarea[data-testid=comment-body]").First.FillAsync("本季度继续加油！");
        await head.ClickAsync("[data-testid=comment-post]");
        await head.Locator("[data-testid=comments]").GetByText("本季度继续加油！").WaitForAsync();
    }

    /// <summary>Enters cumulative values on the open sheet for one date and waits until the sheet shows the last of them.</summary>
    private static async Task RecordAsync(IPage page, DateOnly date, params (string Indicator, string Value)[] values)
    {
        await page.WaitForSelectorAsync("[data-testid=progress-form]");
        await Field(page, "progress-date").FillAsync(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        foreach (var (indicator, value) in values)
        {
            await SetAsync(page, $"[data-testid=progress-{indicator}]", value);
        }

        await page.ClickAsync("[data-testid=progress-save]");
        var (lastIndicator, lastValue) = values[^1];
        await page.Locator($"[data-testid=actual-{lastIndicator}]").Filter(new() { HasText = "(" + date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ")" }).Filter(new() { HasText = lastValue }).WaitForAsync();
    }

    /// <summary>Answers the confirmation an irreversible action asks for with its <paramref name="yes"/> button.</summary>
    private static Task ConfirmAsync(IPage page, string yes) =>
        page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = yes, Exact = true }).ClickAsync();

    private static ILocator Radio(IPage page, string testId) =>
        page.Locator($"input[type=radio][data-testid={testId}], [data-testid={testId}] input[type=radio]").First;

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

    private static async Task<int> BellCountAsync(IPage page) =>
        int.TryParse((await page.Locator("[data-testid=bell-count]").TextContentAsync())?.Trim(), out var count) ? count : 0;

    private static async Task InboxListsAsync(IPage page, string text)
    {
        for (var attempt = 1; ; attempt++)
        {
            await page.GotoAsync("/notifications");
            try
            {
                await page.Locator("[data-testid=inbox]").GetByText(text).First.WaitForAsync(new() { Timeout = 10_000 });
                return;
            }
            catch (TimeoutException) when (attempt < 6)
            {
            }
        }
    }

    private static async Task WaitUntilAsync(IPage page, Func<Task<bool>> condition, string message)
    {
        for (var i = 0; i < 300; i++)
        {
            if (await condition())
            {
                return;
            }

            await page.WaitForTimeoutAsync(200);
        }

        Assert.Fail(message);
    }
}
