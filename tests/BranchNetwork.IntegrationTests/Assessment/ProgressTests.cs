using System.Net;
using System.Net.Http.Json;
using BranchNetwork.Testing;

namespace BranchNetwork.IntegrationTests.Assessment;

[Trait("Spec", "AS-4")]
public sealed class ProgressTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    [Fact]
    public async Task A_correction_supersedes_with_a_reason_and_the_history_keeps_both_entries()
    {
        app.EnsureAvailable();
        var scheme = await AssessmentApi.PublishedSchemeAsync(app, [("存款", 100m, true)]);
        var head = await app.ClientForAsync("head01");
        var today = AssessmentApi.Today(app);
        await head.RecordAsync(scheme, "SB01", "存款", today.AddDays(-3), 20m);
        var wrong = await (await head.RecordAsync(scheme, "SB01", "存款", today.AddDays(-1), 90m)).JsonAsync();
        var wrongId = wrong.GetProperty("entries")[0].GetProperty("id").GetGuid();
        Assert.Equal(0.9m, (await head.ResultsAsync(scheme.Id)).Row(scheme.SubBranches["SB01"]).GetProperty("cells")[0].GetProperty("completion").GetDecimal());

        var noReason = await head.PostAsJsonAsync($"/api/assessment/schemes/{scheme.Id}/progress/{wrongId}/correct", new { value = 40m, reason = "" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var corrected = await head.PostAsJsonAsync($"/api/assessment/schemes/{scheme.Id}/progress/{wrongId}/correct", new { value = 40m, reason = "多录了一个零" });
        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await head.PostAsJsonAsync($"/api/assessment/schemes/{scheme.Id}/progress/{wrongId}/correct", new { value = 41m, reason = "再改" })).StatusCode);

        var row = (await head.ResultsAsync(scheme.Id)).Row(scheme.SubBranches["SB01"]);
        Assert.Equal(40m, row.GetProperty("cells")[0].GetProperty("actual").GetDecimal());
        var trend = await (await head.GetAsync($"/api/assessment/schemes/{scheme.Id}/sheets/{scheme.SubBranches["SB01"]}/indicators/{scheme.Indicators["存款"]}/trend")).JsonAsync();
        Assert.Equal([20m, 40m], trend.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("value").GetDecimal()));
        var history = trend.GetProperty("history").GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(3, history.Count);
        Assert.Contains(history, h => h.GetProperty("value").GetDecimal() == 90m);
        Assert.Contains(history, h => h.GetProperty("reason").GetString() == "多录了一个零" && h.GetProperty("supersedesEntryId").GetGuid() == wrongId);

        // A later date moves the current value; an earlier one does not.
        await head.RecordAsync(scheme, "SB01", "存款", today, 55m);
        await head.RecordAsync(scheme, "SB01", "存款", today.AddDays(-5), 10m);
        Assert.Equal(55m, (await head.ResultsAsync(scheme.Id)).Row(scheme.SubBranches["SB01"]).GetProperty("cells")[0].GetProperty("actual").GetDecimal());
    }

    [Fact]
    public async Task Dates_outside_the_period_or_in_the_future_negative_values_and_unpublished_schemes_are_refused_and_nothing_is_written()
    {
        app.EnsureAvailable();
        var scheme = await AssessmentApi.PublishedSchemeAsync(app, [("贷款", 100m, false)]);
        var supervisor = await app.ClientForAsync("supervisor");
        var today = AssessmentApi.Today(app);

        var before = await supervisor.RecordAsync(scheme, "SB02", "贷款", scheme.Start.AddDays(-1), 10m);
        Assert.Equal(HttpStatusCode.BadRequest, before.StatusCode);
        Assert.StartsWith("日期须在考核期", (await before.JsonAsync()).GetProperty("errors").GetProperty("entries[0].date")[0].GetString(), StringComparison.Ordinal);
        var future = await supervisor.RecordAsync(scheme, "SB02", "贷款", today.AddDays(1), 10m);
        Assert.Equal("日期不能晚于今天。", (await future.JsonAsync()).GetProperty("errors").GetProperty("entries[0].date")[0].GetString());
        var negative = await supervisor.RecordAsync(scheme, "SB02", "贷款", today, -1m);
        Assert.Equal("完成值不能为负数。", (await negative.JsonAsync()).GetProperty("errors").GetProperty("entries[0].value")[0].GetString());

        // Two entries, one bad: neither is written.
        var mixed = await supervisor.PostAsJsonAsync($"/api/assessment/schemes/{scheme.Id}/progress", new
        {
            entries = new[]
            {
                new { subBranchId = scheme.SubBranches["SB02"], indicatorId = scheme.Indicators["贷款"], date = today, value = 30m },
                new { subBranchId = scheme.SubBranches["SB03"], indicatorId = scheme.Indicators["贷款"], date = scheme.End.AddDays(3), value = 30m },
            },
        });
        Assert.Equal(HttpStatusCode.BadRequest, mixed.StatusCode);
        Assert.True((await mixed.JsonAsync()).GetProperty("errors").TryGetProperty("entries[1].date", out _));
        Assert.Equal(JsonValueKindNull, (await supervisor.ResultsAsync(scheme.Id)).Row(scheme.SubBranches["SB02"]).GetProperty("cells")[0].GetProperty("actual").ValueKind);

        // Malformed bodies are 400s too, never 500s.
        var nullEntry = await supervisor.PostAsync($"/api/assessment/schemes/{scheme.Id}/progress", new StringContent("{\"entries\":[null]}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, nullEntry.StatusCode);
        var farFuture = await (await app.ClientForAsync("taskadmin")).PostAsJsonAsync("/api/assessment/schemes", new { name = "远期", periodKind = "Year", startDate = "9999-01-01", kind = "Comprehensive", indicators = new[] { new { indicatorId = scheme.Indicators["贷款"], weight = 100m } } });
        Assert.Equal(HttpStatusCode.BadRequest, farFuture.StatusCode);
        var nullIndicator = await (await app.ClientForAsync("taskadmin")).PostAsync("/api/assessment/schemes", new StringContent("{\"name\":\"x\",\"periodKind\":\"Custom\",\"startDate\":\"2026-01-01\",\"endDate\":\"2026-02-01\",\"kind\":\"Comprehensive\",\"indicators\":[null]}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, nullIndicator.StatusCode);

        var draft = await AssessmentApi.PublishedSchemeAsync(app, [("草稿", 100m, false)], publish: false);
        var onDraft = await supervisor.RecordAsync(draft, "SB01", "草稿", today, 5m);
        Assert.Equal(HttpStatusCode.Conflict, onDraft.StatusCode);
        Assert.Equal("只有已下发且未结束的考核方案可以录入进度。", (await onDraft.JsonAsync()).GetProperty("title").GetString());
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;

    [Fact]
    public async Task A_head_enters_only_for_their_own_sub_branch_and_only_indicators_that_allow_it()
    {
        app.EnsureAvailable();
        var scheme = await AssessmentApi.PublishedSchemeAsync(app, [("新增客户", 50m, true), ("不良率", 50m, false)]);
        var head = await app.ClientForAsync("head01");
        var today = AssessmentApi.Today(app);
        Assert.Equal(HttpStatusCode.OK, (await head.RecordAsync(scheme, "SB01", "新增客户", today, 10m)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await head.RecordAsync(scheme, "SB01", "不良率", today, 1m)).StatusCode);
        // Another sub-branch's sheet does not exist for head01.
        Assert.Equal(HttpStatusCode.NotFound, (await head.RecordAsync(scheme, "SB02", "新增客户", today, 10m)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientForAsync("staff0101")).RecordAsync(scheme, "SB01", "新增客户", today, 10m)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientForAsync("taskadmin")).RecordAsync(scheme, "SB01", "新增客户", today, 10m)).StatusCode);
        var row = (await head.ResultsAsync(scheme.Id)).Row(scheme.SubBranches["SB02"]);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, row.GetProperty("cells")[0].GetProperty("actual").ValueKind);
    }
}
