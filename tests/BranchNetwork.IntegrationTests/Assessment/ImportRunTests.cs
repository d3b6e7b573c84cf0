using System.Net;
using System.Text;
using BranchNetwork.IntegrationTests.Home;
using BranchNetwork.Testing;

namespace BranchNetwork.IntegrationTests.Assessment;

/// <summary>
/// Issue 11: the task admin's "last import" card and the import history keep what a refused file got wrong after the
/// answer that said so has gone from the screen; a taken file shows how many rows it wrote.
/// </summary>
[Trait("Spec", "AS-3")]
public sealed class ImportRunTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    private static MultipartFormDataContent File(string csv)
    {
        var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "targets.csv");
        return form;
    }

    [Fact]
    public async Task A_refused_import_shows_its_errors_on_the_card_and_the_history_and_a_taken_one_its_rows()
    {
        app.EnsureAvailable();
        var scheme = await AssessmentApi.PublishedSchemeAsync(app, [("贷款", 100m, false)], target: 7m, publish: false);
        var admin = await app.ClientForAsync("taskadmin");
        var code = (await (await admin.GetAsync($"/api/assessment/schemes/{scheme.Id}")).JsonAsync()).GetProperty("indicators")[0].GetProperty("code").GetString()!;

        var refused = await admin.PostAsync(
            new Uri($"/api/assessment/schemes/{scheme.Id}/targets/import", UriKind.Relative),
            File($"支行代码,指标代码,目标值\r\nSB01,{code},900\r\nSB99,{code},900\r\nSB04,{code},-5\r\n"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);

        var card = await HomePage.CardAsync(app, "taskadmin", "LastImport");
        Assert.Equal("2", card.Figure);
        Assert.StartsWith($"目标导入被退回（{scheme.Name}，", card.Caption, StringComparison.Ordinal);
        Assert.Equal("/assessment/imports", card.Link);

        var browser = await HomePage.BrowserAsync(app, "taskadmin");
        var history = WebUtility.HtmlDecode(await browser.GetStringAsync(new Uri("/assessment/imports", UriKind.Relative)));
        Assert.Contains("已退回：2 处错误", history, StringComparison.Ordinal);
        Assert.Contains("第 3 行 · 支行", history, StringComparison.Ordinal);
        Assert.Contains("支行“SB99”不在本方案中。", history, StringComparison.Ordinal);
        Assert.Contains("第 4 行 · 目标值", history, StringComparison.Ordinal);

        // The refused file changed no target.
        var grid = await (await admin.GetAsync($"/api/assessment/schemes/{scheme.Id}/targets")).JsonAsync();
        Assert.All(grid.GetProperty("cells").EnumerateArray(), c => Assert.Equal(7m, c.GetProperty("value").GetDecimal()));

        var taken = await admin.PostAsync(
            new Uri($"/api/assessment/schemes/{scheme.Id}/targets/import", UriKind.Relative),
            File("支行代码,指标代码,目标值\r\n" + string.Concat(scheme.SubBranches.Keys.Select(c => $"{c},{code},900\r\n"))));
        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        card = await HomePage.CardAsync(app, "taskadmin", "LastImport");
        Assert.Equal("0", card.Figure);
        Assert.StartsWith($"目标导入成功（{scheme.Name}，", card.Caption, StringComparison.Ordinal);
        Assert.EndsWith($"共 {scheme.SubBranches.Count} 行", card.Caption, StringComparison.Ordinal);
        history = WebUtility.HtmlDecode(await browser.GetStringAsync(new Uri("/assessment/imports", UriKind.Relative)));
        Assert.Contains($"已导入 {scheme.SubBranches.Count} 行", history, StringComparison.Ordinal);
        Assert.True(history.IndexOf("已导入", StringComparison.Ordinal) < history.IndexOf("已退回", StringComparison.Ordinal), "newest import first");

        // A sub-branch head has no such card and is told the history is head office's.
        Assert.False(HomePage.Has(await HomePage.ReadAsync(app, "head01"), "LastImport"));
        var head = WebUtility.HtmlDecode(await (await HomePage.BrowserAsync(app, "head01")).GetStringAsync(new Uri("/assessment/imports", UriKind.Relative)));
        Assert.Contains("导入记录仅供分行考核管理员和督导查看。", head, StringComparison.Ordinal);
        Assert.DoesNotContain("SB99", head, StringComparison.Ordinal);
    }
}
