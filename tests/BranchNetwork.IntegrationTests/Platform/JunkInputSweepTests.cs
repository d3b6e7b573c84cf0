using System.Net;
using System.Text;
using BranchNetwork.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace BranchNetwork.IntegrationTests.Platform;

/// <summary>Sends junk to every endpoint the app maps, anonymous and as an admin: no request may produce a 5xx.</summary>
[Trait("Spec", "ORG-3")]
[Trait("Spec", "ORG-4")]
public sealed class JunkInputSweepTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    private static readonly string[] JunkBodies =
    [
        "{not json",
        "{}",
        "[]",
        "null",
        "{\"userName\":12,\"unitId\":\"not-a-guid\",\"kind\":\"Galaxy\",\"version\":\"x\"}",
        "{\"userName\":\"" + new string('x', 5000) + "\",\"displayName\":\"" + new string('名', 5000) + "\",\"name\":\"" + new string('n', 5000) + "\",\"role\":\"" + new string('r', 500) + "\"}",
        "{\"unitId\":\"00000000-0000-0000-0000-000000000000\",\"newPassword\":null,\"role\":null,\"version\":-1}",
        "{\"userName\":\"a\\u0000b\",\"displayName\":\"x\\u0000\",\"name\":\"\\u0000\",\"code\":\"A\\u0000\",\"role\":\"\\u0000\",\"newPassword\":\"\\u0000\",\"password\":\"\\u0000\",\"version\":1}",
    ];

    private static readonly Dictionary<string, string> JunkForm = new()
    {
        ["userName"] = "head01\0",
        ["username"] = "admin\0",
        ["password"] = "\0",
        ["grant_type"] = "password",
        ["client_id"] = "branchnet-cli",
        ["code"] = "\0",
    };

    [Fact]
    public async Task No_endpoint_answers_junk_with_a_server_error()
    {
        app.EnsureAvailable();
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (Method: m, Route: e.RoutePattern.RawText ?? "")))
            .Where(r => !r.Route.Contains("{**", StringComparison.Ordinal) && !r.Route.StartsWith("/_", StringComparison.Ordinal) && !r.Route.StartsWith('_'))
            .Distinct()
            .ToList();
        Assert.Contains(routes, r => r.Route.Contains("/api/identity/users/{id:guid}/roles", StringComparison.Ordinal));

        var clients = new[] { app.CreateAnonymousClient(), await app.ClientForAsync("admin"), await app.ClientForAsync("security") };
        var failures = new List<string>();
        foreach (var (method, route) in routes)
        {
            var path = "/" + route.TrimStart('/')
                .Replace("{id:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
                .Replace("{role}", "NoSuchRole", StringComparison.Ordinal);
            foreach (var client in clients)
            {
                foreach (var body in method is "GET" or "HEAD" ? [null] : JunkBodies.Append("form").Cast<string?>())
                {
                    using var request = new HttpRequestMessage(new HttpMethod(method), path + "?page=-5&pageSize=999999&after=%00%27--&search=%00%27--");
                    request.Content = body switch
                    {
                        null => null,
                        "form" => new FormUrlEncodedContent(JunkForm),
                        _ => new StringContent(body, Encoding.UTF8, "application/json"),
                    };

                    var response = await client.SendAsync(request);
                    if ((int)response.StatusCode >= 500)
                    {
                        failures.Add($"{method} {path} [{body?[..Math.Min(body.Length, 30)]}] -> {(int)response.StatusCode}");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task A_nul_character_in_a_search_or_a_name_is_a_400_on_every_provider()
    {
        app.EnsureAvailable();
        var admin = await app.ClientForAsync("admin");

        var search = await admin.GetAsync("/api/identity/users?search=%00");
        var create = await admin.PostAsync("/api/identity/users", new StringContent("{\"userName\":\"nul.user\",\"displayName\":\"a\\u0000b\",\"unitId\":\"" + Guid.NewGuid() + "\",\"password\":\"Nul#2026password\"}", Encoding.UTF8, "application/json"));
        var token = await app.RequestPasswordTokenAsync("admin\0", BranchNetworkFactory.DemoPassword);

        Assert.Equal(HttpStatusCode.BadRequest, search.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, create.StatusCode);
        Assert.True((await create.JsonAsync()).GetProperty("errors").TryGetProperty("displayName", out _));
        Assert.Equal(HttpStatusCode.BadRequest, token.StatusCode);
    }

    [Fact]
    public async Task Junk_json_is_a_problem_details_400_and_creates_nothing()
    {
        app.EnsureAvailable();
        var admin = await app.ClientForAsync("admin");
        var before = (await admin.AllItemsAsync("/api/identity/users")).Count;

        var response = await admin.PostAsync("/api/identity/users", new StringContent("{\"userName\": [1,2", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(before, (await admin.AllItemsAsync("/api/identity/users")).Count);
    }
}
