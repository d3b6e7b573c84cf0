using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BranchNetwork.IntegrationTests.Tasks.Week;
using BranchNetwork.Testing;

namespace BranchNetwork.IntegrationTests.BadInput;

/// <summary>The Tasks module's week area in the bad-input suite: its objects (kept in <see cref="BadInputWorld.Area"/>) and write rows.</summary>
internal static class TasksWeekBadInput
{
    private static readonly string[] TaskKeys = ["week.task.writeoff", "week.task.evidence", "week.task.carry", "week.task.cancel"];

    public static IReadOnlyDictionary<string, Func<BadInputWorld, WriteOperation>> Rows { get; } =
        new Dictionary<string, Func<BadInputWorld, WriteOperation>>(StringComparer.Ordinal)
        {
            ["POST /api/tasks/weeks/{year}/{week}/tasks"] = w =>
            {
                var (year, week) = Week(w.Today);
                return new("head01", WriteOperations.PathIds(("year", year), ("week", week)), InputKind.Json, new JsonObject
                {
                    ["measureId"] = ((ApprovedPlan)w.Area["week.plan"]).Measure,
                    ["title"] = "走访存量客户",
                    ["quantity"] = 5m,
                    ["unit"] = "户",
                    ["assigneeIds"] = new JsonArray((Guid)w.Area["week.staff"]),
                    ["dueDate"] = w.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ["recurrence"] = "Once",
                });
            },
            ["POST /api/tasks/tasks/{id}/write-off"] = w =>
            {
                var (id, version) = ((Guid, long))w.Area["week.task.writeoff"];
                return new("staff0101", WriteOperations.PathIds(("id", id)), InputKind.Json, new JsonObject { ["actualQuantity"] = 4m, ["note"] = "已走访", ["version"] = version });
            },
            ["POST /api/tasks/tasks/{id}/evidence"] = w =>
                new("staff0101", WriteOperations.PathIds(("id", (((Guid, long))w.Area["week.task.evidence"]).Item1)), InputKind.Upload, UploadName: "走访记录.pdf"),
            ["POST /api/tasks/tasks/{id}/carry-over"] = w =>
                new("head01", WriteOperations.PathIds(("id", (((Guid, long))w.Area["week.task.carry"]).Item1)), InputKind.Json, new JsonObject { ["reason"] = "客户出差" }),
            ["POST /api/tasks/tasks/{id}/cancel"] = w =>
                new("head01", WriteOperations.PathIds(("id", (((Guid, long))w.Area["week.task.cancel"]).Item1)), InputKind.Json, new JsonObject { ["reason"] = "措施调整" }),
            ["POST /api/tasks/weeks/{year}/{week}/carry-over"] = w =>
            {
                var (year, week) = Week(w.Today.AddDays(-7));
                return new("head01", WriteOperations.PathIds(("year", year), ("week", week)), InputKind.Json, new JsonObject { ["subBranchId"] = w.SubBranch01, ["reason"] = "整周顺延" });
            },
        };

    /// <summary>支行01's approved plan and one open task of staff0101 per destructive operation.</summary>
    public static async Task SeedAsync(BranchNetworkFactory app, BadInputWorld world)
    {
        var plan = await ApprovedPlan.CreateAsync(app);
        var staff = await WeekApi.UserIdAsync(app, "staff0101");
        world.Area["week.plan"] = plan;
        world.Area["week.staff"] = staff;
        var head = await app.ClientForAsync("head01");
        var (year, week) = Week(world.Today);
        foreach (var key in TaskKeys)
        {
            var response = await head.PostAsJsonAsync($"/api/tasks/weeks/{year}/{week}/tasks", new
            {
                measureId = plan.Measure,
                title = "坏输入任务",
                quantity = 5m,
                unit = "户",
                assigneeIds = new[] { staff },
                dueDate = world.Today,
                recurrence = "Once",
            });
            var task = await response.JsonAsync();
            Assert.True(response.IsSuccessStatusCode, task.ToString());
            world.Area[key] = (task.GetProperty("id").GetGuid(), task.GetProperty("version").GetInt64());
        }
    }

    private static (int Year, int Week) Week(DateOnly day)
    {
        var date = day.ToDateTime(TimeOnly.MinValue);
        return (ISOWeek.GetYear(date), ISOWeek.GetWeekOfYear(date));
    }
}
