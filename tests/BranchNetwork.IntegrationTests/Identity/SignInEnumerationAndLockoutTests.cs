using System.Net;
using BranchNetwork.Testing;

namespace BranchNetwork.IntegrationTests.Identity;

/// <summary>
/// Issue 9, findings 3 and 4 (ADR 0017): a sign-in answers and works alike whether the account exists or not,
/// and failures from one address lock that address only, with an account-wide ceiling for a distributed guesser.
/// Work is compared by counting password-hash verifications, never by timing.
/// </summary>
[Trait("Spec", "ORG-4")]
public sealed class SignInEnumerationAndLockoutTests(AddressedFactory app) : IClassFixture<AddressedFactory>
{
    private const string WrongPassword = "Wrong-password-1";

    [Fact]
    public async Task The_token_endpoint_answers_and_works_the_same_for_an_unknown_user_and_a_wrong_password_before_and_after_lockout()
    {
        app.EnsureAvailable();
        for (var attempt = 1; attempt <= 7; attempt++)
        {
            var (existing, existingWork) = await TokenAttemptAsync("10.3.0.1", "staff0102", WrongPassword);
            var (unknown, unknownWork) = await TokenAttemptAsync("10.3.0.1", "nobody0102", WrongPassword);

            Assert.Equal(existing.Status, unknown.Status);
            Assert.Equal(existing.Body, unknown.Body);
            Assert.Equal(existingWork, unknownWork);
            // Five failures from one address lock that name there: no hash work at all after that, for either.
            Assert.Equal(attempt <= 5 ? 1 : 0, existingWork);
            Assert.Contains(attempt <= 5 ? "incorrect" : "locked", existing.Body, StringComparison.Ordinal);
        }

        // Locked means locked, even with the right password, and still says nothing about existence.
        var (right, rightWork) = await TokenAttemptAsync("10.3.0.1", "staff0102", BranchNetworkFactory.DemoPassword);
        var (unknownAgain, _) = await TokenAttemptAsync("10.3.0.1", "nobody0102", BranchNetworkFactory.DemoPassword);
        Assert.Equal(HttpStatusCode.BadRequest, right.Status);
        Assert.Equal(unknownAgain.Body, right.Body);
        Assert.Equal(0, rightWork);
    }

