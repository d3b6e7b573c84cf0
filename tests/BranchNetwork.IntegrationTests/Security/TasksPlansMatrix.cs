using System.Net.Http.Json;
using System.Text.Json;
using BranchNetwork.IntegrationTests.Assessment;
using static BranchNetwork.IntegrationTests.Security.Expect;

namespace BranchNetwork.IntegrationTests.Security;

/// <summary>
/// The Tasks module's plans area in the authorisation matrix: its rows (columns as <see cref="AuthorizationMatrix.Callers"/>) and requests.
/// Work plans (TK-1, TK-5; docs/modules/tasks.md "Authorisation"): 支行01's plan is read by its members and head office's
/// readers (supervisor, task admin, auditor) and not found by anyone else; only its own head edits and submits it; only
/// head office's supervisor reviews, comments and marks excellent; the excellent list is for everyone signed in.
/// </summary>
internal static class TasksPlansMatrix
{
    private static readonly Expect[] AnySignedIn = [E401, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok];

    private static readonly Expect[] Sb01Private = [E401, Ok, Ok, E404, Ok, Ok, Ok, E404, Ok, E404, E404];

    private static readonly Expect[] OwnHeadOnly = [E401, E403, Ok, E404, E403, E403, E403, E403, E403, E403, E403];

    private static readonly Expect[] SupervisorOnly = [E401, E403, E403, E403, E403, Ok, E403, E403, E403, E403, E403];

    public static readonly MatrixRow[] Rows =
    [
        //                                                          anon  staff head01 head02 mgr01 superv task  moder audit admin secur
        new("GET /api/tasks/plans/sheets", AnySignedIn, Scoped: true),
        new("GET /api/tasks/plans", AnySignedIn, Scoped: true),
        new("GET /api/tasks/plans/excellent", AnySignedIn),
        // Any head opens its own sub-branch's plan (head02 opens 支行02's); nobody opens another's.
        new("POST /api/tasks/plans",                               [E401, E403, Ok,    Ok,    E403, E403,  E403, E403, E403, E403, E403]),
        new("GET /api/tasks/plans/{id}", Sb01Private),
        new("PUT /api/tasks/plans/{id}", OwnHeadOnly),
        new("POST /api/tasks/plans/{id}/submit", OwnHeadOnly),
        new("POST /api/tasks/plans/{id}/approve", SupervisorOnly),
        new("POST /api/tasks/plans/{id}/return", SupervisorOnly),
        new("POST /api/tasks/plans/{id}/comments", SupervisorOnly),
        new("POST /api/tasks/plans/{id}/excellent", SupervisorOnly),
        new("GET /api/tasks/plans/{id}/versions", Sb01Private),
        new("GET /api/tasks/plans/{id}/diff", Sb01Private),
    ];

    public static readonly IReadOnlyDictionary<string, Func<MatrixWorld, Task<HttpRequestMessage>>> Requests =
        new Dictionary<string, Func<MatrixWorld, Task<HttpRequestMessage>>>
        {
            ["GET /api/tasks/plans/sheets"] = _ => Get("/api/tasks/plans/sheets"),
            ["GET /api/tasks/plans"] = async w => new HttpRequestMessage(HttpMethod.Get, $"/api/tasks/plans?schemeId={(await Shared(w, "submitted")).SchemeId}"),
            ["GET /api/tasks/plans/excellent"] = _ => Get("/api/tasks/plans/excellent"),
            ["POST /api/tasks/plans"] = async w => Json(HttpMethod.Post, "/api/tasks/plans", new { schemeId = (await w.ObjectAsync(w.FreshPublishedAsync)).Id }),
            ["GET /api/tasks/plans/{id}"] = async w => new HttpRequestMessage(HttpMethod.Get, $"/api/tasks/plans/{(await Shared(w, "draft")).PlanId}"),
            ["PUT /api/tasks/plans/{id}"] = async w =>
            {
                var plan = await w.ObjectAsync(() => FreshPlanAsync(w, "draft"));
                return Json(HttpMethod.Put, $"/api/tasks/plans/{plan.PlanId}", new { measures = new[] { Measure(w, "矩阵修改的措施") }, version = plan.Version });
            },
            ["POST /api/tasks/plans/{id}/submit"] = async w => Json(HttpMethod.Post, $"/api/tasks/plans/{(await w.ObjectAsync(() => FreshPlanAsync(w, "draft"))).PlanId}/submit", null),
            ["POST /api/tasks/plans/{id}/approve"] = async w => Json(HttpMethod.Post, $"/api/tasks/plans/{(await w.ObjectAsync(() => FreshPlanAsync(w, "submitted"))).PlanId}/approve", null),
            ["POST /api/tasks/plans/{id}/return"] = async w => Json(HttpMethod.Post, $"/api/tasks/plans/{(await w.ObjectAsync(() => FreshPlanAsync(w, "submitted"))).PlanId}/return", new { reason = "请细化措施" }),
            ["POST /api/tasks/plans/{id}/comments"] = async w => Json(HttpMethod.Post, $"/api/tasks/plans/{(await Shared(w, "submitted")).PlanId}/comments", new { body = "矩阵意见" }),
            ["POST /api/tasks/plans/{id}/excellent"] = async w => Json(HttpMethod.Post, $"/api/tasks/plans/{(await w.ObjectAsync(() => FreshPlanAsync(w, "closed"))).PlanId}/excellent", new { citation = "措施具体" }),
            ["GET /api/tasks/plans/{id}/versions"] = async w => new HttpRequestMessage(HttpMethod.Get, $"/api/tasks/plans/{(await Shared(w, "resubmitted")).PlanId}/versions"),
            ["GET /api/tasks/plans/{id}/diff"] = async w => new HttpRequestMessage(HttpMethod.Get, $"/api/tasks/plans/{(await Shared(w, "resubmitted")).PlanId}/diff?from=1&to=2"),
        };

