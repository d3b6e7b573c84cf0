using System.Text;
using BranchNetwork.Modules.Audit.Data;
using BranchNetwork.Modules.Audit.Domain;
using BranchNetwork.Modules.Audit.Features.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BranchNetwork.E2ETests.Audit;

public sealed class TrailConsoleTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Theory]
    [Trait("Spec", "AU-4")]
    [InlineData(390, 844, "audit-trail-phone.png")]
    public async Task An_auditor_filters_the_trail_opens_an_entity_history_verifies_the_chain_and_exports_csv(int width, int height, string screenshot)
    {
        app.RequireBrowser();
        var module = "E2E" + Guid.NewGuid().ToString("N")[..6];
        await SeedAsync(module);
        var page = await app.SignedInPageAsync("auditor", width, height);
        await page.GotoAsync("/audit/trail");
        await page.WaitForSelectorAsync("[data-testid=trail-table]");
        await BrowserApp.WaitForLiveCircuitAsync(page);

        await page.FillAsync("input[data-testid=trail-filter-module], [data-testid=trail-filter-module] input", module);
        await page.ClickAsync("[data-testid=trail-search]");
        // The filtered answer replaces the first (unfiltered) page: wait for exactly the module's three records.
        await page.WaitForFunctionAsync(
            "m => { const rows = [...document.querySelectorAll('[data-testid=trail-table] tbody tr')]; return rows.length === 3 && rows.every(r => r.innerText.includes(m)); }",
            module);
        var entityLink = page.Locator("[data-testid=trail-entity-link]").Filter(new() { HasText = "T-100" });
        Assert.Equal(2, await entityLink.CountAsync());

        // The newest change expands to its fields before and after.
        await page.Locator("[data-testid=trail-toggle]").First.ClickAsync();
        await page.Locator("[data-testid=change-after]").Filter(new() { HasText = "Published" }).WaitForAsync();
        Assert.Equal("Draft", await page.Locator("[data-testid=change-before]").First.InnerTextAsync());

        // The chain verifies green.
        await page.ClickAsync("[data-testid=verify-trail]");
        await page.Locator("[data-testid=chain-intact]").WaitForAsync();

        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width, $"the trail page is {scrollWidth}px wide on a {width}px screen");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserApp.ScreenshotPath(screenshot), FullPage = width > 400 });

        // The CSV export carries the filter's rows and the verification in its header.
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=trail-export-csv]"));
        Assert.EndsWith(".csv", download.SuggestedFilename, StringComparison.OrdinalIgnoreCase);
        var csv = Encoding.UTF8.GetString(await File.ReadAllBytesAsync(await download.PathAsync()));
        Assert.Contains("# Chain intact: yes", csv, StringComparison.Ordinal);
        Assert.Contains("# Rows: 3", csv, StringComparison.Ordinal);
        Assert.Contains("T-100", csv, StringComparison.Ordinal);

        // The entity's history: both of its records, oldest first.
        await entityLink.First.ClickAsync();
        await page.WaitForSelectorAsync("[data-testid=history-table]");
        var after = page.Locator("[data-testid=history-table] [data-testid=change-after]");
        await after.Nth(1).WaitForAsync();
        Assert.Equal(["Draft", "Published"], await after.AllInnerTextsAsync());
        scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width, $"the history page is {scrollWidth}px wide on a {width}px screen");
    }

    private async Task SeedAsync(string module)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AuditDbContext>();
        var now = app.Clock.UtcNow;
        AuditRecord Record(int minutesAgo, string entityId, string operation, string changes) =>
            AuditRecord.Create(now.AddMinutes(-minutesAgo), AuditActorKind.User, Guid.NewGuid(), "supervisor", "HeadOfficeSupervisor", null, module, "Target", entityId, operation, "e2e", changes, null);
        await ChainAppender.AppendAsync(
            db,
            ChainNames.Trail,
            [
                Record(30, "T-100", "Create", """[{"field":"State","before":null,"after":"Draft"}]"""),
                Record(20, "T-200", "Create", """[{"field":"State","before":null,"after":"Draft"}]"""),
                Record(10, "T-100", "Transition", """[{"field":"State","before":"Draft","after":"Published"}]"""),
            ],
            CancellationToken.None);
    }
}
