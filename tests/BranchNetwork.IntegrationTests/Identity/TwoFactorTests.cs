using System.Net;
using System.Text.RegularExpressions;
using BranchNetwork.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace BranchNetwork.IntegrationTests.Identity;

[Trait("Spec", "ORG-4")]
public sealed partial class TwoFactorTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    private const string Password = "Auditor#Strong2026";

    [Fact]
    public async Task A_new_task_admin_must_enrol_totp_before_signing_in_and_then_signs_in_with_a_code()
    {
        app.EnsureAvailable();
        var userId = await CreateUserWithRoleAsync("ta.new", "TaskAdmin");
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        // Password accepted, but the account holds a role that needs 2FA: enrolment first, no session yet.
        var login = await CookieSignIn.LoginAsync(browser, "ta.new", Password);
        Assert.StartsWith("/account/enrol-2fa", login.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/")).StatusCode);

        var enrolPage = await browser.GetStringAsync("/account/enrol-2fa");
        var key = KeyPattern().Match(enrolPage).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(key));

        var wrong = await CookieSignIn.PostFormAsync(browser, "/account/enrol-2fa", "/account/enrol-2fa", new() { ["code"] = "000000" });
        Assert.Contains("error=code", wrong.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var enrol = await CookieSignIn.PostFormAsync(browser, "/account/enrol-2fa", "/account/enrol-2fa", new() { ["code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.Equal("/", enrol.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);

        // Next time: password, then the code.
        var fresh = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var second = await CookieSignIn.LoginAsync(fresh, "ta.new", Password);
        Assert.StartsWith("/account/login-2fa", second.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var verified = await CookieSignIn.PostFormAsync(fresh, "/account/login-2fa", "/account/login-2fa", new() { ["code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.Equal("/", verified.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/")).StatusCode);

        var admin = await app.ClientForAsync("admin");
        var summary = await (await admin.GetAsync($"/api/identity/users?search=ta.new")).JsonAsync();
        Assert.True(summary.GetProperty("items")[0].GetProperty("twoFactorEnabled").GetBoolean());
        Assert.NotNull(userId);
    }

    [Fact]
    public async Task The_password_grant_is_refused_for_an_account_that_needs_two_factor()
    {
        app.EnsureAvailable();
        await CreateUserWithRoleAsync("auditor.two", "Auditor");

        var response = await app.RequestPasswordTokenAsync("auditor.two", Password);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("two-factor", (await response.JsonAsync()).GetProperty("error_description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_accounts_skip_enrolment_in_development()
    {
        app.EnsureAvailable();
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        var login = await CookieSignIn.LoginAsync(browser, "taskadmin", BranchNetworkFactory.DemoPassword);

        Assert.Equal("/", login.Headers.Location!.OriginalString);
    }

    private async Task<string> CreateUserWithRoleAsync(string userName, string role)
    {
        var admin = await app.ClientForAsync("admin");
        var tree = await (await admin.GetAsync("/api/identity/units")).JsonAsync();
        var headOffice = tree[0].GetProperty("id").GetString();
        var created = await admin.PostJsonAsync("/api/identity/users", new { userName, displayName = "新任务管理员", unitId = headOffice, position = "任务管理员", password = Password });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.JsonAsync()).GetProperty("id").GetString()!;
        var security = await app.ClientForAsync("security");
        Assert.Equal(HttpStatusCode.OK, (await security.PostJsonAsync($"/api/identity/users/{id}/roles", new { role })).StatusCode);
        return id;
    }

    [GeneratedRegex("data-testid=\"totp-key\">([A-Z2-7]+)<")]
    private static partial Regex KeyPattern();
}
