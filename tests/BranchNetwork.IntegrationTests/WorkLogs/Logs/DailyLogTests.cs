using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BranchNetwork.IntegrationTests.Tasks.Week;
using BranchNetwork.Testing;

namespace BranchNetwork.IntegrationTests.WorkLogs.Logs;

/// <summary>WL-1 through the API: the day's log linked to weekly tasks, autosave, submit on time, the template's typed fields, and every refusal.</summary>
[Trait("Spec", "WL-1")]
public sealed class DailyLogTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    [Fact]
    public async Task A_staff_member_writes_a_draft_linked_to_a_weekly_task_autosaves_twice_and_submits_on_time()
    {
        app.EnsureAvailable();
        var plan = await ApprovedPlan.CreateAsync(app);
        var head = await app.ClientForAsync("head01");
        var staff = await app.ClientForAsync("staff0101");
        var staffId = await WeekApi.UserIdAsync(app, "staff0101");
        var task = await head.CreatedTaskAsync(plan.Measure, [staffId], title: "走访存量客户");
        var today = LogsApi.Today(app);

        var blank = await staff.DayAsync(today);
        Assert.Equal(("New", false), (blank.GetProperty("state").GetString(), blank.GetProperty("isClosed").GetBoolean()));
        Assert.Contains(blank.GetProperty("weekTasks").EnumerateArray(), t => t.GetProperty("taskId").GetGuid() == task.Id());

        var first = await staff.SavedDayAsync(today, new { done = "走访两户", sharedWithTeam = false, lines = new[] { new { taskId = task.Id(), quantity = 2m, note = "城东" } } });
        var second = await staff.SavedDayAsync(today, new
        {
            done = "走访三户，签约一户",
            problems = "需要理财经理支持",
            plan = "明日回访",
            sharedWithTeam = true,
            lines = new[] { new { taskId = task.Id(), quantity = 3m, note = "城东" } },
            version = first.GetProperty("version").GetInt64(),
        });
        Assert.Equal(first.GetProperty("id").GetGuid(), second.GetProperty("id").GetGuid());
        Assert.Equal("Draft", second.GetProperty("state").GetString());

        var submitted = await staff.SubmitDayAsync(today);
        var log = await submitted.JsonAsync();
        Assert.True(submitted.IsSuccessStatusCode, log.ToString());
        Assert.Equal(("Submitted", "OnTime"), (log.GetProperty("state").GetString(), log.GetProperty("timeliness").GetString()));

        // What the author sees afterwards: one log of the day, with the last save's text and the task line copied from the task.
        var read = await staff.DayAsync(today);
        Assert.Equal(("走访三户，签约一户", "需要理财经理支持", true), (read.GetProperty("done").GetString(), read.GetProperty("problems").GetString(), read.GetProperty("sharedWithTeam").GetBoolean()));
        var line = Assert.Single(read.GetProperty("lines").EnumerateArray());
        Assert.Equal(("走访存量客户", 3m, "户"), (line.GetProperty("taskTitle").GetString(), line.GetProperty("quantity").GetDecimal(), line.GetProperty("unit").GetString()));

        // A second submit is refused; a PUT on the same day edits the one log (the unique index allows no second).
        Assert.Equal(HttpStatusCode.Conflict, (await staff.SubmitDayAsync(today)).StatusCode);
        var edited = await staff.SavedDayAsync(today, new { done = "走访三户，签约两户", sharedWithTeam = true, lines = Array.Empty<object>() });
        Assert.Equal((log.GetProperty("id").GetGuid(), "Submitted"), (edited.GetProperty("id").GetGuid(), edited.GetProperty("state").GetString()));

        var month = await (await staff.GetAsync($"/api/worklogs/mine?month={today[..7]}")).JsonAsync();
        var day = month.GetProperty("days").EnumerateArray().First();
        Assert.Equal((today, "Submitted", "OnTime"), (day.GetProperty("day").GetString(), day.GetProperty("state").GetString(), day.GetProperty("timeliness").GetString()));
        // Working days early in the month closed without a log: missing.
        Assert.Contains(month.GetProperty("days").EnumerateArray(), d => d.GetProperty("state").GetString() == "Missing");
    }

    [Fact]
    public async Task An_account_manager_gets_the_position_template_whose_typed_fields_are_checked()
    {
        app.EnsureAvailable();
        var admin = await app.ClientForAsync("taskadmin");
        var templates = await (await admin.GetAsync("/api/worklogs/templates")).JsonAsync();
        foreach (var old in templates.EnumerateArray().Where(t => !t.GetProperty("isRetired").GetBoolean() && t.GetProperty("position").ValueKind == JsonValueKind.String && t.GetProperty("position").GetString() == "客户经理"))
        {
            Assert.True((await admin.PostAsync($"/api/worklogs/templates/{old.GetProperty("id").GetGuid()}/retire", null)).IsSuccessStatusCode);
        }

        var created = await admin.PostAsJsonAsync("/api/worklogs/templates", new
        {
            name = "客户经理日志",
            position = "客户经理",
            fields = new object[]
            {
                new { key = "customers_visited", label = "走访客户数", type = "Number", required = true, unit = "户" },
                new { key = "products_sold", label = "销售产品", type = "Choice", required = false, choices = new[] { "理财", "基金", "保险" } },
                new { key = "visit_date", label = "走访日期", type = "Date", required = false },
            },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var staff = await app.ClientForAsync("staff0102");
        var today = LogsApi.Today(app);
        var form = await staff.DayAsync(today);
        Assert.Equal("客户经理日志", form.GetProperty("templateName").GetString());
        Assert.Equal(["customers_visited", "products_sold", "visit_date"], form.GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("key").GetString()));

        async Task RefusedAsync(object body, string field)
        {
            var response = await staff.SaveDayAsync(today, body);
            var problem = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, problem);
            Assert.Contains(field, problem, StringComparison.Ordinal);
        }

        await RefusedAsync(new { done = "走访", fields = new Dictionary<string, string> { ["customers_visited"] = "三户" } }, "fields.customers_visited");
        await RefusedAsync(new { done = "走访", fields = new Dictionary<string, string> { ["products_sold"] = "黄金" } }, "fields.products_sold");
        await RefusedAsync(new { done = "走访", fields = new Dictionary<string, string> { ["visit_date"] = "2026-02-30" } }, "fields.visit_date");
        await RefusedAsync(new { done = "走访", fields = new Dictionary<string, string> { ["mood"] = "好" } }, "fields.mood");
        Assert.Equal("New", (await staff.DayAsync(today)).GetProperty("state").GetString());

        // A required field may stay empty in a draft, not on submit.
        await staff.SavedDayAsync(today, new { done = "走访客户", fields = new Dictionary<string, string> { ["products_sold"] = "基金" } });
        var refused = await staff.SubmitDayAsync(today);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("fields.customers_visited", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var saved = await staff.SavedDayAsync(today, new { done = "走访客户", fields = new Dictionary<string, string> { ["customers_visited"] = " 4 ", ["products_sold"] = "基金", ["visit_date"] = today } });
        Assert.Equal("4", saved.GetProperty("fields").EnumerateArray().First().GetProperty("value").GetString());
        Assert.True((await staff.SubmitDayAsync(today)).IsSuccessStatusCode);

        // Retired again, so the class's other account managers write with the default template.
        Assert.True((await admin.PostAsync($"/api/worklogs/templates/{(await created.JsonAsync()).GetProperty("id").GetGuid()}/retire", null)).IsSuccessStatusCode);
    }

    [Fact]
    public async Task Bad_input_is_refused_field_by_field_and_changes_nothing()
    {
        app.EnsureAvailable();
        var plan = await ApprovedPlan.CreateAsync(app);
        var head = await app.ClientForAsync("head01");
        var otherTask = await head.CreatedTaskAsync(plan.Measure, [await WeekApi.UserIdAsync(app, "staff0104")], title: "别人的任务");
        var staff = await app.ClientForAsync("staff0103");
        var today = LogsApi.Today(app);

        async Task<string> RefusedAsync(HttpStatusCode status, string day, object body)
        {
            var response = await staff.SaveDayAsync(day, body);
            var problem = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == status, problem);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            return problem;
        }

        Assert.Contains("day", await RefusedAsync(HttpStatusCode.BadRequest, LogsApi.Day(AssessmentToday().AddDays(1)), new { done = "明天的日志" }), StringComparison.Ordinal);
        Assert.Contains("day", await RefusedAsync(HttpStatusCode.BadRequest, "2026-13-01", new { done = "x" }), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await staff.SaveDayAsync(LogsApi.Day(AssessmentToday().AddDays(-2)), new { done = "补写前天" })).StatusCode);
        Assert.Contains("lines[0].taskId", await RefusedAsync(HttpStatusCode.BadRequest, today, new { done = "x", lines = new[] { new { taskId = otherTask.Id(), quantity = 1m } } }), StringComparison.Ordinal);
        Assert.Contains("fields.anything", await RefusedAsync(HttpStatusCode.BadRequest, today, new { done = "x", fields = new Dictionary<string, string> { ["anything"] = "1" } }), StringComparison.Ordinal);
        Assert.Contains("done", await RefusedAsync(HttpStatusCode.BadRequest, today, new { done = new string('长', 20_001) }), StringComparison.OrdinalIgnoreCase);

        // A 1 MB body: refused cleanly (the validator's 20,000 characters, or the request size limit), never a 500.
        var huge = await staff.SaveDayAsync(today, new { done = new string('x', 1024 * 1024) });
        Assert.True(huge.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, huge.StatusCode.ToString());

        // Nothing was stored, and head office has no log to write.
        Assert.Equal("New", (await staff.DayAsync(today)).GetProperty("state").GetString());
        var supervisor = await app.ClientForAsync("supervisor");
        var forbidden = await supervisor.SaveDayAsync(today, new { done = "总行" });
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Contains("worklogs.no_sub_branch", await forbidden.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.SubmitDayAsync(today)).StatusCode);
    }

    private DateOnly AssessmentToday() => BranchNetwork.IntegrationTests.Assessment.AssessmentApi.Today(app);
}
