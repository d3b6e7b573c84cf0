using System.Net.Http.Json;
using System.Text.Json;
using BranchNetwork.Testing;

namespace BranchNetwork.IntegrationTests.Resources.Approvals;

/// <summary>
/// RR-2 审批流程: SystemAdmin alone reads and replaces the routes; a step without approvers, a person who may not approve
/// and an unknown kind are refused field by field (nothing saved); head office's approvers are the candidates.
/// </summary>
[Trait("Spec", "RR-2")]
public sealed class RouteEditingTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    [Fact]
    public async Task SystemAdmin_replaces_a_route_and_bad_routes_are_refused_by_field()
    {
        app.EnsureAvailable();
        var admin = await app.ClientForAsync("admin");
        var supervisorId = await ApprovalsData.UserIdAsync(app, "supervisor");
        var leaderId = await ApprovalsData.UserIdAsync(app, "leader");
        var taskAdminId = await ApprovalsData.UserIdAsync(app, "taskadmin");
        var headId = await ApprovalsData.UserIdAsync(app, "head01");
        var before = await RoutesAsync(admin);
        Assert.Equal(["People", "Money", "Material"], before.Select(r => r.GetProperty("kind").GetString()));

        // A step without approvers, a second step naming a sub-branch head: 400 on each, nothing saved.
        var bad = await (await admin.PutAsJsonAsync("/api/resources/routes/people", new
        {
            steps = new object[]
            {
                new { name = "督导审核", mode = "OneByOne", approverIds = Array.Empty<Guid>(), ccIds = Array.Empty<Guid>() },
                new { name = "领导审核", mode = "AnyOf", approverIds = new[] { headId }, ccIds = Array.Empty<Guid>() },
            },
        })).ExpectAsync(400);
        var errors = bad.GetProperty("errors");
        Assert.True(errors.TryGetProperty("steps[0].approverIds", out _), bad.ToString());
        Assert.True(errors.TryGetProperty("steps[1].approverIds", out _), bad.ToString());
        var noApprovers = await (await admin.PutAsJsonAsync("/api/resources/routes/people", new
        {
            steps = new object[] { new { name = "督导审核", mode = "OneByOne", approverIds = Array.Empty<Guid>(), ccIds = Array.Empty<Guid>() } },
        })).ExpectAsync(400);
        Assert.True(noApprovers.GetProperty("errors").TryGetProperty("steps[0].approverIds", out _), noApprovers.ToString());
        var noSteps = await (await admin.PutAsJsonAsync("/api/resources/routes/material", new { steps = Array.Empty<object>() })).ExpectAsync(400);
        Assert.True(noSteps.GetProperty("errors").EnumerateObject().Any(e => e.Name.StartsWith("steps", StringComparison.OrdinalIgnoreCase)), noSteps.ToString());
        var noLeader = await (await admin.PutAsJsonAsync("/api/resources/routes/money", new
        {
            steps = new object[] { new { name = "督导审核", mode = "AnyOf", approverIds = new[] { supervisorId } } },
            leaderThreshold = 100_000m,
            leaderApproverIds = Array.Empty<Guid>(),
        })).ExpectAsync(400);
        Assert.True(noLeader.GetProperty("errors").TryGetProperty("leaderApproverIds", out _), noLeader.ToString());
        await (await admin.PutAsJsonAsync("/api/resources/routes/cars", new
        {
            steps = new object[] { new { name = "督导审核", mode = "AnyOf", approverIds = new[] { supervisorId } } },
        })).ExpectAsync(404, "resources.route_not_found");
        Assert.Equal(Json(before), Json(await RoutesAsync(admin)));

        // Only SystemAdmin.
        var valid = new
        {
            steps = new object[]
            {
                new { name = "条线初审", mode = "AllOf", approverIds = new[] { supervisorId, taskAdminId }, ccIds = new[] { leaderId }, dueWorkingDays = 3 },
                new { name = "督导复核", mode = "AnyOf", approverIds = Array.Empty<Guid>(), approverRole = "HeadOfficeSupervisor" },
            },
        };
        await (await (await app.ClientForAsync("supervisor")).PutAsJsonAsync("/api/resources/routes/people", valid)).ExpectAsync(403);
        await (await (await app.ClientForAsync("supervisor")).GetAsync("/api/resources/routes")).ExpectAsync(403);

        var saved = await (await admin.PutAsJsonAsync("/api/resources/routes/people", valid)).ExpectAsync(200);
        var steps = saved.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(["条线初审", "督导复核"], steps.Select(s => s.GetProperty("name").GetString()));
        Assert.Equal("AllOf", steps[0].GetProperty("mode").GetString());
        Assert.Equal(3, steps[0].GetProperty("dueWorkingDays").GetInt32());
        Assert.Equal(2, steps[1].GetProperty("dueWorkingDays").GetInt32());
        Assert.Equal(["分行督导", "任务管理员"], steps[0].GetProperty("approvers").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.Equal("分行分管行长", steps[0].GetProperty("cc")[0].GetProperty("name").GetString());

        var money = await (await admin.PutAsJsonAsync("/api/resources/routes/money", new
        {
            steps = new object[] { new { name = "督导审核", mode = "AnyOf", approverIds = new[] { supervisorId } } },
            leaderApproverIds = new[] { leaderId },
        })).ExpectAsync(200);
        Assert.Equal(50_000m, money.GetProperty("leaderThreshold").GetDecimal());
        var after = await RoutesAsync(admin);
        Assert.Equal("条线初审", after.Single(r => r.GetProperty("kind").GetString() == "People").GetProperty("steps")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task The_approver_candidates_are_head_offices_supervisors_and_task_admins()
    {
        app.EnsureAvailable();
        var response = await (await app.ClientForAsync("supervisor")).GetAsync("/api/resources/approver-candidates");
        var names = (await response.ExpectAsync(200)).EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
        Assert.Contains("分行督导", names);
        Assert.Contains("分行分管行长", names);
        Assert.Contains("任务管理员", names);
        Assert.DoesNotContain("系统管理员", names);
        Assert.DoesNotContain("支行01行长", names);
        await (await (await app.ClientForAsync("head01")).GetAsync("/api/resources/approver-candidates")).ExpectAsync(403);
    }

    private static async Task<List<JsonElement>> RoutesAsync(HttpClient admin) =>
        [.. (await (await admin.GetAsync("/api/resources/routes")).ExpectAsync(200)).EnumerateArray()];

    private static string Json(List<JsonElement> routes) => string.Join("|", routes.Select(r => r.GetRawText()));
}
