using System.Net;
using System.Text.Json;
using Microsoft.Playwright;

namespace BranchNetwork.E2ETests.Identity;

/// <summary>Issue 9, finding 5 (ADR 0017): an open page of a user who is disabled meanwhile ends at the sign-in page by itself.</summary>
public sealed class DisabledUserPageTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    [Trait("Spec", "ORG-4")]
    public async Task The_open_page_of_a_user_disabled_meanwhile_goes_to_the_sign_in_page_without_a_click()
    {
        var page = await app.SignedInPageAsync("staff0601");
        Assert.DoesNotContain("/account/login", page.Url, StringComparison.Ordinal);

        // The app listens on a real socket here: the admin talks to it like any API client.
        using var admin = new HttpClient { BaseAddress = new Uri(app.BaseUrl), Timeout = TimeSpan.FromMinutes(5) };
        var tokenResponse = await admin.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = "branchnet-cli",
            ["username"] = "admin",
            ["password"] = BrowserApp.DemoPassword,
            ["scope"] = "openid api",
        }));
        var token = JsonDocument.Parse(await tokenResponse.Content.ReadAsStringAsync()).RootElement.GetProperty("access_token").GetString();
        admin.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var users = JsonDocument.Parse(await admin.GetStringAsync("/api/identity/users?search=staff0601")).RootElement;
        var id = users.GetProperty("items").EnumerateArray().Single(u => u.GetProperty("userName").GetString() == "staff0601").GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/identity/users/{id}/disable", null)).StatusCode);

        // No click, no reload: the session's end is pushed to the page (its circuit and its notifications connection),
        // which goes to the sign-in form. It can get there before the disable's answer reaches this test, so the test
        // waits for the state (the form on screen), never for a navigation event it may have missed (CI, 2026-12-03).
        // The bound only stops a hung test: on a loaded machine the 30 s revalidation (ADR 0017) is the last resort.
        await page.Locator("[data-testid=sign-in]").WaitForAsync(new LocatorWaitForOptions { Timeout = 120_000 });
        Assert.Contains("/account/login", page.Url, StringComparison.Ordinal);
        await page.ReloadAsync();
        Assert.Contains("/account/login", page.Url, StringComparison.Ordinal);
    }
}
