using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using BranchNetwork.Testing;
using Microsoft.Playwright;

namespace BranchNetwork.E2ETests.WorkLogs;

/// <summary>
/// The WorkLogs module's definition of done in Chromium: staff0101 writes today's log on a phone, linked to a weekly
/// task, and submits it → head01 opens it and staff0101 sees the read receipt appear without a reload → head01
/// comments and staff0101's bell counts it → head01's statistics show who has not submitted today.
/// The app's clock stands at Wednesday 27 May 2026, 10:00 China time: a working day, before the 20:00 cut-off.
/// </summary>
public sealed class WorkLogsDoneWhenTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string TaskTitle = "走访代发工资企业";

    [Fact]
    [Trait("Spec", "WL-1")]
    [Trait("Spec", "WL-2")]
    [Trait("Spec", "WL-3")]
    public async Task A_log_linked_to_a_task_is_submitted_read_live_commented_and_counted()
    {
        app.RequireBrowser();
        await GiveStaffATaskAsync();

        // staff0101 writes today's log on a phone: what was done, the task's quantity, tomorrow's plan; it autosaves.
        var staff = await app.SignedInPageAsync("staff0101", width: 390, height: 844);
        await staff.GotoAsync("/worklogs/today");
        await BrowserApp.WaitForLiveCircuitAsync(staff);
        await Field(staff, "worklog-done").FillAsync("上午走访三家代发工资企业，登记开户需求");
        var line = staff.Locator("[data-testid=worklog-task-line]").Filter(new() { HasText = TaskTitle });
        await line.WaitForAsync();
        await Field(line, "worklog-task-qty").FillAsync("3");
        await Field(staff, "worklog-plan").FillAsync("明日回访两家企业财务负责人");
        await staff.Locator("[data-testid=worklog-saved]").Filter(new() { HasText = "已自动保存" }).WaitForAsync();
        await staff.ClickAsync("[data-testid=worklog-submit]");
        await staff.Locator("[data-testid=worklog-state]").Filter(new() { HasText = "已提交" }).WaitForAsync();
        Assert.True(await staff.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "Today's log scrolls sideways on a phone.");
        await staff.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("worklogs-today-phone.png"), FullPage = true });

        // staff0101 keeps the submitted log open; nobody has read it yet.
        await staff.ClickAsync("[data-testid=worklog-open-log]");
        await staff.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/worklogs/logs/[0-9a-f-]{36}$"));
        await BrowserApp.WaitForLiveCircuitAsync(staff);
        var logPath = new Uri(staff.Url).AbsolutePath;
        await staff.Locator("[data-testid=worklog-reads]").WaitForAsync();
        Assert.Equal(0, await staff.Locator("[data-testid=worklog-read-row]").CountAsync());
        await staff.EvaluateAsync("() => window.__logNotReloaded = true");
        var bellBefore = await BellCountAsync(staff);

        // head01 finds it among 支行01's logs and opens it.
        var head = await app.SignedInPageAsync("head01");
        await head.GotoAsync("/worklogs");
        await BrowserApp.WaitForLiveCircuitAsync(head);
        await head.Locator("[data-testid=worklog-row]").Filter(new() { HasText = "支行01员工1" }).First.ClickAsync();
        await head.WaitForURLAsync("**" + logPath);
        await BrowserApp.WaitForLiveCircuitAsync(head);
        await head.Locator("text=" + TaskTitle).First.WaitForAsync();

        // The read receipt reaches staff0101's open page without a reload.
        await staff.Locator("[data-testid=worklog-read-row]").Filter(new() { HasText = "支行01行长" }).WaitForAsync();
        Assert.True(await staff.EvaluateAsync<bool>("() => window.__logNotReloaded === true"), "The log page was reloaded.");

        // head01 comments; staff0101 is notified live.
        await Field(head, "worklog-comment-input").FillAsync("需求登记得很细，明天回访后把开户进度补在日志里。");
        await head.ClickAsync("[data-testid=worklog-comment-send]");
        await head.Locator("[data-testid=worklog-comment]").Filter(new() { HasText = "开户进度" }).WaitForAsync();
        await WaitUntilAsync(staff, async () => await BellCountAsync(staff) > bellBefore, "staff0101's bell did not count head01's comment");
        await staff.Locator("[data-testid=worklog-comment]").Filter(new() { HasText = "开户进度" }).WaitForAsync();
        await staff.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("worklogs-log-phone.png"), FullPage = true });
        await head.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("worklogs-log.png"), FullPage = true });

        // head01's statistics for today: staff0101 submitted on time; the others (head01 among them) have not yet —
        // before the 20:00 cut-off they are 待提交, after it 未交 (WorkLogs' integration tests move the clock for that).
        await head.GotoAsync("/worklogs/tracking");
        await BrowserApp.WaitForLiveCircuitAsync(head);
        await head.Locator("[data-testid=submission-row]").Filter(new() { HasText = "支行01员工1" }).Filter(new() { HasText = "按时" }).WaitForAsync();
        await head.Locator("[data-testid=submission-row]").Filter(new() { HasText = "支行01行长" }).Filter(new() { HasText = "待提交" }).WaitForAsync();
        var notYet = int.Parse((await head.Locator("[data-testid=submission-pending-count]").InnerTextAsync()).Trim(), CultureInfo.InvariantCulture);
        Assert.True(notYet >= 1, "head01's statistics show nobody still to submit today");
        await head.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("worklogs-tracking.png"), FullPage = true });
    }

    /// <summary>
    /// Through the API: a Tasks-sourced indicator in a scheme around today, published; head01's work plan with one
    /// measure, approved by the supervisor; this week's task for staff0101 from it.
    /// </summary>
    private async Task GiveStaffATaskAsync()
    {
        var taskAdmin = await app.ClientForAsync("taskadmin");
        var code = "WLE" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var indicator = await IdAsync(await taskAdmin.PostAsJsonAsync("/api/assessment/indicators", new
        {
            code,
            name = "代发工资客户新增",
            unit = "户",
            direction = "HigherIsBetter",
            dataSource = "Tasks",
            ruleKind = "Ratio",
            allowSubBranchEntry = false,
        }));
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(app.Clock.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")));
        var scheme = await IdAsync(await taskAdmin.PostAsJsonAsync("/api/assessment/schemes", new
        {
            name = "工作日志演示方案-" + code,
            periodKind = "Custom",
            startDate = today.AddDays(-10),
            endDate = today.AddDays(60),
            kind = "Comprehensive",
            indicators = new[] { new { indicatorId = indicator, weight = 100m } },
        }));
        var units = JsonDocument.Parse(await (await app.ClientForAsync("admin")).GetStringAsync("/api/identity/units")).RootElement;
        var subBranches = Flatten(units.EnumerateArray())
            .Where(u => u.GetProperty("kind").GetString() == "SubBranch")
            .Select(u => u.GetProperty("id").GetGuid())
            .ToList();
        await OkAsync(await taskAdmin.PutAsJsonAsync($"/api/assessment/schemes/{scheme}/targets", new { cells = subBranches.Select(s => new { subBranchId = s, indicatorId = indicator, value = 120m }).ToArray() }));
        var version = (await (await taskAdmin.GetAsync($"/api/assessment/schemes/{scheme}")).JsonAsync()).GetProperty("version").GetInt64();
        await OkAsync(await taskAdmin.PostAsJsonAsync($"/api/assessment/schemes/{scheme}/publish", new { version }));

        var head = await app.ClientForAsync("head01");
        var opened = await JsonOkAsync(await head.PostAsJsonAsync("/api/tasks/plans", new { schemeId = scheme }));
        var planId = opened.GetProperty("id").GetGuid();
        await OkAsync(await head.PutAsJsonAsync($"/api/tasks/plans/{planId}", new
        {
            measures = new[] { new { indicatorId = indicator, title = "走访代发企业，拓展工资代发", ownerName = "支行01行长", milestones = Array.Empty<object>() } },
            version = opened.GetProperty("version").GetInt64(),
        }));
        await OkAsync(await head.PostAsync($"/api/tasks/plans/{planId}/submit", null));
        await OkAsync(await (await app.ClientForAsync("supervisor")).PostAsync($"/api/tasks/plans/{planId}/approve", null));
        var plan = await JsonOkAsync(await head.GetAsync($"/api/tasks/plans/{planId}"));
        var measure = plan.GetProperty("measures")[0].GetProperty("id").GetGuid();

        var staffId = (await JsonOkAsync(await (await app.ClientForAsync("staff0101")).GetAsync("/api/me"))).GetProperty("id").GetGuid();
        var day = today.ToDateTime(TimeOnly.MinValue);
        await OkAsync(await head.PostAsJsonAsync($"/api/tasks/weeks/{ISOWeek.GetYear(day)}/{ISOWeek.GetWeekOfYear(day)}/tasks", new
        {
            measureId = measure,
            title = TaskTitle,
            quantity = 10m,
            unit = "户",
            assigneeIds = new[] { staffId },
            dueDate = today,
            recurrence = "Once",
        }));
    }

    private static ILocator Field(IPage page, string testId) => Field(page.Locator("body"), testId);

    private static ILocator Field(ILocator scope, string testId) =>
        scope.Locator($"input[data-testid={testId}], textarea[data-testid={testId}], [data-testid={testId}] input, [data-testid={testId}] textarea").First;

    private static async Task<int> BellCountAsync(IPage page) =>
        int.TryParse((await page.Locator("[data-testid=bell-count]").TextContentAsync(new() { Timeout = 5_000 }).ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : null, TaskScheduler.Default))?.Trim(), out var count) ? count : 0;

    private static async Task WaitUntilAsync(IPage page, Func<Task<bool>> condition, string message)
    {
        for (var i = 0; i < 600; i++)
        {
            if (await condition())
            {
                return;
            }

            await page.WaitForTimeoutAsync(200);
        }

        Assert.Fail(message);
    }

    private static IEnumerable<JsonElement> Flatten(IEnumerable<JsonElement> nodes) =>
        nodes.SelectMany(n => Flatten(n.GetProperty("children").EnumerateArray()).Prepend(n));

    private static async Task OkAsync(HttpResponseMessage response) =>
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");

    private static async Task<JsonElement> JsonOkAsync(HttpResponseMessage response)
    {
        await OkAsync(response);
        return await response.JsonAsync();
    }

    private static async Task<Guid> IdAsync(HttpResponseMessage response) => (await JsonOkAsync(response)).GetProperty("id").GetGuid();
}
