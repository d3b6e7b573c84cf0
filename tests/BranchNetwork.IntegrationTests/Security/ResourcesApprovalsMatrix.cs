using System.Net.Http.Json;
using BranchNetwork.IntegrationTests.Resources.Approvals;
using BranchNetwork.Modules.Resources.Domain;
using static BranchNetwork.IntegrationTests.Security.Expect;

namespace BranchNetwork.IntegrationTests.Security;

/// <summary>
/// The Resources module's approvals area in the authorisation matrix: its rows (columns as <see cref="AuthorizationMatrix.Callers"/>) and
/// requests. From docs/modules/resources.md, "Authorisation": head office's supervisors and task admins act at their own
/// step of a request (a task admin who is not its approver cannot read it: 404); only supervisors confirm delivery; the
/// request's sub-branch, its approvers, supervisors and the auditor read its approval state; SystemAdmin keeps the routes.
/// The requests are 支行01's (head01's), on a route deciding at the supervisor's step.
/// </summary>
internal static class ResourcesApprovalsMatrix
{
    private static readonly Expect[] Approvers = [E401, E403, E403, E403, E403, Ok, Ok, E403, E403, E403, E403];

    private static readonly Expect[] AtSupervisorsStep = [E401, E403, E403, E403, E403, Ok, E404, E403, E403, E403, E403];

    private static readonly Expect[] SystemAdminOnly = [E401, E403, E403, E403, E403, E403, E403, E403, E403, Ok, E403];

    public static readonly MatrixRow[] Rows =
    [
        //                                                                     anon  staff head01 head02 mgr01 superv task  moder audit admin secur
        new("GET /api/resources/approvals", Approvers),
        new("GET /api/resources/requests/{id}/approval",                       [E401, E403, Ok,    E404,  Ok,   Ok,    E404, E403, Ok,   E403, E403]),
        new("POST /api/resources/requests/{id}/decision", AtSupervisorsStep),
        new("POST /api/resources/requests/{id}/return", AtSupervisorsStep),
        new("POST /api/resources/requests/{id}/transfer", AtSupervisorsStep),
        new("POST /api/resources/requests/{id}/signers", AtSupervisorsStep),
        new("POST /api/resources/requests/{id}/fulfil",                        [E401, E403, E403,  E403,  E403, Ok,    E403, E403, E403, E403, E403]),
        new("GET /api/resources/routes", SystemAdminOnly),
        new("PUT /api/resources/routes/{kind}", SystemAdminOnly),
        new("GET /api/resources/approver-candidates",                          [E401, E403, E403,  E403,  E403, Ok,    Ok,   E403, E403, Ok,   E403]),
    ];

    public static readonly IReadOnlyDictionary<string, Func<MatrixWorld, Task<HttpRequestMessage>>> Requests =
        new Dictionary<string, Func<MatrixWorld, Task<HttpRequestMessage>>>
        {
            ["GET /api/resources/approvals"] = _ => Task.FromResult(new HttpRequestMessage(HttpMethod.Get, "/api/resources/approvals")),
            ["GET /api/resources/requests/{id}/approval"] = async w =>
            {
                var id = await w.OnceAsync("resources.approvals.request", () => AtSupervisorAsync(w), id => [id]);
                return new HttpRequestMessage(HttpMethod.Get, $"/api/resources/requests/{id}/approval");
            },
            ["POST /api/resources/requests/{id}/decision"] = w => ActAsync(w, "decision", _ => new { decision = "Approve", comment = "矩阵同意" }),
            ["POST /api/resources/requests/{id}/return"] = w => ActAsync(w, "return", _ => new { comment = "矩阵退回" }),
            ["POST /api/resources/requests/{id}/transfer"] = w => ActAsync(w, "transfer", leader => new { userId = leader, comment = "矩阵转交" }),
            ["POST /api/resources/requests/{id}/signers"] = w => ActAsync(w, "signers", leader => new { userId = leader }),
            ["POST /api/resources/requests/{id}/fulfil"] = async w =>
            {
                var (id, version) = await w.ObjectAsync(async () =>
                {
                    var fresh = await AtSupervisorAsync(w);
                    _ = await MatrixWorld.Ok(await w.Supervisor.DecideAsync(w.App, fresh, "Approve"));
                    return (fresh, await ApprovalsData.VersionAsync(w.App, fresh));
                });
                return new HttpRequestMessage(HttpMethod.Post, $"/api/resources/requests/{id}/fulfil") { Content = JsonContent.Create(new { comment = "矩阵落实", version }) };
            },
            ["GET /api/resources/routes"] = _ => Task.FromResult(new HttpRequestMessage(HttpMethod.Get, "/api/resources/routes")),
            ["PUT /api/resources/routes/{kind}"] = async w =>
            {
                // The demo route of material requests, written again as it is.
                var taskAdmin = await ApprovalsData.UserIdAsync(w.App, "taskadmin");
                return new HttpRequestMessage(HttpMethod.Put, "/api/resources/routes/material")
                {
                    Content = JsonContent.Create(new
                    {
                        steps = new object[] { new { name = "综合管理审批", mode = "AnyOf", approverIds = Array.Empty<Guid>(), approverRole = "HeadOfficeSupervisor", ccIds = new[] { taskAdmin }, dueWorkingDays = 2 } },
                    }),
                };
            },
            ["GET /api/resources/approver-candidates"] = _ => Task.FromResult(new HttpRequestMessage(HttpMethod.Get, "/api/resources/approver-candidates")),
        };

    /// <summary>A request of head01's waiting at the supervisor's step: fresh for the caller who may act, shared by the refused ones.</summary>
    private static async Task<HttpRequestMessage> ActAsync(MatrixWorld w, string action, Func<Guid, object> body)
    {
        var (id, version) = await w.ObjectAsync(async () =>
        {
            var fresh = await AtSupervisorAsync(w);
            return (fresh, await ApprovalsData.VersionAsync(w.App, fresh));
        });
        var leader = await ApprovalsData.UserIdAsync(w.App, "leader");
        var json = System.Text.Json.JsonSerializer.SerializeToNode(body(leader), ApprovalsData.Web)!.AsObject();
        json["version"] = version;
        return new HttpRequestMessage(HttpMethod.Post, $"/api/resources/requests/{id}/{action}") { Content = JsonContent.Create(json) };
    }

    private static Task<Guid> AtSupervisorAsync(MatrixWorld w) =>
        ApprovalsData.SubmittedAsync(w.App, ResourceKind.People, 2, [new("分行督导审批", StepMode.OneByOne, "supervisor")], title: "矩阵资源申请");
}
