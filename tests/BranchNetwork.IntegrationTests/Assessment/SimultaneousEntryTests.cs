using System.Net;
using BranchNetwork.Testing;

namespace BranchNetwork.IntegrationTests.Assessment;

/// <summary>
/// AS-4: a head and the supervisor entering figures of one cell at the same moment both get them recorded — the entry is
/// an append and the cell's current value a projection, so a save that meets another reads the cell again instead of
/// refusing the figure with 409 (found by the concurrent-users benchmark of issue 16).
/// </summary>
[Trait("Spec", "AS-4")]
public sealed class SimultaneousEntryTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    [Fact]
    public async Task Eight_figures_of_one_cell_sent_at_once_are_all_recorded_in_its_history()
    {
        app.EnsureAvailable();
        var scheme = await AssessmentApi.PublishedSchemeAsync(app, [("存款", 100m, true)]);
        var supervisor = await app.ClientForAsync("supervisor");
        var head = await app.ClientForAsync("head01");
        var today = AssessmentApi.Today(app);

        var writes = Enumerable.Range(1, 8).Select(n => (n % 2 == 0 ? supervisor : head).RecordAsync(scheme, "SB01", "存款", today, n * 10m));
        var answers = await Task.WhenAll(writes);

        Assert.All(answers, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var history = await (await supervisor.GetAsync(
            $"/api/assessment/schemes/{scheme.Id}/sheets/{scheme.SubBranches["SB01"]}/indicators/{scheme.Indicators["存款"]}/history?pageSize=50")).JsonAsync();
        Assert.Equal(8, history.GetProperty("items").GetArrayLength());
        var row = (await supervisor.ResultsAsync(scheme.Id)).Row(scheme.SubBranches["SB01"]);
        Assert.NotEqual(0m, row.GetProperty("total").GetDecimal());
    }
}
