using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BranchNetwork.IntegrationTests.Identity;
using BranchNetwork.Testing;

namespace BranchNetwork.IntegrationTests.Assessment;

/// <summary>A published scheme built through the API: its id, indicator ids by code and sub-branch ids by unit code.</summary>
internal sealed record PublishedScheme(Guid Id, IReadOnlyDictionary<string, Guid> Indicators, IReadOnlyDictionary<string, Guid> SubBranches, DateOnly Start, DateOnly End, string Name = "");

internal static class AssessmentApi
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>Today at the bank (China Standard Time) by the app's clock.</summary>
    public static DateOnly Today(BranchNetworkFactory app) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(app.Clock.UtcNow, Shanghai));

    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..6]}";

    public static async Task<Guid> CreateIndicatorAsync(
        this HttpClient taskAdmin,
        string code,
        string name,
        string direction = "HigherIsBetter",
        bool allowSubBranchEntry = false,
        string ruleKind = "Ratio",
        decimal? minimumCompletion = null,
        object[]? bands = null,
        string dataSource = "Manual",
        string? computedSourceKey = null)
    {
        var response = await taskAdmin.PostAsJsonAsync("/api/assessment/indicators", new
        {
            code,
            name,
            unit = "万元",
            direction,
            dataSource,
            computedSourceKey,
            ruleKind,
            minimumCompletion,
            bands,
            allowSubBranchEntry,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetGuid();
    }

    public static Task<HttpResponseMessage> CreateSchemeAsync(this HttpClient taskAdmin, string name, DateOnly start, DateOnly end, params (Guid Id, decimal Weight)[] indicators) =>
        taskAdmin.PostAsJsonAsync("/api/assessment/schemes", new
        {
            name,
            periodKind = "Custom",
            startDate = start,
            endDate = end,
            kind = "Comprehensive",
            indicators = indicators.Select(i => new { indicatorId = i.Id, weight = i.Weight }).ToArray(),
        });

    public static async Task<Dictionary<string, Guid>> SubBranchesAsync(BranchNetworkFactory app)
    {
        var units = await UserAdministrationTests.UnitsByCodeAsync(await app.ClientForAsync("admin"));
        return units.Where(u => u.Key.StartsWith("SB", StringComparison.Ordinal) && !u.Key.Contains('-', StringComparison.Ordinal))
            .ToDictionary(u => u.Key, u => Guid.Parse(u.Value));
    }

    /// <summary>
    /// Indicators (code → weight), a custom period from 9 days ago to 10 days ahead (time progress exactly 0.5 today),
    /// a target of <paramref name="target"/> in every cell, published. Indicators are entered by hand unless
    /// <paramref name="dataSources"/> names another source (indicator name → source).
    /// </summary>
    public static async Task<PublishedScheme> PublishedSchemeAsync(
        BranchNetworkFactory app,
        (string Name, decimal Weight, bool HeadEntry)[] indicators,
        decimal target = 100m,
        bool publish = true,
        IReadOnlyDictionary<string, string>? dataSources = null)
    {
        var admin = await app.ClientForAsync("taskadmin");
        var ids = new Dictionary<string, Guid>();
        foreach (var (name, _, headEntry) in indicators)
        {
            ids[name] = await admin.CreateIndicatorAsync(Unique("IND"), name, allowSubBranchEntry: headEntry, dataSource: dataSources?.GetValueOrDefault(name) ?? "Manual");
        }

        var today = Today(app);
        var (start, end) = (today.AddDays(-9), today.AddDays(10));
        var schemeName = Unique("方案");
        var created = await admin.CreateSchemeAsync(schemeName, start, end, indicators.Select(i => (ids[i.Name], i.Weight)).ToArray());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var scheme = await created.JsonAsync();
        var schemeId = scheme.GetProperty("id").GetGuid();
        var subs = await SubBranchesAsync(app);
        var cells = subs.Values.SelectMany(s => ids.Values.Select(i => new { subBranchId = s, indicatorId = i, value = target })).ToArray();
        var set = await admin.PutAsJsonAsync($"/api/assessment/schemes/{schemeId}/targets", new { cells });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        if (publish)
        {
            var version = (await (await admin.GetAsync($"/api/assessment/schemes/{schemeId}")).JsonAsync()).GetProperty("version").GetInt64();
            var published = await admin.PostAsJsonAsync($"/api/assessment/schemes/{schemeId}/publish", new { version });
            Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        }

        return new PublishedScheme(schemeId, ids, subs, start, end, schemeName);
    }

    public static Task<HttpResponseMessage> RecordAsync(this HttpClient client, PublishedScheme scheme, string subBranch, string indicator, DateOnly date, decimal value) =>
        client.PostAsJsonAsync($"/api/assessment/schemes/{scheme.Id}/progress", new
        {
            entries = new[] { new { subBranchId = scheme.SubBranches[subBranch], indicatorId = scheme.Indicators[indicator], date, value } },
        });

    public static async Task<JsonElement> ResultsAsync(this HttpClient client, Guid schemeId)
    {
        var response = await client.GetAsync($"/api/assessment/schemes/{schemeId}/results");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    public static JsonElement Row(this JsonElement results, Guid subBranchId) =>
        results.GetProperty("rows").EnumerateArray().First(r => r.GetProperty("subBranchId").GetGuid() == subBranchId);

    public static async Task<long> VersionAsync(this HttpClient client, Guid schemeId) =>
        (await (await client.GetAsync($"/api/assessment/schemes/{schemeId}")).JsonAsync()).GetProperty("version").GetInt64();

    public static async Task<string> ProblemAsync(this HttpResponseMessage response) => (await response.Content.ReadAsStringAsync());
}
