using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BranchNetwork.IntegrationTests.Assessment;
using BranchNetwork.Testing;

namespace BranchNetwork.IntegrationTests.Tasks.Plans;

/// <summary>Work plans through the API, for the plans area's tests and harness rows.</summary>
internal static class PlansApi
{
    public static object Milestone(DateOnly date, decimal value, string? note = null) => new { date, expectedValue = value, note };

    /// <summary>A measure as the editor sends it (no id: a new measure).</summary>
    public static Dictionary<string, object?> Measure(Guid indicatorId, string title, DateOnly milestone, Guid? id = null, string owner = "张三", string? trigger = null, string? actions = null) =>
        new()
        {
            ["id"] = id,
            ["indicatorId"] = indicatorId,
            ["title"] = title,
            ["description"] = null,
            ["ownerId"] = null,
            ["ownerName"] = owner,
            ["milestones"] = new[] { Milestone(milestone, 50m) },
            ["contingencyTrigger"] = trigger,
            ["contingencyActions"] = actions,
        };

    public static async Task<JsonElement> OpenAsync(HttpClient head, Guid schemeId)
    {
        var response = await head.PostAsJsonAsync("/api/tasks/plans", new { schemeId });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    public static Task<HttpResponseMessage> ReviseAsync(HttpClient head, Guid planId, long version, params object[] measures) =>
        head.PutAsJsonAsync($"/api/tasks/plans/{planId}", new { measures, version });

    public static async Task<JsonElement> ReviseOkAsync(HttpClient head, Guid planId, long version, params object[] measures)
    {
        var response = await ReviseAsync(head, planId, version, measures);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    public static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.JsonAsync();
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, object? body = null) =>
        body is null ? client.PostAsync(url, null) : client.PostAsJsonAsync(url, body);

    /// <summary>
    /// A plan of 支行01 on a fresh published scheme (one indicator per name of <paramref name="indicators"/>), brought to
    /// <paramref name="stage"/>: "draft" (a measure for every indicator), "submitted", "returned" (v1 returned),
    /// "resubmitted" (v2 submitted), "approved", "excellent" (approved, scheme closed, marked).
    /// </summary>
    public static async Task<(PublishedScheme Scheme, Guid PlanId, long Version)> PlanAsync(BranchNetworkFactory app, string stage, params string[] indicators)
    {
        var names = indicators.Length == 0 ? ["存款"] : indicators;
        var scheme = await AssessmentApi.PublishedSchemeAsync(app, [.. names.Select(n => (n, 100m / names.Length, false))]);
        var head = await app.ClientForAsync("head01");
        var supervisor = await app.ClientForAsync("supervisor");
        var opened = await OpenAsync(head, scheme.Id);
        var planId = opened.GetProperty("id").GetGuid();
        var day = scheme.Start.AddDays(5);
        var plan = await ReviseOkAsync(head, planId, opened.GetProperty("version").GetInt64(), [.. names.Select(n => (object)Measure(scheme.Indicators[n], $"{n}措施", day))]);
        if (stage != "draft")
        {
            plan = await OkAsync(await PostAsync(head, $"/api/tasks/plans/{planId}/submit"));
        }

        if (stage is "returned" or "resubmitted")
        {
            plan = await OkAsync(await PostAsync(supervisor, $"/api/tasks/plans/{planId}/return", new { reason = "请细化措施" }));
        }

        if (stage == "resubmitted")
        {
            var measure = plan.GetProperty("measures")[0];
            plan = await ReviseOkAsync(head, planId, plan.GetProperty("version").GetInt64(), Measure(measure.GetProperty("indicatorId").GetGuid(), "细化后的措施", day, measure.GetProperty("id").GetGuid()));
            plan = await OkAsync(await PostAsync(head, $"/api/tasks/plans/{planId}/submit"));
        }

        if (stage is "approved" or "excellent")
        {
            plan = await OkAsync(await PostAsync(supervisor, $"/api/tasks/plans/{planId}/approve"));
        }

        if (stage == "excellent")
        {
            var admin = await app.ClientForAsync("taskadmin");
            _ = await OkAsync(await admin.PostAsJsonAsync($"/api/assessment/schemes/{scheme.Id}/close", new { version = await admin.VersionAsync(scheme.Id) }));
            plan = await OkAsync(await PostAsync(supervisor, $"/api/tasks/plans/{planId}/excellent", new { citation = "措施具体、进度扎实" }));
        }

        return (scheme, planId, plan.GetProperty("version").GetInt64());
    }
}
