using System.Net;
using System.Net.Http.Json;
using BranchNetwork.Modules.Assessment.Contracts;
using BranchNetwork.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace BranchNetwork.IntegrationTests.Assessment;

/// <summary>
/// ORG-3 for the module: a role that may never do something gets 403; another sub-branch's private item
/// (sheet, trend, warning, appeal) is 404, as if it did not exist. The ranking itself is public to staff.
/// </summary>
[Trait("Spec", "AS-5")]
[Trait("Spec", "AS-6")]
[Trait("Spec", "AS-7")]
public sealed class AccessTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    [Fact]
    public async Task Each_role_is_refused_what_it_may_never_do_with_403()
    {
        app.EnsureAvailable();
        var scheme = await AssessmentApi.PublishedSchemeAsync(app, [("存款", 100m, true)]);
        var today = AssessmentApi.Today(app);
        var sb01 = scheme.SubBranches["SB01"];
        var indicator = scheme.Indicators["存款"];
        var requests = new (string Url, object Body)[]
        {
            ("/api/assessment/indicators", new { code = "DENY", name = "x", unit = "户", direction = "HigherIsBetter", dataSource = "Manual", ruleKind = "Ratio" }),
            ("/api/assessment/schemes", new { name = "x", periodKind = "Custom", startDate = today, endDate = today, kind = "Comprehensive", indicators = new[] { new { indicatorId = indicator, weight = 100m } } }),
            ($"/api/assessment/schemes/{scheme.Id}/publish", new { version = 1 }),
            ($"/api/assessment/schemes/{scheme.Id}/close", new { version = 1 }),
            ($"/api/assessment/warnings", new { schemeId = scheme.Id, subBranchId = sb01, kind = "Warning", message = "x" }),
            ("/api/assessment/warnings/evaluate", new { }),
            ($"/api/assessment/schemes/{scheme.Id}/honours", new { title = "x", subjectKind = "SubBranch", subjectId = sb01 }),
        };
        var may = new Dictionary<string, int[]>
        {
            // Indices into requests each role is allowed (by role; status rules may still refuse them).
            ["taskadmin"] = [0, 1, 2, 3],
            ["supervisor"] = [4, 5, 6],
            ["head01"] = [],
            ["staff0101"] = [],
            ["auditor"] = [],
        };
        foreach (var (user, allowed) in may)
        {
            var client = await app.ClientForAsync(user);
            for (var n = 0; n < requests.Length; n++)
            {
                if (allowed.Contains(n))
                {
                    continue;
                }

                var response = await client.PostAsJsonAsync(requests[n].Url, requests[n].Body);
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{user} POST {requests[n].Url} gave {(int)response.StatusCode}");
            }
        }

        var progress = new { entries = new[] { new { subBranchId = sb01, indicatorId = indicator, date = today, value = 1m } } };
        foreach (var user in new[] { "taskadmin", "staff0101", "auditor" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientForAsync(user)).PostAsJsonAsync($"/api/assessment/schemes/{scheme.Id}/progress", progress)).StatusCode);
        }

        foreach (var user in new[] { "head01", "staff0101" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientForAsync(user)).GetAsync($"/api/assessment/schemes/{scheme.Id}/targets")).StatusCode);
        }
    }

    [Fact]
    public async Task Another_sub_branchs_sheet_trend_warnings_and_appeals_are_404_while_its_own_are_readable()
    {
        app.EnsureAvailable();
        var scheme = await AssessmentApi.PublishedSchemeAsync(app, [("存款", 100m, true)]);
        var sb01 = scheme.SubBranches["SB01"];
        var sheet = $"/api/assessment/schemes/{scheme.Id}/sheets/{sb01}";
        var trend = $"{sheet}/indicators/{scheme.Indicators["存款"]}/trend";

        foreach (var user in new[] { "head01", "staff0101", "staff0102", "supervisor", "taskadmin" })
        {
            var client = await app.ClientForAsync(user);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(sheet)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(trend)).StatusCode);
        }

        foreach (var user in new[] { "head02", "staff0201", "head08" })
        {
            var client = await app.ClientForAsync(user);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(sheet)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(trend)).StatusCode);
            // ... but the ranking with every sub-branch's completion is public.
            Assert.Equal(8, (await client.ResultsAsync(scheme.Id)).GetProperty("rows").GetArrayLength());
        }

        var view = await (await (await app.ClientForAsync("staff0101")).GetAsync(sheet)).JsonAsync();
        Assert.Equal("支行01", view.GetProperty("row").GetProperty("subBranchName").GetString());
        Assert.Equal(8, view.GetProperty("subBranchCount").GetInt32());
    }
}

