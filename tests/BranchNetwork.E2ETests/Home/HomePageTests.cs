using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using BranchNetwork.Testing;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BranchNetwork.E2ETests.Home;

/// <summary>
/// SPEC §9 in Chromium: for each role, work is created through the API first; the role's home page then shows it as
/// figures, each card's link opens the item, and the page is photographed at 1366 px and on a 390 px phone
/// (docs/images/home-&lt;user&gt;-&lt;width&gt;.png). One test watches a card change live, without a reload.
/// </summary>
public sealed partial class HomePageTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    // Each scheme starts a day after the previous one, so the newest is every head's current sheet.
    private static int schemes;

    [Fact]
    [Trait("Spec", "AS-6")]
    public async Task A_sub_branch_head_sees_the_sheet_standing_the_warnings_to_acknowledge_and_the_appeal_in_progress()
    {
        app.RequireBrowser();
        var scheme = await PublishSchemeAsync();
        var sb01 = scheme.SubBranches["SB01"];
        var supervisor = await app.ClientForAsync("supervisor");
        for (var i = 1; i <= 3; i++)
        {
            await CreatedAsync(await supervisor.PostAsJsonAsync("/api/assessment/warnings", new { schemeId = scheme.Id, subBranchId = sb01, kind = "Warning", message = $"第 {i} 项指标进度落后" }));
        }

        await CreatedAsync(await supervisor.PostAsJsonAsync("/api/assessment/warnings", new { schemeId = scheme.Id, subBranchId = sb01, kind = "Prompt", message = "请提交本周工作方案" }));
        var head = await app.ClientForAsync("head01");
        await CreatedAsync(await head.PostAsJsonAsync("/api/assessment/appeals", new { schemeId = scheme.Id, subBranchId = sb01, kind = "Score", reason = "系统故障导致数据漏报", requestedValue = 3m }));
        var open = await OpenWarningsAsync(supervisor, sb01);

        var page = await app.SignedInPageAsync("head01", 1366, 768);
        Assert.Equal((open.Warnings + open.Prompts).ToString(System.Globalization.CultureInfo.InvariantCulture), await FigureAsync(page, "OpenWarnings"));
        Assert.Contains($"{open.Warnings} 条预警待签收", await CaptionAsync(page, "OpenWarnings"), StringComparison.Ordinal);
        Assert.Equal("0", await FigureAsync(page, "SheetStanding"));
        Assert.Contains("并列第 1 名", await CaptionAsync(page, "SheetStanding"), StringComparison.Ordinal);
        Assert.Contains("项指标落后于时间进度", await CaptionAsync(page, "SheetStanding"), StringComparison.Ordinal);
        Assert.True(int.Parse(await FigureAsync(page, "MyAppeals"), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        await ScreenshotsAsync(page, "head01");

        await OpenAsync(page, "OpenWarnings", "/assessment/warnings$");
        await page.GotoAsync("/");
        await BrowserApp.WaitForLiveCircuitAsync(page);
        await OpenAsync(page, "MyAppeals", $"/assessment/schemes/[0-9a-f-]+/sheets/{sb01}$");
    }

    [Fact]
    [Trait("Spec", "AS-7")]
    public async Task The_supervisor_sees_sub_branches_behind_and_the_appeals_to_decide()
    {
        app.RequireBrowser();
        var scheme = await PublishSchemeAsync();
        await CreatedAsync(await (await app.ClientForAsync("head02")).PostAsJsonAsync("/api/assessment/appeals", new { schemeId = scheme.Id, subBranchId = scheme.SubBranches["SB02"], kind = "Score", reason = "外部审计调整", requestedValue = 2m }));
        var supervisor = await app.ClientForAsync("supervisor");
        // Its own open warning: the test must not depend on another test of the class having run first.
        await CreatedAsync(await supervisor.PostAsJsonAsync("/api/assessment/warnings", new { schemeId = scheme.Id, subBranchId = scheme.SubBranches["SB02"], kind = "Warning", message = "贷款进度落后时间进度" }));
        var pending = await CountAsync(supervisor, "/api/assessment/appeals?status=Pending");

        var page = await app.SignedInPageAsync("supervisor", 1366, 768);
        Assert.Equal(pending.ToString(System.Globalization.CultureInfo.InvariantCulture), await FigureAsync(page, "AppealsToDecide"));
        Assert.Equal(scheme.SubBranches.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), await FigureAsync(page, "BehindUnits"));
        Assert.Contains(scheme.Name, await CaptionAsync(page, "BehindUnits"), StringComparison.Ordinal);
        // The heat map: every sub-branch of the scheme, worst first, each square opening its sheet and saying why in words.
        var heat = page.GetByTestId("home-card-BehindUnits").GetByTestId("home-card-heat").Locator("a");
        Assert.Equal(scheme.SubBranches.Count, await heat.CountAsync());
        Assert.Equal("Behind", await heat.First.GetAttributeAsync("data-level"));
        Assert.Matches($"^/assessment/schemes/{scheme.Id}/sheets/[0-9a-f-]+$", await heat.First.GetAttributeAsync("href") ?? "");
        Assert.Contains("项指标落后", await heat.First.GetAttributeAsync("title") ?? "", StringComparison.Ordinal);
        Assert.Contains("超过 3 天未签收", await CaptionAsync(page, "UnansweredWarnings"), StringComparison.Ordinal);
        await ScreenshotsAsync(page, "supervisor");

        await OpenAsync(page, "AppealsToDecide", "/assessment/schemes/[0-9a-f-]+/sheets/[0-9a-f-]+$");
        await page.GotoAsync("/");
        await BrowserApp.WaitForLiveCircuitAsync(page);
        await OpenAsync(page, "BehindUnits", $"/assessment/schemes/{scheme.Id}$");
    }

    [Fact]
    [Trait("Spec", "AS-2")]
    public async Task The_task_admin_sees_the_draft_and_the_targets_it_misses_and_opens_its_editor()
    {
        app.RequireBrowser();
        var taskAdmin = await app.ClientForAsync("taskadmin");
        var indicator = await IdAsync(await taskAdmin.PostAsJsonAsync("/api/assessment/indicators", new { code = Unique("IND"), name = "代发工资", unit = "户", direction = "HigherIsBetter", dataSource = "Manual", ruleKind = "Ratio" }));
        var today = Today();
        var draft = await IdAsync(await taskAdmin.PostAsJsonAsync("/api/assessment/schemes", new
        {
            name = Unique("草稿方案"),
            periodKind = "Custom",
            startDate = today.AddDays(-400),
            endDate = today.AddDays(-300),
            kind = "Comprehensive",
            indicators = new[] { new { indicatorId = indicator, weight = 100m } },
        }));

        var page = await app.SignedInPageAsync("taskadmin", 1366, 768);
        Assert.True(int.Parse(await FigureAsync(page, "DraftSchemes"), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.True(int.Parse(await FigureAsync(page, "TargetsMissing"), System.Globalization.CultureInfo.InvariantCulture) >= 8);
        Assert.Contains("个草稿方案尚缺目标", await CaptionAsync(page, "TargetsMissing"), StringComparison.Ordinal);
        await ScreenshotsAsync(page, "taskadmin");

        // The earliest draft with gaps is this one (its period lies before any other): the link opens its target grid.
        await OpenAsync(page, "TargetsMissing", $"/assessment/schemes/{draft}/edit$");
        await page.Locator("[data-testid=targets-save]").WaitForAsync();
    }

    [Fact]
    [Trait("Spec", "AU-4")]
    public async Task The_auditor_sees_recent_denials_and_failed_sign_ins()
    {
        app.RequireBrowser();
        var refused = await app.CreateAnonymousClient().PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["username"] = "staff0102",
            ["password"] = "wrong-password",
            ["client_id"] = "branchnet-cli",
        }));
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientForAsync("staff0101")).GetAsync("/api/platform/outbox/parked")).StatusCode);

        var page = await app.SignedInPageAsync("auditor", 1366, 768);
        var denials = page.Locator("[data-testid=home-card-Denials] [data-testid=home-card-figure]");
        await Assertions.Expect(denials).Not.ToHaveTextAsync("0");
        Assert.Matches("^拒绝访问 [0-9,]+ 次，登录失败 [0-9,]+ 次（近 7 天）$", await CaptionAsync(page, "Denials"));
        await ScreenshotsAsync(page, "auditor");
        await OpenAsync(page, "Denials", "/audit/access-log$");
    }

    [Fact]
    [Trait("Spec", "NT-1")]
    public async Task The_system_admin_sees_failed_jobs_and_parked_messages_and_reaches_the_jobs_dashboard()
    {
        app.RequireBrowser();
        // A job that failed (the test app runs no job server, so the failure is recorded as a failing run would).
        var jobs = app.Services.GetRequiredService<IBackgroundJobClient>();
        var failedBefore = app.Services.GetRequiredService<JobStorage>().GetMonitoringApi().FailedCount();
        jobs.Create(Job.FromExpression(() => CoreBankingImport.Run()), new FailedState(new InvalidOperationException("核心系统连接超时")));

        var page = await app.SignedInPageAsync("admin", 1366, 768);
        Assert.Equal((failedBefore + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), await FigureAsync(page, "PlatformFailedJobs"));
        Assert.Equal("0", await FigureAsync(page, "PlatformParkedMessages"));
        Assert.Equal("没有搁置的消息", await CaptionAsync(page, "PlatformParkedMessages"));
        await ScreenshotsAsync(page, "admin");

        await OpenAsync(page, "PlatformParkedMessages", "/platform/outbox$");
        await page.Locator("[data-testid=parked-none]").WaitForAsync();
        await page.GotoAsync("/");
        await BrowserApp.WaitForLiveCircuitAsync(page);
        await OpenAsync(page, "PlatformFailedJobs", "/jobs/jobs/failed$");
        await page.GetByText("CoreBankingImport").First.WaitForAsync();
    }

    [Fact]
    [Trait("Spec", "NT-1")]
    public async Task A_staff_member_sees_the_announcement_as_unread_and_opens_the_inbox()
    {
        app.RequireBrowser();
        var staff = await app.ClientForAsync("staff0101");
        await CreatedAsync(await (await app.ClientForAsync("supervisor")).PostAsJsonAsync("/api/notifications/announcements", new { title = "本周五前完成客户回访", body = "请各位按时完成。", unitId = (Guid?)null, role = "Staff" }));
        var unread = await Eventually.WaitAsync(
            async () => (await (await staff.GetAsync("/api/notifications/unread-count")).JsonAsync()).GetProperty("count").GetInt32(), c => c > 0, "the announcement in the inbox");

        var page = await app.SignedInPageAsync("staff0101", 1366, 768);
        Assert.Equal(unread.ToString(System.Globalization.CultureInfo.InvariantCulture), await FigureAsync(page, "Unread"));
        Assert.True(await Card(page, "WorkLogsMyToday").IsVisibleAsync());
        Assert.True(await Card(page, "TasksMyWeek").IsVisibleAsync());
        Assert.False(await Card(page, "OpenWarnings").IsVisibleAsync());
        await ScreenshotsAsync(page, "staff0101");
        await OpenAsync(page, "Unread", "/notifications$");
        await page.GetByText("本周五前完成客户回访").First.WaitForAsync();
    }

    [Fact]
    [Trait("Spec", "AS-6")]
    public async Task A_warning_issued_while_the_head_looks_at_the_home_page_shows_on_its_card_without_a_reload()
    {
        app.RequireBrowser();
        var scheme = await PublishSchemeAsync();
        var page = await app.SignedInPageAsync("head03", 1366, 768);
        await page.Locator("[data-testid=home-cards][data-live=on]").WaitForAsync();
        var before = int.Parse(await FigureAsync(page, "OpenWarnings"), System.Globalization.CultureInfo.InvariantCulture);
        var reads = await page.Locator("[data-testid=home-cards]").GetAttributeAsync("data-reads");
        var url = page.Url;

        await CreatedAsync(await (await app.ClientForAsync("supervisor")).PostAsJsonAsync("/api/assessment/warnings", new { schemeId = scheme.Id, subBranchId = scheme.SubBranches["SB03"], kind = "Warning", message = "存款进度落后时间进度 20 个百分点" }));

        await Assertions.Expect(Card(page, "OpenWarnings").Locator("[data-testid=home-card-figure]")).ToHaveTextAsync((before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        // The same page, re-read in place: the circuit read the cards again, nothing navigated.
        Assert.Equal(url, page.Url);
        Assert.NotEqual(reads, await page.Locator("[data-testid=home-cards]").GetAttributeAsync("data-reads"));
    }

    private sealed record Scheme(Guid Id, string Name, IReadOnlyDictionary<string, Guid> SubBranches);

    /// <summary>A published scheme of two indicators, a target in every cell and no progress yet, about 40 % through its period.</summary>
    private async Task<Scheme> PublishSchemeAsync()
    {
        var taskAdmin = await app.ClientForAsync("taskadmin");
        var deposits = await IdAsync(await taskAdmin.PostAsJsonAsync("/api/assessment/indicators", new { code = Unique("IND"), name = "存款", unit = "万元", direction = "HigherIsBetter", dataSource = "Manual", ruleKind = "Ratio" }));
        var complaints = await IdAsync(await taskAdmin.PostAsJsonAsync("/api/assessment/indicators", new { code = Unique("IND"), name = "客户投诉", unit = "件", direction = "LowerIsBetter", dataSource = "Manual", ruleKind = "Ratio" }));
        var name = Unique("季度考核");
        var today = Today();
        // A scheme that starts later than any other is every head's newest sheet.
        var id = await IdAsync(await taskAdmin.PostAsJsonAsync("/api/assessment/schemes", new
        {
            name,
            periodKind = "Custom",
            startDate = today.AddDays(-40 + Interlocked.Increment(ref schemes)),
            endDate = today.AddDays(60),
            kind = "Comprehensive",
            indicators = new[] { new { indicatorId = deposits, weight = 70m }, new { indicatorId = complaints, weight = 30m } },
        }));
        var units = JsonDocument.Parse(await (await app.ClientForAsync("admin")).GetStringAsync("/api/identity/units")).RootElement;
        var subBranches = Flatten(units.EnumerateArray())
            .Where(u => u.GetProperty("kind").GetString() == "SubBranch")
            .ToDictionary(u => u.GetProperty("code").GetString()!, u => u.GetProperty("id").GetGuid());
        var cells = subBranches.Values.SelectMany(s => new[] { new { subBranchId = s, indicatorId = deposits, value = 1000m }, new { subBranchId = s, indicatorId = complaints, value = 10m } }).ToArray();
        await OkAsync(await taskAdmin.PutAsJsonAsync($"/api/assessment/schemes/{id}/targets", new { cells }));
        var version = (await (await taskAdmin.GetAsync($"/api/assessment/schemes/{id}")).JsonAsync()).GetProperty("version").GetInt64();
        await OkAsync(await taskAdmin.PostAsJsonAsync($"/api/assessment/schemes/{id}/publish", new { version }));
        return new Scheme(id, name, subBranches);
    }

    private DateOnly Today() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(app.Clock.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")));

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..6]}";

    private static async Task<(int Warnings, int Prompts)> OpenWarningsAsync(HttpClient client, Guid subBranchId)
    {
        var (warnings, prompts) = (0, 0);
        string? after = null;
        do
        {
            var page = await (await client.GetAsync($"/api/assessment/warnings?subBranchId={subBranchId}&status=Open&pageSize=100{(after is null ? "" : $"&after={Uri.EscapeDataString(after)}")}")).JsonAsync();
            foreach (var item in page.GetProperty("items").EnumerateArray())
            {
                if (item.GetProperty("kind").GetString() == "Prompt")
                {
                    prompts++;
                }
                else
                {
                    warnings++;
                }
            }

            after = page.GetProperty("nextCursor").GetString();
        }
        while (after is not null);
        return (warnings, prompts);
    }

    private static async Task<int> CountAsync(HttpClient client, string path)
    {
        var count = 0;
        string? after = null;
        do
        {
            var page = await (await client.GetAsync($"{path}&pageSize=100{(after is null ? "" : $"&after={Uri.EscapeDataString(after)}")}")).JsonAsync();
            count += page.GetProperty("items").GetArrayLength();
            after = page.GetProperty("nextCursor").GetString();
        }
        while (after is not null);
        return count;
    }

    private static IEnumerable<JsonElement> Flatten(IEnumerable<JsonElement> nodes) =>
        nodes.SelectMany(n => Flatten(n.GetProperty("children").EnumerateArray()).Prepend(n));

    private static ILocator Card(IPage page, string key) => page.Locator($"[data-testid=home-card-{key}]");

    private static async Task<string> FigureAsync(IPage page, string key) =>
        (await Card(page, key).Locator("[data-testid=home-card-figure]").InnerTextAsync()).Trim();

    private static async Task<string> CaptionAsync(IPage page, string key) =>
        (await Card(page, key).Locator("[data-testid=home-card-caption]").InnerTextAsync()).Trim();

    /// <summary>Clicks the card's link and waits for the page it leads to.</summary>
    private static async Task OpenAsync(IPage page, string key, string path)
    {
        await Card(page, key).Locator("[data-testid=home-card-link]").ClickAsync();
        await page.WaitForURLAsync(new Regex(path));
    }

    /// <summary>The home page at 1366 px (already open) and on a 390 px phone, for the README and a banker's eye.</summary>
    private async Task ScreenshotsAsync(IPage page, string user)
    {
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserApp.ScreenshotPath($"home-{user}-1366.png"), FullPage = true });
        var phone = await app.SignedInPageAsync(user, 390, 844);
        await phone.Locator("[data-testid=home-cards]").WaitForAsync();
        await phone.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserApp.ScreenshotPath($"home-{user}-390.png"), FullPage = true });
        await phone.Context.CloseAsync();
    }

    private static async Task CreatedAsync(HttpResponseMessage response) =>
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");

    private static async Task OkAsync(HttpResponseMessage response) =>
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");

    private static async Task<Guid> IdAsync(HttpResponseMessage response)
    {
        await CreatedAsync(response);
        return (await response.JsonAsync()).GetProperty("id").GetGuid();
    }
}

/// <summary>The failed job the SystemAdmin test records (never run: the test app has no job server).</summary>
public static class CoreBankingImport
{
    // No retry: the failure stays a failure (Hangfire's default filter would schedule a retry instead).
    [AutomaticRetry(Attempts = 0)]
    public static void Run() => throw new InvalidOperationException("核心系统连接超时");
}
