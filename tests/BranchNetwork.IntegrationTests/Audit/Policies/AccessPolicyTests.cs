using System.Net;
using System.Net.Http.Json;
using BranchNetwork.IntegrationTests.Assessment;
using BranchNetwork.IntegrationTests.Files;
using BranchNetwork.Testing;

namespace BranchNetwork.IntegrationTests.Audit.Policies;

/// <summary>
/// Access policies (AU-5): time windows by the bank calendar, network zones (IPv4 and IPv6, the client address from a
/// trusted proxy only) on the API, pages and hubs, before the handler; the 403 names the policy and is in the access
/// log; a change applies at once; the lock-out guard; content policies on uploads. Each test removes its policies.
/// </summary>
[Trait("Spec", "AU-5")]
public sealed class AccessPolicyTests(PolicyFactory app) : IClassFixture<PolicyFactory>
{
    private const string ImportPath = "/api/assessment/schemes/*/progress/import";

    [Fact]
    public async Task A_time_window_on_progress_import_allows_inside_and_refuses_outside_after_hours_on_weekends_and_holidays()
    {
        app.EnsureAvailable();
        var security = await app.ClientFromAsync("security", PolicyFactory.Intranet);
        var policy = await PolicyApi.CreateAsync(security, PolicyApi.Body("进度导入时间窗", "TimeWindow", paths: [ImportPath], from: "08:00", to: "20:00", workingDaysOnly: true));
        var import = $"/api/assessment/schemes/{Guid.NewGuid()}/progress/import";
        try
        {
            // Wednesday 27 May 2026 10:00: a working day, inside the window — the handler answers (no such scheme), not the policy.
            var supervisor = await app.ClientFromAsync("supervisor", PolicyFactory.Intranet);
            await PolicyApi.AssertNotRefusedByPolicyAsync(await supervisor.PostAsync(import, SampleFiles.Form("a,b\n"u8.ToArray(), "进度.csv")));

            foreach (var (local, why) in new[]
            {
                (new DateTime(2026, 5, 27, 20, 30, 0), "after hours"),
                (new DateTime(2026, 5, 27, 7, 59, 0), "before hours"),
                (new DateTime(2026, 5, 30, 10, 0, 0), "Saturday"),
                (new DateTime(2026, 6, 1, 10, 0, 0), "holiday (Monday 1 June in the bank calendar)"),
            })
            {
                app.SetChinaTime(local);
                var at = await app.ClientFromAsync("supervisor", PolicyFactory.Intranet, freshToken: true);
                var refused = await at.PostAsync(import, SampleFiles.Form("a,b\n"u8.ToArray(), "进度.csv"));
                var problem = await PolicyApi.AssertRefusedAsync(refused, "policy.time_window", "进度导入时间窗");
                Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()), why);
            }

            // Tuesday 2 June 2026 19:59: a working day again, inside.
            app.SetChinaTime(new DateTime(2026, 6, 2, 19, 59, 0));
            var tuesday = await app.ClientFromAsync("supervisor", PolicyFactory.Intranet, freshToken: true);
            await PolicyApi.AssertNotRefusedByPolicyAsync(await tuesday.PostAsync(import, SampleFiles.Form("a,b\n"u8.ToArray(), "进度.csv")));