    [Fact]
    public async Task The_sign_in_form_answers_and_works_the_same_for_an_unknown_user_and_a_wrong_password_before_and_after_lockout()
    {
        app.EnsureAvailable();
        var browser = app.BrowserFrom("10.3.0.2");
        for (var attempt = 1; attempt <= 7; attempt++)
        {
            var (existing, existingWork) = await FormAttemptAsync(browser, "staff0103", WrongPassword);
            var (unknown, unknownWork) = await FormAttemptAsync(browser, "nobody0103", WrongPassword);

            Assert.Equal(HttpStatusCode.Redirect, existing.Status);
            Assert.Equal(existing.Status, unknown.Status);
            Assert.Equal(existing.Location, unknown.Location);
            Assert.Equal(existing.Body, unknown.Body);
            Assert.Equal(existingWork, unknownWork);
            Assert.Equal(attempt <= 5 ? 1 : 0, existingWork);
            Assert.Contains(attempt <= 5 ? "error=invalid" : "error=locked", existing.Location, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_disabled_account_is_named_disabled_only_to_someone_with_its_password()
    {
        app.EnsureAvailable();
        var admin = await AdminAsync();
        var id = await TokenFlowTests.FindUserAsync(admin, "staff0104");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/identity/users/{id}/disable", null)).StatusCode);

        var (disabledWrong, disabledWork) = await TokenAttemptAsync("10.3.0.3", "staff0104", WrongPassword);
        var (unknownWrong, unknownWork) = await TokenAttemptAsync("10.3.0.3", "nobody0104", WrongPassword);
        Assert.Equal(unknownWrong.Body, disabledWrong.Body);
        Assert.Equal(unknownWork, disabledWork);

        var (disabledRight, _) = await TokenAttemptAsync("10.3.0.3", "staff0104", BranchNetworkFactory.DemoPassword);
        Assert.Contains("disabled", disabledRight.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_attacker_locking_the_admin_from_one_address_does_not_stop_the_admin_from_another()
    {
        app.EnsureAvailable();
        for (var i = 0; i < 6; i++)
        {
            await app.PasswordTokenFromAsync("10.3.1.66", "admin", WrongPassword);
        }

        var attacker = await app.PasswordTokenFromAsync("10.3.1.66", "admin", BranchNetworkFactory.DemoPassword);
        Assert.Equal(HttpStatusCode.BadRequest, attacker.StatusCode);
        Assert.Contains("locked", (await attacker.JsonAsync()).GetProperty("error_description").GetString(), StringComparison.Ordinal);

        var realAdmin = await app.PasswordTokenFromAsync("10.3.1.10", "admin", BranchNetworkFactory.DemoPassword);
        Assert.Equal(HttpStatusCode.OK, realAdmin.StatusCode);

        // The real user's address is not locked: the web sign-in works there, and stays refused for the attacker.
        var realBrowser = app.BrowserFrom("10.3.1.10");
        var web = await CookieSignIn.LoginAsync(realBrowser, "admin", BranchNetworkFactory.DemoPassword);
        Assert.Equal("/", web.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await realBrowser.GetAsync("/")).StatusCode);
        var attackerWeb = await CookieSignIn.LoginAsync(app.BrowserFrom("10.3.1.66"), "admin", BranchNetworkFactory.DemoPassword);
        Assert.Contains("error=locked", attackerWeb.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_attacker_locking_an_account_through_the_form_does_not_stop_its_user_signing_in_from_elsewhere()
    {
        app.EnsureAvailable();
        var attacker = app.BrowserFrom("10.3.2.66");
        for (var i = 0; i < 6; i++)
        {
            await CookieSignIn.LoginAsync(attacker, "head02", WrongPassword);
        }

        var refused = await CookieSignIn.LoginAsync(attacker, "head02", BranchNetworkFactory.DemoPassword);
        Assert.Contains("error=locked", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var user = app.BrowserFrom("10.3.2.10");
        var signedIn = await CookieSignIn.LoginAsync(user, "head02", BranchNetworkFactory.DemoPassword);
        Assert.Equal("/", signedIn.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.PasswordTokenFromAsync("10.3.2.10", "head02", BranchNetworkFactory.DemoPassword)).StatusCode);
    }

    [Fact]
    public async Task A_distributed_guesser_hits_the_account_ceiling_which_spares_addresses_the_user_signed_in_from()
    {
        app.EnsureAvailable();
        // The user signed in from home before the attack.
        Assert.Equal(HttpStatusCode.OK, (await app.PasswordTokenFromAsync("10.3.3.10", "head03", BranchNetworkFactory.DemoPassword)).StatusCode);

        // Guessers at several addresses, each staying under the per-address limit.
        for (var guess = 0; guess < AddressedFactory.AccountCeiling; guess++)
        {
            await app.PasswordTokenFromAsync($"10.3.3.{100 + (guess / 4)}", "head03", WrongPassword);
            await app.PasswordTokenFromAsync($"10.3.3.{100 + (guess / 4)}", "nobody03", WrongPassword);
        }

        // A fresh address, even with the right password, is now refused; so is an unknown name, alike.
        var fresh = await app.PasswordTokenFromAsync("10.3.3.200", "head03", BranchNetworkFactory.DemoPassword);
        var freshUnknown = await app.PasswordTokenFromAsync("10.3.3.200", "nobody03", BranchNetworkFactory.DemoPassword);
        Assert.Equal(HttpStatusCode.BadRequest, fresh.StatusCode);
        Assert.Equal(await freshUnknown.Content.ReadAsStringAsync(), await fresh.Content.ReadAsStringAsync());
        Assert.Contains("locked", await fresh.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The address the user signed in from still works.
        Assert.Equal(HttpStatusCode.OK, (await app.PasswordTokenFromAsync("10.3.3.10", "head03", BranchNetworkFactory.DemoPassword)).StatusCode);
    }

    [Fact]
    public async Task An_ipv6_attacker_cannot_reset_the_count_by_moving_within_its_64_prefix()
    {
        app.EnsureAvailable();
        for (var i = 1; i <= 5; i++)
        {
            await app.PasswordTokenFromAsync($"2001:db8:3:4::{i:x}", "head04", WrongPassword);
        }

        var moved = await app.PasswordTokenFromAsync("2001:db8:3:4::beef", "head04", BranchNetworkFactory.DemoPassword);
        Assert.Contains("locked", await moved.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await app.PasswordTokenFromAsync("2001:db8:3:5::1", "head04", BranchNetworkFactory.DemoPassword)).StatusCode);
    }

    private async Task<HttpClient> AdminAsync()
    {
        var token = await app.PasswordTokenFromAsync("10.3.9.9", "admin", BranchNetworkFactory.DemoPassword);
        var client = app.ApiClientFrom("10.3.9.9");
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", (await token.JsonAsync()).GetProperty("access_token").GetString());
        return client;
    }

    private async Task<(Answer Answer, int Work)> TokenAttemptAsync(string address, string userName, string password)
    {
        var before = app.Verifications.Count;
        var response = await app.PasswordTokenFromAsync(address, userName, password);
        var answer = new Answer(response.StatusCode, null, await response.Content.ReadAsStringAsync());
        return (answer, app.Verifications.Count - before);
    }

    private async Task<(Answer Answer, int Work)> FormAttemptAsync(HttpClient browser, string userName, string password)
    {
        // The antiforgery token is fetched first, outside the measured work (it verifies no password).
        var token = await CookieSignIn.AntiforgeryTokenAsync(browser, "/account/login");
        var before = app.Verifications.Count;
        var response = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["userName"] = userName,
            ["password"] = password,
            ["returnUrl"] = "/",
        }));
        var answer = new Answer(response.StatusCode, response.Headers.Location?.OriginalString, await response.Content.ReadAsStringAsync());
        return (answer, app.Verifications.Count - before);
    }

    private sealed record Answer(HttpStatusCode Status, string? Location, string Body);
}
