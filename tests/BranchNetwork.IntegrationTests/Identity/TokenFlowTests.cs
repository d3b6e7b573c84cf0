using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using BranchNetwork.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;

namespace BranchNetwork.IntegrationTests.Identity;

[Trait("Spec", "ORG-4")]
public sealed class TokenFlowTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    [Fact]
    public async Task Discovery_lists_the_token_and_authorization_endpoints_and_the_password_grant_in_development()
    {
        app.EnsureAvailable();
        var discovery = await (await app.CreateAnonymousClient().GetAsync("/.well-known/openid-configuration")).JsonAsync();

        Assert.EndsWith("/connect/token", discovery.GetProperty("token_endpoint").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("/connect/authorize", discovery.GetProperty("authorization_endpoint").GetString(), StringComparison.Ordinal);
        var grants = discovery.GetProperty("grant_types_supported").EnumerateArray().Select(g => g.GetString()).ToList();
        Assert.Contains("authorization_code", grants);
        Assert.Contains("client_credentials", grants);
        Assert.Contains("refresh_token", grants);
        Assert.Contains("password", grants);
    }

    [Fact]
    public async Task Authorization_code_with_pkce_issues_a_token_for_the_signed_in_user()
    {
        app.EnsureAvailable();
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var authorize = QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = "branchnet-cli",
            ["response_type"] = "code",
            ["redirect_uri"] = "http://127.0.0.1/callback",
            ["scope"] = "openid profile roles api",
            ["code_challenge"] = challenge,
            ["code_challenge_method"] = "S256",
            ["state"] = "xyz",
        });

        // Not signed in: the authorize endpoint sends the browser to the sign-in page.
        var first = await browser.GetAsync(authorize);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Contains("/account/login", first.Headers.Location!.OriginalString, StringComparison.Ordinal);

        await CookieSignIn.LoginAsync(browser, "supervisor", BranchNetworkFactory.DemoPassword);
        var second = await browser.GetAsync(authorize);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        var callback = second.Headers.Location!;
        Assert.StartsWith("http://127.0.0.1/callback", callback.OriginalString, StringComparison.Ordinal);
        var query = QueryHelpers.ParseQuery(callback.Query);
        Assert.Equal("xyz", query["state"].ToString());

        var exchange = await app.CreateAnonymousClient().PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = "branchnet-cli",
            ["code"] = query["code"].ToString(),
            ["redirect_uri"] = "http://127.0.0.1/callback",
            ["code_verifier"] = verifier,
        }));
        var token = await exchange.JsonAsync();
        Assert.True(exchange.IsSuccessStatusCode, token.ToString());

        var api = app.CreateAnonymousClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("access_token").GetString());
        var me = await (await api.GetAsync("/api/me")).JsonAsync();
        Assert.Equal("supervisor", me.GetProperty("userName").GetString());
    }

    [Fact]
    public async Task A_code_exchange_with_the_wrong_pkce_verifier_is_refused()
    {
        app.EnsureAvailable();
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await CookieSignIn.LoginAsync(browser, "head05", BranchNetworkFactory.DemoPassword);
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes("the-real-verifier-0123456789012345678901234")));
        var redirect = await browser.GetAsync($"/connect/authorize?client_id=branchnet-cli&response_type=code&redirect_uri={Uri.EscapeDataString("http://127.0.0.1/callback")}&scope=openid%20api&code_challenge={challenge}&code_challenge_method=S256");
        var code = QueryHelpers.ParseQuery(redirect.Headers.Location!.Query)["code"].ToString();

        var exchange = await app.CreateAnonymousClient().PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = "branchnet-cli",
            ["code"] = code,
            ["redirect_uri"] = "http://127.0.0.1/callback",
            ["code_verifier"] = "an-attacker-guess-0123456789012345678901234567",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, exchange.StatusCode);
        Assert.Equal("invalid_grant", (await exchange.JsonAsync()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task An_integration_signs_in_with_client_credentials_and_reads_the_org_tree()
    {
        app.EnsureAvailable();
        var response = await app.CreateAnonymousClient().PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "branchnet-integration",
            ["client_secret"] = "integration-secret-2026",
            ["scope"] = "api",
        }));
        var token = await response.JsonAsync();
        Assert.True(response.IsSuccessStatusCode, token.ToString());

        var api = app.CreateAnonymousClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("access_token").GetString());
        var tree = await (await api.GetAsync("/api/identity/units")).JsonAsync();
        Assert.Equal("示例分行", tree[0].GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/identity/users")).StatusCode);
    }

    [Fact]
    public async Task A_refresh_token_renews_access_and_stops_working_once_the_user_is_disabled()
    {
        app.EnsureAvailable();
        var first = await (await app.RequestPasswordTokenAsync("staff0401", BranchNetworkFactory.DemoPassword, "openid api offline_access")).JsonAsync();
        var refresh = first.GetProperty("refresh_token").GetString()!;

        var renewed = await Refresh(refresh);
        Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
        var renewedRefresh = (await renewed.JsonAsync()).GetProperty("refresh_token").GetString()!;

        var admin = await app.ClientForAsync("admin");
        var user = await FindUserAsync(admin, "staff0401");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/identity/users/{user}/disable", null)).StatusCode);

        var refused = await Refresh(renewedRefresh);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("invalid_grant", (await refused.JsonAsync()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_disabled_users_access_token_stops_working_at_the_next_call()
    {
        app.EnsureAvailable();
        var staff = await app.ClientForAsync("staff0501");
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/api/me")).StatusCode);

        var admin = await app.ClientForAsync("admin");
        var id = await FindUserAsync(admin, "staff0501");
        var disabled = await (await admin.PostAsync($"/api/identity/users/{id}/disable", null)).JsonAsync();
        Assert.False(disabled.GetProperty("isActive").GetBoolean());

        Assert.Equal(HttpStatusCode.Unauthorized, (await staff.GetAsync("/api/me")).StatusCode);
        var again = await app.RequestPasswordTokenAsync("staff0501", BranchNetworkFactory.DemoPassword);
        Assert.Contains("disabled", (await again.JsonAsync()).GetProperty("error_description").GetString(), StringComparison.Ordinal);
    }

    private Task<HttpResponseMessage> Refresh(string refreshToken) =>
        app.CreateAnonymousClient().PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = "branchnet-cli",
            ["refresh_token"] = refreshToken,
        }));

    internal static async Task<string> FindUserAsync(HttpClient admin, string userName)
    {
        var page = await (await admin.GetAsync($"/api/identity/users?search={userName}")).JsonAsync();
        return page.GetProperty("items").EnumerateArray().Single(u => u.GetProperty("userName").GetString() == userName).GetProperty("id").GetString()!;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>Outside Development the password grant does not exist, even for the first-party client.</summary>
public sealed class ProductionFactory : BranchNetworkFactory
{
    protected override string EnvironmentName => "Production";
}

[Trait("Spec", "ORG-4")]
public sealed class PasswordGrantOutsideDevelopmentTests(ProductionFactory app) : IClassFixture<ProductionFactory>
{
    [Fact]
    public async Task The_password_grant_is_refused_in_production()
    {
        app.EnsureAvailable();
        var response = await app.RequestPasswordTokenAsync("admin", BranchNetworkFactory.DemoPassword);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("unsupported_grant_type", (await response.JsonAsync()).GetProperty("error").GetString());
        var discovery = await (await app.CreateAnonymousClient().GetAsync("/.well-known/openid-configuration")).JsonAsync();
        Assert.DoesNotContain("password", discovery.GetProperty("grant_types_supported").EnumerateArray().Select(g => g.GetString()));
    }
}
