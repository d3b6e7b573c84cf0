using System.Net;
using BranchNetwork.Modules.Resources.Data;
using BranchNetwork.Modules.Resources.Domain;
using BranchNetwork.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BranchNetwork.IntegrationTests.Resources.Requests;

/// <summary>RR-2: a route nobody can decide (its only approver gone) is refused in the preview and at submission, with nothing changed. A class of its own: it changes the material route of its database.</summary>
[Trait("Spec", "RR-2")]
public sealed class RouteWithoutApproversTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    [Fact]
    public async Task A_route_without_approvers_is_refused_in_the_preview_and_at_submission_and_nothing_changes()
    {
        app.EnsureAvailable();
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ResourcesDbContext>();
            var route = await db.Routes.SingleAsync(r => r.Kind == ResourceKind.Material);
            // Someone who is no user of the bank (left, or a typing error): nobody remains to decide.
            route.Configure([new RouteStepDefinition("综合管理审批", StepMode.AnyOf, [Guid.NewGuid()], null, [], 2)], null, []);
            await db.SaveChangesAsync();
        }

        var head = await app.ClientForAsync("head01");
        var preview = await head.GetAsync("/api/resources/route-preview?kind=Material");
        Assert.Equal(HttpStatusCode.Conflict, preview.StatusCode);
        Assert.Equal("resources.route_without_approvers", RequestsApi.Code(await preview.JsonAsync()));

        var draft = await head.CreatedAsync(RequestsApi.Material());
        var id = draft.GetProperty("id").GetGuid();
        var submit = await head.PostAsync($"/api/resources/requests/{id}/submit", null);
        Assert.Equal(HttpStatusCode.Conflict, submit.StatusCode);
        Assert.Equal("resources.route_without_approvers", RequestsApi.Code(await submit.JsonAsync()));

        var after = await head.DetailAsync(id);
        Assert.Equal(("Draft", 0, 0), (after.GetProperty("state").GetString(), after.GetProperty("round").GetInt32(), after.GetProperty("steps").GetArrayLength()));
        Assert.Equal(draft.GetProperty("version").GetInt64(), after.GetProperty("version").GetInt64());
    }
}
