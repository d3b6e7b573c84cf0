using System.Net;
using BranchNetwork.Testing;

namespace BranchNetwork.IntegrationTests.Platform;

[Trait("Spec", "ORG-4")]
public sealed class HostTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    [Fact]
    public async Task Health_endpoints_answer_live_and_ready_with_the_database_checked()
    {
        app.EnsureAvailable();
        var client = app.CreateAnonymousClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_openapi_document_lists_every_api_endpoint_with_its_auth_requirement()
    {
        app.EnsureAvailable();
        var document = await (await app.CreateAnonymousClient().GetAsync("/openapi/v1.json")).JsonAsync();
        var paths = document.GetProperty("paths");

        foreach (var path in new[] { "/api/me", "/api/identity/users", "/api/identity/users/{id}/roles", "/api/identity/users/import", "/api/identity/units/{id}/members" })
        {
            Assert.True(paths.TryGetProperty(path, out var item), $"{path} missing from OpenAPI");
            foreach (var operation in item.EnumerateObject())
            {
                Assert.StartsWith("bearer:api", operation.Value.GetProperty("x-auth").GetString(), StringComparison.Ordinal);
                Assert.True(operation.Value.TryGetProperty("security", out _), $"{path} {operation.Name} has no security requirement");
            }
        }

        Assert.True(document.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("Bearer", out _));
    }

    [Fact]
    public async Task Responses_carry_security_headers()
    {
        app.EnsureAvailable();
        var response = await app.CreateAnonymousClient().GetAsync("/account/login");

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }
}

/// <summary>A tight sign-in limit, to prove the token endpoint is rate-limited.</summary>
public sealed class TightRateLimitFactory : BranchNetworkFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["RateLimiting:SignInPermitsPerMinute"] = "3" };
}

[Trait("Spec", "ORG-4")]
public sealed class SignInRateLimitTests(TightRateLimitFactory app) : IClassFixture<TightRateLimitFactory>
{
    [Fact]
    public async Task The_token_endpoint_answers_429_after_the_per_minute_limit()
    {
        app.EnsureAvailable();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await app.RequestPasswordTokenAsync("staff0701", "Wrong#password1")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.BadRequest, statuses[0]);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }
}
