using System.Net.Http.Json;
using System.Text.Json;
using BranchNetwork.Testing;
using Microsoft.Playwright;

namespace BranchNetwork.E2ETests.Security;

/// <summary>
/// Issue 9, finding 1: user text never runs as script. Payloads go, through the API as the roles that may write
/// them, into every place a user's text is shown; the pages that show them are then opened in Chromium with the
/// Content-Security-Policy bypassed (so only encoding and the sanitiser stand between the payload and the page),
/// as the users who read them. <c>window.__xss</c> must stay undefined and the payload must read as text.
/// </summary>
public sealed class StoredMarkupTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Img = "<img src=x onerror=\"window.__xss=1\">";
    private const string Script = "<script>window.__xss=1</script>";

    private static string Planted(string label) => $"{label}{Img}{Script}";

    [Fact]
    [Trait("Spec", "NT-1")]
    public async Task Payloads_in_every_user_text_field_render_as_text_and_never_run_on_any_page()
    {
        app.RequireBrowser();
        var tag = Guid.NewGuid().ToString("N")[..4];
        var admin = await app.ClientForAsync("admin");
        var taskAdmin = await app.ClientForAsync("taskadmin");
        var supervisor = await app.ClientForAsync("supervisor");
        var head01 = await app.ClientForAsync("head01");
        var staff = await app.ClientForAsync("staff0101");

        // Unit name and display name (SystemAdmin).
        var units = Flatten((await (await admin.GetAsync("/api/identity/units")).JsonAsync()).EnumerateArray()).ToDictionary(u => u.GetProperty("code").GetString()!, u => u.GetProperty("id").GetGuid());
        var unitName = Planted($"U{tag}");
        await OkAsync(await admin.PutAsJsonAsync($"/api/identity/units/{units["SB01"]}", new { name = unitName, version = 1 }));
        var displayName = Planted($"D{tag}");
        await OkAsync(await admin.PostAsJsonAsync("/api/identity/users", new { userName = $"xss.{tag}", displayName, unitId = units["SB01"], position = "柜员", password = "Teller#2026ok" }));

        // Indicator and scheme names (TaskAdmin), targets, published.
        var indicatorName = Planted($"I{tag}");
        var indicator = await IdAsync(await taskAdmin.PostAsJsonAsync("/api/assessment/indicators", new
        {
            code = $"XSS{tag}",
            name = indicatorName,
            unit = "万元",
            direction = "HigherIsBetter",
            dataSource = "Manual",
            ruleKind = "Ratio",
            allowSubBranchEntry = false,
        }));
        var schemeName = Planted($"S{tag}");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(app.Clock.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")));
        var scheme = await IdAsync(await taskAdmin.PostAsJsonAsync("/api/assessment/schemes", new
        {
            name = schemeName,
            periodKind = "Custom",
            startDate = today.AddDays(-9),
            endDate = today.AddDays(10),
            kind = "Comprehensive",
            indicators = new[] { new { indicatorId = indicator, weight = 100m } },
        }));
        var subBranches = units.Where(u => u.Key.StartsWith("SB", StringComparison.Ordinal) && !u.Key.Contains('-', StringComparison.Ordinal)).Select(u => u.Value).ToList();
        await OkAsync(await taskAdmin.PutAsJsonAsync($"/api/assessment/schemes/{scheme}/targets", new { cells = subBranches.Select(s => new { subBranchId = s, indicatorId = indicator, value = 100m }).ToArray() }));
        await OkAsync(await taskAdmin.PostAsJsonAsync($"/api/assessment/schemes/{scheme}/publish", new { version = await VersionAsync(taskAdmin, $"/api/assessment/schemes/{scheme}") }));
        await OkAsync(await supervisor.PostAsJsonAsync($"/api/assessment/schemes/{scheme}/progress", new { entries = new[] { new { subBranchId = units["SB01"], indicatorId = indicator, date = today, value = 30m } } }));

        // Warning message (supervisor) and the head's response.
        var warningMessage = Planted($"W{tag}");
        var warning = await IdAsync(await supervisor.PostAsJsonAsync("/api/assessment/warnings", new { schemeId = scheme, subBranchId = units["SB01"], kind = "Prompt", message = warningMessage, subjectKind = "WorkPlan", subjectId = Guid.NewGuid() }));
        var warningResponse = Planted($"R{tag}");
        await OkAsync(await head01.PostAsJsonAsync($"/api/assessment/warnings/{warning}/acknowledge", new { response = warningResponse }));

        // Appeal reason (head) and decision (supervisor).
        var appealReason = Planted($"A{tag}");
        var appealResponse = await head01.PostAsJsonAsync("/api/assessment/appeals", new { schemeId = scheme, subBranchId = units["SB01"], kind = "Score", reason = appealReason, requestedValue = 5m });
        var appeal = await IdAsync(appealResponse);
        var decision = Planted($"X{tag}");
        await OkAsync(await supervisor.PostAsJsonAsync($"/api/assessment/appeals/{appeal}/decide", new { accept = false, reason = decision, version = await VersionAsync(supervisor, $"/api/assessment/appeals/{appeal}") }));

        // A results comment (any staff member).
        var comment = Planted($"C{tag}");
        await OkAsync(await staff.PostAsJsonAsync($"/api/assessment/schemes/{scheme}/comments", new { body = comment }));

        // An announcement while head01 is on the page: the pushed title shows in a snackbar.
        var head = await SignedInPageAsync("head01");
        var announcementTitle = Planted($"T{tag}");
        await OkAsync(await supervisor.PostAsJsonAsync("/api/notifications/announcements", new { title = announcementTitle, body = $"B{tag}{Img}{Script}<b>加粗</b>", unitId = (Guid?)null, role = (string?)null }));
        await AssertShownAsTextAsync(head, announcementTitle, "the pushed snackbar");

        // head01: inbox (announcement, warning, appeal decision), bell, schemes, results, sheet, warnings, organisation.
        await VisitAsync(head, "/notifications", announcementTitle, $"B{tag}");
        await head.Locator("[data-testid=bell]").ClickAsync();
        await AssertShownAsTextAsync(head, announcementTitle, "the bell menu");
        await VisitAsync(head, "/assessment", schemeName);
        await VisitAsync(head, $"/assessment/schemes/{scheme}", schemeName, unitName, comment);
        // The sheet shows its warnings with their responses; the warnings list shows the messages.
        await VisitAsync(head, $"/assessment/schemes/{scheme}/sheets/{units["SB01"]}", indicatorName, appealReason, decision, warningMessage, warningResponse);
        await VisitAsync(head, "/assessment/warnings", warningMessage);
        await VisitAsync(head, "/organisation", unitName);

        // The supervisor: the inbox (appeal filed, warning answered), warnings; the admin: users; the task admin: indicators.
        var supervisorPage = await SignedInPageAsync("supervisor");
        await VisitAsync(supervisorPage, "/notifications", announcementTitle);
        await VisitAsync(supervisorPage, "/assessment/warnings", warningMessage);
        await VisitAsync(supervisorPage, $"/assessment/schemes/{scheme}/sheets/{units["SB01"]}", warningResponse, appealReason);
        await VisitAsync(supervisorPage, $"/assessment/schemes/{scheme}", comment);
        var adminPage = await SignedInPageAsync("admin");
        await VisitAsync(adminPage, "/admin/users", displayName);
        await VisitAsync(adminPage, "/notifications/announcements", announcementTitle);
        var taskAdminPage = await SignedInPageAsync("taskadmin");
        await VisitAsync(taskAdminPage, "/assessment/indicators", indicatorName);
    }

    /// <summary>Signs in with the policy bypassed: a payload that escaped encoding would run.</summary>
    private async Task<IPage> SignedInPageAsync(string userName)
    {
        var context = await app.RequireBrowser().NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl,
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            Locale = "zh-CN",
            BypassCSP = true,
        });
        context.SetDefaultTimeout(120_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.FillAsync("#userName", userName);
        await page.FillAsync("#password", BranchNetworkFactory.DemoPassword);
        await page.ClickAsync("[data-testid=sign-in]");
        await page.WaitForSelectorAsync("[data-testid=home-greeting]");
        await BrowserApp.WaitForLiveCircuitAsync(page);
        return page;
    }

    private static async Task VisitAsync(IPage page, string url, params string[] texts)
    {
        await page.GotoAsync(url);
        await BrowserApp.WaitForLiveCircuitAsync(page);
        foreach (var text in texts)
        {
            await AssertShownAsTextAsync(page, text, url);
        }
    }

    /// <summary>
    /// Waits until the text is on the page, then until a canary image added after it has failed to load (so an
    /// injected image that came earlier has had its error event), and only then reads <c>window.__xss</c>.
    /// </summary>
    private static async Task AssertShownAsTextAsync(IPage page, string text, string where)
    {
        await page.GetByText(text, new() { Exact = false }).First.WaitForAsync();
        await page.EvaluateAsync("() => { delete window.__canary; const i = document.createElement('img'); i.onerror = () => window.__canary = 1; i.src = 'x?canary=' + Date.now(); document.body.appendChild(i); }");
        await page.WaitForFunctionAsync("() => window.__canary === 1");
        Assert.True(await page.EvaluateAsync<bool>("() => window.__xss === undefined"), $"A payload ran on {where} ({page.Url}).");
        Assert.Equal(0, await page.Locator("img[onerror]").CountAsync());
    }

    private static IEnumerable<JsonElement> Flatten(IEnumerable<JsonElement> nodes) =>
        nodes.SelectMany(n => Flatten(n.GetProperty("children").EnumerateArray()).Prepend(n));

    private static async Task OkAsync(HttpResponseMessage response) =>
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");

    private static async Task<Guid> IdAsync(HttpResponseMessage response)
    {
        await OkAsync(response);
        return (await response.JsonAsync()).GetProperty("id").GetGuid();
    }

    private static async Task<long> VersionAsync(HttpClient client, string url) =>
        (await (await client.GetAsync(url)).JsonAsync()).GetProperty("version").GetInt64();
}
