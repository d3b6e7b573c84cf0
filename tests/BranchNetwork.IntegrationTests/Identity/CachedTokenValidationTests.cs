using System.Net;
using System.Net.Http.Headers;
using BranchNetwork.IntegrationTests.Platform;
using BranchNetwork.Testing;

namespace BranchNetwork.IntegrationTests.Identity;

/// <summary>
/// Issue 16, goal 1 (ADR 0024): a bearer token's entry and its user's state are remembered per node instead of read
/// on every call; every way a token stops must still stop it at the next call — after it was accepted (and
/// remembered) many times.
/// </summary>
[Trait("Spec", "ORG-4")]
public sealed class CachedTokenValidationTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    [Fact]
    public async Task A_remembered_token_of_a_disabled_user_is_refused_at_the_next_call_and_stays_refused_after_the_user_is_enabled_again()
    {
        app.EnsureAvailable();
        var api = await app.ClientForAsync("staff0401");
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/me")).StatusCode);
        }

        var admin = await app.ClientForAsync("admin");
        var id = await TokenFlowTests.FindUserAsync(admin, "staff0401");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/identity/users/{id}/disable", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/me")).StatusCode);

        // Enabling the user does not bring the revoked token back; a new sign-in gets a token that works.
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/identity/users/{id}/enable", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/me")).StatusCode);
        var fresh = app.CreateAnonymousClient();
        fresh.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await FreshTokenAsync("staff0401"));
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task Disabling_one_user_leaves_the_remembered_tokens_of_others_working()
    {
        app.EnsureAvailable();
        var other = await app.ClientForAsync("staff0501");
        var disabled = await app.ClientForAsync("staff0502");
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await disabled.GetAsync("/api/me")).StatusCode);

        var admin = await app.ClientForAsync("admin");
        var id = await TokenFlowTests.FindUserAsync(admin, "staff0502");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/identity/users/{id}/disable", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await disabled.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task A_token_that_was_never_issued_here_is_refused()
    {
        app.EnsureAvailable();
        var forged = app.CreateAnonymousClient();
        forged.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln");
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync("/api/me")).StatusCode);
    }

    private async Task<string> FreshTokenAsync(string userName)
    {
        var response = await app.RequestPasswordTokenAsync(userName, BranchNetworkFactory.DemoPassword);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("access_token").GetString()!;
    }
}

/// <summary>Two nodes on one database: a user disabled through node A loses the token node B had remembered.</summary>
[Trait("Spec", "ORG-4")]
public sealed class CachedTokenTwoNodeTests(TwoNodes nodes) : IClassFixture<TwoNodes>
{
    [Fact]
    public async Task A_token_remembered_on_node_B_is_refused_there_once_node_A_disabled_the_user()
    {
        if (nodes.Database.Unavailable is { } reason)
        {
            TestEnvironment.Unavailable(reason);
        }

        // Each node signs with its own key here (no certificate configured): the token is node B's; its entry is shared.
        var onB = await nodes.B.ClientForAsync("staff0601");
        Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync("/api/me")).StatusCode);

        var admin = await nodes.A.ClientForAsync("admin");
        var id = await TokenFlowTests.FindUserAsync(admin, "staff0601");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/identity/users/{id}/disable", null)).StatusCode);

        // Node B learns of it from the revocation row (read once a second); waits for that state, the limit only stops a hung test.
        var refused = false;
        for (var deadline = DateTime.UtcNow.AddSeconds(60); !refused && DateTime.UtcNow < deadline;)
        {
            refused = (await onB.GetAsync("/api/me")).StatusCode == HttpStatusCode.Unauthorized;
            if (!refused)
            {
                await Task.Delay(50, TestContext.Current.CancellationToken);
            }
        }

        Assert.True(refused, "node B still accepted the disabled user's token");
    }
}
