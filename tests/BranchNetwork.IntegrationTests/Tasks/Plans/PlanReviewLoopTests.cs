using System.Net;
using System.Text.Json;
using BranchNetwork.IntegrationTests.Assessment;
using BranchNetwork.Testing;
using static BranchNetwork.IntegrationTests.Tasks.Plans.PlansApi;

namespace BranchNetwork.IntegrationTests.Tasks.Plans;

/// <summary>
/// 工作方案 (TK-1) through the API on the real database: the head writes, submits, is returned with a comment on one
/// measure, sees it in place, revises and resubmits; the reviewer reads only what changed; head office approves.
/// </summary>
[Trait("Spec", "TK-1")]
public sealed class PlanReviewLoopTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    [Fact]
    public async Task A_plan_goes_round_the_review_loop_and_the_diff_shows_exactly_what_changed()
    {
        app.EnsureAvailable();
        var scheme = await AssessmentApi.PublishedSchemeAsync(app, [("存款", 60m, false), ("贷款", 40m, false)]);
        var (deposits, loans) = (scheme.Indicators["存款"], scheme.Indicators["贷款"]);
        var head = await app.ClientForAsync("head01");
        var supervisor = await app.ClientForAsync("supervisor");
        var day = scheme.Start.AddDays(3);

        // The head's list offers the sheet; opening it twice is a conflict.
        var sheets = await OkAsync(await head.GetAsync("/api/tasks/plans/sheets"));
        Assert.True(Assert.Single(sheets.EnumerateArray(), s => s.GetProperty("schemeId").GetGuid() == scheme.Id).GetProperty("canOpen").GetBoolean());
        var opened = await OpenAsync(head, scheme.Id);
        var planId = opened.GetProperty("id").GetGuid();
        Assert.Equal(("Draft", 2), (opened.GetProperty("state").GetString(), opened.GetProperty("indicators").GetArrayLength()));
        Assert.True(opened.GetProperty("can").GetProperty("edit").GetBoolean());
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(head, "/api/tasks/plans", new { schemeId = scheme.Id })).StatusCode);

        // A measure for deposits only: submitting is refused on "measures", naming the uncovered indicator.
        var draft = await ReviseOkAsync(head, planId, opened.GetProperty("version").GetInt64(),
            Measure(deposits, "走访代发企业", day, trigger: "月末完成率低于50%", actions: "行长带队营销"));
        var refused = await PostAsync(head, $"/api/tasks/plans/{planId}/submit");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.JsonAsync()).GetProperty("errors").TryGetProperty("measures", out _));

        // Cover loans with two measures, submit: version 1.
        var a = draft.GetProperty("measures")[0].GetProperty("id").GetGuid();
        var full = await ReviseOkAsync(head, planId, draft.GetProperty("version").GetInt64(),
            Measure(deposits, "走访代发企业", day, a, trigger: "月末完成率低于50%", actions: "行长带队营销"),
            Measure(loans, "对接园区小微", day),
            Measure(loans, "上门走访个体户", day));
        var (b, c) = (MeasureId(full, "对接园区小微"), MeasureId(full, "上门走访个体户"));
        var submitted = await OkAsync(await PostAsync(head, $"/api/tasks/plans/{planId}/submit"));
        Assert.Equal(("Submitted", 1), (submitted.GetProperty("state").GetString(), submitted.GetProperty("versionNumber").GetInt32()));
        Assert.False(submitted.GetProperty("can").GetProperty("edit").GetBoolean());

        // The supervisor sees it waiting for review first, comments on one measure, returns it.
        var list = await OkAsync(await supervisor.GetAsync($"/api/tasks/plans?schemeId={scheme.Id}"));
        Assert.Equal(planId, list[0].GetProperty("planId").GetGuid());
        var waiting = await OkAsync(await supervisor.GetAsync($"/api/tasks/plans?schemeId={scheme.Id}&state=Submitted"));
        Assert.Equal(planId, Assert.Single(waiting.EnumerateArray()).GetProperty("planId").GetGuid());
        _ = await OkAsync(await PostAsync(supervisor, $"/api/tasks/plans/{planId}/comments", new { measureId = b, body = "请写明对接的园区名称" }));
        _ = await OkAsync(await PostAsync(supervisor, $"/api/tasks/plans/{planId}/return", new { reason = "贷款措施不够具体" }));

        // The head reads both comments in place: the measure's under the measure, the reason on the plan.
        var returned = await OkAsync(await head.GetAsync($"/api/tasks/plans/{planId}"));
        Assert.Equal("Returned", returned.GetProperty("state").GetString());
        var onB = Assert.Single(returned.GetProperty("measures").EnumerateArray().Single(m => m.GetProperty("id").GetGuid() == b).GetProperty("comments").EnumerateArray());
        Assert.Equal(("请写明对接的园区名称", 1), (onB.GetProperty("text").GetString(), onB.GetProperty("versionNumber").GetInt32()));
        Assert.Empty(returned.GetProperty("measures").EnumerateArray().Single(m => m.GetProperty("id").GetGuid() == a).GetProperty("comments").EnumerateArray());
        Assert.Equal("贷款措施不够具体", Assert.Single(returned.GetProperty("comments").EnumerateArray()).GetProperty("text").GetString());

        // Revise: A's title and contingency actions change, B stays, C goes, D is new; resubmit as version 2.
        var revised = await ReviseOkAsync(head, planId, returned.GetProperty("version").GetInt64(),
            Measure(deposits, "走访代发企业（每周两户）", day, a, trigger: "月末完成率低于50%", actions: "行长带队营销，周报分行"),
            Measure(loans, "对接园区小微", day, b),
            Measure(deposits, "开展社区存款宣传", day));
        var d = MeasureId(revised, "开展社区存款宣传");
        var resubmitted = await OkAsync(await PostAsync(head, $"/api/tasks/plans/{planId}/submit"));
        Assert.Equal(("Submitted", 2), (resubmitted.GetProperty("state").GetString(), resubmitted.GetProperty("versionNumber").GetInt32()));

        var versions = await OkAsync(await supervisor.GetAsync($"/api/tasks/plans/{planId}/versions"));
        Assert.Equal([1, 2], versions.EnumerateArray().Select(v => v.GetProperty("number").GetInt32()));
        var diff = (await OkAsync(await supervisor.GetAsync($"/api/tasks/plans/{planId}/diff?from=1&to=2"))).GetProperty("measures").EnumerateArray().ToList();
        Assert.Equal(3, diff.Count);
        var changed = diff.Single(m => m.GetProperty("measureId").GetGuid() == a);
        Assert.Equal("Changed", changed.GetProperty("kind").GetString());
        Assert.Equal(
            [("contingencyActions", "行长带队营销", "行长带队营销，周报分行"), ("title", "走访代发企业", "走访代发企业（每周两户）")],
            changed.GetProperty("fields").EnumerateArray()
                .Select(f => (f.GetProperty("field").GetString(), f.GetProperty("before").GetString(), f.GetProperty("after").GetString()))
                .OrderBy(f => f.Item1, StringComparer.Ordinal));
        Assert.Equal("Removed", diff.Single(m => m.GetProperty("measureId").GetGuid() == c).GetProperty("kind").GetString());
        var added = diff.Single(m => m.GetProperty("measureId").GetGuid() == d);
        Assert.Equal(("Added", "开展社区存款宣传"), (added.GetProperty("kind").GetString(), added.GetProperty("title").GetString()));
        Assert.DoesNotContain(diff, m => m.GetProperty("measureId").GetGuid() == b);

        // Approved; a second approval (or a return) of a plan no longer submitted is a conflict.
        var approved = await OkAsync(await PostAsync(supervisor, $"/api/tasks/plans/{planId}/approve"));
        Assert.Equal("Approved", approved.GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(supervisor, $"/api/tasks/plans/{planId}/approve")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(supervisor, $"/api/tasks/plans/{planId}/return", new { reason = "再看看" })).StatusCode);
        var sheetsAfter = await OkAsync(await head.GetAsync("/api/tasks/plans/sheets"));
        var row = Assert.Single(sheetsAfter.EnumerateArray(), s => s.GetProperty("schemeId").GetGuid() == scheme.Id);
        Assert.Equal(("Approved", false), (row.GetProperty("planState").GetString(), row.GetProperty("canOpen").GetBoolean()));
    }

    [Fact]
    public async Task The_head_is_notified_when_the_plan_is_commented_returned_and_approved_and_supervisors_when_it_is_submitted()
    {
        app.EnsureAvailable();
        var (_, planId, _) = await PlanAsync(app, "draft");
        var head = await app.ClientForAsync("head01");
        var supervisor = await app.ClientForAsync("supervisor");
        var link = $"/tasks/plans/{planId}";

        _ = await OkAsync(await PostAsync(head, $"/api/tasks/plans/{planId}/submit"));
        await InboxHasAsync(supervisor, link, 1);
        _ = await OkAsync(await PostAsync(supervisor, $"/api/tasks/plans/{planId}/comments", new { body = "整体思路清晰" }));
        _ = await OkAsync(await PostAsync(supervisor, $"/api/tasks/plans/{planId}/return", new { reason = "请补充里程碑" }));
        var inbox = await InboxHasAsync(head, link, 2);
        Assert.Contains(inbox, n => n.GetProperty("body").GetString()!.Contains("请补充里程碑", StringComparison.Ordinal));
        Assert.Contains(inbox, n => n.GetProperty("body").GetString()!.Contains("整体思路清晰", StringComparison.Ordinal));

        _ = await OkAsync(await PostAsync(head, $"/api/tasks/plans/{planId}/submit"));
        _ = await OkAsync(await PostAsync(supervisor, $"/api/tasks/plans/{planId}/approve"));
        await InboxHasAsync(head, link, 3);
        await InboxHasAsync(supervisor, link, 2);
    }

    [Fact]
    public async Task A_stale_version_is_a_conflict_and_changes_nothing()
    {
        app.EnsureAvailable();
        var (scheme, planId, version) = await PlanAsync(app, "draft");
        var head = await app.ClientForAsync("head01");
        var day = scheme.Start.AddDays(1);
        _ = await ReviseOkAsync(head, planId, version, Measure(scheme.Indicators["存款"], "第一稿", day));

        var stale = await ReviseAsync(head, planId, version, Measure(scheme.Indicators["存款"], "过期的一稿", day));

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var plan = await OkAsync(await head.GetAsync($"/api/tasks/plans/{planId}"));
        Assert.Equal("第一稿", Assert.Single(plan.GetProperty("measures").EnumerateArray()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Bad_measures_are_refused_field_by_field()
    {
        app.EnsureAvailable();
        var (scheme, planId, version) = await PlanAsync(app, "draft");
        var head = await app.ClientForAsync("head01");
        var deposits = scheme.Indicators["存款"];
        var inside = scheme.Start.AddDays(1);

        async Task<JsonElement> RefusedAsync(object measure)
        {
            var response = await ReviseAsync(head, planId, version, measure);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return (await response.JsonAsync()).GetProperty("errors");
        }

        var outside = await RefusedAsync(Measure(deposits, "期外里程碑", scheme.End.AddDays(1)));
        Assert.Contains(outside.EnumerateObject(), e => e.Name.Contains("milestones", StringComparison.OrdinalIgnoreCase));
        var halfContingency = await RefusedAsync(Measure(deposits, "只有触发条件", inside, trigger: "完成率低于50%"));
        Assert.Contains(halfContingency.EnumerateObject(), e => e.Name.Contains("contingencyActions", StringComparison.OrdinalIgnoreCase));
        var otherIndicator = await RefusedAsync(Measure(Guid.NewGuid(), "别的指标", inside));
        Assert.Contains(otherIndicator.EnumerateObject(), e => e.Name.Contains("indicatorId", StringComparison.OrdinalIgnoreCase));
        var untitled = await RefusedAsync(Measure(deposits, "", inside));
        Assert.Contains(untitled.EnumerateObject(), e => e.Name.Contains("title", StringComparison.OrdinalIgnoreCase));
        var negative = new Dictionary<string, object?>(Measure(deposits, "负数", inside)) { ["milestones"] = new[] { Milestone(inside, -1m) } };
        Assert.Contains((await RefusedAsync(negative)).EnumerateObject(), e => e.Name.Contains("expectedValue", StringComparison.OrdinalIgnoreCase));
        var tooMany = new Dictionary<string, object?>(Measure(deposits, "太多里程碑", inside)) { ["milestones"] = Enumerable.Range(0, 25).Select(n => Milestone(inside, n)).ToArray() };
        Assert.Contains((await RefusedAsync(tooMany)).EnumerateObject(), e => e.Name.Contains("milestones", StringComparison.OrdinalIgnoreCase));

        var unchanged = await OkAsync(await head.GetAsync($"/api/tasks/plans/{planId}"));
        Assert.Equal(version, unchanged.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Unknown_plans_and_versions_are_not_found_and_a_draft_cannot_be_reviewed()
    {
        app.EnsureAvailable();
        var (_, planId, _) = await PlanAsync(app, "draft");
        var supervisor = await app.ClientForAsync("supervisor");

        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.GetAsync($"/api/tasks/plans/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(supervisor, $"/api/tasks/plans/{Guid.NewGuid()}/approve")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.GetAsync($"/api/tasks/plans/{planId}/diff?from=1&to=2")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(supervisor, $"/api/tasks/plans/{planId}/approve")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(supervisor, $"/api/tasks/plans/{planId}/return", new { reason = "退回" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(await app.ClientForAsync("head01"), "/api/tasks/plans", new { schemeId = Guid.NewGuid() })).StatusCode);
    }

    private static Guid MeasureId(JsonElement plan, string title) =>
        plan.GetProperty("measures").EnumerateArray().Single(m => m.GetProperty("title").GetString() == title).GetProperty("id").GetGuid();

    private static async Task<List<JsonElement>> InboxHasAsync(HttpClient client, string link, int count)
    {
        var page = await Eventually.WaitAsync(
            async () => await (await client.GetAsync("/api/notifications?pageSize=100")).JsonAsync(),
            p => p.GetProperty("items").EnumerateArray().Count(n => n.TryGetProperty("link", out var l) && l.GetString() == link) >= count,
            $"{count} notification(s) linking to {link}");
        return [.. page.GetProperty("items").EnumerateArray().Where(n => n.GetProperty("link").GetString() == link)];
    }
}
