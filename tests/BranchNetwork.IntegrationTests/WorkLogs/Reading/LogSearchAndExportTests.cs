using System.Net;
using BranchNetwork.Modules.WorkLogs.Domain;
using BranchNetwork.Testing;
using MiniExcelLibs;

namespace BranchNetwork.IntegrationTests.WorkLogs.Reading;

/// <summary>
/// WL-3: supervisors and heads find logs by person, days, a template field's value and words (Chinese, and English in
/// any case, on SQLite and PostgreSQL alike), page through them newest first, and export a sub-branch's month as .xlsx
/// with the template's fields as columns.
/// </summary>
[Trait("Spec", "WL-3")]
public sealed class LogSearchAndExportTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    private static readonly TemplateField[] ManagerFields =
    [
        new("customers_visited", "走访客户", TemplateFieldType.Number, false, null, "户"),
        new("products_sold", "销售产品", TemplateFieldType.Choice, false, ["理财", "基金", "保险"], null),
        new("visit_date", "走访日期", TemplateFieldType.Date, false, null, null),
    ];

    [Fact]
    public async Task Logs_are_found_by_field_value_words_in_any_case_days_and_person_newest_first_page_by_page()
    {
        app.EnsureAvailable();
        var template = await ReadingData.TemplateAsync(app, "客户经理日志", ManagerFields);
        var first = await ReadingData.WriterAsync(app, "staff0601");
        var second = await ReadingData.WriterAsync(app, "staff0602");
        var monday = await ReadingData.LogAsync(app, first, ReadingData.Day(5, 25), new LogSpec(
            "走访客户，推荐 Wealth Management 理财", Template: template, Fields: new Dictionary<string, string?> { ["customers_visited"] = "5", ["products_sold"] = "理财" }));
        var tuesday = await ReadingData.LogAsync(app, first, ReadingData.Day(5, 26), new LogSpec(
            "柜面业务", Plan: "明日走访重点客户", Template: template, Fields: new Dictionary<string, string?> { ["products_sold"] = "基金" },
            Lines: [new LogLineDraft(Guid.NewGuid(), "拓展代发工资客户", 2m, "户", null)]));
        var complaint = await ReadingData.LogAsync(app, second, ReadingData.Day(5, 26), new LogSpec(
            "处理 CREDIT card 投诉", Template: template, Fields: new Dictionary<string, string?> { ["products_sold"] = "理财" }, SubmittedAt: new TimeOnly(21, 30)));
        var friday = await ReadingData.LogAsync(app, second, ReadingData.Day(5, 22), new LogSpec("整理客户档案 100% 完成"));
        var head = await app.ClientForAsync("head06");
        string Of(string filter) => $"subBranchId={first.SubBranchId}&{filter}";

        // Newest first (a later submission first on the same day), and page by page.
        var all = await head.SearchAsync(Of("from=2026-05-01&to=2026-05-31"));
        Assert.Equal([complaint, tuesday, monday, friday], all.Ids());
        Assert.Equal(4, all.GetProperty("totalCount").GetInt32());
        Assert.Equal("Late", all.GetProperty("items")[0].GetProperty("timeliness").GetString());
        Assert.Equal("支行06员工2", all.GetProperty("items")[0].GetProperty("authorName").GetString());
        Assert.Equal([complaint, tuesday], (await head.SearchAsync(Of("pageSize=2"))).Ids());
        Assert.Equal([monday, friday], (await head.SearchAsync(Of("pageSize=2&page=2"))).Ids());

        Assert.Equal([complaint, monday], (await head.SearchAsync(Of("fieldKey=products_sold&fieldValue=" + Uri.EscapeDataString("理财")))).Ids());
        Assert.Equal([monday], (await head.SearchAsync(Of("fieldKey=customers_visited&fieldValue=5"))).Ids());
        Assert.Equal([complaint, tuesday, monday], (await head.SearchAsync(Of("fieldKey=products_sold"))).Ids());
        Assert.Equal([monday], (await head.SearchAsync(Of("q=wealth"))).Ids());
        Assert.Equal([complaint], (await head.SearchAsync(Of("q=" + Uri.EscapeDataString("Credit Card")))).Ids());
        Assert.Equal([tuesday, monday], (await head.SearchAsync(Of("q=" + Uri.EscapeDataString("走访")))).Ids());
        Assert.Equal([tuesday], (await head.SearchAsync(Of("q=" + Uri.EscapeDataString("代发工资")))).Ids());
        Assert.Equal([friday], (await head.SearchAsync(Of("q=" + Uri.EscapeDataString("100%")))).Ids());
        Assert.Empty((await head.SearchAsync(Of("q=" + Uri.EscapeDataString("%")))).Ids().Except([friday]));
        Assert.Equal([complaint, tuesday], (await head.SearchAsync(Of("from=2026-05-26&to=2026-05-26"))).Ids());
        Assert.Equal([complaint, tuesday, monday], (await head.SearchAsync(Of("from=2026-05-25"))).Ids());
        Assert.Equal([complaint, friday], (await head.SearchAsync(Of($"authorId={second.Id}"))).Ids());
        Assert.Equal([monday], (await (await app.ClientForAsync("supervisor")).SearchAsync($"authorId={first.Id}&q=WEALTH")).Ids());

        var bad = await head.GetAsync("/api/worklogs/logs?from=2026-5-1");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.JsonAsync()).GetProperty("errors").TryGetProperty("from", out _));
        Assert.Equal(HttpStatusCode.BadRequest, (await head.GetAsync("/api/worklogs/logs?q=" + new string('词', 101))).StatusCode);
    }

    [Fact]
    public async Task The_months_export_has_a_row_per_submitted_log_with_the_template_fields_as_columns_and_lines_and_attachments_by_name()
    {
        app.EnsureAvailable();
        var template = await ReadingData.TemplateAsync(app, "客户经理日志", ManagerFields);
        var first = await ReadingData.WriterAsync(app, "staff0701");
        var second = await ReadingData.WriterAsync(app, "staff0702");
        await ReadingData.LogAsync(app, first, ReadingData.Day(5, 26), new LogSpec(
            "走访客户", Problems: "客户资金紧张", Plan: "跟进基金认购", Template: template,
            Fields: new Dictionary<string, string?> { ["customers_visited"] = "12", ["products_sold"] = "基金", ["visit_date"] = "2026-05-26" },
            Lines: [new LogLineDraft(Guid.NewGuid(), "走访存量客户", 3m, "户", "两户有意向"), new LogLineDraft(Guid.NewGuid(), "营销基金", 1m, "笔", null)],
            Attachments: [new LogAttachment(Guid.NewGuid(), "走访照片.jpg"), new LogAttachment(Guid.NewGuid(), "客户清单.xlsx")]));
        await ReadingData.LogAsync(app, second, ReadingData.Day(5, 25), new LogSpec("整理档案", SubmittedAt: new TimeOnly(20, 30)));
        await ReadingData.LogAsync(app, second, ReadingData.Day(5, 26), new LogSpec("未提交的草稿", Submit: false));
        await ReadingData.LogAsync(app, first, ReadingData.Day(4, 30), new LogSpec("四月的日志"));
        await ReadingData.LogAsync(app, await ReadingData.WriterAsync(app, "staff0801"), ReadingData.Day(5, 26), new LogSpec("别的支行"));
        var head = await app.ClientForAsync("head07");

        var response = await head.GetAsync($"/api/worklogs/export?subBranchId={first.SubBranchId}&month=2026-05");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal(["工作日志"], MiniExcel.GetSheetNames(stream));
        var rows = MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(
            ["日期", "姓名", "模板", "提交情况", "提交时间", "今日完成", "存在问题及需要的支持", "明日计划", "走访客户", "销售产品", "走访日期", "关联任务", "附件", "补充说明"],
            rows[0].Keys);
        Assert.Equal(2, rows.Count);
        Assert.Equal(("2026-05-25", "支行07员工2", "迟交", "2026-05-25 20:30", "整理档案"), (Text(rows[0]["日期"]), Text(rows[0]["姓名"]), Text(rows[0]["提交情况"]), Text(rows[0]["提交时间"]), Text(rows[0]["今日完成"])));
        Assert.Equal("", Text(rows[0]["走访客户"]));
        var full = rows[1];
        Assert.Equal(("2026-05-26", "支行07员工1", "客户经理日志", "按时"), (Text(full["日期"]), Text(full["姓名"]), Text(full["模板"]), Text(full["提交情况"])));
        Assert.Equal(("客户资金紧张", "跟进基金认购"), (Text(full["存在问题及需要的支持"]), Text(full["明日计划"])));
        Assert.Equal(12m, Convert.ToDecimal(full["走访客户"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(("基金", "2026-05-26"), (Text(full["销售产品"]), Text(full["走访日期"])));
        // Lines by task title: the log keeps no order of its own.
        Assert.Equal("营销基金 1笔\n走访存量客户 3户 (两户有意向)", Text(full["关联任务"]));
        Assert.Equal("走访照片.jpg\n客户清单.xlsx", Text(full["附件"]));

        // Only that sub-branch's managers and head office's supervisors; a month is yyyy-MM.
        Assert.Equal(HttpStatusCode.OK, (await (await app.ClientForAsync("supervisor")).GetAsync($"/api/worklogs/export?subBranchId={first.SubBranchId}&month=2026-05")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientForAsync("head08")).GetAsync($"/api/worklogs/export?subBranchId={first.SubBranchId}&month=2026-05")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientForAsync("staff0701")).GetAsync($"/api/worklogs/export?subBranchId={first.SubBranchId}&month=2026-05")).StatusCode);
        var bad = await head.GetAsync($"/api/worklogs/export?subBranchId={first.SubBranchId}&month=2026-13");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.JsonAsync()).GetProperty("errors").TryGetProperty("month", out _));
        var lastMonth = await head.GetAsync($"/api/worklogs/export?subBranchId={first.SubBranchId}&month=9999-12");
        Assert.Equal(HttpStatusCode.BadRequest, lastMonth.StatusCode);
        Assert.True((await lastMonth.JsonAsync()).GetProperty("errors").TryGetProperty("month", out _));
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        DateTime date => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };
}
