using System.Net;
using System.Net.Http.Json;
using System.Text;
using BranchNetwork.IntegrationTests.Assessment;
using BranchNetwork.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace BranchNetwork.IntegrationTests.Platform;

/// <summary>
/// Finding 2 of issue 9: an Auditor writes nothing, anywhere (ORG-2). Results comments (全员点评, AS-8) are for the
/// business roles; and every write endpoint the app maps refuses an Auditor with 403 before it reads the body.
/// </summary>
[Trait("Spec", "ORG-2")]
[Trait("Spec", "AS-8")]
public sealed class AuditorWritesNothingTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    [Fact]
    public async Task The_auditor_and_the_two_administrators_cannot_comment_on_results_and_nothing_is_stored()
    {
        app.EnsureAvailable();
        var scheme = await AssessmentApi.PublishedSchemeAsync(app, [("存款", 100m, false)]);

        foreach (var user in new[] { "auditor", "security", "admin" })
        {
            var response = await (await app.ClientForAsync(user)).PostAsJsonAsync($"/api/assessment/schemes/{scheme.Id}/comments", new { body = $"{user} 的点评" });
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{user}: {(int)response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        }

        var staff = await app.ClientForAsync("staff0101");
        Assert.Equal(HttpStatusCode.Created, (await staff.PostAsJsonAsync($"/api/assessment/schemes/{scheme.Id}/comments", new { body = "员工点评" })).StatusCode);
        var comments = await staff.AllItemsAsync($"/api/assessment/schemes/{scheme.Id}/comments");
        Assert.Equal(["员工点评"], comments.Select(c => c.GetProperty("body").GetString()).ToArray());
    }

    [Fact]
    public async Task Every_write_endpoint_refuses_the_auditor_with_403_except_marking_their_own_inbox_read_and_resolving_a_pseudonym()
    {
        app.EnsureAvailable();
        var auditor = await app.ClientForAsync("auditor");
        var writes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? []).Where(m => m != "GET").Select(m => (Method: m, Route: e.RoutePattern.RawText!)))
            .Distinct()
            .ToList();
        Assert.True(writes.Count >= 30, $"only {writes.Count} write endpoints found");

        var failures = new List<string>();
        foreach (var (method, route) in writes)
        {
            // Any value the route accepts: the role is refused before the object is looked up.
            var path = System.Text.RegularExpressions.Regex.Replace(route, @"\{\w+:guid\}", _ => Guid.NewGuid().ToString());
            path = System.Text.RegularExpressions.Regex.Replace(path, @"\{\w+:int\}", "1").Replace("{role}", "Staff", StringComparison.Ordinal);
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("{\"body\":\"审计写入\"}", Encoding.UTF8, "application/json") };
            var response = await auditor.SendAsync(request);
            var ownInbox = route.StartsWith("/api/notifications/", StringComparison.Ordinal) && (route.EndsWith("/read", StringComparison.Ordinal) || route.EndsWith("/read-all", StringComparison.Ordinal));
            // Resolving a pseudonym (CM-3) is the auditor's own act, recorded; this body has no reason, so it is refused as such.
            var resolution = route == "/api/community/anonymity/resolutions";
            var expected = ownInbox ? response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound
                : resolution ? response.StatusCode == HttpStatusCode.BadRequest
                : response.StatusCode == HttpStatusCode.Forbidden;
            if (!expected)
            {
                failures.Add($"{method} {route} -> {(int)response.StatusCode}");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task The_auditor_may_still_mark_their_own_notifications_read()
    {
        app.EnsureAvailable();
        var auditor = await app.ClientForAsync("auditor");

        var response = await auditor.PostAsync("/api/notifications/read-all", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, (await response.JsonAsync()).GetProperty("count").GetInt32());
    }
}
