using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using BranchNetwork.SharedKernel;
using BranchNetwork.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace BranchNetwork.IntegrationTests.Audit.Policies;

/// <summary>
/// The app for the access-policy tests (AU-5): the client address of a request comes from a test header (the test
/// server has no sockets), set before the host's forwarded-headers middleware as a real peer address would be;
/// one trusted proxy; a bank holiday on Monday 1 June 2026; the access log flushed quickly.
/// </summary>
public sealed class PolicyFactory : BranchNetworkFactory
{
    public const string AddressHeader = "X-Test-Client-Address";
    public const string TrustedProxy = "192.0.2.10";
    public const string Intranet = "10.1.2.3";
    public const string Internet = "203.0.113.9";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["AccessLog:FlushIntervalMilliseconds"] = "100",
        ["Network:TrustedProxies:0"] = TrustedProxy,
        ["BankCalendar:Years:2026:Holidays:0"] = "2026-06-01",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, ClientAddressFromHeader>());
    }

    public HttpClient AnonymousFrom(string address)
    {
        var client = CreateAnonymousClient();
        client.DefaultRequestHeaders.Add(AddressHeader, address);
        return client;
    }

    public async Task<HttpClient> ClientFromAsync(string userName, string address, bool freshToken = false)
    {
        var client = AnonymousFrom(address);
        string token;
        if (freshToken)
        {
            var response = await RequestPasswordTokenAsync(userName, DemoPassword);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, body);
            token = JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
        }
        else
        {
            token = await TokenAsync(userName);
        }

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Moves the app's clock to a wall-clock time in China.</summary>
    public void SetChinaTime(DateTime local) => Clock.Advance(ChinaTime.ToUtc(local) - Clock.UtcNow);

    public void ResetClock() => Clock.Advance(TestClock.Start - Clock.UtcNow);

    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[AddressHeader].ToString(), out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }

                return following(context);
            });
            next(app);
        };
    }
}

/// <summary>The SecurityAdmin's policy API, for the tests.</summary>
internal static class PolicyApi
{
    public static object Body(string name, string kind, string[]? paths = null, string[]? roles = null, string[]? networks = null, string? from = null, string? to = null, bool workingDaysOnly = false, string[]? extensions = null, long? maxBytes = null, string[]? domains = null, bool enabled = true) => new
    {
        name,
        kind,
        pathPatterns = paths ?? [],
        roles = roles ?? [],
        workingDaysOnly,
        from,
        to,
        allowedNetworks = networks ?? [],
        fileExtensions = extensions ?? [],
        maxUploadBytes = maxBytes,
        linkDomains = domains ?? [],
        enabled,
    };

    public static async Task<JsonElement> CreateAsync(HttpClient security, object body)
    {
        var response = await security.PostJsonAsync("/api/audit/policies", body);
        var json = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {json}");
        return json;
    }

    public static async Task DeleteAsync(HttpClient security, JsonElement policy)
    {
        var response = await security.DeleteAsync($"/api/audit/policies/{policy.GetProperty("id").GetGuid()}");
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    /// <summary>Asserts a 403 problem naming the policy with its code; returns the problem.</summary>
    public static async Task<JsonElement> AssertRefusedAsync(HttpResponseMessage response, string code, string policyName)
    {
        var problem = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{(int)response.StatusCode} {problem}");
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Equal(policyName, problem.GetProperty("policy").GetString());
        Assert.Contains(policyName, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        return problem;
    }

    /// <summary>Not refused by a policy: whatever the endpoint answers, it is not a policy's 403.</summary>
    public static async Task AssertNotRefusedByPolicyAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.False(response.StatusCode == HttpStatusCode.Forbidden, $"{(int)response.StatusCode} {text}");
        Assert.DoesNotContain("policy.", text, StringComparison.Ordinal);
    }
}
