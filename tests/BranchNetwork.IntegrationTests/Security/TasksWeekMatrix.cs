using System.Globalization;
using System.Net.Http.Json;
using BranchNetwork.IntegrationTests.Tasks.Week;
using BranchNetwork.Testing;
using static BranchNetwork.IntegrationTests.Security.Expect;

namespace BranchNetwork.IntegrationTests.Security;

/// <summary>
/// The Tasks module's week area in the authorisation matrix: its rows (columns as <see cref="AuthorizationMatrix.Callers"/>) and requests.
/// From docs/modules/tasks.md (the week): the head, department manager and accounting supervisor of 支行01 manage its tasks;
/// only an assignee (staff0101) writes off and uploads evidence; the sub-branch and head office's readers read a task;
/// the team board is for the sub-branch's managers and head office's readers.
/// </summary>
internal static class TasksWeekMatrix
{
    private static readonly Expect[] Managers = [E401, E403, Ok, E404, Ok, E403, E403, E403, E403, E403, E403];

    private static readonly Expect[] AssigneeOnly = [E401, Ok, E403, E404, E403, E403, E403, E404, E403, E404, E404];

    public static readonly MatrixRow[] Rows =
    [
        //                                                                     anon  staff head01 head02 mgr01 superv task  moder audit admin secur
        new("POST /api/tasks/weeks/{year}/{week}/tasks", Managers),
        new("POST /api/tasks/tasks/{id}/evidence", AssigneeOnly),
        new("POST /api/tasks/tasks/{id}/write-off", AssigneeOnly),
        new("POST /api/tasks/tasks/{id}/carry-over", Managers),
        new("POST /api/tasks/tasks/{id}/cancel", Managers),
        new("POST /api/tasks/weeks/{year}/{week}/carry-over", Managers),
        new("GET /api/tasks/tasks/{id}", [E401, Ok, Ok, E404, Ok, Ok, Ok, E404, Ok, E404, E404]),
        new("GET /api/tasks/my-week", [E401, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok], Scoped: true),
        new("GET /api/tasks/team-board", [E401, E403, Ok, E404, Ok, Ok, Ok, E403, Ok, E403, E403]),
    ];

    public static readonly IReadOnlyDictionary<string, Func<MatrixWorld, Task<HttpRequestMessage>>> Requests =
        new Dictionary<string, Func<MatrixWorld, Task<HttpRequestMessage>>>
        {
            ["POST /api/tasks/weeks/{year}/{week}/tasks"] = async w =>
            {
                var (plan, staff) = await PlanAsync(w);
                var week = ISOWeek.GetWeekOfYear(w.Today.ToDateTime(TimeOnly.MinValue));
                return Json($"/api/tasks/weeks/{ISOWeek.GetYear(w.Today.ToDateTime(TimeOnly.MinValue))}/{week}/tasks", TaskBody(plan, staff, w.Today));
            },
            ["POST /api/tasks/tasks/{id}/evidence"] = async w =>
                new HttpRequestMessage(HttpMethod.Post, $"/api/tasks/tasks/{(await w.ObjectAsync(() => FreshTaskAsync(w))).Id}/evidence") { Content = MatrixWorld.EvidenceForm() },
            ["POST /api/tasks/tasks/{id}/write-off"] = async w =>
            {
                var (id, version) = await w.ObjectAsync(() => FreshTaskAsync(w));
                return Json($"/api/tasks/tasks/{id}/write-off", new { actualQuantity = 3m, note = "矩阵核销", version });
            },
            ["POST /api/tasks/tasks/{id}/carry-over"] = async w =>
                Json($"/api/tasks/tasks/{(await w.ObjectAsync(() => FreshTaskAsync(w))).Id}/carry-over", new { reason = "客户出差" }),
            ["POST /api/tasks/tasks/{id}/cancel"] = async w =>
                Json($"/api/tasks/tasks/{(await w.ObjectAsync(() => FreshTaskAsync(w))).Id}/cancel", new { reason = "措施调整" }),
            ["POST /api/tasks/weeks/{year}/{week}/carry-over"] = w =>
            {
                var lastWeek = w.Today.AddDays(-7).ToDateTime(TimeOnly.MinValue);
                return Task.FromResult(Json($"/api/tasks/weeks/{ISOWeek.GetYear(lastWeek)}/{ISOWeek.GetWeekOfYear(lastWeek)}/carry-over", new { subBranchId = w.Sb01 }));
            },
            ["GET /api/tasks/tasks/{id}"] = async w =>
                new HttpRequestMessage(HttpMethod.Get, $"/api/tasks/tasks/{(await w.OnceAsync("tasks.week.task", () => FreshTaskAsync(w), t => [t.Id])).Id}"),
            ["GET /api/tasks/my-week"] = w => Task.FromResult(new HttpRequestMessage(HttpMethod.Get, "/api/tasks/my-week")),
            ["GET /api/tasks/team-board"] = w => Task.FromResult(new HttpRequestMessage(HttpMethod.Get, $"/api/tasks/team-board?subBranchId={w.Sb01}")),
        };

    /// <summary>支行01's approved plan (the measure fed by tasks) and staff0101's id, made once.</summary>
    public static Task<(ApprovedPlan Plan, Guid Staff)> PlanAsync(MatrixWorld w) =>
        w.OnceAsync<(ApprovedPlan Plan, Guid Staff)>(
            "tasks.week.plan",
            async () => (await ApprovedPlan.CreateAsync(w.App), await WeekApi.UserIdAsync(w.App, "staff0101")),
            p => [p.Plan.PlanId, .. p.Plan.Measures.Values]);

    public static object TaskBody(ApprovedPlan plan, Guid staff, DateOnly today) => new
    {
        measureId = plan.Measure,
        title = "矩阵任务",
        quantity = 5m,
        unit = "户",
        assigneeIds = new[] { staff },
        dueDate = today,
        recurrence = "Once",
    };

    /// <summary>An open task of 支行01 assigned to staff0101 for this week, made by head01.</summary>
    public static async Task<(Guid Id, long Version)> FreshTaskAsync(MatrixWorld w)
    {
        var (plan, staff) = await PlanAsync(w);
        var day = w.Today.ToDateTime(TimeOnly.MinValue);
        var response = await w.Head01.PostAsJsonAsync($"/api/tasks/weeks/{ISOWeek.GetYear(day)}/{ISOWeek.GetWeekOfYear(day)}/tasks", TaskBody(plan, staff, w.Today));
        var task = await response.JsonAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException("Could not make a task for the matrix: " + task);
        }

        return (task.GetProperty("id").GetGuid(), task.GetProperty("version").GetInt64());
    }

    private static HttpRequestMessage Json(string url, object body) => new(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
}
