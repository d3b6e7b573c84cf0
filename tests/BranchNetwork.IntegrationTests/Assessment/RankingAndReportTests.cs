using System.Net;
using System.Net.Http.Json;
using System.Text;
using BranchNetwork.Testing;
using MiniExcelLibs;

namespace BranchNetwork.IntegrationTests.Assessment;

public sealed class RankingAndReportTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    private async Task<PublishedScheme> ScoredSchemeAsync()
    {
        var scheme = await AssessmentApi.PublishedSchemeAsync(app, [("存款", 60m, false), ("投诉", 40m, false)]);
        var supervisor = await app.ClientForAsync("supervisor");
        var today = AssessmentApi.Today(app);
        var deposits = new Dictionary<string, decimal> { ["SB01"] = 120m, ["SB02"] = 90m, ["SB03"] = 90m, ["SB04"] = 30m };
        foreach (var (code, value) in deposits)
        {
            await supervisor.RecordAsync(scheme, code, "存款", today, value);
            await supervisor.RecordAsync(scheme, code, "投诉", today, 100m);
        }

        return scheme;
    }

    [Fact]
    [Trait("Spec", "AS-8")]
    [Trait("Spec", "AS-5")]
    public async Task Everyone_sees_the_ranking_and_closing_freezes_final_scores_ranks_and_grades()
    {
        app.EnsureAvailable();
        var scheme = await ScoredSchemeAsync();
        var staff = await app.ClientForAsync("staff0701");
        var results = await staff.ResultsAsync(scheme.Id);
        var ranks = results.GetProperty("rows").EnumerateArray().Take(4)
            .Select(r => (r.GetProperty("subBranchCode").GetString(), r.GetProperty("total").GetDecimal(), r.GetProperty("rank").GetInt32(), r.GetProperty("grade").GetString())).ToList();
        // 60 × min(1.2, 1.2) + 40 = 112; 60 × 0.9 + 40 = 94 (twice, sharing rank 2); 60 × 0.3 + 40 = 58.
        Assert.Equal([("SB01", 112m, 1, "Excellent"), ("SB02", 94m, 2, "Excellent"), ("SB03", 94m, 2, "Excellent"), ("SB04", 58m, 4, "Unsatisfactory")], ranks);

        var byIndicator = await (await staff.GetAsync($"/api/assessment/schemes/{scheme.Id}/indicators/{scheme.Indicators["存款"]}/results")).JsonAsync();
        Assert.Equal("SB01", byIndicator.GetProperty("rows")[0].GetProperty("subBranchCode").GetString());
        Assert.Equal(1.2m, byIndicator.GetProperty("rows")[0].GetProperty("completion").GetDecimal());

        var admin = await app.ClientForAsync("taskadmin");
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientForAsync("supervisor")).PostAsJsonAsync($"/api/assessment/schemes/{scheme.Id}/close", new { version = 1 })).StatusCode);
        var closed = await admin.PostAsJsonAsync($"/api/assessment/schemes/{scheme.Id}/close", new { version = await admin.VersionAsync(scheme.Id) });
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);

        var supervisor = await app.ClientForAsync("supervisor");
        Assert.Equal(HttpStatusCode.Conflict, (await supervisor.RecordAsync(scheme, "SB04", "存款", AssessmentApi.Today(app), 200m)).StatusCode);
        var final = await staff.ResultsAsync(scheme.Id);
        Assert.Equal("Closed", final.GetProperty("status").GetString());
        Assert.Equal(112m, final.GetProperty("rows")[0].GetProperty("total").GetDecimal());
        var mine = await (await (await app.ClientForAsync("head04")).GetAsync("/api/assessment/sheets/mine")).JsonAsync();
        var sheet = mine.GetProperty("items").EnumerateArray().First(s => s.GetProperty("schemeId").GetGuid() == scheme.Id);
        Assert.Equal((58m, 4, "Unsatisfactory"), (sheet.GetProperty("finalScore").GetDecimal(), sheet.GetProperty("finalRank").GetInt32(), sheet.GetProperty("finalGrade").GetString()));
    }

    [Fact]
    [Trait("Spec", "AS-8")]
    public async Task Honours_go_to_a_closed_schemes_results_and_everyone_may_comment_on_them()
    {
        app.EnsureAvailable();
        var scheme = await ScoredSchemeAsync();
        var supervisor = await app.ClientForAsync("supervisor");
        var honour = new { title = "优秀支行", subjectKind = "SubBranch", subjectId = scheme.SubBranches["SB01"], citation = "存款超额完成" };
        Assert.Equal(HttpStatusCode.Conflict, (await supervisor.PostAsJsonAsync($"/api/assessment/schemes/{scheme.Id}/honours", honour)).StatusCode);

        var admin = await app.ClientForAsync("taskadmin");
        await admin.PostAsJsonAsync($"/api/assessment/schemes/{scheme.Id}/close", new { version = await admin.VersionAsync(scheme.Id) });
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostAsJsonAsync($"/api/assessment/schemes/{scheme.Id}/honours", honour)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await supervisor.PostAsJsonAsync($"/api/assessment/schemes/{scheme.Id}/honours", honour)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await supervisor.PostAsJsonAsync($"/api/assessment/schemes/{scheme.Id}/honours", honour)).StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var plan = new { title = "优秀工作方案", subjectKind = "WorkPlan", subjectId = Guid.NewGuid(), subjectName = "支行02 存款提升工作方案", subBranchId = scheme.SubBranches["SB02"] };
        Assert.Equal(HttpStatusCode.Created, (await supervisor.PostAsJsonAsync($"/api/assessment/schemes/{scheme.Id}/honours", plan)).StatusCode);

        var honours = await (await (await app.ClientForAsync("staff0301")).GetAsync($"/api/assessment/schemes/{scheme.Id}/honours")).JsonAsync();
        Assert.Equal(["支行01", "支行02 存款提升工作方案"], honours.GetProperty("items").EnumerateArray().Select(h => h.GetProperty("subjectName").GetString()));

        var staff = await app.ClientForAsync("staff0301");
        Assert.Equal(HttpStatusCode.Created, (await staff.PostAsJsonAsync($"/api/assessment/schemes/{scheme.Id}/comments", new { body = "支行01 值得学习!" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostAsJsonAsync($"/api/assessment/schemes/{scheme.Id}/comments", new { body = "" })).StatusCode);
        var comments = await (await (await app.ClientForAsync("head08")).GetAsync($"/api/assessment/schemes/{scheme.Id}/comments")).JsonAsync();
        Assert.Equal("支行01 值得学习!", comments.GetProperty("items")[0].GetProperty("body").GetString());
    }

    [Fact]
    [Trait("Spec", "AS-9")]
    public async Task The_score_table_exports_as_xlsx_and_csv_with_headers_in_the_readers_language()
    {
        app.EnsureAvailable();
        var scheme = await ScoredSchemeAsync();
        var head = await app.ClientForAsync("head02");

        var xlsx = await head.GetAsync($"/api/assessment/schemes/{scheme.Id}/export?format=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.EndsWith(".xlsx", xlsx.Content.Headers.ContentDisposition?.FileNameStar ?? xlsx.Content.Headers.ContentDisposition?.FileName, StringComparison.Ordinal);
        using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(["排名", "支行代码", "支行", "存款（60%）", "投诉（40%）", "调整分", "总分", "等级"], rows[0].Keys);
        Assert.Equal(8, rows.Count);
        Assert.Equal(("SB01", 112m, "优秀"), ((string)rows[0]["支行代码"], Convert.ToDecimal(rows[0]["总分"], System.Globalization.CultureInfo.InvariantCulture), (string)rows[0]["等级"]));

        var csv = await head.GetAsync($"/api/assessment/schemes/{scheme.Id}/export?format=csv");
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        Assert.StartsWith("\uFEFF排名,支行代码,支行,存款（60%）,投诉（40%）,调整分,总分,等级", text, StringComparison.Ordinal);
        Assert.Contains("\r\n4,SB04,支行04,18.00,40.00,0.00,58.00,不合格\r\n", text, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.BadRequest, (await head.GetAsync($"/api/assessment/schemes/{scheme.Id}/export?format=pdf")).StatusCode);

        // In English the headers and grades are English; indicator and sub-branch names are the bank's own.
        head.DefaultRequestHeaders.AcceptLanguage.Add(new System.Net.Http.Headers.StringWithQualityHeaderValue("en"));
        var english = Encoding.UTF8.GetString(await (await head.GetAsync($"/api/assessment/schemes/{scheme.Id}/export?format=csv")).Content.ReadAsByteArrayAsync());
        Assert.StartsWith("\uFEFFRank,Sub-branch code,Sub-branch,存款 (60%),投诉 (40%),Adjustment,Total,Grade\r\n", english, StringComparison.Ordinal);
        Assert.Contains("\r\n4,SB04,支行04,18.00,40.00,0.00,58.00,Unsatisfactory\r\n", english, StringComparison.Ordinal);
    }
}
