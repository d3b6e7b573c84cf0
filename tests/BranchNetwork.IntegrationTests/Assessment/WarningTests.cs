using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BranchNetwork.IntegrationTests.Notifications;
using BranchNetwork.Testing;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace BranchNetwork.IntegrationTests.Assessment;

[Trait("Spec", "AS-6")]
public sealed class WarningTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    private static async Task<List<JsonElement>> WarningsAsync(HttpClient client, Guid schemeId, string? status = null) =>
        (await (await client.GetAsync($"/api/assessment/warnings?schemeId={schemeId}" + (status is null ? "" : $"&status={status}"))).JsonAsync()).GetProperty("items").EnumerateArray().ToList();

    private static async Task<JsonElement> EvaluateAsync(HttpClient supervisor)
    {
        var response = await supervisor.PostAsync("/api/assessment/warnings/evaluate", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    [Fact]
    public async Task The_job_warns_a_sub_branch_behind_time_progress_once_and_closes_the_warning_when_it_catches_up()
    {
        app.EnsureAvailable();
        var scheme = await AssessmentApi.PublishedSchemeAsync(app, [("存款", 100m, false)]);
        var supervisor = await app.ClientForAsync("supervisor");
        var today = AssessmentApi.Today(app);
        // Time progress is 50 %: 支行01 at 30 % is 20 points behind (rule: > 10); everyone else is on pace.
        foreach (var code in scheme.SubBranches.Keys)
        {
            await supervisor.RecordAsync(scheme, code, "存款", today, code == "SB01" ? 30m : 60m);
        }

        await EvaluateAsync(supervisor);
        var open = (await WarningsAsync(supervisor, scheme.Id)).Where(w => w.GetProperty("status").GetString() == "Open").ToList();
        var warning = Assert.Single(open);
        Assert.Equal(scheme.SubBranches["SB01"], warning.GetProperty("subBranchId").GetGuid());
        Assert.Equal("存款：完成率 30%，时间进度 50%，落后 20 个百分点。", warning.GetProperty("message").GetString());

        var head01 = await app.ClientForAsync("head01");
        // Other tests of this class warn other sub-branches about their own schemes; only this scheme's warnings count here.
        await Eventually.WaitAsync(() => head01.TitlesAsync(), t => t.Contains($"预警：{scheme.Name}"), "head01's warning notification");
        Assert.DoesNotContain($"预警：{scheme.Name}", await (await app.ClientForAsync("head02")).TitlesAsync());

        // Idempotent: a second run opens nothing new.
        await EvaluateAsync(supervisor);
        Assert.Single(await WarningsAsync(supervisor, scheme.Id));

        // Private to 支行01: head02 neither lists nor acknowledges it.
        var head02 = await app.ClientForAsync("head02");
        Assert.Empty(await WarningsAsync(head02, scheme.Id));
        var id = warning.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await head02.PostAsJsonAsync($"/api/assessment/warnings/{id}/acknowledge", new { response = "收到" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientForAsync("staff0101")).PostAsJsonAsync($"/api/assessment/warnings/{id}/acknowledge", new { response = "收到" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await head01.PostAsJsonAsync($"/api/assessment/warnings/{id}/acknowledge", new { response = "" })).StatusCode);

        var acknowledged = await head01.PostAsJsonAsync($"/api/assessment/warnings/{id}/acknowledge", new { response = "本周组织存款营销活动,周五前追平进度" });
        Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
        Assert.Equal("Acknowledged", (await acknowledged.JsonAsync()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await head01.PostAsJsonAsync($"/api/assessment/warnings/{id}/acknowledge", new { response = "again" })).StatusCode);

        // Still behind: still one warning. Caught up: closed automatically.
        await EvaluateAsync(supervisor);
        Assert.Single(await WarningsAsync(supervisor, scheme.Id));
        await supervisor.RecordAsync(scheme, "SB01", "存款", today, 45m);
        var result = await EvaluateAsync(supervisor);
        Assert.True(result.GetProperty("closed").GetInt32() >= 1);
        var closed = Assert.Single(await WarningsAsync(head01, scheme.Id));
        Assert.Equal(("Closed", "ConditionCleared"), (closed.GetProperty("status").GetString(), closed.GetProperty("closeReason").GetString()));
        Assert.Equal("本周组织存款营销活动,周五前追平进度", closed.GetProperty("response").GetString());
    }

    [Fact]
    public async Task Bottom_rank_and_no_progress_rules_raise_their_own_warnings()
    {
        app.EnsureAvailable();
        var scheme = await AssessmentApi.PublishedSchemeAsync(app, [("贷款", 100m, false)]);
        var admin = await app.ClientForAsync("taskadmin");
        var rules = await admin.PutAsJsonAsync($"/api/assessment/schemes/{scheme.Id}/warning-rules", new
        {
            rules = new object[] { new { kind = "BottomRank", threshold = 1m, isActive = true }, new { kind = "NoProgressForDays", threshold = 3m, isActive = true } },
        });
        Assert.Equal(HttpStatusCode.OK, rules.StatusCode);
        var bad = await admin.PutAsJsonAsync($"/api/assessment/schemes/{scheme.Id}/warning-rules", new { rules = new object[] { new { kind = "BottomRank", threshold = 0.5m, isActive = true } } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        var supervisor = await app.ClientForAsync("supervisor");
        var today = AssessmentApi.Today(app);
        var value = 10m;
        foreach (var code in scheme.SubBranches.Keys.Where(c => c != "SB05"))
        {
            await supervisor.RecordAsync(scheme, code, "贷款", today, value += 5m);
        }

        await EvaluateAsync(supervisor);
        var warnings = await WarningsAsync(supervisor, scheme.Id);
        // 支行05 entered nothing for the 10 days since the start and ranks last.
        var sb05 = warnings.Where(w => w.GetProperty("subBranchId").GetGuid() == scheme.SubBranches["SB05"]).Select(w => w.GetProperty("message").GetString()).ToList();
        Assert.Contains(sb05, m => m!.StartsWith("综合排名第 8 名（共 8 家）", StringComparison.Ordinal));
        Assert.Contains(sb05, m => m!.EndsWith("已 10 天未录入进度。", StringComparison.Ordinal));
        Assert.Equal(2, warnings.Count);
    }

    [Fact]
    public async Task A_supervisor_issues_a_prompt_by_hand_and_closes_it_and_only_supervisors_may()
    {
        app.EnsureAvailable();
        var scheme = await AssessmentApi.PublishedSchemeAsync(app, [("理财", 100m, false)]);
        var supervisor = await app.ClientForAsync("supervisor");
        var prompt = new { schemeId = scheme.Id, subBranchId = scheme.SubBranches["SB03"], kind = "Prompt", message = "请在周五前提交理财营销工作方案", subjectKind = "WorkPlan", subjectId = Guid.NewGuid() };
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientForAsync("head03")).PostAsJsonAsync("/api/assessment/warnings", prompt)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientForAsync("taskadmin")).PostAsJsonAsync("/api/assessment/warnings", prompt)).StatusCode);
        var issuedResponse = await supervisor.PostAsJsonAsync("/api/assessment/warnings", prompt);
        Assert.Equal(HttpStatusCode.Created, issuedResponse.StatusCode);
        var issued = await issuedResponse.JsonAsync();
        Assert.Equal(("Prompt", "WorkPlan"), (issued.GetProperty("kind").GetString(), issued.GetProperty("subjectKind").GetString()));

        var head03 = await app.ClientForAsync("head03");
        await Eventually.WaitAsync(() => head03.TitlesAsync(), t => t.Any(x => x.StartsWith("督导提示：", StringComparison.Ordinal)), "head03's prompt");
        var id = issued.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Forbidden, (await head03.PostAsync($"/api/assessment/warnings/{id}/close", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.PostAsync($"/api/assessment/warnings/{id}/close", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await supervisor.PostAsync($"/api/assessment/warnings/{id}/close", null)).StatusCode);

        var empty = await supervisor.PostAsJsonAsync("/api/assessment/warnings", new { schemeId = scheme.Id, subBranchId = scheme.SubBranches["SB03"], kind = "Warning", message = "" });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
    }

    [Fact]
    public void The_evaluation_runs_daily_at_8_in_the_morning_China_time_by_default()
    {
        app.EnsureAvailable();
        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();
        var job = Assert.Single(connection.GetRecurringJobs(), j => j.Id == "assessment:evaluate-warnings");
        Assert.Equal("0 8 * * *", job.Cron);
        Assert.Contains(job.TimeZoneId, new[] { "Asia/Shanghai", "China Standard Time" });
    }
}
