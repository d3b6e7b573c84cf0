using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace BranchNetwork.E2ETests.Assessment;

/// <summary>
/// Issue 11: a refused target import stays readable after its answer has gone: the task admin's 最近导入 card counts
/// its errors and opens the import history, where each error says its row and column — on a phone too.
/// </summary>
public sealed class ImportHistoryTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    [Trait("Spec", "AS-3")]
    public async Task The_last_import_card_opens_the_history_with_each_error_by_row_and_column_on_a_phone()
    {
        var admin = await app.ClientForAsync("taskadmin");
        var deposits = JsonDocument.Parse(await admin.GetStringAsync("/api/assessment/indicators?pageSize=200")).RootElement.GetProperty("items")
            .EnumerateArray().First(i => i.GetProperty("code").GetString() == "DEP-NEW").GetProperty("id").GetGuid();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(app.Clock.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")));
        var created = await admin.PostAsJsonAsync("/api/assessment/schemes", new
        {
            name = "导入记录" + Guid.NewGuid().ToString("N")[..6],
            periodKind = "Custom",
            startDate = today.AddDays(-10),
            endDate = today.AddDays(20),
            kind = "Comprehensive",
            indicators = new[] { new { indicatorId = deposits, weight = 100m } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var schemeId = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        const string code = "DEP-NEW";
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.UTF8.GetBytes($"支行代码,指标代码,目标值\r\nSB01,{code},900\r\nSB99,{code},900\r\nSB02,{code},-5\r\n")), "file", "目标.csv" },
        };
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsync(new Uri($"/api/assessment/schemes/{schemeId}/targets/import", UriKind.Relative), form)).StatusCode);

        var page = await app.SignedInPageAsync("taskadmin", width: 390, height: 844);
        var card = page.GetByTestId("home-card-LastImport");
        await card.GetByTestId("home-card-figure").Filter(new() { HasText = "2" }).WaitForAsync();
        Assert.StartsWith("目标导入被退回", (await card.GetByTestId("home-card-caption").InnerTextAsync()).Trim(), StringComparison.Ordinal);
        await BrowserApp.WaitForLiveCircuitAsync(page);
        await card.GetByTestId("home-card-link").ClickAsync();

        var run = page.GetByTestId("import-run").First;
        await run.Filter(new() { HasText = "已退回：2 处错误" }).WaitForAsync();
        var errors = await run.GetByTestId("import-errors").InnerTextAsync();
        Assert.Contains("第 3 行 · 支行", errors, StringComparison.Ordinal);
        Assert.Contains("支行“SB99”不在本方案中。", errors, StringComparison.Ordinal);
        Assert.Contains("第 4 行 · 目标值", errors, StringComparison.Ordinal);
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"the import history is {width}px wide on a 390px screen");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserApp.ScreenshotPath("assessment-imports-390.png") });
    }
}
