using System.Net;
using BranchNetwork.Testing;

namespace BranchNetwork.IntegrationTests.Identity;

[Trait("Spec", "ORG-2")]
public sealed class RoleGrantTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    [Fact]
    public async Task Granting_a_second_of_SystemAdmin_SecurityAdmin_and_Auditor_is_refused_with_a_field_error()
    {
        app.EnsureAvailable();
        var security = await app.ClientForAsync("security");
        var adminId = await TokenFlowTests.FindUserAsync(await app.ClientForAsync("admin"), "admin");

        var response = await security.PostJsonAsync($"/api/identity/users/{adminId}/roles", new { role = "Auditor" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.Contains("SystemAdmin", problem.GetProperty("errors").GetProperty("role")[0].GetString(), StringComparison.Ordinal);
        var admin = await (await (await app.ClientForAsync("admin")).GetAsync("/api/me")).JsonAsync();
        Assert.Equal(["SystemAdmin"], admin.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ToArray());
    }

    [Fact]
    public async Task A_security_admin_grants_and_revokes_ordinary_roles()
    {
        app.EnsureAvailable();
        var security = await app.ClientForAsync("security");
        var id = await TokenFlowTests.FindUserAsync(await app.ClientForAsync("admin"), "staff0104");

        var granted = await (await security.PostJsonAsync($"/api/identity/users/{id}/roles", new { role = "Moderator" })).JsonAsync();
        Assert.Equal(["Moderator", "Staff"], granted.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ToArray());
        var auditor = await security.PostJsonAsync($"/api/identity/users/{id}/roles", new { role = "Auditor" });
        Assert.Equal(HttpStatusCode.OK, auditor.StatusCode);
        var clash = await security.PostJsonAsync($"/api/identity/users/{id}/roles", new { role = "SecurityAdmin" });
        Assert.Equal(HttpStatusCode.BadRequest, clash.StatusCode);

        var revoked = await (await security.DeleteAsync($"/api/identity/users/{id}/roles/Moderator")).JsonAsync();
        Assert.DoesNotContain("Moderator", revoked.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Only_the_security_admin_may_grant_roles()
    {
        app.EnsureAvailable();
        var id = await TokenFlowTests.FindUserAsync(await app.ClientForAsync("admin"), "staff0105");

        var byAdmin = await (await app.ClientForAsync("admin")).PostJsonAsync($"/api/identity/users/{id}/roles", new { role = "TaskAdmin" });
        var unknown = await (await app.ClientForAsync("security")).PostJsonAsync($"/api/identity/users/{id}/roles", new { role = "Overlord" });

        Assert.Equal(HttpStatusCode.Forbidden, byAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.True((await unknown.JsonAsync()).GetProperty("errors").TryGetProperty("role", out _));
    }
}
