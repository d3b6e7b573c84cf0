using System.Net;
using System.Net.Http.Json;
using BranchNetwork.Testing;
using Microsoft.Playwright;

namespace BranchNetwork.E2ETests.Platform;

/// <summary>
/// Issue 11, the shell a banker sees every day: one title per page naming it, a favicon, the product name whole on a
/// 390 px phone, screen-reader labels in the reader's language, and in English the status and warning words English.
/// </summary>
public sealed class ShellPolishTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    [Trait("Spec", "ORG-4")]
    public async Task A_page_has_one_title_naming_it_and_a_favicon()
    {
        var page = await app.SignedInPageAsync("supervisor");
        await page.GotoAsync("/assessment");
        await page.Locator("[data-testid=schemes-table]").WaitForAsync();
        // The interactive head replaces the prerendered one once the circuit is up: count the titles after that.
        await BrowserApp.WaitForLiveCircuitAsync(page);
        await page.WaitForFunctionAsync("() => document.querySelectorAll('title').length > 0");

        Assert.Equal(1, await page.EvaluateAsync<int>("document.querySelectorAll('title').length"));
        var heading = (await page.Locator("h5, .mud-typography-h5").First.InnerTextAsync()).Trim();
        Assert.StartsWith(heading, (await page.TitleAsync()).Trim(), StringComparison.Ordinal);

        var icon = await page.GetAttributeAsync("link[rel=icon]", "href");
        Assert.Equal("favicon.svg", icon);
        var response = await page.APIRequest.GetAsync("/favicon.svg");
        Assert.Equal((int)HttpStatusCode.OK, response.Status);
        Assert.StartsWith("image/svg+xml", response.Headers["content-type"], StringComparison.Ordinal);

        // MudBlazor's own labels speak Chinese too: the menu groups are not "Toggle 考核督导".
        var labels = await page.EvaluateAsync<string[]>("[...document.querySelectorAll('[aria-label]')].map(e => e.getAttribute('aria-label'))");
        Assert.DoesNotContain(labels, l => l.StartsWith("Toggle", StringComparison.Ordinal) || l is "Increment" or "Decrement");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserApp.ScreenshotPath("shell-schemes-1280.png") });
    }

    [Fact]
    [Trait("Spec", "ORG-4")]
    public async Task The_phone_header_shows_the_product_name_uncut()
    {
        var page = await app.SignedInPageAsync("head01", width: 390, height: 844);

        var title = page.Locator("[data-testid=app-title]");
        Assert.Equal("BranchNetwork 网点管理", (await title.InnerTextAsync()).Trim());
        var cut = await title.EvaluateAsync<bool>("e => e.scrollWidth > e.clientWidth + 1");
        Assert.False(cut, "the product name is cut in the phone header");
        var box = await title.BoundingBoxAsync();
        Assert.True(box is not null && box.X >= 0 && box.X + box.Width <= 390, $"the product name lies outside the screen: {box?.X} + {box?.Width}");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserApp.ScreenshotPath("shell-header-390.png") });
    }

    [Fact]
    [Trait("Spec", "ORG-3")]
    public async Task In_english_a_running_scheme_and_an_open_warning_read_in_english()
    {
        using var head = await app.ClientForAsync("head01");
        var mine = (await (await head.GetAsync("/api/assessment/sheets/mine")).JsonAsync()).GetProperty("items")[0];
        using var supervisor = await app.ClientForAsync("supervisor");
        var issued = await supervisor.PostAsJsonAsync("/api/assessment/warnings", new
        {
            schemeId = mine.GetProperty("schemeId").GetGuid(),
            subBranchId = mine.GetProperty("subBranchId").GetGuid(),
            kind = "Warning",
            message = "存款进度落后，请说明。",
        });
        Assert.True(issued.IsSuccessStatusCode, await issued.Content.ReadAsStringAsync());

        var page = await app.SignedInPageAsync("supervisor");
        await page.ClickAsync("[data-testid=language-switch]");
        await page.Locator("html[lang=en]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

        await page.GotoAsync("/assessment");
        var status = page.Locator("[data-testid=scheme-status]").First;
        await status.WaitForAsync();
        Assert.Equal("In progress", (await status.InnerTextAsync()).Trim());

        await page.GotoAsync("/assessment/warnings");
        await page.GetByText("To acknowledge", new() { Exact = true }).First.WaitForAsync();
        Assert.DoesNotContain("待签收", await page.InnerTextAsync(".mud-main-content"), StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserApp.ScreenshotPath("warnings-en-1280.png") });
    }
}
