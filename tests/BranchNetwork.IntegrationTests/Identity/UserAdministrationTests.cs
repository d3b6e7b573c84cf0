using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BranchNetwork.IntegrationTests.Platform;
using BranchNetwork.Testing;

namespace BranchNetwork.IntegrationTests.Identity;

[Trait("Spec", "ORG-1")]
public sealed class UserAdministrationTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    [Fact]
    public async Task The_demo_org_tree_has_a_head_office_with_four_business_lines_and_eight_sub_branches()
    {
        app.EnsureAvailable();
        var tree = await (await (await app.ClientForAsync("staff0101")).GetAsync("/api/identity/units")).JsonAsync();

        var headOffice = Assert.Single(tree.EnumerateArray());
        Assert.Equal("示例分行", headOffice.GetProperty("name").GetString());
        var children = headOffice.GetProperty("children").EnumerateArray().ToList();
        Assert.Equal(4, children.Count(c => c.GetProperty("kind").GetString() == "BusinessLine"));
        var subBranches = children.Where(c => c.GetProperty("kind").GetString() == "SubBranch").Select(c => c.GetProperty("name").GetString()).ToList();
        Assert.Equal(Enumerable.Range(1, 8).Select(i => $"支行{i:00}"), subBranches);
        Assert.All(children.Where(c => c.GetProperty("kind").GetString() == "SubBranch"), c => Assert.Equal("Team", c.GetProperty("children")[0].GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task An_admin_creates_a_user_who_can_then_sign_in_and_is_moved_to_another_unit()
    {
        app.EnsureAvailable();
        var admin = await app.ClientForAsync("admin");
        var units = await UnitsByCodeAsync(admin);

        var created = await admin.PostJsonAsync("/api/identity/users", new { userName = "li.na", displayName = "李娜", unitId = units["SB02"], position = "柜员", password = "Teller#2026ok" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var user = await created.JsonAsync();
        Assert.Equal(["Staff"], user.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ToArray());
        Assert.Equal("支行02", user.GetProperty("unitName").GetString());

        var me = await (await (await app.ClientForAsync("li.na", "Teller#2026ok")).GetAsync("/api/me")).JsonAsync();
        Assert.Equal("李娜", me.GetProperty("displayName").GetString());

        var moved = await admin.PostJsonAsync($"/api/identity/users/{user.GetProperty("id").GetString()}/move", new { unitId = units["SB03"] });
        Assert.Equal("支行03", (await moved.JsonAsync()).GetProperty("unitName").GetString());
    }

    [Fact]
    public async Task A_password_reset_lets_the_user_in_with_the_new_password_only()
    {
        app.EnsureAvailable();
        var admin = await app.ClientForAsync("admin");
        var id = await TokenFlowTests.FindUserAsync(admin, "staff0601");

        var weak = await admin.PostJsonAsync($"/api/identity/users/{id}/reset-password", new { newPassword = "short" });
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.True((await weak.JsonAsync()).GetProperty("errors").TryGetProperty("newPassword", out _));

        var reset = await admin.PostJsonAsync($"/api/identity/users/{id}/reset-password", new { newPassword = "NewSecret#2026" });
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await app.RequestPasswordTokenAsync("staff0601", BranchNetworkFactory.DemoPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.RequestPasswordTokenAsync("staff0601", "NewSecret#2026")).StatusCode);
    }

    [Fact]
    public async Task Creating_a_user_with_missing_and_overlong_fields_lists_each_field_and_stores_nothing()
    {
        app.EnsureAvailable();
        var admin = await app.ClientForAsync("admin");

        var response = await admin.PostJsonAsync("/api/identity/users", new { userName = "", displayName = new string('长', 101), password = "" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        foreach (var field in new[] { "userName", "displayName", "unitId", "password" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"missing error for {field}: {errors}");
        }

        var total = (await admin.AllItemsAsync("/api/identity/users")).Count;
        var again = await admin.PostJsonAsync("/api/identity/users", new { userName = "ghost", displayName = "幽灵", unitId = Guid.NewGuid(), password = "Ghost#2026pass" });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.True((await again.JsonAsync()).GetProperty("errors").TryGetProperty("unitId", out _));
        Assert.Equal(total, (await admin.AllItemsAsync("/api/identity/users")).Count);
    }

    [Fact]
    public async Task Errors_come_in_the_callers_language()
    {
        app.EnsureAvailable();
        var admin = await app.ClientForAsync("admin");
        var body = new { userName = "dup", displayName = "重复", unitId = Guid.NewGuid(), password = "Dup#2026password" };

        var chinese = await (await admin.PostJsonAsync("/api/identity/users", body)).JsonAsync();
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var english = await (await admin.PostJsonAsync("/api/identity/users", body)).JsonAsync();

        Assert.Equal("机构不存在或已撤销。", chinese.GetProperty("errors").GetProperty("unitId")[0].GetString());
        Assert.Equal("The unit does not exist or has been retired.", english.GetProperty("errors").GetProperty("unitId")[0].GetString());
    }

    [Fact]
    public async Task Staff_calling_admin_endpoints_get_403_and_nothing_changes()
    {
        app.EnsureAvailable();
        var staff = await app.ClientForAsync("staff0102");
        var target = await TokenFlowTests.FindUserAsync(await app.ClientForAsync("admin"), "staff0103");

        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/identity/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsync($"/api/identity/users/{target}/disable", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostJsonAsync($"/api/identity/users/{target}/roles", new { role = "SystemAdmin" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostJsonAsync("/api/identity/units", new { code = "X1", name = "X", kind = "Team" })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await (await app.ClientForAsync("staff0103")).GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task Renaming_a_unit_with_a_stale_version_is_a_409_and_keeps_the_first_edit()
    {
        app.EnsureAvailable();
        var admin = await app.ClientForAsync("admin");
        // A team, so the tree test of this class does not depend on the order tests run in.
        var unit = (await UnitsByCodeAsync(admin))["SB06-T1"];
        var first = await admin.PutAsJsonAsync($"/api/identity/units/{unit}", new { name = "支行06营销一组", version = 1 });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(2, (await first.JsonAsync()).GetProperty("version").GetInt64());

        var stale = await admin.PutAsJsonAsync($"/api/identity/units/{unit}", new { name = "支行06旧名", version = 1 });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var tree = (await (await admin.GetAsync("/api/identity/units")).JsonAsync()).GetRawText();
        Assert.Contains("支行06营销一组", tree, StringComparison.Ordinal);
        Assert.DoesNotContain("支行06旧名", tree, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_team_can_be_added_under_a_sub_branch_but_not_a_sub_branch_under_a_team()
    {
        app.EnsureAvailable();
        var admin = await app.ClientForAsync("admin");
        var units = await UnitsByCodeAsync(admin);

        var team = await admin.PostJsonAsync("/api/identity/units", new { code = "SB07-T2", name = "支行07对公团队", kind = "Team", parentId = units["SB07"] });
        Assert.Equal(HttpStatusCode.Created, team.StatusCode);
        var wrong = await admin.PostJsonAsync("/api/identity/units", new { code = "SB99", name = "错误支行", kind = "SubBranch", parentId = units["SB07-T1"] });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.True((await wrong.JsonAsync()).GetProperty("errors").TryGetProperty("parentId", out _));
        var duplicate = await admin.PostJsonAsync("/api/identity/units", new { code = "SB07-T2", name = "重复", kind = "Team", parentId = units["SB07"] });
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
    }

    internal static async Task<Dictionary<string, string>> UnitsByCodeAsync(HttpClient client)
    {
        var tree = await (await client.GetAsync("/api/identity/units")).JsonAsync();
        var result = new Dictionary<string, string>();
        void Walk(JsonElement node)
        {
            result[node.GetProperty("code").GetString()!] = node.GetProperty("id").GetString()!;
            foreach (var child in node.GetProperty("children").EnumerateArray())
            {
                Walk(child);
            }
        }

        foreach (var root in tree.EnumerateArray())
        {
            Walk(root);
        }

        return result;
    }
}
