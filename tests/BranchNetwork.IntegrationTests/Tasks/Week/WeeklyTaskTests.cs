using System.Net;
using System.Net.Http.Json;
using System.Text;
using BranchNetwork.IntegrationTests.Files;
using BranchNetwork.Testing;

namespace BranchNetwork.IntegrationTests.Tasks.Week;

/// <summary>TK-2 through the API: tasks split from approved measures, write-off (with evidence, progress, concurrency), carry-over, cancel, and every refusal.</summary>
[Trait("Spec", "TK-2")]
public sealed class WeeklyTaskTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    [Fact]
    public async Task A_head_splits_a_measure_into_a_task_the_assignee_writes_off_and_only_the_task_fed_indicator_gains_progress()
    {
        app.EnsureAvailable();
        var plan = await ApprovedPlan.CreateAsync(app);
        var head = await app.ClientForAsync("head01");
        var staff = await app.ClientForAsync("staff0101");
        var staffId = await WeekApi.UserIdAsync(app, "staff0101");

        var visit = await head.CreatedTaskAsync(plan.Measure, [staffId], quantity: 5m);
        Assert.Equal(("Open", 5m, "措施·走访客户", 2026, 22), (visit.State(), visit.GetProperty("quantity").GetDecimal(), visit.GetProperty("measureTitle").GetString(), visit.GetProperty("year").GetInt32(), visit.GetProperty("week").GetInt32()));
        Assert.Equal("支行01员工1", visit.GetProperty("assignees")[0].GetProperty("name").GetString());
        var deposit = await head.CreatedTaskAsync(plan.Measures[ApprovedPlan.ByHand], [staffId], title: "营销存款");

        var handDone = await staff.WriteOffAsync(deposit, 9m);
        Assert.Equal(HttpStatusCode.OK, handDone.StatusCode);
        var done = await staff.WriteOffAsync(visit, 4m);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var written = await done.JsonAsync();
        Assert.Equal(("Done", 4m, "已完成"), (written.State(), written.GetProperty("actualQuantity").GetDecimal(), written.GetProperty("note").GetString()));

        // The assessment module counts it for the indicator fed by tasks, not for the hand-entered one.
        await Eventually.WaitAsync(() => head.ActualAsync(plan, ApprovedPlan.FromTasks), a => a == 4m, "the write-off on the sheet");
        Assert.Null(await head.ActualAsync(plan, ApprovedPlan.ByHand));

        var detail = await head.TaskAsync(visit.Id());
        Assert.Equal(["Created", "WrittenOff"], detail.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("kind").GetString()));
        Assert.Equal("支行01员工1", detail.GetProperty("task").GetProperty("closedByName").GetString());
    }

    [Fact]
    public async Task A_carried_over_task_moves_to_next_week_keeping_its_history_and_a_cancelled_one_ends()
    {
        app.EnsureAvailable();
        var plan = await ApprovedPlan.CreateAsync(app);
        var manager = await app.ClientForAsync("manager01");
        var staffId = await WeekApi.UserIdAsync(app, "staff0101");
        var task = await manager.CreatedTaskAsync(plan.Measure, [staffId]);

        var carried = await manager.PostAsJsonAsync($"/api/tasks/tasks/{task.Id()}/carry-over", new { reason = "客户出差" });
        Assert.Equal(HttpStatusCode.OK, carried.StatusCode);
        var next = await carried.JsonAsync();
        Assert.Equal(("Open", 23, task.Id(), "2026-06-05"), (next.State(), next.GetProperty("week").GetInt32(), next.GetProperty("carriedFromTaskId").GetGuid(), next.GetProperty("dueDate").GetString()));

        var old = await manager.TaskAsync(task.Id());
        Assert.Equal(("CarriedOver", "客户出差"), (old.GetProperty("task").State(), old.GetProperty("task").GetProperty("reason").GetString()));
        var detail = await manager.TaskAsync(next.Id());
        Assert.Equal([task.Id(), next.Id()], detail.GetProperty("series").EnumerateArray().Select(t => t.Id()));
        Assert.Equal(["Created", "CarriedOver"], detail.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("kind").GetString()));

        var cancelled = await manager.PostAsJsonAsync($"/api/tasks/tasks/{next.Id()}/cancel", new { reason = "措施调整" });
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("Cancelled", (await cancelled.JsonAsync()).State());
        var again = await manager.PostAsJsonAsync($"/api/tasks/tasks/{next.Id()}/carry-over", new { reason = "再顺延" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var noReason = await manager.PostAsJsonAsync($"/api/tasks/tasks/{task.Id()}/cancel", new { reason = "" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
    }

    [Fact]
    public async Task Only_an_assignee_writes_off_once_and_of_two_concurrent_write_offs_exactly_one_succeeds()
    {
        app.EnsureAvailable();
        var plan = await ApprovedPlan.CreateAsync(app);
        var head = await app.ClientForAsync("head01");
        var staff = await app.ClientForAsync("staff0101");
        var staffId = await WeekApi.UserIdAsync(app, "staff0101");
        var task = await head.CreatedTaskAsync(plan.Measure, [staffId]);

        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientForAsync("manager01")).WriteOffAsync(task, 5m)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientForAsync("head02")).WriteOffAsync(task, 5m)).StatusCode);
        var negative = await staff.WriteOffAsync(task, -1m);
        Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);
        Assert.Equal("数量不能为负数。", (await negative.JsonAsync()).FirstError("actualQuantity"));
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.WriteOffAsync(task, "abc")).StatusCode);
        Assert.Equal("Open", (await staff.TaskAsync(task.Id())).GetProperty("task").State());

        var both = await Task.WhenAll(staff.WriteOffAsync(task, 5m), staff.WriteOffAsync(task, 6m));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], both.Select(r => r.StatusCode).Order());
        var twice = await staff.WriteOffAsync(task, 5m);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);

        var detail = await staff.TaskAsync(task.Id());
        Assert.Single(detail.GetProperty("history").EnumerateArray(), h => h.GetProperty("kind").GetString() == "WrittenOff");
    }

    [Fact]
    public async Task A_task_needs_an_approved_plan_a_week_of_the_period_and_assignees_of_the_sub_branch()
    {
        app.EnsureAvailable();
        var plan = await ApprovedPlan.CreateAsync(app);
        var head = await app.ClientForAsync("head01");
        var staffId = await WeekApi.UserIdAsync(app, "staff0101");
        var head02Id = await WeekApi.UserIdAsync(app, "head02");

        var outsider = await head.CreateTaskAsync(plan.Measure, [staffId, head02Id]);
        Assert.Equal(HttpStatusCode.BadRequest, outsider.StatusCode);
        Assert.Equal("执行人必须是本支行的在岗人员。", (await outsider.JsonAsync()).FirstError("assigneeIds"));
        var outside = await head.CreateTaskAsync(plan.Measure, [staffId], week: (2026, 30));
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        Assert.Equal("该周不在考核方案的期间内。", (await outside.JsonAsync()).FirstError("week"));
        Assert.Equal(HttpStatusCode.BadRequest, (await head.CreateTaskAsync(plan.Measure, [staffId], week: (2026, 54), due: new DateOnly(2026, 5, 29))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await head.CreateTaskAsync(plan.Measure, [staffId], quantity: 0m)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await head.CreateTaskAsync(plan.Measure, [staffId], quantity: "五")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await head.CreateTaskAsync(plan.Measure, [])).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await head.CreateTaskAsync(plan.Measure, [staffId], due: new DateOnly(2026, 6, 8))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await head.CreateTaskAsync(plan.Measure, [staffId], recurrence: "MustDo")).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientForAsync("staff0101")).CreateTaskAsync(plan.Measure, [staffId])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientForAsync("head02")).CreateTaskAsync(plan.Measure, [head02Id])).StatusCode);

        var submitted = await ApprovedPlan.CreateAsync(app, approve: false);
        var notApproved = await head.CreateTaskAsync(submitted.Measure, [staffId]);
        Assert.Equal(HttpStatusCode.Conflict, notApproved.StatusCode);

        var week = await (await head.GetAsync($"/api/tasks/team-board?year=2026&week=22")).JsonAsync();
        Assert.DoesNotContain(week.GetProperty("tasks").EnumerateArray(), t => t.GetProperty("measureId").GetGuid() == plan.Measure);
    }

    [Fact]
    public async Task Write_off_evidence_is_uploaded_by_an_assignee_within_limits_and_read_only_by_those_who_read_the_task()
    {
        app.EnsureAvailable();
        var plan = await ApprovedPlan.CreateAsync(app);
        var head = await app.ClientForAsync("head01");
        var staff = await app.ClientForAsync("staff0101");
        var staffId = await WeekApi.UserIdAsync(app, "staff0101");
        var task = await head.CreatedTaskAsync(plan.Measure, [staffId]);

        var uploaded = await staff.PostAsync($"/api/tasks/tasks/{task.Id()}/evidence", SampleFiles.Form(SampleFiles.Pdf(), "走访记录.pdf"));
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var fileId = (await uploaded.JsonAsync()).Id();

        var exe = await staff.PostAsync($"/api/tasks/tasks/{task.Id()}/evidence", SampleFiles.Form(SampleFiles.Executable(), "证明.pdf"));
        Assert.Equal(HttpStatusCode.BadRequest, exe.StatusCode);
        Assert.Contains("不支持此文件类型", (await exe.JsonAsync()).FirstError("file"), StringComparison.Ordinal);
        var oversize = await staff.PostAsync($"/api/tasks/tasks/{task.Id()}/evidence", SampleFiles.Form(Encoding.ASCII.GetBytes(new string('a', (10 * 1024 * 1024) + 1)), "流水.csv"));
        Assert.Equal(HttpStatusCode.BadRequest, oversize.StatusCode);
        Assert.Contains("10 MB", (await oversize.JsonAsync()).FirstError("file"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await head.PostAsync($"/api/tasks/tasks/{task.Id()}/evidence", SampleFiles.Form(SampleFiles.Pdf(), "a.pdf"))).StatusCode);

        Assert.Equal(HttpStatusCode.BadRequest, (await staff.WriteOffAsync(task, 5m, evidenceFileId: Guid.NewGuid())).StatusCode);
        var done = await staff.WriteOffAsync(task, 5m, evidenceFileId: fileId);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal(fileId, (await done.JsonAsync()).GetProperty("evidenceFileId").GetGuid());

        Assert.Equal(HttpStatusCode.OK, (await head.GetAsync($"/api/files/{fileId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.ClientForAsync("supervisor")).GetAsync($"/api/files/{fileId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientForAsync("head02")).GetAsync($"/api/files/{fileId}")).StatusCode);
    }
}
