using System.Net;
using BranchNetwork.Testing;
using static BranchNetwork.IntegrationTests.Tasks.Plans.PlansApi;

namespace BranchNetwork.IntegrationTests.Tasks.Plans;

/// <summary>
/// ORG-3 on work plans (TK-1): 支行01's plan is read by its members and head office's readers, is not found by anyone
/// else, is edited and submitted only by its head, and reviewed only by head office's supervisors.
/// </summary>
[Trait("Spec", "TK-1")]
public sealed class PlanAccessTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    [Fact]
    public async Task Only_the_head_of_the_sub_branch_edits_and_only_the_supervisor_reviews()
    {
        app.EnsureAvailable();
        var (scheme, planId, version) = await PlanAsync(app, "draft");
        var body = Measure(scheme.Indicators["存款"], "越权修改", scheme.Start.AddDays(1));

        // Another sub-branch's head learns nothing; staff of 支行01 read but may not edit; the auditor reads, writes nothing.
        var head02 = await app.ClientForAsync("head02");
        Assert.Equal(HttpStatusCode.NotFound, (await head02.GetAsync($"/api/tasks/plans/{planId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ReviseAsync(head02, planId, version, body)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(head02, $"/api/tasks/plans/{planId}/submit")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await head02.GetAsync($"/api/tasks/plans/{planId}/versions")).StatusCode);

        var staff = await app.ClientForAsync("staff0101");
        var read = await OkAsync(await staff.GetAsync($"/api/tasks/plans/{planId}"));
        Assert.False(read.GetProperty("can").GetProperty("edit").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, (await ReviseAsync(staff, planId, version, body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(staff, $"/api/tasks/plans/{planId}/submit")).StatusCode);

        var auditor = await app.ClientForAsync("auditor");
        _ = await OkAsync(await auditor.GetAsync($"/api/tasks/plans/{planId}"));
        Assert.Equal(HttpStatusCode.Forbidden, (await ReviseAsync(auditor, planId, version, body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(auditor, $"/api/tasks/plans/{planId}/approve")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(auditor, $"/api/tasks/plans/{planId}/comments", new { body = "审计意见" })).StatusCode);

        var moderator = await app.ClientForAsync("moderator");
        Assert.Equal(HttpStatusCode.NotFound, (await moderator.GetAsync($"/api/tasks/plans/{planId}")).StatusCode);

        // The supervisor reads but does not write the sub-branch's plan; the head may not review its own.
        var supervisor = await app.ClientForAsync("supervisor");
        Assert.Equal(HttpStatusCode.Forbidden, (await ReviseAsync(supervisor, planId, version, body)).StatusCode);
        var head01 = await app.ClientForAsync("head01");
        _ = await OkAsync(await PostAsync(head01, $"/api/tasks/plans/{planId}/submit"));
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(head01, $"/api/tasks/plans/{planId}/approve")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(await app.ClientForAsync("manager01"), $"/api/tasks/plans/{planId}/return", new { reason = "x" })).StatusCode);
    }

    [Fact]
    public async Task The_plans_of_a_scheme_are_all_sub_branches_for_head_office_and_the_own_one_for_others()
    {
        app.EnsureAvailable();
        var (scheme, planId, _) = await PlanAsync(app, "submitted");

        var all = await OkAsync(await (await app.ClientForAsync("supervisor")).GetAsync($"/api/tasks/plans?schemeId={scheme.Id}"));
        Assert.Equal(scheme.SubBranches.Count, all.GetArrayLength());
        Assert.Equal(("Submitted", planId), (all[0].GetProperty("state").GetString(), all[0].GetProperty("planId").GetGuid()));

        var own = await OkAsync(await (await app.ClientForAsync("staff0101")).GetAsync($"/api/tasks/plans?schemeId={scheme.Id}"));
        Assert.Equal(planId, Assert.Single(own.EnumerateArray()).GetProperty("planId").GetGuid());
        var other = await OkAsync(await (await app.ClientForAsync("head02")).GetAsync($"/api/tasks/plans?schemeId={scheme.Id}"));
        var sb02 = Assert.Single(other.EnumerateArray());
        Assert.Equal((scheme.SubBranches["SB02"], true), (sb02.GetProperty("subBranchId").GetGuid(), sb02.GetProperty("planId").ValueKind == System.Text.Json.JsonValueKind.Null));
    }
}
