using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace BranchNetwork.E2ETests.Assessment;

/// <summary>
/// Issue 11: 下发 reaches every sub-branch head and cannot be taken back, so the task admin is asked first, in words
/// that say how many sub-branches it reaches; cancelling leaves the draft as it was, confirming publishes it.
/// </summary>
public sealed class ConfirmationTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    [Trait("Spec", "AS-2")]
    public async Task Publishing_asks_for_confirmation_cancelling_changes_nothing_and_confirming_publishes()
    {
        var (schemeId, subBranches) = await DraftReadyToPublishAsync("下发确认" + Guid.NewGuid().ToString("N")[..6]);
        var admin = await app.SignedInPageAsync("taskadmin");
        await admin.GotoAsync($"/assessment/schemes/{schemeId}/edit");
        await BrowserApp.WaitForLiveCircuitAsync(admin);
        await admin.Locator("[data-testid=missing-count]").Filter(new() { HasText = "缺少目标 0 项" }).WaitForAsync();
        // Targets read as amounts: thousands separators, the indicator's unit beside the input.
        Assert.Equal("12,500", await admin.InputValueAsync("[data-testid=target-SB01-DEP-NEW]"));

        await admin.ClickAsync("[data-testid=scheme-publish]");
        var dialog = admin.Locator(".mud-dialog");
        await dialog.Filter(new() { HasText = $"将向 {subBranches} 个支行下发考核表" }).WaitForAsync();
        Assert.Contains("并通知支行行长", await dialog.InnerTextAsync(), StringComparison.Ordinal);
        await admin.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserApp.ScreenshotPath("publish-confirmation.png") });

        // Cancel: the dialog closes, the page and the stored scheme are still a draft.
        await dialog.GetByRole(AriaRole.Button, new() { Name = "取消" }).ClickAsync();
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        Assert.Equal("草稿", (await admin.InnerTextAsync("[data-testid=scheme-status]")).Trim());
        Assert.EndsWith("/edit", admin.Url, StringComparison.Ordinal);
        Assert.Equal("Draft", await StatusAsync(schemeId));

        // Confirm: published, and the page moves to the running scheme.
        await admin.ClickAsync("[data-testid=scheme-publish]");
        await dialog.Filter(new() { HasText = $"将向 {subBranches} 个支行下发考核表" }).GetByRole(AriaRole.Button, new() { Name = "下发" }).ClickAsync();
        await admin.Locator("[data-testid=scheme-status]").Filter(new() { HasText = "执行中" }).WaitForAsync();
        Assert.EndsWith($"/assessment/schemes/{schemeId}", new Uri(admin.Url).AbsolutePath, StringComparison.Ordinal);
        Assert.Equal("Published", await StatusAsync(schemeId));

        // 结束考核 stands apart from the exports and asks too; cancelled, the scheme keeps running.
        await BrowserApp.WaitForLiveCircuitAsync(admin);
        var close = admin.Locator("[data-testid=scheme-close]");
        await close.WaitForAsync();
        Assert.True(
            await admin.EvaluateAsync<bool>("() => document.querySelector('[data-testid=scheme-close]').parentElement !== document.querySelector('[data-testid=export-csv]').parentElement"),
            "结束考核 sits in the row of the exports");
        await close.ClickAsync();
        await dialog.Filter(new() { HasText = $"{subBranches} 个支行的得分、等级和排名即成定局" }).WaitForAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "取消" }).ClickAsync();
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        Assert.Equal("Published", await StatusAsync(schemeId));
    }

    [Fact]
    [Trait("Spec", "AS-2")]
    public async Task On_a_phone_the_target_grid_and_the_publish_confirmation_fit_the_screen()
    {
        var (schemeId, subBranches) = await DraftReadyToPublishAsync("手机下发" + Guid.NewGuid().ToString("N")[..6]);
        var admin = await app.SignedInPageAsync("taskadmin", width: 390, height: 844);
        await admin.GotoAsync($"/assessment/schemes/{schemeId}/edit");
        await BrowserApp.WaitForLiveCircuitAsync(admin);
        await admin.Locator("[data-testid=missing-count]").Filter(new() { HasText = "缺少目标 0 项" }).WaitForAsync();
        var width = await admin.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"the scheme editor is {width}px wide on a 390px screen");
        var weight = (await admin.Locator("[data-testid=weight-DEP-NEW]").BoundingBoxAsync())!;
        Assert.True(weight.X + weight.Width <= 390, "the weight input runs off the screen");

        await admin.ClickAsync("[data-testid=scheme-publish]");
        var dialog = admin.Locator(".mud-dialog").Filter(new() { HasText = $"将向 {subBranches} 个支行下发考核表" });
        await dialog.WaitForAsync();
        var box = (await dialog.BoundingBoxAsync())!;
        Assert.True(box.X >= 0 && box.X + box.Width <= 390, $"the confirmation spans {box.X}–{box.X + box.Width}px on a 390px screen");
        await admin.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserApp.ScreenshotPath("publish-confirmation-390.png") });
        await dialog.GetByRole(AriaRole.Button, new() { Name = "取消" }).ClickAsync();
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        Assert.Equal("Draft", await StatusAsync(schemeId));
    }

    /// <summary>A draft over two demo indicators (60/40) with a target in every cell, through the API: ready to publish.</summary>
    private async Task<(Guid SchemeId, int SubBranches)> DraftReadyToPublishAsync(string name)
    {
        var admin = await app.ClientForAsync("taskadmin");
        var indicators = JsonDocument.Parse(await admin.GetStringAsync("/api/assessment/indicators?pageSize=200")).RootElement.GetProperty("items")
            .EnumerateArray().ToDictionary(i => i.GetProperty("code").GetString()!, i => i.GetProperty("id").GetGuid());
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(app.Clock.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")));
        var created = await admin.PostAsJsonAsync("/api/assessment/schemes", new
        {
            name,
            periodKind = "Custom",
            startDate = today.AddDays(-10),
            endDate = today.AddDays(20),
            kind = "Comprehensive",
            indicators = new[] { new { indicatorId = indicators["DEP-NEW"], weight = 60m }, new { indicatorId = indicators["LOAN-INCL"], weight = 40m } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var schemeId = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        var grid = JsonDocument.Parse(await admin.GetStringAsync($"/api/assessment/schemes/{schemeId}/targets")).RootElement;
        var subBranches = grid.GetProperty("subBranches").EnumerateArray().Select(s => s.GetProperty("subBranchId").GetGuid()).ToList();
        var cells = subBranches.SelectMany(s => new[]
        {
            new { subBranchId = s, indicatorId = indicators["DEP-NEW"], value = 12500m },
            new { subBranchId = s, indicatorId = indicators["LOAN-INCL"], value = 800m },
        }).ToArray();
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/assessment/schemes/{schemeId}/targets", new { cells })).StatusCode);
        return (schemeId, subBranches.Count);
    }

    private async Task<string> StatusAsync(Guid schemeId) =>
        JsonDocument.Parse(await (await app.ClientForAsync("taskadmin")).GetStringAsync($"/api/assessment/schemes/{schemeId}")).RootElement.GetProperty("status").GetString()!
            .ToString(CultureInfo.InvariantCulture);
}
