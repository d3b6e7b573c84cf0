using System.Net;
using System.Text;
using System.Text.Json;
using BranchNetwork.IntegrationTests.Identity;
using BranchNetwork.IntegrationTests.Platform;
using BranchNetwork.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using static BranchNetwork.IntegrationTests.Audit.AccessLogApi;

namespace BranchNetwork.IntegrationTests.Audit;

[Trait("Spec", "AU-1")]
public sealed class AccessLogTests(AccessLogFactory app) : IClassFixture<AccessLogFactory>
{
    private Task<HttpClient> AuditorAsync() => app.ClientForAsync("auditor");

    private HttpClient Browser() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    [Fact]
    public async Task An_anonymous_401_on_api_me_is_logged_with_its_status_and_no_user()
    {
        app.EnsureAvailable();
        var since = app.Clock.UtcNow.AddSeconds(-1);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateAnonymousClient().GetAsync("/api/me")).StatusCode);

        var entry = await WaitForAsync(await AuditorAsync(), $"path=/api/me&status=401&from={Utc(since)}", e => e.Str("userName") is null);

        Assert.Equal("Request", entry.Str("kind"));
        Assert.Equal("GET", entry.Str("method"));
        Assert.Equal("/api/me", entry.Str("path"));
        Assert.Equal("/api/me", entry.Str("routeTemplate"));
        Assert.Equal(401, entry.GetProperty("status").GetInt32());
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("userId").ValueKind);
        Assert.Empty(entry.Roles());
        Assert.True(entry.GetProperty("durationMs").GetDouble() >= 0);
        Assert.True(entry.GetProperty("timeUtc").GetDateTime() >= since);
    }

    [Fact]
    public async Task A_staff_users_403_on_the_user_list_is_logged_with_name_roles_unit_and_route_template()
    {
        app.EnsureAvailable();
        var staff = await app.ClientForAsync("staff0102");
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/identity/users?search=x")).StatusCode);

        var entry = await WaitForAsync(await AuditorAsync(), "user=staff0102&status=403", e => e.Str("path") == "/api/identity/users");

        Assert.Equal("staff0102", entry.Str("userName"));
        Assert.Equal(["Staff"], entry.Roles());
        Assert.Equal("/api/identity/users", entry.Str("routeTemplate"));
        Assert.Equal("GET", entry.Str("method"));
        Assert.Equal("auth.role_required", entry.Str("detail"));
        Assert.NotNull(entry.Str("userId"));
        Assert.NotNull(entry.Str("unitId"));
    }

    [Fact]
    public async Task A_denied_request_with_a_route_parameter_keeps_the_template_and_the_real_path()
    {
        app.EnsureAvailable();
        var staff = await app.ClientForAsync("staff0103");
        var id = Guid.NewGuid();
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsync($"/api/identity/users/{id}/disable", null)).StatusCode);

        var entry = await WaitForAsync(await AuditorAsync(), "user=staff0103&status=403", e => e.Str("method") == "POST");

        Assert.Equal($"/api/identity/users/{id}/disable", entry.Str("path"));
        Assert.Equal("/api/identity/users/{id:guid}/disable", entry.Str("routeTemplate"));
    }

    [Fact]
    public async Task Password_grant_failures_successes_and_lockouts_are_logged()
    {
        app.EnsureAvailable();
        Assert.Equal(HttpStatusCode.BadRequest, (await app.RequestPasswordTokenAsync("staff0202", "Wrong-password-1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.RequestPasswordTokenAsync("staff0201", BranchNetworkFactory.DemoPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await app.RequestPasswordTokenAsync("no.such.user", BranchNetworkFactory.DemoPassword)).StatusCode);
        for (var i = 0; i < 5; i++)
        {
            await app.RequestPasswordTokenAsync("staff0601", "Wrong-password-1");
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await app.RequestPasswordTokenAsync("staff0601", BranchNetworkFactory.DemoPassword)).StatusCode);

        var auditor = await AuditorAsync();
        var failed = await WaitForAsync(auditor, "user=staff0202", e => e.Str("kind") == "SignInFailed");
        Assert.Equal("token: wrong password", failed.Str("detail"));
        Assert.NotNull(failed.Str("userId"));
        Assert.Equal("/connect/token", failed.Str("path"));
        Assert.Equal("POST", failed.Str("method"));

        var succeeded = await WaitForAsync(auditor, "user=staff0201", e => e.Str("kind") == "SignIn");
        Assert.Equal("token: password grant", succeeded.Str("detail"));
        Assert.NotNull(succeeded.Str("userId"));

        var unknown = await WaitForAsync(auditor, "user=no.such.user", e => e.Str("kind") == "SignInFailed");
        Assert.Null(unknown.Str("userId"));
        Assert.Equal("token: unknown user", unknown.Str("detail"));

        // The fifth wrong password locks the name at this address; the sixth attempt (right password) is refused as locked (ADR 0017).
        var staff0601 = await WaitUntilAsync(auditor, "user=staff0601", entries => entries.Count(e => e.Str("kind") == "LockedOut") == 1);
        Assert.Equal(5, staff0601.Count(e => e.Str("kind") == "SignInFailed"));
        Assert.Equal(6, staff0601.Count);
    }

    [Fact]
    public async Task Web_sign_in_failures_and_successes_are_logged()
    {
        app.EnsureAvailable();
        await CookieSignIn.LoginAsync(Browser(), "head06", "Wrong-password-1");
        await CookieSignIn.LoginAsync(Browser(), "head07", BranchNetworkFactory.DemoPassword);

        var auditor = await AuditorAsync();
        var failed = await WaitForAsync(auditor, "user=head06", e => e.Str("kind") == "SignInFailed");
        Assert.Equal("web: wrong password", failed.Str("detail"));
        Assert.Equal("/account/login", failed.Str("path"));
        var succeeded = await WaitForAsync(auditor, "user=head07", e => e.Str("kind") == "SignIn");
        Assert.Equal("web: password", succeeded.Str("detail"));
    }

    [Fact]
    public async Task Only_auditors_may_read_the_access_log()
    {
        app.EnsureAvailable();
        var admin = await app.ClientForAsync("admin");
        var security = await app.ClientForAsync("security");
        var staff = await app.ClientForAsync("staff0104");

        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync("/api/audit/access-log")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await security.GetAsync("/api/audit/access-log")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/audit/access-log")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateAnonymousClient().GetAsync("/api/audit/access-log")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await AuditorAsync()).GetAsync("/api/audit/access-log")).StatusCode);

        // The admin's denial is itself in the log.
        var denied = await WaitForAsync(await AuditorAsync(), "user=admin&path=/api/audit/access-log&status=403", _ => true);
        Assert.Equal(["SystemAdmin"], denied.Roles());
    }

    [Fact]
    public async Task The_filters_select_by_status_user_path_and_time_and_the_newest_come_first()
    {
        app.EnsureAvailable();
        var since = app.Clock.UtcNow.AddSeconds(-1);
        var staff = await app.ClientForAsync("staff0105");
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/api/me")).StatusCode);
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/identity/users")).StatusCode);
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/api/identity/units")).StatusCode);
        var auditor = await AuditorAsync();
        await WaitForAsync(auditor, "user=staff0105", e => e.Str("path") == "/api/identity/units");
        var until = app.Clock.UtcNow.AddSeconds(1);

        var byStatus = await ItemsAsync(auditor, "status=403&pageSize=200");
        Assert.NotEmpty(byStatus);
        Assert.All(byStatus, e => Assert.Equal(403, e.GetProperty("status").GetInt32()));

        var byUser = await ItemsAsync(auditor, "user=staff0105&pageSize=200");
        Assert.Equal(3, byUser.Count(e => e.Str("kind") == "Request"));
        Assert.All(byUser, e => Assert.Contains("staff0105", e.Str("userName"), StringComparison.Ordinal));

        var byPrefix = await ItemsAsync(auditor, "user=staff0105&path=/api/identity&pageSize=200");
        Assert.Equal(["/api/identity/units", "/api/identity/users"], byPrefix.Select(e => e.Str("path")).ToArray());

        var combined = await ItemsAsync(auditor, "user=staff0105&path=/api/identity&status=200");
        Assert.Equal("/api/identity/units", Assert.Single(combined).Str("path"));

        var inWindow = await ItemsAsync(auditor, $"user=staff0105&from={Utc(since)}&to={Utc(until)}&pageSize=200");
        Assert.Equal(byUser.Count, inWindow.Count);
        var afterwards = await PageAsync(auditor, $"user=staff0105&from={Utc(until.AddMinutes(5))}");
        Assert.Equal(0, afterwards.GetProperty("items").GetArrayLength());
        var before = await PageAsync(auditor, $"user=staff0105&to={Utc(since.AddMinutes(-5))}");
        Assert.Equal(0, before.GetProperty("items").GetArrayLength());

        var times = byUser.Select(e => e.GetProperty("timeUtc").GetDateTime()).ToList();
        Assert.Equal(times.OrderByDescending(t => t).ToList(), times);
    }

    [Fact]
    public async Task The_log_is_read_page_by_page_with_a_cursor_and_nothing_is_skipped_or_repeated()
    {
        app.EnsureAvailable();
        var auditor = await AuditorAsync();
        for (var i = 0; i < 4; i++)
        {
            await auditor.GetAsync("/api/me");
        }

        await WaitUntilAsync(auditor, "user=auditor&path=/api/me", entries => entries.Count >= 4);
        // A fixed window, so the log's own growth (every read is logged too) cannot shift the pages.
        var window = $"user=auditor&path=/api/me&to={Utc(DateTime.UtcNow)}";
        var whole = await ItemsAsync(auditor, window + "&pageSize=200");

        var walked = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var page = await auditor.PageAsync("/api/audit/access-log?" + window, cursor, 2);
            Assert.True(page.GetProperty("items").GetArrayLength() <= 2);
            walked.AddRange(page.GetProperty("items").EnumerateArray());
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        Assert.Equal(whole.Select(e => e.Str("id")), walked.Select(e => e.Str("id")));
        var times = walked.Select(e => e.GetProperty("timeUtc").GetDateTime()).ToList();
        Assert.Equal(times.OrderByDescending(t => t).ToList(), times);

        var clamped = await PageAsync(auditor, "pageSize=100000");
        Assert.True(clamped.GetProperty("items").GetArrayLength() <= 200);
    }

    [Fact]
    public async Task A_tampered_cursor_or_one_from_another_search_is_a_400_on_after()
    {
        app.EnsureAvailable();
        var auditor = await AuditorAsync();
        await auditor.GetAsync("/api/me");
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        await auditor.GetAsync("/api/me");
        await WaitUntilAsync(auditor, "user=auditor&path=/api/me", entries => entries.Count >= 2);
        var cursor = (await PageAsync(auditor, "user=auditor&path=/api/me&pageSize=1")).GetProperty("nextCursor").GetString()!;

        foreach (var query in new[] { $"user=auditor&path=/api/me&after={cursor[..^2]}xy", $"user=someone&after={cursor}", "after=garbage" })
        {
            var response = await auditor.GetAsync("/api/audit/access-log?" + query);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("after", out _), query);
        }
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("POST")]
    [InlineData("PATCH")]
    public async Task Nobody_can_change_or_delete_entries_through_the_api(string method)
    {
        app.EnsureAvailable();
        var auditor = await AuditorAsync();
        await app.CreateAnonymousClient().GetAsync("/api/me");
        await WaitForAsync(auditor, "path=/api/me&status=401", _ => true);
        var cutoff = Utc(app.Clock.UtcNow);
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var before = await ItemsAsync(auditor, $"to={cutoff}&pageSize=200");

        foreach (var client in new[] { auditor, await app.ClientForAsync("admin") })
        {
            foreach (var url in new[] { "/api/audit/access-log", $"/api/audit/access-log/{before[0].Str("id")}" })
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), url)
                {
                    Content = new StringContent("{\"status\":200,\"userName\":\"nobody\",\"items\":[]}", Encoding.UTF8, "application/json"),
                };
                var response = await client.SendAsync(request);
                Assert.True(
                    response.StatusCode is HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotFound,
                    $"{method} {url} -> {(int)response.StatusCode}");
                if (url == "/api/audit/access-log")
                {
                    Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
                }
            }
        }

        var after = (await ItemsAsync(auditor, $"to={cutoff}&pageSize=200")).ToDictionary(e => e.Str("id")!, e => e.GetRawText());
        Assert.All(before, e => Assert.Equal(e.GetRawText(), after.GetValueOrDefault(e.Str("id")!)));
    }

    [Fact]
    public async Task Invalid_filters_are_a_400_with_field_errors()
    {
        app.EnsureAvailable();
        var auditor = await AuditorAsync();
        var now = app.Clock.UtcNow;

        var reversed = await auditor.GetAsync($"/api/audit/access-log?from={Utc(now)}&to={Utc(now.AddHours(-1))}");
        var badStatus = await auditor.GetAsync("/api/audit/access-log?status=42");
        var longUser = await auditor.GetAsync("/api/audit/access-log?user=" + new string('u', 257) + "&path=/" + new string('p', 300));
        var notANumber = await auditor.GetAsync("/api/audit/access-log?status=abc");

        Assert.Equal(HttpStatusCode.BadRequest, reversed.StatusCode);
        Assert.True((await reversed.JsonAsync()).GetProperty("errors").TryGetProperty("to", out _));
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
        Assert.True((await badStatus.JsonAsync()).GetProperty("errors").TryGetProperty("status", out _));
        Assert.Equal(HttpStatusCode.BadRequest, longUser.StatusCode);
        var errors = (await longUser.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("user", out _));
        Assert.True(errors.TryGetProperty("path", out _));
        Assert.Equal(HttpStatusCode.BadRequest, notANumber.StatusCode);
    }

    [Fact]
    public async Task Health_probes_static_assets_and_blazor_framework_files_are_not_logged()
    {
        app.EnsureAvailable();
        var since = app.Clock.UtcNow.AddSeconds(-1);
        var anonymous = app.CreateAnonymousClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/app.css")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/_framework/blazor.web.js")).StatusCode);
        await anonymous.GetAsync("/favicon.ico");
        // Entries are written in order: once this marker is in, the requests above were handled too.
        await anonymous.GetAsync("/api/me?marker");
        var auditor = await AuditorAsync();
        await WaitForAsync(auditor, $"path=/api/me&status=401&from={Utc(since)}", _ => true);

        Assert.Empty(await ItemsAsync(auditor, "path=/health"));
        Assert.Empty(await ItemsAsync(auditor, "path=/app.css"));
        Assert.Empty(await ItemsAsync(auditor, "path=/_framework"));
        Assert.Empty(await ItemsAsync(auditor, "path=/favicon.ico"));
    }

    [Fact]
    public async Task The_auditor_page_shows_the_filters_and_others_are_turned_away()
    {
        app.EnsureAvailable();
        var auditor = Browser();
        await CookieSignIn.LoginAsync(auditor, "auditor", BranchNetworkFactory.DemoPassword);
        var page = await auditor.GetAsync("/audit/access-log");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("访问日志", html, StringComparison.Ordinal);
        Assert.Contains("access-log-filters", html, StringComparison.Ordinal);
        Assert.Contains("access-log-table", html, StringComparison.Ordinal);
        Assert.Contains("/audit/access-log", await (await auditor.GetAsync("/")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var staff = Browser();
        await CookieSignIn.LoginAsync(staff, "manager01", BranchNetworkFactory.DemoPassword);
        var refused = await staff.GetAsync("/audit/access-log");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/account/denied", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);

        // The page load is a request like any other.
        await WaitForAsync(await AuditorAsync(), "user=auditor&path=/audit/access-log", e => e.GetProperty("status").GetInt32() == 200);
    }
}
