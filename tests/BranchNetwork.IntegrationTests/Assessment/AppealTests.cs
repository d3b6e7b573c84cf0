using System.Net;
using System.Net.Http.Json;
using BranchNetwork.IntegrationTests.Notifications;
using BranchNetwork.Testing;

namespace BranchNetwork.IntegrationTests.Assessment;

[Trait("Spec", "AS-7")]
public sealed class AppealTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    [Fact]
    public async Task An_accepted_target_appeal_changes_the_target_recomputes_the_score_and_leaves_a_trail_both_sides_see()
    {
        app.EnsureAvailable();
        var scheme = await AssessmentApi.PublishedSchemeAsync(app, [("存款", 50m, false), ("客户", 50m, false)]);
        var supervisor = await app.ClientForAsync("supervisor");
        var today = AssessmentApi.Today(app);
        await supervisor.RecordAsync(scheme, "SB01", "存款", today, 40m);
        Assert.Equal(20m, (await supervisor.ResultsAsync(scheme.Id)).Row(scheme.SubBranches["SB01"]).GetProperty("total").GetDecimal());

        var head01 = await app.ClientForAsync("head01");
        var filed = await head01.PostAsJsonAsync("/api/assessment/appeals", new
        {
            schemeId = scheme.Id,
            subBranchId = scheme.SubBranches["SB01"],
            kind = "Target",
            indicatorId = scheme.Indicators["存款"],
            reason = "辖内最大企业客户搬迁,存款目标应按 80 核定",
            requestedValue = 80m,
        });
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var appeal = await filed.JsonAsync();
        var id = appeal.GetProperty("id").GetGuid();
        await Eventually.WaitAsync(() => supervisor.TitlesAsync(), t => t.Contains("支行01提交了申辩"), "supervisor's inbox");

        var decided = await supervisor.PostAsJsonAsync($"/api/assessment/appeals/{id}/decide", new { accept = true, reason = "情况属实,目标调整为 80", newTarget = 80m, version = appeal.GetProperty("version").GetInt64() });
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);

        // 50 × 40/80 = 25
        Assert.Equal(25m, (await head01.ResultsAsync(scheme.Id)).Row(scheme.SubBranches["SB01"]).GetProperty("total").GetDecimal());
        var trail = await (await head01.GetAsync($"/api/assessment/appeals/{id}")).JsonAsync();
        Assert.Equal("Accepted", trail.GetProperty("status").GetString());
        Assert.Equal((100m, 80m), (trail.GetProperty("previousTarget").GetDecimal(), trail.GetProperty("newTarget").GetDecimal()));
        Assert.Equal(("分行督导", "情况属实,目标调整为 80"), (trail.GetProperty("decidedByName").GetString(), trail.GetProperty("decisionReason").GetString()));
        await Eventually.WaitAsync(() => head01.TitlesAsync(), t => t.Any(x => x.StartsWith("申辩已受理", StringComparison.Ordinal)), "head01's inbox");

        // Decided once only.
        Assert.Equal(HttpStatusCode.Conflict, (await supervisor.PostAsJsonAsync($"/api/assessment/appeals/{id}/decide", new { accept = false, reason = "x", version = trail.GetProperty("version").GetInt64() })).StatusCode);
    }

    [Fact]
    public async Task A_score_appeal_is_adjusted_or_rejected_with_reasons_and_stays_private_to_its_sub_branch()
    {
        app.EnsureAvailable();
        var scheme = await AssessmentApi.PublishedSchemeAsync(app, [("贷款", 100m, false)]);
        var head02 = await app.ClientForAsync("head02");
        var supervisor = await app.ClientForAsync("supervisor");
        async Task<(Guid Id, long Version)> File(string reason)
        {
            var response = await head02.PostAsJsonAsync("/api/assessment/appeals", new { schemeId = scheme.Id, subBranchId = scheme.SubBranches["SB02"], kind = "Score", reason, requestedValue = 5m });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            var body = await response.JsonAsync();
            return (body.GetProperty("id").GetGuid(), body.GetProperty("version").GetInt64());
        }

        var first = await File("系统故障导致 3 天业务无法办理");
        var missing = await supervisor.PostAsJsonAsync($"/api/assessment/appeals/{first.Id}/decide", new { accept = true, reason = "属实", version = first.Version });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.PostAsJsonAsync($"/api/assessment/appeals/{first.Id}/decide", new { accept = true, reason = "属实,加 3 分", scoreAdjustment = 3m, version = first.Version })).StatusCode);
        var row = (await head02.ResultsAsync(scheme.Id)).Row(scheme.SubBranches["SB02"]);
        Assert.Equal((3m, 3m), (row.GetProperty("adjustment").GetDecimal(), row.GetProperty("total").GetDecimal()));

        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var second = await File("再申请加分");
        var noReason = await supervisor.PostAsJsonAsync($"/api/assessment/appeals/{second.Id}/decide", new { accept = false, reason = "", version = second.Version });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.PostAsJsonAsync($"/api/assessment/appeals/{second.Id}/decide", new { accept = false, reason = "理由不充分", version = second.Version })).StatusCode);
        Assert.Equal(3m, (await head02.ResultsAsync(scheme.Id)).Row(scheme.SubBranches["SB02"]).GetProperty("total").GetDecimal());

        var mine = (await (await head02.GetAsync($"/api/assessment/appeals?schemeId={scheme.Id}")).JsonAsync()).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["Rejected", "Accepted"], mine.Select(a => a.GetProperty("status").GetString()));

        // Another sub-branch sees neither, and cannot file for 支行02; staff may not file at all.
        var head01 = await app.ClientForAsync("head01");
        Assert.Empty((await (await head01.GetAsync($"/api/assessment/appeals?schemeId={scheme.Id}")).JsonAsync()).GetProperty("items").EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await head01.GetAsync($"/api/assessment/appeals/{first.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await head01.PostAsJsonAsync("/api/assessment/appeals", new { schemeId = scheme.Id, subBranchId = scheme.SubBranches["SB02"], kind = "Score", reason = "代申辩" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientForAsync("staff0201")).PostAsJsonAsync("/api/assessment/appeals", new { schemeId = scheme.Id, subBranchId = scheme.SubBranches["SB02"], kind = "Score", reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await head02.PostAsJsonAsync($"/api/assessment/appeals/{second.Id}/decide", new { accept = true, reason = "自己批", scoreAdjustment = 50m, version = 1 })).StatusCode);
    }
}
