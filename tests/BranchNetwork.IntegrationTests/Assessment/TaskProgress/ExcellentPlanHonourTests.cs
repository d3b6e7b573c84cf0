using System.Net;
using System.Net.Http.Json;
using BranchNetwork.Modules.Assessment.Contracts;
using BranchNetwork.Modules.Tasks.Contracts;
using BranchNetwork.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BranchNetwork.IntegrationTests.Assessment.TaskProgress;

/// <summary>An excellent work plan (优秀工作方案) becomes an honour of its scheme's results (AS-8).</summary>
[Trait("Spec", "TK-5")]
public sealed class ExcellentPlanHonourTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    [Fact]
    public async Task A_plan_marked_excellent_is_honoured_once_on_its_closed_scheme_with_the_citation()
    {
        app.EnsureAvailable();
        var scheme = await AssessmentApi.PublishedSchemeAsync(app, [("存款", 100m, true)]);
        var admin = await app.ClientForAsync("taskadmin");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/assessment/schemes/{scheme.Id}/close", new { version = await admin.VersionAsync(scheme.Id) })).StatusCode);
        var planId = Guid.NewGuid();
        var sb02 = scheme.SubBranches["SB02"];
        var marked = new WorkPlanMarkedExcellent(Guid.CreateVersion7(), app.Clock.UtcNow, planId, scheme.Id, sb02, "支行02", "措施具体、进度扎实", Guid.NewGuid());

        await TaskEvents.DeliverAsync(app, marked);
        await TaskEvents.RedeliverAsync(app, marked.EventId);
        await TaskEvents.DeliverAsync(app, marked with { EventId = Guid.CreateVersion7() });

        var honours = await (await (await app.ClientForAsync("staff0301")).GetAsync($"/api/assessment/schemes/{scheme.Id}/honours")).JsonAsync();
        var honour = Assert.Single(honours.GetProperty("items").EnumerateArray());
        Assert.Equal(
            ("优秀工作方案", "WorkPlan", planId, "支行02工作方案", sb02, "措施具体、进度扎实"),
            (honour.GetProperty("title").GetString(), honour.GetProperty("subjectKind").GetString(), honour.GetProperty("subjectId").GetGuid(),
                honour.GetProperty("subjectName").GetString(), honour.GetProperty("subBranchId").GetGuid(), honour.GetProperty("citation").GetString()));

        using var scope = app.Services.CreateScope();
        var outline = Assert.Single(await scope.ServiceProvider.GetRequiredService<IAssessmentSheets>().ListSchemesAsync(), s => s.SchemeId == scheme.Id);
        Assert.Equal(SchemeState.Closed, outline.State);
    }

    [Fact]
    public async Task A_plan_on_a_draft_scheme_is_not_honoured()
    {
        app.EnsureAvailable();
        var draft = await AssessmentApi.PublishedSchemeAsync(app, [("存款", 100m, true)], publish: false);
        await TaskEvents.DeliverAsync(app, new WorkPlanMarkedExcellent(Guid.CreateVersion7(), app.Clock.UtcNow, Guid.NewGuid(), draft.Id, draft.SubBranches["SB01"], "支行01", "好", Guid.NewGuid()));

        var response = await (await app.ClientForAsync("supervisor")).GetAsync($"/api/assessment/schemes/{draft.Id}/honours");
        if (response.StatusCode == HttpStatusCode.OK)
        {
            Assert.Empty((await response.JsonAsync()).GetProperty("items").EnumerateArray());
        }
    }
}
