using System.Net;
using System.Net.Http.Json;
using System.Text;
using BranchNetwork.Testing;
using MiniExcelLibs;

namespace BranchNetwork.IntegrationTests.Assessment;

[Trait("Spec", "AS-3")]
public sealed class ImportTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    static ImportTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static MultipartFormDataContent File(byte[] content, string name)
    {
        var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(content), "file", name);
        return form;
    }

    private static string TargetsCsv(IEnumerable<string> codes, string indicator, Func<string, string> value) =>
        "支行代码,指标代码,目标值\r\n" + string.Concat(codes.Select(c => $"{c},{indicator},{value(c)}\r\n"));

    [Fact]
    public async Task A_GB18030_csv_with_Chinese_headers_sets_every_target_and_the_scheme_can_be_published()
    {
        app.EnsureAvailable();
        var scheme = await AssessmentApi.PublishedSchemeAsync(app, [("存款", 100m, false)], target: 1m, publish: false);
        var admin = await app.ClientForAsync("taskadmin");
        var code = (await (await admin.GetAsync($"/api/assessment/schemes/{scheme.Id}")).JsonAsync()).GetProperty("indicators")[0].GetProperty("code").GetString()!;
        // Thousands separators as Excel writes them, with names instead of codes for two rows.
        var csv = TargetsCsv(scheme.SubBranches.Keys, code, c => c == "SB02" ? "\"1,250.5\"" : "800").Replace("SB03,", "支行03,", StringComparison.Ordinal);
        var response = await admin.PostAsync($"/api/assessment/schemes/{scheme.Id}/targets/import", File(Encoding.GetEncoding("GB18030").GetBytes(csv), "目标.csv"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var grid = await response.JsonAsync();
        Assert.Equal(0, grid.GetProperty("missingCount").GetInt32());
        var cells = grid.GetProperty("cells").EnumerateArray().ToDictionary(c => c.GetProperty("subBranchId").GetGuid(), c => c.GetProperty("value").GetDecimal());
        Assert.Equal(1250.5m, cells[scheme.SubBranches["SB02"]]);
        Assert.Equal(800m, cells[scheme.SubBranches["SB03"]]);
    }

    [Fact]
    public async Task One_bad_row_rejects_the_whole_import_with_row_and_column_errors_and_changes_nothing()
    {
        app.EnsureAvailable();
        var scheme = await AssessmentApi.PublishedSchemeAsync(app, [("贷款", 100m, false)], target: 7m, publish: false);
        var admin = await app.ClientForAsync("taskadmin");
        var code = (await (await admin.GetAsync($"/api/assessment/schemes/{scheme.Id}")).JsonAsync()).GetProperty("indicators")[0].GetProperty("code").GetString()!;
        var csv = TargetsCsv(["SB01", "SB02", "SB99", "SB04"], code, c => c == "SB04" ? "-5" : "900");

        var response = await admin.PostAsync($"/api/assessment/schemes/{scheme.Id}/targets/import", File(Encoding.UTF8.GetBytes(csv), "targets.csv"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.Equal("支行“SB99”不在本方案中。", errors.GetProperty("row4.subBranch")[0].GetString());
        Assert.Equal("目标值须大于 0。", errors.GetProperty("row5.target")[0].GetString());

        var grid = await (await admin.GetAsync($"/api/assessment/schemes/{scheme.Id}/targets")).JsonAsync();
        Assert.All(grid.GetProperty("cells").EnumerateArray(), c => Assert.Equal(7m, c.GetProperty("value").GetDecimal()));

        // Looks like a workbook (zip signature) but is not one.
        var broken = await admin.PostAsync($"/api/assessment/schemes/{scheme.Id}/targets/import", File([(byte)'P', (byte)'K', 3, 4, 1, 2, 3, 4, 5, 6], "broken.xlsx"));
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.True((await broken.JsonAsync()).GetProperty("errors").TryGetProperty("file", out _));

        var noColumn = await admin.PostAsync($"/api/assessment/schemes/{scheme.Id}/targets/import", File(Encoding.UTF8.GetBytes("支行,数值\r\nSB01,1\r\n"), "bad.csv"));
        Assert.Equal("文件缺少“指标代码”列。", (await noColumn.JsonAsync()).GetProperty("errors").GetProperty("file")[0].GetString());
    }

    [Fact]
    public async Task An_xlsx_sheet_imports_targets_and_progress_is_imported_the_same_way()
    {
        app.EnsureAvailable();
        var scheme = await AssessmentApi.PublishedSchemeAsync(app, [("客户", 100m, false)], target: 5m, publish: false);
        var admin = await app.ClientForAsync("taskadmin");
        var code = (await (await admin.GetAsync($"/api/assessment/schemes/{scheme.Id}")).JsonAsync()).GetProperty("indicators")[0].GetProperty("code").GetString()!;
        using var xlsx = new MemoryStream();
        await xlsx.SaveAsAsync(scheme.SubBranches.Keys.Select(c => new Dictionary<string, object> { ["支行代码"] = c, ["指标代码"] = code, ["目标值"] = 200 }).ToList());
        var imported = await admin.PostAsync($"/api/assessment/schemes/{scheme.Id}/targets/import", File(xlsx.ToArray(), "目标.xlsx"));
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.All((await imported.JsonAsync()).GetProperty("cells").EnumerateArray(), c => Assert.Equal(200m, c.GetProperty("value").GetDecimal()));

        var version = await admin.VersionAsync(scheme.Id);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/assessment/schemes/{scheme.Id}/publish", new { version })).StatusCode);

        var supervisor = await app.ClientForAsync("supervisor");
        var today = AssessmentApi.Today(app);
        var progress = $"支行代码,指标代码,日期,完成值\r\nSB01,{code},{today.AddDays(-1):yyyy-MM-dd},50\r\nSB01,{code},{today:yyyy/M/d},120\r\nSB02,{code},{today:yyyy-MM-dd},30\r\n";
        var response = await supervisor.PostAsync($"/api/assessment/schemes/{scheme.Id}/progress/import", File(Encoding.UTF8.GetBytes(progress), "进度.csv"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, (await response.JsonAsync()).GetProperty("recorded").GetInt32());
        var results = await supervisor.ResultsAsync(scheme.Id);
        Assert.Equal(0.6m, results.Row(scheme.SubBranches["SB01"]).GetProperty("cells")[0].GetProperty("completion").GetDecimal());

        var outside = $"支行代码,指标代码,日期,完成值\r\nSB03,{code},{scheme.End.AddDays(1):yyyy-MM-dd},10\r\n";
        var refused = await supervisor.PostAsync($"/api/assessment/schemes/{scheme.Id}/progress/import", File(Encoding.UTF8.GetBytes(outside), "进度.csv"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.JsonAsync()).GetProperty("errors").TryGetProperty("row2.date", out _));
    }
}
