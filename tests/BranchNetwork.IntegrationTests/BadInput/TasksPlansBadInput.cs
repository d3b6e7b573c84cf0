using System.Text.Json.Nodes;
using BranchNetwork.IntegrationTests.Assessment;
using BranchNetwork.IntegrationTests.Tasks.Plans;
using BranchNetwork.Testing;

namespace BranchNetwork.IntegrationTests.BadInput;

/// <summary>
/// The Tasks module's plans area in the bad-input suite: its objects (kept in <see cref="BadInputWorld.Area"/>) and write rows.
/// Each row's object is in the state its valid call needs (a draft to revise and submit, a submitted plan to review, an
/// approved plan of a closed scheme to mark excellent), so only the variant's fault is refused.
/// </summary>
internal static class TasksPlansBadInput
{
    private const string Scheme = "plans.scheme";
    private const string Draft = "plans.draft";
    private const string Submitted = "plans.submitted";
    private const string Closed = "plans.closed";

    public static IReadOnlyDictionary<string, Func<BadInputWorld, WriteOperation>> Rows { get; } =
        new Dictionary<string, Func<BadInputWorld, WriteOperation>>(StringComparer.Ordinal)
        {
            ["POST /api/tasks/plans"] = w => new("head01", WriteOperations.PathIds(), InputKind.Json, new JsonObject { ["schemeId"] = Plan(w, Scheme).Scheme.Id }),
            ["PUT /api/tasks/plans/{id}"] = w =>
            {
                var draft = Plan(w, Draft);
                var day = draft.Scheme.Start.AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                var measure = new JsonObject
                {
                    ["indicatorId"] = draft.Scheme.Indicators["存款"],
                    ["title"] = "走访代发企业",
                    ["ownerName"] = "张三",
                    ["milestones"] = new JsonArray(new JsonObject { ["date"] = day, ["expectedValue"] = 50m, ["note"] = "首批" }),
                    ["contingencyTrigger"] = "月末完成率低于50%",
                    ["contingencyActions"] = "行长带队营销",
                };
                return new("head01", WriteOperations.PathIds(("id", draft.PlanId)), InputKind.Json, new JsonObject { ["measures"] = new JsonArray(measure), ["version"] = draft.Version });
            },
            ["POST /api/tasks/plans/{id}/submit"] = w => new("head01", WriteOperations.PathIds(("id", Plan(w, Draft).PlanId)), InputKind.None),
            ["POST /api/tasks/plans/{id}/approve"] = w => new("supervisor", WriteOperations.PathIds(("id", Plan(w, Submitted).PlanId)), InputKind.None),
            ["POST /api/tasks/plans/{id}/return"] = w => new("supervisor", WriteOperations.PathIds(("id", Plan(w, Submitted).PlanId)), InputKind.Json, new JsonObject { ["reason"] = "请细化措施" }),
            ["POST /api/tasks/plans/{id}/comments"] = w => new("supervisor", WriteOperations.PathIds(("id", Plan(w, Submitted).PlanId)), InputKind.Json, new JsonObject { ["measureId"] = Plan(w, Submitted).MeasureId, ["body"] = "请写明园区名称" }),
            ["POST /api/tasks/plans/{id}/excellent"] = w => new("supervisor", WriteOperations.PathIds(("id", Plan(w, Closed).PlanId)), InputKind.Json, new JsonObject { ["citation"] = "措施具体" }),
        };

    public static async Task SeedAsync(BranchNetworkFactory app, BadInputWorld world)
    {
        // A published scheme without a plan of 支行01, for the open row; plans of 支行01 on schemes of their own.
        var open = await AssessmentApi.PublishedSchemeAsync(app, [("存款", 100m, false)]);
        world.Area[Scheme] = new SeededPlan(open, Guid.Empty, 0, Guid.Empty);
        foreach (var (key, stage) in new[] { (Draft, "draft"), (Submitted, "submitted"), (Closed, "closed") })
        {
            var (scheme, planId, version) = await PlansApi.PlanAsync(app, stage == "closed" ? "approved" : stage);
            if (stage == "closed")
            {
                var admin = await app.ClientForAsync("taskadmin");
                _ = await PlansApi.OkAsync(await admin.PostJsonAsync($"/api/assessment/schemes/{scheme.Id}/close", new { version = await admin.VersionAsync(scheme.Id) }));
            }

            var plan = await PlansApi.OkAsync(await (await app.ClientForAsync("head01")).GetAsync($"/api/tasks/plans/{planId}"));
            world.Area[key] = new SeededPlan(scheme, planId, version, plan.GetProperty("measures")[0].GetProperty("id").GetGuid());
        }
    }

    private static SeededPlan Plan(BadInputWorld world, string key) => (SeededPlan)world.Area[key];

    private sealed record SeededPlan(PublishedScheme Scheme, Guid PlanId, long Version, Guid MeasureId);
}
