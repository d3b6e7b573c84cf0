using System.Net;
using System.Text;
using BranchNetwork.Infrastructure.Requests;
using BranchNetwork.Infrastructure.Web;
using BranchNetwork.SharedKernel.Authorization;
using BranchNetwork.Testing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace BranchNetwork.IntegrationTests.Platform;

/// <summary>
/// Finding 7 of issue 9: authorisation comes first, everywhere. Every API endpoint carries the role rule of the
/// request it sends as endpoint metadata, so a caller without the role gets the 403 problem details before the body
/// is bound or validated, whatever junk it sends.
/// </summary>
[Trait("Spec", "ORG-3")]
public sealed class AuthorisationFirstTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    public static readonly TheoryData<string> JunkBodies = new()
    {
        "{\"name\":\"组\",\"version\":\"x\"}",
        "{not json",
        "",
        "{\"name\":12,\"version\":[1]}",
        "{\"name\":\"组\",\"version\":1,\"padding\":\"x\"}",
    };

    [Theory]
    [MemberData(nameof(JunkBodies))]
    public async Task Staff_sending_junk_to_an_admin_endpoint_gets_the_403_problem_not_a_400(string body)
    {
        app.EnsureAvailable();
        var staff = await app.ClientForAsync("staff0101");
        var unit = Guid.NewGuid();

        var response = await staff.PutAsync($"/api/identity/units/{unit}", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.JsonAsync();
        Assert.Equal("auth.role_required", problem.GetProperty("code").GetString());
        Assert.Equal("您的角色无权执行此操作。", problem.GetProperty("title").GetString());
        Assert.False(problem.TryGetProperty("errors", out _));
    }

    [Fact]
    public async Task The_403_before_binding_speaks_the_users_language_and_covers_uploads_and_bodyless_writes()
    {
        app.EnsureAvailable();
        var staff = await app.ClientForAsync("staff0101");
        using var english = new HttpRequestMessage(HttpMethod.Post, "/api/assessment/indicators") { Content = new StringContent("{\"code\":", Encoding.UTF8, "application/json") };
        english.Headers.AcceptLanguage.ParseAdd("en");

        var inEnglish = await staff.SendAsync(english);
        var upload = await staff.PostAsync($"/api/assessment/schemes/{Guid.NewGuid()}/targets/import", new StringContent("not a form"));
        var bodyless = await staff.PostAsync($"/api/identity/users/{Guid.NewGuid()}/disable", null);

        Assert.Equal(HttpStatusCode.Forbidden, inEnglish.StatusCode);
        Assert.Equal("Your roles do not allow this action.", (await inEnglish.JsonAsync()).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, upload.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, bodyless.StatusCode);
        Assert.Equal("auth.role_required", (await bodyless.JsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Anonymous_junk_is_still_a_401()
    {
        app.EnsureAvailable();
        var anonymous = app.CreateAnonymousClient();

        var response = await anonymous.PutAsync($"/api/identity/units/{Guid.NewGuid()}", new StringContent("{not json", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public void Every_api_endpoint_requires_exactly_the_roles_its_request_declares()
    {
        app.EnsureAvailable();
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .ToList();
        Assert.True(endpoints.Count >= 50, $"only {endpoints.Count} API endpoints");

        var problems = endpoints.Select(Check).OfType<string>().ToList();

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void The_endpoint_rule_fails_for_an_endpoint_whose_roles_are_not_its_requests()
    {
        app.EnsureAvailable();
        var rename = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .First(e => e.RoutePattern.RawText == "/api/identity/units/{id:guid}" && e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()!.HttpMethods.Contains("PUT"));
        // The same endpoint stripped of its derived requirement, as an endpoint mapped outside the convention would be.
        var stripped = new RouteEndpoint(rename.RequestDelegate!, rename.RoutePattern, rename.Order, new EndpointMetadataCollection(rename.Metadata.Where(m => m is not AuthorizationPolicy)), rename.DisplayName);
        var unnamed = new RouteEndpoint(rename.RequestDelegate!, rename.RoutePattern, rename.Order, new EndpointMetadataCollection(rename.Metadata.Where(m => m is not EndpointRequestMetadata)), rename.DisplayName);

        Assert.Null(Check(rename));
        Assert.Contains("roles", Check(stripped), StringComparison.Ordinal);
        Assert.Contains("no request", Check(unnamed), StringComparison.Ordinal);
    }

    /// <summary>Null when the endpoint's authorisation metadata says what its request declares; otherwise what is wrong.</summary>
    private static string? Check(RouteEndpoint endpoint)
    {
        var name = $"{string.Join(",", endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? [])} {endpoint.RoutePattern.RawText}";
        var requirements = endpoint.Metadata.OfType<AuthorizationPolicy>().SelectMany(p => p.Requirements).ToList();
        var roleSets = requirements.OfType<RolesAuthorizationRequirement>().Select(r => r.AllowedRoles.Order().ToArray())
            .Concat(endpoint.Metadata.OfType<IAuthorizeData>().Where(a => !string.IsNullOrEmpty(a.Roles)).Select(a => a.Roles!.Split(',').Select(r => r.Trim()).Order().ToArray()))
            .ToList();
        var request = endpoint.Metadata.GetMetadata<EndpointRequestMetadata>()?.RequestType;
        if (request is null)
        {
            // Only the platform's own endpoint sends no mediator request; it names its role itself.
            return endpoint.RoutePattern.RawText == "/api/platform/outbox/parked" && roleSets.Count == 1 && roleSets[0].SequenceEqual(["SystemAdmin"])
                ? null
                : $"{name}: no request found for the endpoint (name it with .RequireRolesOf<TRequest>())";
        }

        var declaration = RequestAuthorization.Read(request);
        var declared = declaration.Kind == RequestAuthorization.DeclarationKind.Roles ? declaration.Roles.Order().ToArray() : null;
        if (declared is null ? roleSets.Count != 0 : roleSets.Count != 1 || !roleSets[0].SequenceEqual(declared))
        {
            return $"{name}: endpoint roles [{string.Join(" | ", roleSets.Select(s => string.Join(",", s)))}] but {request.Name} declares [{string.Join(",", declared ?? [])}]";
        }

        var writesRefusedToAuditor = RequestAuthorization.IsCommand(request) && !Attribute.IsDefined(request, typeof(OwnAccountOnlyAttribute));
        if (writesRefusedToAuditor != requirements.OfType<ReadOnlyRoleRequirement>().Any())
        {
            return $"{name}: {request.Name} is {(writesRefusedToAuditor ? "a write refused" : "not refused")} to the Auditor, the endpoint says otherwise";
        }

        return null;
    }
}
