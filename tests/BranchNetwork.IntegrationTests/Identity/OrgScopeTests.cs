using System.Net;
using BranchNetwork.Testing;

namespace BranchNetwork.IntegrationTests.Identity;

[Trait("Spec", "ORG-3")]
public sealed class OrgScopeTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    [Fact]
    public async Task A_sub_branch_head_reads_the_own_roster_but_gets_403_and_no_names_for_another_sub_branch()
    {
        app.EnsureAvailable();
        var head = await app.ClientForAsync("head01");
        var units = await UserAdministrationTests.UnitsByCodeAsync(head);

        var own = await (await head.GetAsync($"/api/identity/units/{units["SB01"]}/members")).JsonAsync();
        var names = own.EnumerateArray().Select(m => m.GetProperty("userName").GetString()).ToList();
        Assert.Contains("head01", names);
        Assert.Contains("staff0105", names);
        Assert.DoesNotContain("head02", names);

        var other = await head.GetAsync($"/api/identity/units/{units["SB02"]}/members");
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        var body = await other.Content.ReadAsStringAsync();
        Assert.DoesNotContain("head02", body, StringComparison.Ordinal);
        Assert.DoesNotContain("staff0201", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_of_a_team_see_their_sub_branch_and_head_office_sees_every_sub_branch()
    {
        app.EnsureAvailable();
        var staff = await app.ClientForAsync("staff0101");
        var supervisor = await app.ClientForAsync("supervisor");
        var units = await UserAdministrationTests.UnitsByCodeAsync(staff);

        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/api/identity/units/{units["SB01"]}/members")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync($"/api/identity/units/{units["HO"]}/members")).StatusCode);
        foreach (var code in new[] { "SB02", "SB05", "SB08" })
        {
            var roster = await (await supervisor.GetAsync($"/api/identity/units/{units[code]}/members")).JsonAsync();
            Assert.Contains(roster.EnumerateArray(), m => m.GetProperty("userName").GetString() == $"head{code[2..]}");
        }
    }

    [Fact]
    public async Task An_unknown_unit_is_404()
    {
        app.EnsureAvailable();
        var response = await (await app.ClientForAsync("supervisor")).GetAsync($"/api/identity/units/{Guid.NewGuid()}/members");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }
}
