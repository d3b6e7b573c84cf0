using BranchNetwork.IntegrationTests.Audit.Trail;
using BranchNetwork.Modules.Audit.Domain;
using BranchNetwork.Testing;

namespace BranchNetwork.IntegrationTests.Resources.Requests;

/// <summary>Issue 14 with AU-2: a request's state changes land in the audit trail, with who made them.</summary>
[Trait("Spec", "RR-1")]
[Trait("Spec", "AU-2")]
public sealed class RequestTrailTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    [Fact]
    public async Task Submitting_and_withdrawing_a_request_are_transitions_in_the_trail()
    {
        app.EnsureAvailable();
        var head = await app.ClientForAsync("head01");
        var id = (await head.SubmittedAsync(RequestsApi.Material("留痕的物资申请"))).GetProperty("id").GetGuid().ToString();
        Assert.True((await head.PostAsync($"/api/resources/requests/{id}/withdraw", null)).IsSuccessStatusCode);

        var withdrawn = await TrailProbe.WaitForAsync(
            app,
            q => q.Where(r => r.Module == "Resources" && r.EntityType == "ResourceRequest" && r.EntityId == id && r.Operation == AuditOperations.Transition && r.Changes!.Contains("Withdrawn")),
            "the withdrawal in the trail");
        Assert.Equal(("Submitted", "Withdrawn"), TrailProbe.Fields(withdrawn)["State"]);
        Assert.Equal("head01", withdrawn.ActorName);
        Assert.Contains("SubBranchHead", withdrawn.ActorRoles!.Split(','));

        var transitions = await TrailProbe.RecordsAsync(app, q => q.Where(r => r.Module == "Resources" && r.EntityId == id && r.Operation == AuditOperations.Transition));
        Assert.Contains(transitions, r => TrailProbe.Fields(r)["State"] == ("Draft", "Submitted"));
    }
}
