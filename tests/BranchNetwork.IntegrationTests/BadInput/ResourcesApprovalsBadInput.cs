using System.Text.Json.Nodes;
using BranchNetwork.IntegrationTests.Resources.Approvals;
using BranchNetwork.Modules.Resources.Domain;
using BranchNetwork.Testing;

namespace BranchNetwork.IntegrationTests.BadInput;

/// <summary>
/// The Resources module's approvals area in the bad-input suite: its objects (kept in <see cref="BadInputWorld.Area"/>) and
/// write rows. The supervisor acts on head01's request waiting at the supervisor's step (every variant spoils one thing,
/// so the request stays where it is), confirms delivery of an approved one, and SystemAdmin writes the money route.
/// </summary>
internal static class ResourcesApprovalsBadInput
{
    public static IReadOnlyDictionary<string, Func<BadInputWorld, WriteOperation>> Rows { get; } =
        new Dictionary<string, Func<BadInputWorld, WriteOperation>>(StringComparer.Ordinal)
        {
            ["POST /api/resources/requests/{id}/decision"] = w => Act(w, "approvals.waiting", new JsonObject { ["decision"] = "Approve", ["granted"] = 1m, ["comment"] = "同意一人" }),
            ["POST /api/resources/requests/{id}/return"] = w => Act(w, "approvals.waiting", new JsonObject { ["comment"] = "请补充说明" }),
            ["POST /api/resources/requests/{id}/transfer"] = w => Act(w, "approvals.waiting", new JsonObject { ["userId"] = (Guid)w.Area["approvals.leader"], ["comment"] = "请领导处理" }),
            ["POST /api/resources/requests/{id}/signers"] = w => Act(w, "approvals.waiting", new JsonObject { ["userId"] = (Guid)w.Area["approvals.leader"], ["comment"] = "请领导会签" }),
            ["POST /api/resources/requests/{id}/fulfil"] = w => Act(w, "approvals.approved", new JsonObject { ["comment"] = "已配送" }),
            ["PUT /api/resources/routes/{kind}"] = w => new("admin", WriteOperations.PathIds(("kind", "money")), InputKind.Json, new JsonObject
            {
                ["steps"] = new JsonArray(new JsonObject
                {
                    ["name"] = "分行督导审批",
                    ["mode"] = "AnyOf",
                    ["approverIds"] = new JsonArray((Guid)w.Area["approvals.supervisor"]),
                    ["approverRole"] = "HeadOfficeSupervisor",
                    ["ccIds"] = new JsonArray((Guid)w.Area["approvals.taskadmin"]),
                    ["dueWorkingDays"] = 2,
                }),
                ["leaderThreshold"] = 50_000m,
                ["leaderApproverIds"] = new JsonArray((Guid)w.Area["approvals.leader"]),
            }),
        };

    /// <summary>head01's request waiting at the supervisor's step, another already approved, and the approvers' ids.</summary>
    public static async Task SeedAsync(BranchNetworkFactory app, BadInputWorld world)
    {
        foreach (var name in new[] { "supervisor", "leader", "taskadmin" })
        {
            world.Area[$"approvals.{name}"] = await ApprovalsData.UserIdAsync(app, name);
        }

        var waiting = await ApprovalsData.SubmittedAsync(app, ResourceKind.People, 2, [new("分行督导审批", StepMode.OneByOne, "supervisor")], title: "坏输入资源申请");
        world.Area["approvals.waiting"] = (waiting, await ApprovalsData.VersionAsync(app, waiting));
        var approved = await ApprovalsData.SubmittedAsync(app, ResourceKind.People, 2, [new("分行督导审批", StepMode.OneByOne, "supervisor")], title: "坏输入已批准申请");
        var supervisor = await app.ClientForAsync("supervisor");
        await (await supervisor.DecideAsync(app, approved, "Approve")).ExpectAsync(200);
        world.Area["approvals.approved"] = (approved, await ApprovalsData.VersionAsync(app, approved));
    }

    private static WriteOperation Act(BadInputWorld w, string key, JsonObject body)
    {
        var (id, version) = ((Guid, long))w.Area[key];
        body["version"] = version;
        return new("supervisor", WriteOperations.PathIds(("id", id)), InputKind.Json, body);
    }
}
