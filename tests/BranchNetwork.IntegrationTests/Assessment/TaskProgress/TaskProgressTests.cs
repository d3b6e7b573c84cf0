using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BranchNetwork.Modules.Assessment.Contracts;
using BranchNetwork.Modules.Tasks.Contracts;
using BranchNetwork.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BranchNetwork.IntegrationTests.Assessment.TaskProgress;

/// <summary>The assessment side of weekly tasks: sheets the work-plan module reads, and write-offs counted as progress.</summary>
[Trait("Spec", "TK-2")]
public sealed class TaskProgressTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    private static readonly Dictionary<string, string> FromTasks = new() { ["走访客户"] = "Tasks" };

    [Fact]
    public async Task A_sub_branch_reads_its_issued_sheets_lines_in_scheme_order_with_weight_target_and_task_source_and_never_a_draft()
    {
        app.EnsureAvailable();
        var scheme = await AssessmentApi.PublishedSchemeAsync(app, [("走访客户", 60m, false), ("存款", 40m, true)], target: 80m, dataSources: FromTasks);
        var draft = await AssessmentApi.PublishedSchemeAsync(app, [("草稿指标", 100m, false)], publish: false);
        var sb01 = scheme.SubBranches["SB01"];

        using var scope = app.Services.CreateScope();
        var sheets = scope.ServiceProvider.GetRequiredService<IAssessmentSheets>();
        var sheet = await sheets.FindAsync(scheme.Id, sb01);
        Assert.NotNull(sheet);
        Assert.Equal((scheme.Name, scheme.Start, scheme.End, SchemeState.Published, sb01), (sheet.SchemeName, sheet.StartDate, sheet.EndDate, sheet.State, sheet.SubBranchId));
        Assert.Equal(
            [(scheme.Indicators["走访客户"], "走访客户", 60m, 80m, true), (scheme.Indicators["存款"], "存款", 40m, 80m, false)],
            sheet.Indicators.Select(i => (i.IndicatorId, i.Name, i.Weight, i.Target, i.TakesTaskProgress)));
        Assert.Equal("万元", sheet.Indicators[0].Unit);

        Assert.Null(await sheets.FindAsync(draft.Id, sb01));
        Assert.Null(await sheets.FindAsync(scheme.Id, Guid.NewGuid()));
        var mine = await sheets.ListForSubBranchAsync(sb01);
        Assert.Contains(mine, s => s.SchemeId == scheme.Id && s.Indicators.Count == 2);
        Assert.DoesNotContain(mine, s => s.SchemeId == draft.Id);
        var schemes = await sheets.ListSchemesAsync();
        Assert.Contains(schemes, s => s.SchemeId == scheme.Id && s.State == SchemeState.Published);
        Assert.DoesNotContain(schemes, s => s.SchemeId == draft.Id);
    }

    [Fact]
    public async Task A_write_off_raises_the_actual_of_an_indicator_fed_by_tasks_once_however_often_it_arrives()
    {
        app.EnsureAvailable();
        var scheme = await AssessmentApi.PublishedSchemeAsync(app, [("走访客户", 60m, false), ("存款", 40m, true)], target: 80m, dataSources: FromTasks);
        var head = await app.ClientForAsync("head01");
        var today = AssessmentApi.Today(app);
        var sb01 = scheme.SubBranches["SB01"];
        var visits = scheme.Indicators["走访客户"];

        var first = WriteOff(scheme, "SB01", "走访客户", today.AddDays(-2), 12m);
        await TaskEvents.DeliverAsync(app, first);
        Assert.Equal(12m, await ActualAsync(head, scheme, sb01, visits));
        await TaskEvents.DeliverAsync(app, WriteOff(scheme, "SB01", "走访客户", today, 8m));
        Assert.Equal(20m, await ActualAsync(head, scheme, sb01, visits));

        // A crash between handling and marking the message processed redelivers it: it counts once.
        await TaskEvents.RedeliverAsync(app, first.EventId);
        Assert.Equal(20m, await ActualAsync(head, scheme, sb01, visits));

        // Scored like typed progress: 20 of 80 under the ratio rule is a quarter of the weight.
        var cell = await CellAsync(head, scheme, sb01, visits);
        Assert.Equal((0.25m, 15m), (cell.GetProperty("completion").GetDecimal(), cell.GetProperty("score").GetDecimal()));
        var trend = await (await head.GetAsync($"/api/assessment/schemes/{scheme.Id}/sheets/{sb01}/indicators/{visits}/trend")).JsonAsync();
        var history = trend.GetProperty("history").GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, history.Count);
        Assert.All(history, h => Assert.Equal(("Tasks", "张三"), (h.GetProperty("source").GetString(), h.GetProperty("enteredByName").GetString())));

        // Other sub-branches' sheets do not move.
        Assert.Equal(JsonValueKind.Null, (await CellAsync(await app.ClientForAsync("supervisor"), scheme, scheme.SubBranches["SB02"], visits)).GetProperty("actual").ValueKind);
    }

    [Fact]
    public async Task A_write_off_changes_nothing_for_a_hand_entered_indicator_outside_the_period_or_on_a_closed_scheme_and_nobody_types_task_progress()
    {
        app.EnsureAvailable();
        var scheme = await AssessmentApi.PublishedSchemeAsync(app, [("走访客户", 60m, false), ("存款", 40m, true)], dataSources: FromTasks);
        var head = await app.ClientForAsync("head01");
        var supervisor = await app.ClientForAsync("supervisor");
        var today = AssessmentApi.Today(app);
        var sb01 = scheme.SubBranches["SB01"];

        await TaskEvents.DeliverAsync(app, WriteOff(scheme, "SB01", "存款", today, 30m));
        await TaskEvents.DeliverAsync(app, WriteOff(scheme, "SB01", "走访客户", scheme.Start.AddDays(-1), 30m));
        await TaskEvents.DeliverAsync(app, WriteOff(scheme, "SB01", "走访客户", today, 30m) with { IndicatorId = Guid.NewGuid() });
        Assert.Equal(JsonValueKind.Null, (await CellAsync(head, scheme, sb01, scheme.Indicators["存款"])).GetProperty("actual").ValueKind);
        Assert.Equal(JsonValueKind.Null, (await CellAsync(head, scheme, sb01, scheme.Indicators["走访客户"])).GetProperty("actual").ValueKind);

        // Task progress comes from write-offs only: the sheet offers no entry for it and the API refuses one.
        var sheet = await (await supervisor.GetAsync($"/api/assessment/schemes/{scheme.Id}/sheets/{sb01}")).JsonAsync();
        Assert.Equal([scheme.Indicators["存款"]], sheet.GetProperty("can").GetProperty("enterProgressIndicatorIds").EnumerateArray().Select(i => i.GetGuid()));
        var typed = await supervisor.RecordAsync(scheme, "SB01", "走访客户", today, 5m);
        Assert.Equal(HttpStatusCode.BadRequest, typed.StatusCode);
        Assert.Equal("该指标的完成值来自任务核销，不能手工录入或导入。", (await typed.JsonAsync()).GetProperty("errors").GetProperty("entries[0].indicatorId")[0].GetString());

        var admin = await app.ClientForAsync("taskadmin");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/assessment/schemes/{scheme.Id}/close", new { version = await admin.VersionAsync(scheme.Id) })).StatusCode);
        await TaskEvents.DeliverAsync(app, WriteOff(scheme, "SB01", "走访客户", today, 30m));
        Assert.Equal(JsonValueKind.Null, (await CellAsync(head, scheme, sb01, scheme.Indicators["走访客户"])).GetProperty("actual").ValueKind);
    }

    [Fact]
    public async Task The_indicator_editor_accepts_the_task_source_and_lists_it_by_name()
    {
        app.EnsureAvailable();
        var admin = await app.ClientForAsync("taskadmin");
        var created = await admin.PostAsJsonAsync("/api/assessment/indicators", new { code = AssessmentApi.Unique("TSK"), name = "新增有效客户", unit = "户", direction = "HigherIsBetter", dataSource = "Tasks", ruleKind = "Ratio" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("Tasks", (await created.JsonAsync()).GetProperty("dataSource").GetString());
        var unknown = await admin.PostAsJsonAsync("/api/assessment/indicators", new { code = AssessmentApi.Unique("BAD"), name = "x", unit = "户", direction = "HigherIsBetter", dataSource = "Telepathy", ruleKind = "Ratio" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    private WeeklyTaskWrittenOff WriteOff(PublishedScheme scheme, string subBranch, string indicator, DateOnly on, decimal quantity) =>
        new(Guid.CreateVersion7(), app.Clock.UtcNow, Guid.NewGuid(), scheme.Id, scheme.SubBranches[subBranch], scheme.Indicators[indicator], on, quantity, Guid.NewGuid(), "张三");

    private static async Task<JsonElement> CellAsync(HttpClient client, PublishedScheme scheme, Guid subBranchId, Guid indicatorId)
    {
        var response = await client.GetAsync($"/api/assessment/schemes/{scheme.Id}/sheets/{subBranchId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sheet = await response.JsonAsync();
        return sheet.GetProperty("row").GetProperty("cells").EnumerateArray().Single(c => c.GetProperty("indicatorId").GetGuid() == indicatorId);
    }

    private static async Task<decimal?> ActualAsync(HttpClient client, PublishedScheme scheme, Guid subBranchId, Guid indicatorId) =>
        (await CellAsync(client, scheme, subBranchId, indicatorId)).GetProperty("actual") is { ValueKind: JsonValueKind.Number } actual ? actual.GetDecimal() : null;
}
