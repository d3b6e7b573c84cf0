using System.Net;
using System.Text.Json;
using BranchNetwork.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace BranchNetwork.IntegrationTests.Identity;

[Trait("Spec", "ORG-4")]
public sealed class SignInTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    private HttpClient Browser() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    [Fact]
    public async Task A_sub_branch_head_signs_in_with_the_cookie_and_sees_the_home_page()
    {
        app.EnsureAvailable();
        var browser = Browser();

        var anonymous = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/login", anonymous.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        var login = await CookieSignIn.LoginAsync(browser, "head01", BranchNetworkFactory.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/", login.Headers.Location!.OriginalString);

        var home = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        var html = await home.Content.ReadAsStringAsync();
        Assert.Contains("支行01行长", html, StringComparison.Ordinal);
        Assert.Contains("home-card-SheetStanding", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_returns_to_the_sign_in_page_with_an_error_and_no_cookie()
    {
        app.EnsureAvailable();
        var browser = Browser();

        var login = await CookieSignIn.LoginAsync(browser, "head02", "wrong-Password1!");

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Contains("error=invalid", login.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/")).StatusCode);
        var page = await browser.GetStringAsync(login.Headers.Location!.OriginalString);
        Assert.Contains("用户名或密码错误", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sign_in_page_never_redirects_to_another_site()
    {
        app.EnsureAvailable();
        var login = await CookieSignIn.LoginAsync(Browser(), "head03", BranchNetworkFactory.DemoPassword, returnUrl: "https://evil.example/steal");

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/", login.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_sign_in_post_without_an_antiforgery_token_is_rejected()
    {
        app.EnsureAvailable();
        var response = await Browser().PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = "head01",
            ["password"] = BranchNetworkFactory.DemoPassword,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_for_both_the_token_endpoint_and_the_web_sign_in()
    {
        app.EnsureAvailable();
        for (var i = 0; i < 5; i++)
        {
            var failed = await app.RequestPasswordTokenAsync("staff0301", "Wrong-password-1");
            Assert.Equal(HttpStatusCode.BadRequest, failed.StatusCode);
        }

        var locked = await app.RequestPasswordTokenAsync("staff0301", BranchNetworkFactory.DemoPassword);
        Assert.Equal(HttpStatusCode.BadRequest, locked.StatusCode);
        var error = await locked.JsonAsync();
        Assert.Equal("invalid_grant", error.GetProperty("error").GetString());
        Assert.Contains("locked", error.GetProperty("error_description").GetString(), StringComparison.OrdinalIgnoreCase);

        var web = await CookieSignIn.LoginAsync(Browser(), "staff0301", BranchNetworkFactory.DemoPassword);
        Assert.Contains("error=locked", web.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_password_token_for_a_demo_user_reaches_api_me()
    {
        app.EnsureAvailable();
        var client = await app.ClientForAsync("staff0101");

        var me = await (await client.GetAsync("/api/me")).JsonAsync();

        Assert.Equal("staff0101", me.GetProperty("userName").GetString());
        Assert.Equal("支行01营销团队", me.GetProperty("unit").GetProperty("name").GetString());
        Assert.Equal("Team", me.GetProperty("unit").GetProperty("kind").GetString());
        Assert.Equal(["Staff"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ToArray());
    }

    [Fact]
    public async Task Api_me_without_a_token_is_401_and_a_cookie_does_not_open_the_api()
    {
        app.EnsureAvailable();
        var browser = Browser();
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/me")).StatusCode);

        await CookieSignIn.LoginAsync(browser, "head04", BranchNetworkFactory.DemoPassword);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task Api_me_returns_unit_and_roles_of_a_sub_branch_head()
    {
        app.EnsureAvailable();
        var me = await (await (await app.ClientForAsync("head01")).GetAsync("/api/me")).JsonAsync();

        Assert.Equal("支行01行长", me.GetProperty("displayName").GetString());
        Assert.Equal("SB01", me.GetProperty("unit").GetProperty("code").GetString());
        Assert.Equal("SubBranch", me.GetProperty("unit").GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.String, me.GetProperty("id").ValueKind);
        Assert.Contains("SubBranchHead", me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }
}
