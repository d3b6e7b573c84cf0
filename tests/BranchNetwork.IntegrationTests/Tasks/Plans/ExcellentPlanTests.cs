using System.Net;
using System.Net.Http.Json;
using BranchNetwork.IntegrationTests.Assessment;
using BranchNetwork.Testing;
using static BranchNetwork.IntegrationTests.Tasks.Plans.PlansApi;

namespace BranchNetwork.IntegrationTests.Tasks.Plans;

/// <summary>优秀工作方案 (TK-5): marked after the scheme closes, read by staff of every sub-branch, honoured by the assessment module.</summary>
[Trait("Spec", "TK-5")]
public sealed class ExcellentPlanTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    [Fact]
    public async Task An_approved_plan_is_marked_excellent_only_after_the_scheme_closes_and_then_everyone_reads_it()
    {
        app.EnsureAvailable();
        var (scheme, planId, _) = await PlanAsync(app, "approved");
        var supervisor = await app.ClientForAsync("supervisor");
        var outsider = await app.ClientForAsync("head02");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/tasks/plans/{planId}")).StatusCode);

        var early = await PostAsync(supervisor, $"/api/tasks/plans/{planId}/excellent", new { citation = "措施具体" });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(await app.ClientForAsync("auditor"), $"/api/tasks/plans/{planId}/excellent", new { citation = "措施具体" })).StatusCode);

        var admin = await app.ClientForAsync("taskadmin");
        _ = await OkAsync(await admin.PostAsJsonAsync($"/api/assessment/schemes/{scheme.Id}/close", new { version = await admin.VersionAsync(scheme.Id) }));
        var marked = await OkAsync(await PostAsync(supervisor, $"/api/tasks/plans/{planId}/excellent", new { citation = "措施具体、进度扎实" }));
        Assert.Equal((true, "措施具体、进度扎实"), (marked.GetProperty("isExcellent").GetBoolean(), marked.GetProperty("excellentCitation").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(supervisor, $"/api/tasks/plans/{planId}/excellent", new { citation = "再评一次" })).StatusCode);

        // Staff of another sub-branch read it as an example, and find it in the list; they still may not change it.
        var example = await OkAsync(await outsider.GetAsync($"/api/tasks/plans/{planId}"));
        Assert.Equal("存款措施", Assert.Single(example.GetProperty("measures").EnumerateArray()).GetProperty("title").GetString());
        Assert.False(example.GetProperty("can").GetProperty("edit").GetBoolean());
        var list = await OkAsync(await (await app.ClientForAsync("staff0301")).GetAsync("/api/tasks/plans/excellent?pageSize=200"));
        var row = Assert.Single(list.GetProperty("items").EnumerateArray(), p => p.GetProperty("planId").GetGuid() == planId);
        Assert.Equal(("支行01", "措施具体、进度扎实"), (row.GetProperty("subBranchName").GetString(), row.GetProperty("citation").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await ReviseAsync(outsider, planId, 1, Measure(scheme.Indicators["存款"], "改", scheme.Start))).StatusCode);

        // The event reaches the assessment module: an honour on the closed scheme.
        var honours = await Eventually.WaitAsync(
            async () => await (await supervisor.GetAsync($"/api/assessment/schemes/{scheme.Id}/honours")).JsonAsync(),
            page => page.GetProperty("items").EnumerateArray().Any(h => h.GetProperty("subjectId").GetGuid() == planId),
            "the excellent plan's honour");
        var honour = honours.GetProperty("items").EnumerateArray().Single(h => h.GetProperty("subjectId").GetGuid() == planId);
        Assert.Equal(("WorkPlan", "措施具体、进度扎实"), (honour.GetProperty("subjectKind").GetString(), honour.GetProperty("citation").GetString()));
    }
}
