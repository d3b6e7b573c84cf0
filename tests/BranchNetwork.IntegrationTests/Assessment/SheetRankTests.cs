using System.Net;
using System.Net.Http.Json;
using BranchNetwork.Testing;

namespace BranchNetwork.IntegrationTests.Assessment;

/// <summary>
/// Issue 16, goal 2: a sheet is ranked from every sheet's stored sum of cell scores, kept in the cells' own saves — after
/// entries written at once on cells of one sheet and a correction, every sheet shows the rank, tie and total the scheme's
/// results compute from the cells.
/// </summary>
[Trait("Spec", "AS-5")]
public sealed class SheetRankTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    [Fact]
    public async Task Each_sheets_rank_agrees_with_the_results_after_simultaneous_entries_and_a_correction()
    {
        app.EnsureAvailable();
        var scheme = await AssessmentApi.PublishedSchemeAsync(app, [("存款", 40m, true), ("客户", 30m, false), ("贷款", 30m, false)]);
        var supervisor = await app.ClientForAsync("supervisor");
        var today = AssessmentApi.Today(app);
        // SB02 and SB03 reach the same total by different cells; SB04's deposits are entered wrong and corrected.
        var values = new Dictionary<string, (decimal Deposits, decimal Customers, decimal Loans)>
        {
            ["SB01"] = (100m, 100m, 100m),
            ["SB02"] = (50m, 100m, 60m),
            ["SB03"] = (80m, 60m, 60m),
            ["SB04"] = (20m, 20m, 20m),
        };
        var writes = values.SelectMany(v => new[]
        {
            supervisor.RecordAsync(scheme, v.Key, "存款", today, v.Value.Deposits),
            supervisor.RecordAsync(scheme, v.Key, "客户", today, v.Value.Customers),
            supervisor.RecordAsync(scheme, v.Key, "贷款", today, v.Value.Loans),
        });
        Assert.All(await Task.WhenAll(writes), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));

        var head04 = await app.ClientForAsync("head04");
        var entries = await (await head04.RecordAsync(scheme, "SB04", "存款", today, 500m)).JsonAsync();
        var wrongId = entries.GetProperty("entries")[0].GetProperty("id").GetGuid();
        var corrected = await head04.PostAsJsonAsync($"/api/assessment/schemes/{scheme.Id}/progress/{wrongId}/correct", new { value = 5m, reason = "多录了两个零" });
        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);

        var results = await supervisor.ResultsAsync(scheme.Id);
        var rows = results.GetProperty("rows").EnumerateArray().ToList();
        var sb02 = results.Row(scheme.SubBranches["SB02"]);
        Assert.Equal(sb02.GetProperty("total").GetDecimal(), results.Row(scheme.SubBranches["SB03"]).GetProperty("total").GetDecimal());
        Assert.Equal(sb02.GetProperty("rank").GetInt32(), results.Row(scheme.SubBranches["SB03"]).GetProperty("rank").GetInt32());
        foreach (var row in rows)
        {
            var subBranchId = row.GetProperty("subBranchId").GetGuid();
            var sheet = await (await supervisor.GetAsync($"/api/assessment/schemes/{scheme.Id}/sheets/{subBranchId}")).JsonAsync();
            var own = sheet.GetProperty("row");
            var code = row.GetProperty("subBranchCode").GetString();
            Assert.True(
                (row.GetProperty("total").GetDecimal(), row.GetProperty("rank").GetInt32()) == (own.GetProperty("total").GetDecimal(), own.GetProperty("rank").GetInt32()),
                $"{code}: results say {row.GetProperty("total")} rank {row.GetProperty("rank")}, its sheet {own.GetProperty("total")} rank {own.GetProperty("rank")}");
            Assert.Equal(rows.Count, sheet.GetProperty("subBranchCount").GetInt32());
        }
    }
}