    /// <summary>A plan of 支行01 made once and shared by read-only cells; its ids are 支行01's private ids.</summary>
    private static Task<MatrixPlan> Shared(MatrixWorld w, string stage) =>
        w.OnceAsync($"tasks.plans.{stage}", () => FreshPlanAsync(w, stage), p => [p.PlanId, .. p.MeasureIds]);

    /// <summary>
    /// 支行01's plan on a fresh published scheme (one per sheet), brought to <paramref name="stage"/>: draft (complete),
    /// submitted, resubmitted (v1 returned, v2 submitted), closed (approved, its scheme closed).
    /// </summary>
    private static async Task<MatrixPlan> FreshPlanAsync(MatrixWorld w, string stage)
    {
        var (schemeId, _) = await w.FreshPublishedAsync();
        var opened = await MatrixWorld.Ok(await w.Head01.PostAsJsonAsync("/api/tasks/plans", new { schemeId }));
        var planId = opened.GetProperty("id").GetGuid();
        var plan = await Revise(w, planId, opened.GetProperty("version").GetInt64(), Measure(w, "矩阵措施"));
        if (stage != "draft")
        {
            plan = await MatrixWorld.Ok(await w.Head01.PostAsync($"/api/tasks/plans/{planId}/submit", null));
        }

        if (stage == "resubmitted")
        {
            plan = await MatrixWorld.Ok(await w.Supervisor.PostAsJsonAsync($"/api/tasks/plans/{planId}/return", new { reason = "请细化" }));
            plan = await Revise(w, planId, plan.GetProperty("version").GetInt64(), Measure(w, "矩阵措施（细化）", plan.GetProperty("measures")[0].GetProperty("id").GetGuid()));
            plan = await MatrixWorld.Ok(await w.Head01.PostAsync($"/api/tasks/plans/{planId}/submit", null));
        }

        if (stage == "closed")
        {
            plan = await MatrixWorld.Ok(await w.Supervisor.PostAsync($"/api/tasks/plans/{planId}/approve", null));
            _ = await MatrixWorld.Ok(await w.TaskAdmin.PostAsJsonAsync($"/api/assessment/schemes/{schemeId}/close", new { version = await w.TaskAdmin.VersionAsync(schemeId) }));
        }

        return new MatrixPlan(schemeId, planId, plan.GetProperty("version").GetInt64(), [.. plan.GetProperty("measures").EnumerateArray().Select(m => m.GetProperty("id").GetGuid())]);
    }

    private static async Task<JsonElement> Revise(MatrixWorld w, Guid planId, long version, object measure) =>
        await MatrixWorld.Ok(await w.Head01.PutAsJsonAsync($"/api/tasks/plans/{planId}", new { measures = new[] { measure }, version }));

    private static object Measure(MatrixWorld w, string title, Guid? id = null) => new
    {
        id,
        indicatorId = w.Indicator,
        title,
        ownerName = "张三",
        milestones = new[] { new { date = w.Published.Start.AddDays(1), expectedValue = 50m } },
        contingencyTrigger = "完成率低于50%",
        contingencyActions = "行长带队营销",
    };

    private static Task<HttpRequestMessage> Get(string url) => Task.FromResult(new HttpRequestMessage(HttpMethod.Get, url));

    private static HttpRequestMessage Json(HttpMethod method, string url, object? body) =>
        new(method, url) { Content = body is null ? null : JsonContent.Create(body) };

    private sealed record MatrixPlan(Guid SchemeId, Guid PlanId, long Version, IReadOnlyList<Guid> MeasureIds);
}
