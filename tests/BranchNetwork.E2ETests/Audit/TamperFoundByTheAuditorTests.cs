using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using BranchNetwork.Modules.Audit.Data;
using BranchNetwork.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BranchNetwork.E2ETests.Audit;

/// <summary>
/// Issue 10, "Done when": a target is changed → the auditor finds the change with its values before and after,
/// the chain verifies green; a record is then altered in the database → verification names that exact record,
/// and the export carries the broken result.
/// </summary>
public sealed class TamperFoundByTheAuditorTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    [Trait("Spec", "AU-3")]
    public async Task A_changed_target_is_found_verified_and_a_record_altered_in_the_database_is_named_by_the_verification()
    {
        app.RequireBrowser();

        // Targets belong to the TaskAdmin (考核管理员): a draft scheme, a target of 100 for SB01, then changed to 120.
        var taskAdmin = await app.ClientForAsync("taskadmin");
        var indicatorCode = "E2E-" + Guid.NewGuid().ToString("N")[..6];
        var indicator = await IdOf(await taskAdmin.PostAsJsonAsync("/api/assessment/indicators", new
        {
            code = indicatorCode,
            name = "审计演示指标",
            unit = "万元",
            direction = "HigherIsBetter",
            dataSource = "Manual",
            ruleKind = "Ratio",
            allowSubBranchEntry = false,
        }));
        var today = DateOnly.FromDateTime(app.Clock.UtcNow.AddHours(8));
        var scheme = await IdOf(await taskAdmin.PostAsJsonAsync("/api/assessment/schemes", new
        {
            name = "审计演示方案-" + indicatorCode,
            periodKind = "Custom",
            startDate = today.AddDays(-5),
            endDate = today.AddDays(20),
            kind = "Comprehensive",
            indicators = new[] { new { indicatorId = indicator, weight = 100m } },
        }));
        var units = JsonDocument.Parse(await (await app.ClientForAsync("admin")).GetStringAsync("/api/identity/units")).RootElement;
        var sb01 = Flatten(units).Single(u => u.GetProperty("code").GetString() == "SB01").GetProperty("id").GetGuid();
        foreach (var value in new[] { 100m, 120m })
        {
            var set = await taskAdmin.PutAsJsonAsync($"/api/assessment/schemes/{scheme}/targets", new { cells = new[] { new { subBranchId = sb01, indicatorId = indicator, value } } });
            Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        }

        // The change reaches the trail through the Assessment module's outbox: wait for that state, not for time.
        var found = await Eventually.WaitAsync(
            async () =>
            {
                await using var scope = app.Services.CreateAsyncScope();
                var audit = scope.ServiceProvider.GetRequiredService<AuditDbContext>();
                return await audit.AuditRecords.AsNoTracking()
                    .Where(r => r.Module == "Assessment" && r.EntityType == "Target" && r.Operation == "Update" && r.Changes!.Contains("120"))
                    .Select(r => new { r.Id, r.Seq })
                    .FirstOrDefaultAsync();
            },
            r => r is not null,
            "the target change in the trail",
            timeoutMs: 60_000);
        var (recordId, seq) = (found!.Id, found.Seq);

        var page = await app.SignedInPageAsync("auditor", 390, 844);
        await page.GotoAsync("/audit/trail");
        await page.WaitForSelectorAsync("[data-testid=trail-table]");
        await BrowserApp.WaitForLiveCircuitAsync(page);
        await page.FillAsync("input[data-testid=trail-filter-module], [data-testid=trail-filter-module] input", "Assessment");
        await page.FillAsync("input[data-testid=trail-filter-entity-type], [data-testid=trail-filter-entity-type] input", "Target");
        await page.ClickAsync("[data-testid=trail-search]");
        await page.WaitForFunctionAsync(
            "() => { const rows = [...document.querySelectorAll('[data-testid=trail-table] tbody tr')]; return rows.length > 0 && rows.every(r => r.innerText.includes('Target')); }");

        // The newest Target record is the change: 100 before, 120 after, made by taskadmin.
        var newest = page.Locator("[data-testid=trail-table] tbody tr").First;
        Assert.Contains("taskadmin", await newest.InnerTextAsync(), StringComparison.Ordinal);
        await page.Locator("[data-testid=trail-toggle]").First.ClickAsync();
        await page.Locator("[data-testid=change-after]").Filter(new() { HasText = "120" }).First.WaitForAsync();
        await page.Locator("[data-testid=change-before]").Filter(new() { HasText = "100" }).First.WaitForAsync();

        await page.ClickAsync("[data-testid=verify-trail]");
        await page.Locator("[data-testid=chain-intact]").WaitForAsync();

        // Someone with database access edits the record (what the app itself can never do).
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var audit = scope.ServiceProvider.GetRequiredService<AuditDbContext>();
            var altered = await audit.AuditRecords.Where(r => r.Id == recordId)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Changes, """[{"field":"Value","before":"100","after":"100"}]"""));
            Assert.Equal(1, altered);
        }

        await page.ClickAsync("[data-testid=verify-trail]");
        var broken = page.Locator("[data-testid=chain-broken]");
        await broken.WaitForAsync();
        var firstBreak = await page.Locator("[data-testid=chain-first-break]").InnerTextAsync();
        Assert.Contains(seq.ToString(System.Globalization.CultureInfo.InvariantCulture), firstBreak, StringComparison.Ordinal);
        Assert.Contains(recordId.ToString(), firstBreak, StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserApp.ScreenshotPath("audit-chain-broken.png"), FullPage = false });

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=trail-export-csv]"));
        var csv = Encoding.UTF8.GetString(await File.ReadAllBytesAsync(await download.PathAsync()));
        Assert.Contains("# Chain intact: no", csv, StringComparison.Ordinal);
        Assert.Contains($"# First break: seq {seq} ContentChanged {recordId}", csv, StringComparison.Ordinal);
    }

    private static IEnumerable<JsonElement> Flatten(JsonElement nodes) =>
        nodes.EnumerateArray().SelectMany(n => new[] { n }.Concat(Flatten(n.GetProperty("children"))));

    private static async Task<Guid> IdOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
    }
}
