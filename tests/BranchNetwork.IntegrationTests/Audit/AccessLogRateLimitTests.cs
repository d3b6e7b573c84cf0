using System.Net;
using static BranchNetwork.IntegrationTests.Audit.AccessLogApi;

namespace BranchNetwork.IntegrationTests.Audit;

/// <summary>A tight write limit, to show that a request refused by the rate limiter (429) is logged too.</summary>
public sealed class TightWriteLimitFactory : AccessLogFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["RateLimiting:WritesPerMinute"] = "2",
    };
}

[Trait("Spec", "AU-1")]
public sealed class AccessLogRateLimitTests(TightWriteLimitFactory app) : IClassFixture<TightWriteLimitFactory>
{
    [Fact]
    public async Task A_request_refused_by_the_rate_limiter_is_logged_with_429()
    {
        app.EnsureAvailable();
        var auditor = await app.ClientForAsync("auditor");
        var staff = await app.ClientForAsync("staff0101");
        // A write the caller may send: a refused role is answered 403 before the limiter is asked (ADR 0018).
        var path = "/api/notifications/read-all";
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await staff.PostAsync(path, null)).StatusCode);
        }

        // Two writes a minute per user: the first two pass, the limiter refuses the third.
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        var entry = await WaitForAsync(auditor, "user=staff0101&status=429", _ => true);
        Assert.Equal("POST", entry.Str("method"));
        Assert.Equal(path, entry.Str("path"));
        Assert.Equal("/api/notifications/read-all", entry.Str("routeTemplate"));
    }
}
