using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BranchNetwork.IntegrationTests.Tasks.Week;
using BranchNetwork.IntegrationTests.WorkLogs.Logs;
using BranchNetwork.Testing;

namespace BranchNetwork.IntegrationTests.BadInput;

/// <summary>The WorkLogs module's logs area in the bad-input suite: its objects (kept in <see cref="BadInputWorld.Area"/>) and write rows.</summary>
internal static class WorkLogsLogsBadInput
{
    public static IReadOnlyDictionary<string, Func<BadInputWorld, WriteOperation>> Rows { get; } =
        new Dictionary<string, Func<BadInputWorld, WriteOperation>>(StringComparer.Ordinal)
        {
            // staff0102 links a task of their own week; every variant spoils one thing, so nothing is ever saved.
            ["PUT /api/worklogs/days/{day}"] = w => new("staff0102", WriteOperations.PathIds(("day", LogsApi.Day(w.Today))), InputKind.Json, new JsonObject
            {
                ["sharedWithTeam"] = true,
                ["lines"] = new JsonArray(new JsonObject { ["taskId"] = (Guid)w.Area["logs.task"], ["quantity"] = 2m, ["note"] = "城东两户" }),
            }),
            // manager01 has saved nothing today: junk bodies must not submit anything.
            ["POST /api/worklogs/days/{day}/submit"] = w => new("manager01", WriteOperations.PathIds(("day", LogsApi.Day(w.Today))), InputKind.None),
            ["POST /api/worklogs/logs/{id}/amendments"] = w =>
                new("staff0103", WriteOperations.PathIds(("id", (Guid)w.Area["logs.closed"])), InputKind.Json, new JsonObject { ["text"] = "补充：客户已回访" }),
            ["POST /api/worklogs/templates"] = _ => new("taskadmin", WriteOperations.PathIds(), InputKind.Json, TemplateBody(null)),
            ["PUT /api/worklogs/templates/{id}"] = w =>
            {
                var (id, version) = ((Guid, long))w.Area["logs.template"];
                return new("taskadmin", WriteOperations.PathIds(("id", id)), InputKind.Json, TemplateBody(version));
            },
            ["POST /api/worklogs/templates/{id}/retire"] = w => new("taskadmin", WriteOperations.PathIds(("id", (((Guid, long))w.Area["logs.template"]).Item1)), InputKind.None),
        };

    /// <summary>A task of staff0102 this week, a closed submitted log of staff0103 (a month ago) and a template to change.</summary>
    public static async Task SeedAsync(BranchNetworkFactory app, BadInputWorld world)
    {
        var plan = await ApprovedPlan.CreateAsync(app);
        var head = await app.ClientForAsync("head01");
        var task = await head.CreatedTaskAsync(plan.Measure, [await WeekApi.UserIdAsync(app, "staff0102")], title: "坏输入走访");
        world.Area["logs.task"] = task.Id();
        world.Area["logs.closed"] = await LogsApi.SubmittedClosedDayAsync(app, "staff0103", "坏输入昨日日志");
        var admin = await app.ClientForAsync("taskadmin");
        var created = await admin.PostAsJsonAsync("/api/worklogs/templates", JsonContentOf(TemplateBody(null)));
        var template = await created.JsonAsync();
        Assert.True(created.IsSuccessStatusCode, template.ToString());
        world.Area["logs.template"] = (template.GetProperty("id").GetGuid(), template.GetProperty("version").GetInt64());
    }

    private static JsonNode JsonContentOf(JsonObject body) =>
        JsonNode.Parse(body.ToJsonString().Replace(BadInputVariants.UniqueMarker, Guid.NewGuid().ToString("N")[..6].ToUpper(CultureInfo.InvariantCulture), StringComparison.Ordinal))!;

    private static JsonObject TemplateBody(long? version)
    {
        var body = new JsonObject
        {
            ["name"] = "坏输入模板",
            ["position"] = "坏输入岗位" + BadInputVariants.UniqueMarker,
            ["description"] = "说明",
            ["fields"] = new JsonArray(new JsonObject
            {
                ["key"] = "product",
                ["label"] = "销售产品",
                ["type"] = "Choice",
                ["required"] = false,
                ["choices"] = new JsonArray("理财", "基金"),
                ["unit"] = "笔",
            }),
        };
        if (version is { } v)
        {
            body["version"] = v;
        }

        return body;
    }
}