            // Outside the policy's paths nothing changes at 21:00.
            app.SetChinaTime(new DateTime(2026, 6, 2, 21, 0, 0));
            var late = await app.ClientFromAsync("supervisor", PolicyFactory.Intranet, freshToken: true);
            Assert.Equal(HttpStatusCode.OK, (await late.GetAsync("/api/notifications")).StatusCode);
        }
        finally
        {
            app.ResetClock();
            await PolicyApi.DeleteAsync(security, policy);
        }
    }

    [Fact]
    public async Task A_network_zone_on_audit_pages_allows_the_intranet_over_IPv4_and_IPv6_and_honours_forwarding_only_from_the_trusted_proxy()
    {
        app.EnsureAvailable();
        var security = await app.ClientFromAsync("security", PolicyFactory.Intranet);
        var policy = await PolicyApi.CreateAsync(security, PolicyApi.Body("审计页面仅限内网", "NetworkZone", paths: ["/audit/**"], networks: ["10.0.0.0/8", "fd00::/8"]));
        try
        {
            // The auditor's browser, signed in with a cookie; each page load below comes from the address given.
            var browser = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
            browser.Timeout = TimeSpan.FromMinutes(5);
            var login = await BranchNetwork.IntegrationTests.Identity.CookieSignIn.LoginAsync(browser, "auditor", BranchNetworkFactory.DemoPassword);
            Assert.True(login.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found, $"sign-in: {(int)login.StatusCode}");

            Task<HttpResponseMessage> PageFrom(string address, string? forwardedFor = null, string? language = null)
            {
                var request = new HttpRequestMessage(HttpMethod.Get, "/audit/access-log");
                request.Headers.Add(PolicyFactory.AddressHeader, address);
                if (forwardedFor is not null)
                {
                    request.Headers.Add("X-Forwarded-For", forwardedFor);
                }

                if (language is not null)
                {
                    request.Headers.AcceptLanguage.ParseAdd(language);
                }

                return browser.SendAsync(request);
            }

            foreach (var inside in new[] { PolicyFactory.Intranet, "fd00::17" })
            {
                var page = await PageFrom(inside);
                Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            }

            foreach (var outside in new[] { PolicyFactory.Internet, "2001:db8::1", "::ffff:203.0.113.9" })
            {
                await PolicyApi.AssertRefusedAsync(await PageFrom(outside), "policy.network_zone", "审计页面仅限内网");
            }

            // An untrusted peer cannot claim an intranet address; the trusted proxy's word is taken, both ways.
            await PolicyApi.AssertRefusedAsync(await PageFrom(PolicyFactory.Internet, forwardedFor: PolicyFactory.Intranet), "policy.network_zone", "审计页面仅限内网");
            Assert.Equal(HttpStatusCode.OK, (await PageFrom(PolicyFactory.TrustedProxy, forwardedFor: PolicyFactory.Intranet)).StatusCode);
            await PolicyApi.AssertRefusedAsync(await PageFrom(PolicyFactory.TrustedProxy, forwardedFor: PolicyFactory.Internet), "policy.network_zone", "审计页面仅限内网");

            // The title is in the reader's language.
            var english = await PolicyApi.AssertRefusedAsync(await PageFrom(PolicyFactory.Internet, language: "en"), "policy.network_zone", "审计页面仅限内网");
            Assert.Equal("Outside the allowed network zone", english.GetProperty("title").GetString());
            var chinese = await PolicyApi.AssertRefusedAsync(await PageFrom(PolicyFactory.Internet), "policy.network_zone", "审计页面仅限内网");
            Assert.Equal("不在允许的网络区域内", chinese.GetProperty("title").GetString());

            // The address the access log keeps is the one the policy judged: the forwarded client's, from the trusted proxy.
            var auditor = await app.ClientFromAsync("auditor", PolicyFactory.Intranet);
            var entry = await AccessLogApi.WaitForAsync(auditor, "path=/audit/access-log&status=403", e => e.Str("ip") == PolicyFactory.Internet && e.Str("detail")?.StartsWith("policy.network_zone", StringComparison.Ordinal) == true);
            Assert.Equal("auditor", entry.Str("userName"));
        }
        finally
        {
            await PolicyApi.DeleteAsync(security, policy);
        }
    }

    [Fact]
    public async Task The_notifications_hub_and_the_Blazor_circuit_are_refused_too_and_the_refusal_is_in_the_access_log_with_the_policy_code()
    {
        app.EnsureAvailable();
        var security = await app.ClientFromAsync("security", PolicyFactory.Intranet);
        var policy = await PolicyApi.CreateAsync(security, PolicyApi.Body("实时通道仅限内网", "NetworkZone", paths: ["/hubs/**", "/_blazor/**"], networks: ["10.0.0.0/8"]));
        try
        {
            var outside = await app.ClientFromAsync("head01", PolicyFactory.Internet);
            await PolicyApi.AssertRefusedAsync(await outside.PostAsync("/hubs/notifications/negotiate?negotiateVersion=1", null), "policy.network_zone", "实时通道仅限内网");
            await PolicyApi.AssertRefusedAsync(await app.AnonymousFrom(PolicyFactory.Internet).PostAsync("/_blazor/negotiate?negotiateVersion=1", null), "policy.network_zone", "实时通道仅限内网");
            var inside = await app.ClientFromAsync("head01", PolicyFactory.Intranet);
            Assert.Equal(HttpStatusCode.OK, (await inside.PostAsync("/hubs/notifications/negotiate?negotiateVersion=1", null)).StatusCode);

            var auditor = await app.ClientFromAsync("auditor", PolicyFactory.Intranet);
            var entry = await AccessLogApi.WaitForAsync(auditor, "path=/hubs/notifications/negotiate&status=403", e => e.Str("detail")?.Contains("policy.network_zone", StringComparison.Ordinal) == true);
            Assert.Contains("实时通道仅限内网", entry.Str("detail"), StringComparison.Ordinal);
            Assert.Equal(PolicyFactory.Internet, entry.Str("ip"));
            Assert.Equal("head01", entry.Str("userName"));
        }
        finally
        {
            await PolicyApi.DeleteAsync(security, policy);
        }
    }

    [Fact]
    public async Task The_policy_set_stays_small_by_rule_the_201st_policy_is_refused_and_the_list_shows_every_one()
    {
        app.EnsureAvailable();
        var security = await app.ClientFromAsync("security", PolicyFactory.Intranet);
        var created = new List<System.Text.Json.JsonElement>();
        try
        {
            var existing = (await (await security.GetAsync("/api/audit/policies")).JsonAsync()).GetArrayLength();
            for (var i = existing; i < 200; i++)
            {
                created.Add(await PolicyApi.CreateAsync(security, PolicyApi.Body($"上限策略{i:D3}", "NetworkZone", paths: ["/api/notifications/**"], networks: ["10.0.0.0/8"], enabled: false)));
            }

            var refused = await security.PostJsonAsync("/api/audit/policies", PolicyApi.Body("上限策略多一条", "NetworkZone", paths: ["/api/notifications/**"], networks: ["10.0.0.0/8"], enabled: false));
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Equal("audit.too_many_policies", (await refused.JsonAsync()).GetProperty("code").GetString());
            Assert.Equal(200, (await (await security.GetAsync("/api/audit/policies")).JsonAsync()).GetArrayLength());
        }
        finally
        {
            foreach (var policy in created)
            {
                await PolicyApi.DeleteAsync(security, policy);
            }
        }
    }

    [Fact]
    public async Task A_policy_change_applies_to_the_next_request_without_a_restart()
    {
        app.EnsureAvailable();
        var security = await app.ClientFromAsync("security", PolicyFactory.Intranet);
        var head = await app.ClientFromAsync("head01", PolicyFactory.Internet);
        Assert.Equal(HttpStatusCode.OK, (await head.GetAsync("/api/notifications")).StatusCode);

        var policy = await PolicyApi.CreateAsync(security, PolicyApi.Body("通知仅限内网", "NetworkZone", paths: ["/api/notifications/**"], networks: ["10.0.0.0/8"]));
        var id = policy.GetProperty("id").GetGuid();
        try
        {
            await PolicyApi.AssertRefusedAsync(await head.GetAsync("/api/notifications"), "policy.network_zone", "通知仅限内网");

            Assert.Equal(HttpStatusCode.OK, (await security.PostAsync($"/api/audit/policies/{id}/disable", null)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await head.GetAsync("/api/notifications")).StatusCode);

            var enabled = await (await security.PostAsync($"/api/audit/policies/{id}/enable", null)).JsonAsync();
            await PolicyApi.AssertRefusedAsync(await head.GetAsync("/api/notifications"), "policy.network_zone", "通知仅限内网");

            var widened = await security.PutAsJsonAsync($"/api/audit/policies/{id}", new
            {
                name = "通知仅限内网",
                kind = "NetworkZone",
                pathPatterns = new[] { "/api/notifications/**" },
                roles = Array.Empty<string>(),
                allowedNetworks = new[] { "10.0.0.0/8", "203.0.113.0/24" },
                version = enabled.GetProperty("version").GetInt64(),
            });
            Assert.Equal(HttpStatusCode.OK, widened.StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await head.GetAsync("/api/notifications")).StatusCode);

            // Scoped to a role head01 does not hold: not refused.
            var scoped = await (await security.GetAsync($"/api/audit/policies/{id}")).JsonAsync();
            Assert.Equal(HttpStatusCode.OK, (await security.PutAsJsonAsync($"/api/audit/policies/{id}", new
            {
                name = "通知仅限内网",
                kind = "NetworkZone",
                pathPatterns = new[] { "/api/notifications/**" },
                roles = new[] { "Moderator" },
                allowedNetworks = new[] { "10.0.0.0/8" },
                version = scoped.GetProperty("version").GetInt64(),
            })).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await head.GetAsync("/api/notifications")).StatusCode);
        }
        finally
        {
            await PolicyApi.DeleteAsync(security, policy);
        }
    }

    [Fact]
    public async Task A_change_that_would_lock_out_every_security_admin_is_refused()
    {
        app.EnsureAvailable();
        var security = await app.ClientFromAsync("security", PolicyFactory.Internet);

        // From the internet, an intranet-only zone on the policy API would shut the acting admin out.
        var zone = await security.PostJsonAsync("/api/audit/policies", PolicyApi.Body("审计接口仅限内网", "NetworkZone", paths: ["/api/audit/**"], networks: ["10.0.0.0/8"]));
        Assert.Equal(HttpStatusCode.Conflict, zone.StatusCode);
        Assert.Equal("audit.policy_lockout", (await zone.JsonAsync()).GetProperty("code").GetString());

        // Whole-app sign-in window that is shut now, for SecurityAdmins.
        var window = await security.PostJsonAsync("/api/audit/policies", PolicyApi.Body("安全管理员夜间", "TimeWindow", paths: ["/connect/token"], roles: ["SecurityAdmin"], from: "22:00", to: "23:00"));
        Assert.Equal(HttpStatusCode.Conflict, window.StatusCode);

        // Created disabled it harms no one; enabling it is refused by the same guard.
        var disabled = await PolicyApi.CreateAsync(security, PolicyApi.Body("审计接口仅限内网", "NetworkZone", paths: ["/api/audit/**"], networks: ["10.0.0.0/8"], enabled: false));
        try
        {
            var enable = await security.PostAsync($"/api/audit/policies/{disabled.GetProperty("id").GetGuid()}/enable", null);
            Assert.Equal(HttpStatusCode.Conflict, enable.StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await security.GetAsync("/api/audit/policies")).StatusCode);
            Assert.False((await (await security.GetAsync($"/api/audit/policies/{disabled.GetProperty("id").GetGuid()}")).JsonAsync()).GetProperty("enabled").GetBoolean());
        }
        finally
        {
            await PolicyApi.DeleteAsync(security, disabled);
        }

        // The same zone for the Auditor only does not touch the SecurityAdmins: accepted.
        var auditorsOnly = await PolicyApi.CreateAsync(security, PolicyApi.Body("审计员仅限内网", "NetworkZone", paths: ["/api/audit/**"], roles: ["Auditor"], networks: ["10.0.0.0/8"]));
        await PolicyApi.DeleteAsync(security, auditorsOnly);
    }

    [Fact]
    public async Task Policy_input_is_checked_field_by_field_and_only_the_security_admin_writes()
    {
        app.EnsureAvailable();
        var security = await app.ClientFromAsync("security", PolicyFactory.Intranet);
        var bad = await security.PostJsonAsync("/api/audit/policies", new
        {
            name = "坏\u0007策略",
            kind = "TimeWindow",
            pathPatterns = new[] { "api/no-slash", "/a/b*c" },
            roles = new[] { "Overlord" },
            from = "8点",
            to = "25:00",
            allowedNetworks = Array.Empty<string>(),
            enabled = true,
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.JsonAsync()).GetProperty("errors").EnumerateObject().Select(p => p.Name.ToLowerInvariant()).ToList();
        foreach (var field in new[] { "name", "pathpatterns[0]", "pathpatterns[1]", "roles[0]", "from", "to" })
        {
            Assert.Contains(field, errors);
        }

        var cidr = await security.PostJsonAsync("/api/audit/policies", PolicyApi.Body("坏网段", "NetworkZone", paths: ["/admin/**"], networks: ["10.0.0.0/33", "fd00::/8", "10.0.0.1"]));
        Assert.Equal(HttpStatusCode.BadRequest, cidr.StatusCode);
        var cidrErrors = (await cidr.JsonAsync()).GetProperty("errors").EnumerateObject().Select(p => p.Name.ToLowerInvariant()).ToList();
        Assert.Contains("allowednetworks[0]", cidrErrors);
        Assert.DoesNotContain("allowednetworks[1]", cidrErrors);
        Assert.Contains("allowednetworks[2]", cidrErrors);

        foreach (var other in new[] { "auditor", "admin", "head01" })
        {
            var client = await app.ClientFromAsync(other, PolicyFactory.Intranet);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostJsonAsync("/api/audit/policies", PolicyApi.Body("越权", "NetworkZone", paths: ["/admin/**"], networks: ["10.0.0.0/8"]))).StatusCode);
        }
    }

    [Fact]
    public async Task A_content_policy_narrows_upload_types_and_sizes_and_lists_link_domains()
    {
        app.EnsureAvailable();
        var security = await app.ClientFromAsync("security", PolicyFactory.Intranet);
        var scheme = await AssessmentApi.PublishedSchemeAsync(app, [("存款", 100m, false)]);
        var head = await app.ClientForAsync("head01");
        var filed = await head.PostAsJsonAsync("/api/assessment/appeals", new { schemeId = scheme.Id, subBranchId = scheme.SubBranches["SB01"], kind = "Score", reason = "附证明材料", requestedValue = 1m });
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var attachments = $"/api/assessment/appeals/{(await filed.JsonAsync()).GetProperty("id").GetGuid()}/attachments";

        var imagesOnly = await PolicyApi.CreateAsync(security, PolicyApi.Body("仅限图片", "Content", extensions: ["png", "jpg"], domains: ["intranet.bank.cn"]));
        try
        {
            var pdf = await head.PostAsync(attachments, SampleFiles.Form(SampleFiles.Pdf(), "证明.pdf"));
            Assert.Equal(HttpStatusCode.BadRequest, pdf.StatusCode);
            Assert.True((await pdf.JsonAsync()).GetProperty("errors").TryGetProperty("file", out _));
        }
        finally
        {
            await PolicyApi.DeleteAsync(security, imagesOnly);
        }

        var small = await PolicyApi.CreateAsync(security, PolicyApi.Body("小文件", "Content", extensions: ["pdf"], maxBytes: 100));
        try
        {
            var large = await head.PostAsync(attachments, SampleFiles.Form(SampleFiles.Pdf(), "证明.pdf"));
            Assert.Equal(HttpStatusCode.BadRequest, large.StatusCode);
        }
        finally
        {
            await PolicyApi.DeleteAsync(security, small);
        }

        Assert.Equal(HttpStatusCode.Created, (await head.PostAsync(attachments, SampleFiles.Form(SampleFiles.Pdf(), "证明.pdf"))).StatusCode);
    }
}
