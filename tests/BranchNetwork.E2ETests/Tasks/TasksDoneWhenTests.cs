using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using BranchNetwork.Testing;
using Microsoft.Playwright;

namespace BranchNetwork.E2ETests.Tasks;

/// <summary>
/// The Tasks module's definition of done in Chromium: head01 writes a work plan with a contingency plan and submits
/// it; the supervisor returns it with a comment on one measure and head01 is notified live; head01 revises and
/// resubmits; the supervisor reads the difference and approves; head01 gives staff0101 a task for this week;
/// staff0101 writes it off in "my week" on a phone and head01's team board updates without a reload; the
/// supervisor's overview shows 支行01's completion rate.
/// </summary>
public sealed partial class TasksDoneWhenTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    [Trait("Spec", "TK-1")]
    [Trait("Spec", "TK-2")]
    [Trait("Spec", "TK-3")]
    [Trait("Spec", "TK-4")]
    public async Task A_plan_is_returned_revised_approved_split_into_a_task_written_off_and_seen_by_head_office()
    {
        app.RequireBrowser();
        var (schemeId, code) = await PublishSchemeAsync();

        // head01 opens the plan for the new sheet and writes one measure with a milestone and a contingency plan.
        var head = await app.SignedInPageAsync("head01");
        await head.GotoAsync("/tasks/plans");
        await BrowserApp.WaitForLiveCircuitAsync(head);
        await head.ClickAsync($"[data-testid=open-plan-{schemeId}]");
        await head.WaitForURLAsync(PlanUrl());
        await BrowserApp.WaitForLiveCircuitAsync(head);
        await head.ClickAsync($"[data-testid=add-measure-{code}]");
        await Field(head, "measure-title-0").FillAsync("走访存量客户，发掘新增需求");
        await Field(head, "measure-owner-0").FillAsync("客户经理张三");
        // A new measure comes with one milestone at the end of the period.
        await Field(head, "milestone-value-0-0").FillAsync("120");
        await Field(head, "measure-trigger-0").FillAsync("月中完成率低于 40%");
        await Field(head, "measure-actions-0").FillAsync("增派两名客户经理集中外拓");
        await head.ClickAsync("[data-testid=submit-plan]");
        await head.ClickAsync("[data-testid=confirm-submit]");
        await head.Locator("[data-testid=plan-state]").Filter(new() { HasText = "待审核" }).WaitForAsync();
        var planPath = new Uri(head.Url).AbsolutePath;

        // The supervisor comments on the measure (指导纠偏) and returns the plan; head01's bell counts up live.
        var bellBefore = await BellCountAsync(head);
        var supervisor = await app.SignedInPageAsync("supervisor");
        await supervisor.GotoAsync(planPath);
        await BrowserApp.WaitForLiveCircuitAsync(supervisor);
        await Field(supervisor, "measure-comment-0").FillAsync("请写明目标客户名单和每周走访户数");
        await supervisor.ClickAsync("[data-testid=measure-comment-send-0]");
        await supervisor.Locator("[data-testid=measure-comments-0]").Filter(new() { HasText = "每周走访户数" }).WaitForAsync();
        await Field(supervisor, "return-comment").FillAsync("措施不够具体，请补充后重新提交。");
        await supervisor.ClickAsync("[data-testid=return-plan]");
        await supervisor.Locator("[data-testid=plan-state]").Filter(new() { HasText = "已退回" }).WaitForAsync();
        await WaitUntilAsync(head, async () => await BellCountAsync(head) > bellBefore, "head01's bell did not count the returned plan");

        // head01 reads the comment in place, revises the measure and resubmits: version 2.
        await head.GotoAsync(planPath);
        await BrowserApp.WaitForLiveCircuitAsync(head);
        await head.Locator("[data-testid=measure-comments-0]").Filter(new() { HasText = "每周走访户数" }).WaitForAsync();
        await Field(head, "measure-title-0").FillAsync("按名单走访 120 户存量客户，每周 30 户");
        await head.ClickAsync("[data-testid=submit-plan]");
        await head.ClickAsync("[data-testid=confirm-submit]");
        await head.Locator("[data-testid=plan-state]").Filter(new() { HasText = "待审核" }).WaitForAsync();
        await head.Locator("[data-testid=plan-version]").Filter(new() { HasText = "2" }).WaitForAsync();

        // The supervisor reads only what changed (the title, before and after) and approves.
        await supervisor.GotoAsync(planPath);
        await BrowserApp.WaitForLiveCircuitAsync(supervisor);
        var diff = supervisor.Locator("[data-testid=plan-diff]");
        await diff.Filter(new() { HasText = "按名单走访 120 户存量客户" }).WaitForAsync();
        Assert.Contains("走访存量客户，发掘新增需求", await diff.InnerTextAsync(), StringComparison.Ordinal);
        await supervisor.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserApp.ScreenshotPath("tasks-plan-review.png"), FullPage = true });
        await supervisor.ClickAsync("[data-testid=approve-plan]");
        await supervisor.Locator("[data-testid=plan-state]").Filter(new() { HasText = "已通过" }).WaitForAsync();

        // head01 gives staff0101 this week's task from the approved measure, on the team board.
        const string taskTitle = "走访代发工资企业";
        await head.GotoAsync("/tasks/team");
        await BrowserApp.WaitForLiveCircuitAsync(head);
        await head.WaitForSelectorAsync("[data-testid=team-board][data-live=on]");
        await head.ClickAsync("[data-testid=new-task]");
        await head.WaitForSelectorAsync("[data-testid=new-task-form]");
        await ChooseAsync(head, "new-task-measure", "按名单走访 120 户存量客户");
        await Field(head, "new-task-title").FillAsync(taskTitle);
        await Field(head, "new-task-quantity").FillAsync("30");
        await Field(head, "new-task-unit").FillAsync("户");
        await Field(head, "new-task-assignee-staff0101").ClickAsync(new() { Force = true });
        await head.ClickAsync("[data-testid=new-task-save]");
        await head.Locator("[data-testid^=team-task-]").Filter(new() { HasText = taskTitle }).WaitForAsync();
        await head.Locator("[data-testid=board-rate-staff0101]").Filter(new() { HasText = "0%" }).WaitForAsync();
        // A marker a reload would wipe.
        await head.EvaluateAsync("() => window.__boardNotReloaded = true");

        // staff0101 writes it off in "my week" on a phone.
        var staff = await app.SignedInPageAsync("staff0101", width: 390, height: 844);
        await staff.GotoAsync("/tasks/my-week");
        await BrowserApp.WaitForLiveCircuitAsync(staff);
        var card = staff.Locator("[data-testid^=my-week-task-]").Filter(new() { HasText = taskTitle });
        await card.WaitForAsync();
        await card.Locator("[data-testid^=write-off-]").First.ClickAsync();
        Assert.Equal("30", await Field(staff, "write-off-quantity").InputValueAsync());
        await Field(staff, "write-off-note").FillAsync("走访 30 户，已登记客户需求");
        await staff.ClickAsync("[data-testid=write-off-confirm]");
        await staff.Locator("[data-testid=my-week-done]").Filter(new() { HasText = taskTitle }).WaitForAsync();
        Assert.True(await staff.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "My week scrolls sideways on a phone.");
        await staff.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("tasks-my-week-phone.png"), FullPage = true });

        // head01's board follows without a reload.
        await head.Locator("[data-testid=board-rate-staff0101]").Filter(new() { HasText = "100%" }).WaitForAsync();
        Assert.True(await head.EvaluateAsync<bool>("() => window.__boardNotReloaded === true"), "The team board was reloaded.");
        await head.Locator("[data-testid^=team-task-]").Filter(new() { HasText = taskTitle }).Filter(new() { HasText = "已核销" }).WaitForAsync();
        await head.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("tasks-team-board.png"), FullPage = true });

        // Head office's overview of the week shows 支行01 at 100 %.
        await supervisor.GotoAsync($"/tasks/supervision?schemeId={schemeId}");
        await BrowserApp.WaitForLiveCircuitAsync(supervisor);
        await supervisor.Locator("[data-testid=supervision-rate-SB01]").Filter(new() { HasText = "100" }).WaitForAsync();
        await supervisor.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("tasks-supervision.png"), FullPage = true });
    }

    /// <summary>Opens a MudSelect wrapped in the test id and picks the option with that text.</summary>
    private static async Task ChooseAsync(IPage page, string testId, string option)
    {
        await page.Locator($"[data-testid={testId}] .mud-input-control").First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = option }).First.ClickAsync();
    }

    /// <summary>A Tasks-sourced indicator in a custom-period scheme around today, targets for every sub-branch, published.</summary>
    private async Task<(Guid SchemeId, string Code)> PublishSchemeAsync()
    {
        var taskAdmin = await app.ClientForAsync("taskadmin");
        var code = "TKE" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var indicator = await IdAsync(await taskAdmin.PostAsJsonAsync("/api/assessment/indicators", new
        {
            code,
            name = "有效客户新增",
            unit = "户",
            direction = "HigherIsBetter",
            dataSource = "Tasks",
            ruleKind = "Ratio",
            allowSubBranchEntry = false,
        }));
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(app.Clock.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")));
        var scheme = await IdAsync(await taskAdmin.PostAsJsonAsync("/api/assessment/schemes", new
        {
            name = "任务管理演示方案-" + code,
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
        return (scheme, code);
    }

    private static Regex PlanUrl() => PlanUrlPattern();

    [GeneratedRegex("/tasks/plans/[0-9a-f-]{36}$")]
    private static partial Regex PlanUrlPattern();

    private static ILocator Field(IPage page, string testId) =>
        page.Locator($"input[data-testid={testId}], textarea[data-testid={testId}], [data-testid={testId}] input, [data-testid={testId}] textarea").First;

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

    private static async Task<Guid> IdAsync(HttpResponseMessage response)
    {
        await OkAsync(response);
        return (await response.JsonAsync()).GetProperty("id").GetGuid();
    }
}