/// <summary>An app with a computed indicator source registered, as the community module will register its KPIs.</summary>
public sealed class ComputedSourceApp : BranchNetworkFactory
{
    public Dictionary<Guid, decimal> Values { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IComputedIndicatorSource>(new FixedSource(this)));
    }

    private sealed class FixedSource(ComputedSourceApp app) : IComputedIndicatorSource
    {
        public string Key => "test.posts";

        public string DisplayName => "社群发帖数";

        public Task<IReadOnlyDictionary<Guid, decimal>> ComputeAsync(IReadOnlyCollection<Guid> subBranchIds, DateOnly from, DateOnly asOf, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyDictionary<Guid, decimal>>(subBranchIds.Where(app.Values.ContainsKey).ToDictionary(id => id, id => app.Values[id]));
    }
}

[Trait("Spec", "AS-1")]
public sealed class ComputedIndicatorTests(ComputedSourceApp app) : IClassFixture<ComputedSourceApp>
{
    [Fact]
    public async Task A_computed_indicator_takes_its_values_from_the_registered_source_and_refuses_hand_entry()
    {
        app.EnsureAvailable();
        var admin = await app.ClientForAsync("taskadmin");
        var sources = await (await admin.GetAsync("/api/assessment/computed-sources")).JsonAsync();
        Assert.Contains(sources.EnumerateArray(), s => s.GetProperty("key").GetString() == "test.posts");

        var indicator = await admin.CreateIndicatorAsync(AssessmentApi.Unique("POSTS"), "社群发帖", dataSource: "Computed", computedSourceKey: "test.posts", allowSubBranchEntry: true);
        var today = AssessmentApi.Today(app);
        var subs = await AssessmentApi.SubBranchesAsync(app);
        var scheme = await (await admin.CreateSchemeAsync(AssessmentApi.Unique("社群"), today.AddDays(-9), today.AddDays(10), (indicator, 100m))).JsonAsync();
        var schemeId = scheme.GetProperty("id").GetGuid();
        await admin.PutAsJsonAsync($"/api/assessment/schemes/{schemeId}/targets", new { cells = subs.Values.Select(s => new { subBranchId = s, indicatorId = indicator, value = 40m }).ToArray() });
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/assessment/schemes/{schemeId}/publish", new { version = await admin.VersionAsync(schemeId) })).StatusCode);
        var published = new PublishedScheme(schemeId, new Dictionary<string, Guid> { ["社群发帖"] = indicator }, subs, today.AddDays(-9), today.AddDays(10));

        var byHand = await (await app.ClientForAsync("head01")).RecordAsync(published, "SB01", "社群发帖", today, 30m);
        Assert.Equal(HttpStatusCode.BadRequest, byHand.StatusCode);

        app.Values[subs["SB01"]] = 30m;
        var supervisor = await app.ClientForAsync("supervisor");
        await supervisor.PostAsync("/api/assessment/warnings/evaluate", null);
        var row = (await supervisor.ResultsAsync(schemeId)).Row(subs["SB01"]);
        Assert.Equal((30m, 0.75m), (row.GetProperty("cells")[0].GetProperty("actual").GetDecimal(), row.GetProperty("cells")[0].GetProperty("completion").GetDecimal()));

        // Unchanged values are not recorded twice.
        await supervisor.PostAsync("/api/assessment/warnings/evaluate", null);
        var trend = await (await supervisor.GetAsync($"/api/assessment/schemes/{schemeId}/sheets/{subs["SB01"]}/indicators/{indicator}/trend")).JsonAsync();
        var entry = Assert.Single(trend.GetProperty("history").GetProperty("items").EnumerateArray());
        Assert.Equal("Computed", entry.GetProperty("source").GetString());
    }
}
