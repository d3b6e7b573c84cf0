using System.Buffers.Text;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using BranchNetwork.Testing;

namespace BranchNetwork.IntegrationTests.Identity;

/// <summary>
/// ADR 0031: who-am-I is kept per node; every change an administrator saves to the user, the unit or the roles is
/// what the user's next call reads, after the summary was kept by many calls before.
/// </summary>
[Trait("Spec", "ORG-2")]
public sealed class KeptWhoAmITests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    [Fact]
    public async Task A_move_a_new_role_and_a_renamed_unit_are_read_by_the_next_call_after_the_summary_was_kept()
    {
        app.EnsureAvailable();
        var admin = await app.ClientForAsync("admin");
        var units = await UserAdministrationTests.UnitsByCodeAsync(admin);
        var created = await admin.PostJsonAsync("/api/identity/users", new { userName = "zhao.min", displayName = "赵敏", unitId = units["SB04"], position = "柜员", password = "Teller#2026ok" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.JsonAsync()).GetProperty("id").GetString();
        var user = await app.ClientForAsync("zhao.min", "Teller#2026ok");
        for (var i = 0; i < 3; i++)
        {
            var kept = await (await user.GetAsync("/api/me")).JsonAsync();
            Assert.Equal("支行04", kept.GetProperty("unit").GetProperty("name").GetString());
        }

        Assert.Equal(HttpStatusCode.OK, (await admin.PostJsonAsync($"/api/identity/users/{id}/move", new { unitId = units["SB05"], position = "客户经理" })).StatusCode);
        var moved = await (await user.GetAsync("/api/me")).JsonAsync();
        Assert.Equal("支行05", moved.GetProperty("unit").GetProperty("name").GetString());
        Assert.Equal("客户经理", moved.GetProperty("position").GetString());

        var security = await app.ClientForAsync("security");
        Assert.Equal(HttpStatusCode.OK, (await security.PostJsonAsync($"/api/identity/users/{id}/roles", new { role = "DepartmentManager" })).StatusCode);
        var promoted = await (await user.GetAsync("/api/me")).JsonAsync();
        Assert.Contains("DepartmentManager", promoted.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));

        var renamed = await admin.PutAsJsonAsync($"/api/identity/units/{units["SB05"]}", new { name = "支行05（新址）", version = 1 });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        var inRenamed = await (await user.GetAsync("/api/me")).JsonAsync();
        Assert.Equal("支行05（新址）", inRenamed.GetProperty("unit").GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_kept_summary_does_not_outlive_a_disable()
    {
        app.EnsureAvailable();
        var user = await app.ClientForAsync("staff0701");
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/api/me")).StatusCode);

        var admin = await app.ClientForAsync("admin");
        var id = await TokenFlowTests.FindUserAsync(admin, "staff0701");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/identity/users/{id}/disable", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await user.GetAsync("/api/me")).StatusCode);
    }
}

/// <summary>
/// ADR 0031: a token's signature is checked once per node and its principal kept; a token altered in any byte is a
/// different token and meets the full check, and a kept token still expires.
/// </summary>
[Trait("Spec", "ORG-4")]
public sealed class KeptTokenCheckTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    [Fact]
    public async Task A_token_altered_after_the_original_was_kept_is_refused_and_the_original_still_works()
    {
        app.EnsureAvailable();
        var token = await app.TokenAsync("staff0801");
        var original = Bearer(token);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await original.GetAsync("/api/me")).StatusCode);
        }

        var parts = token.Split('.');
        // The signature's last character changed, and a payload naming another subject under the original signature.
        var badSignature = string.Join('.', parts[0], parts[1], parts[2][..^1] + (parts[2][^1] == 'A' ? 'B' : 'A'));
        var payload = System.Text.Json.Nodes.JsonNode.Parse(Base64Url.DecodeFromChars(parts[1]))!;
        payload["sub"] = Guid.NewGuid().ToString();
        var otherPayload = string.Join('.', parts[0], Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(payload.ToJsonString())), parts[2]);

        Assert.Equal(HttpStatusCode.Unauthorized, (await Bearer(badSignature).GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Bearer(otherPayload).GetAsync("/api/me")).StatusCode);
        var me = await (await original.GetAsync("/api/me")).JsonAsync();
        Assert.Equal("staff0801", me.GetProperty("userName").GetString());
    }

    [Fact]
    public async Task A_kept_token_is_refused_once_it_has_expired()
    {
        app.EnsureAvailable();
        var client = Bearer(await app.TokenAsync("staff0802"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);

        // Access tokens last 30 minutes; this class's own host, so no other test shares the moved clock.
        app.Clock.Advance(TimeSpan.FromMinutes(40));

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
    }

    private HttpClient Bearer(string token)
    {
        var client = app.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
