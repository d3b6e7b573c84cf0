using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BranchNetwork.IntegrationTests.Assessment;
using BranchNetwork.IntegrationTests.Notifications;
using BranchNetwork.Modules.Tasks.Domain;
using BranchNetwork.Testing;

namespace BranchNetwork.IntegrationTests.Tasks.Supervision;

/// <summary>TK-4: head office's overview of every sub-branch's week, the drill-in, and prompts that notify live.</summary>
[Trait("Spec", "TK-4")]
public sealed class SupervisionTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    private sealed record Prepared(PublishedScheme Scheme, TaskWeek Week, Guid Overdue, Guid Open, Guid Sb02Task);

    /// <summary>
    /// This week (Wednesday 27 May 2026): 支行01 (plan approved) has four counted tasks — two written off, one open due
    /// Tuesday (overdue), one open due Friday — plus a cancelled one and one next week; 支行02 (plan submitted) two, both done.
    /// </summary>
    private async Task<Prepared> PrepareAsync()
    {
        var scheme = await AssessmentApi.PublishedSchemeAsync(app, [("走访客户", 100m, false)]);
        var staff = await SupervisionData.PersonAsync(app, "staff0101");
        var head02 = await SupervisionData.PersonAsync(app, "head02");
        var week = SupervisionData.ThisWeek(app);
        var today = AssessmentApi.Today(app);
        var sb01 = await SupervisionData.PlanAsync(app, scheme, "SB01");
        var sb02 = await SupervisionData.PlanAsync(app, scheme, "SB02", PlanState.Submitted);

        var done1 = await SupervisionData.TaskAsync(app, sb01, week, "走访代发企业", week.Start.AddDays(1), 5m, staff);
        var done2 = await SupervisionData.TaskAsync(app, sb01, week, "电话回访", week.Start.AddDays(2), 10m, staff);
        var overdue = await SupervisionData.TaskAsync(app, sb01, week, "拜访商户", today.AddDays(-1), 3m, staff);
        var open = await SupervisionData.TaskAsync(app, sb01, week, "社区宣传", week.Start.AddDays(4), 1m, staff);
        var cancelled = await SupervisionData.TaskAsync(app, sb01, week, "取消的任务", week.Start.AddDays(4), 1m, staff);
        _ = await SupervisionData.TaskAsync(app, sb01, week.Next, "下周任务", week.Next.Start.AddDays(1), 1m, staff);
        await SupervisionData.WriteOffAsync(app, done1, 6m, staff);
        await SupervisionData.WriteOffAsync(app, done2, 10m, staff);
        await SupervisionData.CancelAsync(app, cancelled, staff);

        var sb02Task = await SupervisionData.TaskAsync(app, sb02, week, "支行02任务", week.Start.AddDays(1), 2m, head02);
        await SupervisionData.WriteOffAsync(app, sb02Task, 2m, head02);
        await SupervisionData.WriteOffAsync(app, await SupervisionData.TaskAsync(app, sb02, week, "支行02任务二", week.Start.AddDays(1), 2m, head02), 2m, head02);
        return new Prepared(scheme, week, overdue, open, sb02Task);
    }

    private static string Query(Prepared p) => $"schemeId={p.Scheme.Id}&year={p.Week.Year}&week={p.Week.Number}";

    [Fact]
    public async Task Head_office_sees_every_sub_branchs_plan_state_tasks_completion_rate_and_overdue_weakest_first_and_nobody_else_does()
    {
        app.EnsureAvailable();
        var p = await PrepareAsync();
        var supervisor = await app.ClientForAsync("supervisor");

        var response = await supervisor.GetAsync($"/api/tasks/supervision?{Query(p)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var overview = await response.JsonAsync();
        Assert.Equal((p.Scheme.Id, p.Week.Year, p.Week.Number), (overview.GetProperty("scheme").GetProperty("id").GetGuid(), overview.GetProperty("year").GetInt32(), overview.GetProperty("week").GetInt32()));
        var rows = overview.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(p.Scheme.SubBranches.Count, rows.Count);
        var byCode = rows.ToDictionary(r => r.GetProperty("subBranchCode").GetString()!);
        Assert.Equal(("Approved", 4, 2, 0.5m, 1), Figures(byCode["SB01"]));
        Assert.Equal(("Submitted", 2, 2, 1m, 0), Figures(byCode["SB02"]));
        foreach (var other in byCode.Keys.Except(["SB01", "SB02"]))
        {
            Assert.Equal(("None", 0, 0, 0, JsonValueKind.Null), (byCode[other].GetProperty("planState").GetString(), byCode[other].GetProperty("tasks").GetInt32(), byCode[other].GetProperty("overdue").GetInt32(), byCode[other].GetProperty("done").GetInt32(), byCode[other].GetProperty("completionRate").ValueKind));
        }

        // Weakest first: sub-branches without tasks, then 支行01 at 50 %, then 支行02 at 100 %.
        var order = rows.Select(r => r.GetProperty("subBranchCode").GetString()).ToList();
        Assert.Equal(["SB01", "SB02"], order.TakeLast(2));

        // The current week is the default; task admins and auditors read it too.
        var current = await (await (await app.ClientForAsync("auditor")).GetAsync($"/api/tasks/supervision?schemeId={p.Scheme.Id}")).JsonAsync();
        Assert.Equal(p.Week.Number, current.GetProperty("week").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await (await app.ClientForAsync("taskadmin")).GetAsync($"/api/tasks/supervision?{Query(p)}")).StatusCode);

        // Next week holds one open task of 支行01 and nothing done.
        var next = await (await supervisor.GetAsync($"/api/tasks/supervision?schemeId={p.Scheme.Id}&year={p.Week.Next.Year}&week={p.Week.Next.Number}")).JsonAsync();
        var sb01Next = next.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("subBranchCode").GetString() == "SB01");
        Assert.Equal((1, 0, 0m), (sb01Next.GetProperty("tasks").GetInt32(), sb01Next.GetProperty("done").GetInt32(), sb01Next.GetProperty("completionRate").GetDecimal()));

        foreach (var user in new[] { "head01", "staff0101", "manager01", "head02" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientForAsync(user)).GetAsync($"/api/tasks/supervision?{Query(p)}")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.GetAsync($"/api/tasks/supervision?schemeId={Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await supervisor.GetAsync($"/api/tasks/supervision?schemeId={p.Scheme.Id}&year=2026&week=54")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await supervisor.GetAsync($"/api/tasks/supervision?schemeId={p.Scheme.Id}&week=3")).StatusCode);
    }

    [Fact]
    public async Task Head_office_drills_into_a_sub_branchs_week_with_assignees_quantities_and_overdue_tasks()
    {
        app.EnsureAvailable();
        var p = await PrepareAsync();
        var supervisor = await app.ClientForAsync("supervisor");
        var staff = await SupervisionData.PersonAsync(app, "staff0101");
        var sb01 = p.Scheme.SubBranches["SB01"];

        var detail = await (await supervisor.GetAsync($"/api/tasks/supervision/{sb01}?{Query(p)}")).JsonAsync();
        Assert.Equal(("SB01", "Approved"), (detail.GetProperty("subBranchCode").GetString(), detail.GetProperty("planState").GetString()));
        var tasks = detail.GetProperty("tasks").EnumerateArray().ToList();
        Assert.Equal(5, tasks.Count);
        var overdue = tasks.Single(t => t.GetProperty("id").GetGuid() == p.Overdue);
        Assert.Equal(("拜访商户", "走访客户措施", true, "Open", 3m), (overdue.GetProperty("title").GetString(), overdue.GetProperty("measureTitle").GetString(), overdue.GetProperty("overdue").GetBoolean(), overdue.GetProperty("state").GetString(), overdue.GetProperty("quantity").GetDecimal()));
        Assert.Equal([staff.Name], overdue.GetProperty("assignees").EnumerateArray().Select(a => a.GetString()));
        var done = tasks.Single(t => t.GetProperty("title").GetString() == "走访代发企业");
        Assert.Equal(("Done", 6m, false), (done.GetProperty("state").GetString(), done.GetProperty("actualQuantity").GetDecimal(), done.GetProperty("overdue").GetBoolean()));
        Assert.Single(tasks, t => t.GetProperty("overdue").GetBoolean());

        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.GetAsync($"/api/tasks/supervision/{Guid.NewGuid()}?{Query(p)}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientForAsync("head01")).GetAsync($"/api/tasks/supervision/{sb01}?{Query(p)}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.ClientForAsync("auditor")).GetAsync($"/api/tasks/supervision/{sb01}?{Query(p)}")).StatusCode);
    }

    [Fact]
    public async Task A_prompt_on_a_task_notifies_its_assignee_and_one_on_the_week_the_sub_branch_head_live()
    {
        app.EnsureAvailable();
        var p = await PrepareAsync();
        var supervisor = await app.ClientForAsync("supervisor");
        var sb01 = p.Scheme.SubBranches["SB01"];

        var onTask = await supervisor.PostAsJsonAsync("/api/tasks/prompts", new { subBranchId = sb01, year = p.Week.Year, week = p.Week.Number, taskId = p.Overdue, text = "拜访商户已逾期,请今天完成。" });
        Assert.Equal(HttpStatusCode.Created, onTask.StatusCode);
        var staff = await app.ClientForAsync("staff0101");
        await Eventually.WaitAsync(() => staff.TitlesAsync(), t => t.Contains("督导提示：拜访商户"), "staff0101's prompt notification");

        var onWeek = await supervisor.PostAsJsonAsync("/api/tasks/prompts", new { subBranchId = sb01, year = p.Week.Year, week = p.Week.Number, text = "本周完成率偏低,请督促。" });
        Assert.Equal(HttpStatusCode.Created, onWeek.StatusCode);
        var head01 = await app.ClientForAsync("head01");
        await Eventually.WaitAsync(() => head01.TitlesAsync(), t => t.Contains($"督导提示：{p.Week}"), "head01's week prompt notification");
        Assert.DoesNotContain($"督导提示：{p.Week}", await (await app.ClientForAsync("head02")).TitlesAsync());

        // The sub-branch's members read the week's prompts, newest first; another sub-branch learns nothing.
        var listed = await (await staff.GetAsync($"/api/tasks/prompts?subBranchId={sb01}&year={p.Week.Year}&week={p.Week.Number}")).JsonAsync();
        Assert.Equal(
            [("本周完成率偏低,请督促。", null), ("拜访商户已逾期,请今天完成。", "拜访商户")],
            listed.EnumerateArray().Select(x => (x.GetProperty("text").GetString(), x.GetProperty("taskTitle").GetString())).Take(2));
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientForAsync("head02")).GetAsync($"/api/tasks/prompts?subBranchId={sb01}")).StatusCode);
        var drill = await (await supervisor.GetAsync($"/api/tasks/supervision/{sb01}?{Query(p)}")).JsonAsync();
        Assert.Equal(2, drill.GetProperty("prompts").GetArrayLength());

        // Only head office's supervisor prompts; a task of another sub-branch or week is not there to prompt about.
        Assert.Equal(HttpStatusCode.Forbidden, (await head01.PostAsJsonAsync("/api/tasks/prompts", new { subBranchId = sb01, year = p.Week.Year, week = p.Week.Number, text = "自己提示" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.PostAsJsonAsync("/api/tasks/prompts", new { subBranchId = sb01, year = p.Week.Year, week = p.Week.Number, taskId = p.Sb02Task, text = "串门" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.PostAsJsonAsync("/api/tasks/prompts", new { subBranchId = sb01, year = p.Week.Next.Year, week = p.Week.Next.Number, taskId = p.Overdue, text = "错周" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await supervisor.PostAsJsonAsync("/api/tasks/prompts", new { subBranchId = sb01, year = p.Week.Year, week = p.Week.Number, text = "" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await supervisor.PostAsJsonAsync("/api/tasks/prompts", new { subBranchId = sb01, year = p.Week.Year, week = p.Week.Number, text = new string('提', 1001) })).StatusCode);
        var after = await (await supervisor.GetAsync($"/api/tasks/prompts?subBranchId={sb01}&year={p.Week.Year}&week={p.Week.Number}")).JsonAsync();
        Assert.Equal(listed.GetArrayLength(), after.GetArrayLength());
    }

    private static (string?, int, int, decimal, int) Figures(JsonElement row) =>
        (row.GetProperty("planState").GetString(), row.GetProperty("tasks").GetInt32(), row.GetProperty("done").GetInt32(), row.GetProperty("completionRate").GetDecimal(), row.GetProperty("overdue").GetInt32());
}
