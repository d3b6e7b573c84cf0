using System.Net;
using BranchNetwork.IntegrationTests.Notifications;
using BranchNetwork.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace BranchNetwork.IntegrationTests.Identity;

/// <summary>
/// Issue 9, finding 5 (ADR 0017): disabling a user ends the cookie session, the bearer token and an open hub
/// connection at once — the app's clock stands still here, so nothing ends by waiting for an interval.
/// </summary>
[Trait("Spec", "ORG-4")]
public sealed class DisabledUserSessionTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    [Fact]
    public async Task A_disabled_users_cookie_is_refused_at_the_next_request_and_works_again_after_a_new_sign_in_once_enabled()
    {
        app.EnsureAvailable();
        var browser = Browser();
        await CookieSignIn.LoginAsync(browser, "staff0201", BranchNetworkFactory.DemoPassword);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);

        var admin = await app.ClientForAsync("admin");
        var id = await TokenFlowTests.FindUserAsync(admin, "staff0201");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/identity/users/{id}/disable", null)).StatusCode);

        var next = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.StartsWith("/account/login", next.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        // Enabled again, the user signs in anew and that session stands.
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/identity/users/{id}/enable", null)).StatusCode);
        var again = Browser();
        await CookieSignIn.LoginAsync(again, "staff0201", BranchNetworkFactory.DemoPassword);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task A_password_reset_ends_the_old_cookie_session_at_once()
    {
        app.EnsureAvailable();
        var browser = Browser();
        await CookieSignIn.LoginAsync(browser, "staff0301", BranchNetworkFactory.DemoPassword);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);

        var admin = await app.ClientForAsync("admin");
        var id = await TokenFlowTests.FindUserAsync(admin, "staff0301");
        var reset = await admin.PostJsonAsync($"/api/identity/users/{id}/reset-password", new { newPassword = "Another#Pass2026" });
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task A_disabled_users_bearer_token_and_open_hub_connection_end_at_once()
    {
        app.EnsureAvailable();
        var token = await app.TokenAsync("staff0202");
        var api = await app.ClientForAsync("staff0202");
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/me")).StatusCode);
        await using var hub = await HubClient.ConnectAsync(app, token);
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var told = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // The page's script leaves for the sign-in form on this message, whatever its circuit does. The server sends it
        // before it closes the connection; the client may run the handler after its Closed event, so the test waits
        // for both states rather than comparing their order.
        hub.Connection.On("sessionEnded", () => told.TrySetResult());
        hub.Connection.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };

        var admin = await app.ClientForAsync("admin");
        var id = await TokenFlowTests.FindUserAsync(admin, "staff0202");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/identity/users/{id}/disable", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/me")).StatusCode);
        // Waits for the state (the server closing the connection); the limit only stops a hung test.
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        Assert.Equal(HubConnectionState.Disconnected, hub.Connection.State);
        await told.Task.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
    }

    private HttpClient Browser() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
}
