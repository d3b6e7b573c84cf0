using System.Net;
using System.Text;
using BranchNetwork.IntegrationTests.Identity;
using BranchNetwork.Testing;

namespace BranchNetwork.IntegrationTests.Audit.Policies;

/// <summary>
/// 三员分立 re-checked on every path that gives a role (AU-5): the grant API for each pair of SystemAdmin,
/// SecurityAdmin and Auditor; opening an account (roles in the body are not read: a new account is Staff only);
/// the user import (a roles column is not read either). No account ends up holding two of the three.
/// </summary>
[Trait("Spec", "AU-5")]
public sealed class SeparationOfDutiesTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    private static readonly string[] Exclusive = ["SystemAdmin", "SecurityAdmin", "Auditor"];

    [Fact]
    public async Task The_grant_API_refuses_every_second_exclusive_role()
    {
        app.EnsureAvailable();
        var security = await app.ClientForAsync("security");
        var admin = await app.ClientForAsync("admin");
        foreach (var first in Exclusive)
        {
            var userName = $"sod.{first.ToLowerInvariant()}";
            var id = await CreateUserAsync(admin, userName, extra: null);
            Assert.Equal(HttpStatusCode.OK, (await security.PostJsonAsync($"/api/identity/users/{id}/roles", new { role = first })).StatusCode);
            foreach (var second in Exclusive.Where(r => r != first))
            {
                var clash = await security.PostJsonAsync($"/api/identity/users/{id}/roles", new { role = second });
                Assert.True(clash.StatusCode == HttpStatusCode.BadRequest, $"{first} + {second}: {(int)clash.StatusCode}");
            }

            Assert.Equal(new[] { first, "Staff" }.Order(StringComparer.Ordinal), await RolesAsync(admin, userName));
        }
    }

    [Fact]
    public async Task Opening_an_account_gives_Staff_only_whatever_the_body_says()
    {
        app.EnsureAvailable();
        var admin = await app.ClientForAsync("admin");
        var units = await (await admin.GetAsync("/api/identity/units")).JsonAsync();
        var sb01 = Flatten(units).Single(u => u.GetProperty("code").GetString() == "SB01").GetProperty("id").GetGuid();

        // Roles in the body are an unknown field (ADR 0018): refused, nothing opened.
        var withRoles = await admin.PostJsonAsync("/api/identity/users", new { userName = "sod.roles", displayName = "分立测试", unitId = sb01, position = "柜员", password = "Teller#2026sod", roles = new[] { "SystemAdmin", "Auditor" } });
        Assert.Equal(HttpStatusCode.BadRequest, withRoles.StatusCode);
        Assert.Empty((await (await admin.GetAsync("/api/identity/users?search=sod.roles")).JsonAsync()).GetProperty("items").EnumerateArray());

        await CreateUserAsync(admin, "sod.created", extra: null);
        Assert.Equal(["Staff"], await RolesAsync(admin, "sod.created"));
    }

    [Fact]
    public async Task The_user_import_gives_Staff_only_whatever_the_file_says()
    {
        app.EnsureAvailable();
        var admin = await app.ClientForAsync("admin");
        var csv = "UserName,DisplayName,UnitCode,Password,Roles\nsod.imported,导入员工,SB01,Import#2026sod,SystemAdmin;Auditor\n";
        var content = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "users.csv" } };
        var response = await admin.PostAsync("/api/identity/users/import", content);
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var page = await (await admin.GetAsync("/api/identity/users?search=sod.imported")).JsonAsync();
        foreach (var user in page.GetProperty("items").EnumerateArray())
        {
            Assert.DoesNotContain(user.GetProperty("roles").EnumerateArray().Select(r => r.GetString()), r => Exclusive.Contains(r));
        }
    }

    private static async Task<string> CreateUserAsync(HttpClient admin, string userName, string[]? extra)
    {
        var units = await (await admin.GetAsync("/api/identity/units")).JsonAsync();
        var sb01 = Flatten(units).Single(u => u.GetProperty("code").GetString() == "SB01").GetProperty("id").GetGuid();
        object body = extra is null
            ? new { userName, displayName = "分立测试", unitId = sb01, position = "柜员", password = "Teller#2026sod" }
            : new { userName, displayName = "分立测试", unitId = sb01, position = "柜员", password = "Teller#2026sod", roles = extra };
        var created = await admin.PostJsonAsync("/api/identity/users", body);
        Assert.True(created.StatusCode == HttpStatusCode.Created, $"{(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
        return await TokenFlowTests.FindUserAsync(admin, userName);
    }

    private static IEnumerable<System.Text.Json.JsonElement> Flatten(System.Text.Json.JsonElement units) =>
        units.EnumerateArray().SelectMany(u => (IEnumerable<System.Text.Json.JsonElement>)[u, .. u.TryGetProperty("children", out var children) ? Flatten(children) : []]);

    private static async Task<string?[]> RolesAsync(HttpClient admin, string userName)
    {
        var page = await (await admin.GetAsync($"/api/identity/users?search={userName}")).JsonAsync();
        return [.. page.GetProperty("items").EnumerateArray().Single(u => u.GetProperty("userName").GetString() == userName).GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Order(StringComparer.Ordinal)];
    }
}
