using System.Net;
using BranchNetwork.IntegrationTests.Notifications;
using BranchNetwork.Testing;

namespace BranchNetwork.IntegrationTests.Assessment;

public sealed class SchemeLifecycleTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    [Fact]
    [Trait("Spec", "AS-3")]
    [Trait("Spec", "AS-5")]
    public async Task Publishing_issues_a_sheet_to_every_sub_branch_notifies_its_head_and_progress_moves_its_score()
    {
        app.EnsureAvailable();
        var scheme = await AssessmentApi.PublishedSchemeAsync(app, [("存款新增", 60m, false), ("新增客户", 40m, true)]);

        var head01 = await app.ClientForAsync("head01");
        await Eventually.WaitAsync(() => head01.TitlesAsync(), t => t.Any(x => x.StartsWith("新考核方案下发", StringComparison.Ordinal)), "head01's inbox");
        var mine = await (await head01.GetAsync("/api/assessment/sheets/mine")).JsonAsync();
        Assert.Contains(mine.GetProperty("items").EnumerateArray(), s => s.GetProperty("schemeId").GetGuid() == scheme.Id);

        var supervisor = await app.ClientForAsync("supervisor");
        var today = AssessmentApi.Today(app);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.RecordAsync(scheme, "SB01", "存款新增", today, 80m)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await head01.RecordAsync(scheme, "SB01", "新增客户", today, 50m)).StatusCode);

        var results = await head01.ResultsAsync(scheme.Id);
        Assert.Equal(0.5m, results.GetProperty("timeProgress").GetDecimal());
        var row = results.Row(scheme.SubBranches["SB01"]);
        // 60 × 0.8 + 40 × 0.5 = 68
        Assert.Equal(68m, row.GetProperty("total").GetDecimal());
        Assert.Equal(1, row.GetProperty("rank").GetInt32());
        Assert.Equal("Fair", row.GetProperty("grade").GetString());
        Assert.Equal(8, results.GetProperty("rows").GetArrayLength());
    }
}
