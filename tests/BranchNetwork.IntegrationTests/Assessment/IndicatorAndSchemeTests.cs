using System.Net;
using System.Net.Http.Json;
using BranchNetwork.Testing;

namespace BranchNetwork.IntegrationTests.Assessment;

public sealed class IndicatorAndSchemeTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    [Fact]
    [Trait("Spec", "AS-1")]
    public async Task An_indicator_code_is_unique_and_each_rule_needs_its_parameters()
    {
        app.EnsureAvailable();
        var admin = await app.ClientForAsync("taskadmin");
        var code = AssessmentApi.Unique("DEP");
        await admin.CreateIndicatorAsync(code, "对公存款新增");

        var duplicate = await admin.PostAsJsonAsync("/api/assessment/indicators", new { code, name = "重复", unit = "万元", direction = "HigherIsBetter", dataSource = "Manual", ruleKind = "Ratio" });
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        var errors = (await duplicate.JsonAsync()).GetProperty("errors");
        Assert.Equal("指标代码已存在。", errors.GetProperty("code")[0].GetString());

        var threshold = await admin.PostAsJsonAsync("/api/assessment/indicators", new { code = AssessmentApi.Unique("T"), name = "门槛", unit = "户", direction = "HigherIsBetter", dataSource = "Manual", ruleKind = "Threshold" });
        Assert.Equal(HttpStatusCode.BadRequest, threshold.StatusCode);
        Assert.True((await threshold.JsonAsync()).GetProperty("errors").TryGetProperty("minimumCompletion", out _));

        var computed = await admin.PostAsJsonAsync("/api/assessment/indicators", new { code = AssessmentApi.Unique("C"), name = "社群发帖", unit = "件", direction = "HigherIsBetter", dataSource = "Computed", computedSourceKey = "community.nothing", ruleKind = "Ratio" });
        Assert.Equal(HttpStatusCode.BadRequest, computed.StatusCode);
        Assert.True((await computed.JsonAsync()).GetProperty("errors").TryGetProperty("computedSourceKey", out _));

        var banded = await admin.CreateIndicatorAsync(AssessmentApi.Unique("B"), "分档指标", ruleKind: "Banded", bands: [new { minCompletion = 0.6m, factor = 0.5m }, new { minCompletion = 1m, factor = 1m }]);
        var list = await (await admin.GetAsync("/api/assessment/indicators?pageSize=200")).JsonAsync();
        var stored = list.GetProperty("items").EnumerateArray().First(i => i.GetProperty("id").GetGuid() == banded);
        Assert.Equal(2, stored.GetProperty("bands").GetArrayLength());

        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientForAsync("supervisor")).PostAsJsonAsync("/api/assessment/indicators", new { code = "X1", name = "x", unit = "户", direction = "HigherIsBetter", dataSource = "Manual", ruleKind = "Ratio" })).StatusCode);
    }

    [Fact]
    [Trait("Spec", "AS-1")]
    public async Task An_indicator_a_published_scheme_uses_cannot_be_deleted_only_retired()
    {
        app.EnsureAvailable();
        var scheme = await AssessmentApi.PublishedSchemeAsync(app, [("贷款投放", 100m, false)]);
        var admin = await app.ClientForAsync("taskadmin");
        var indicator = scheme.Indicators["贷款投放"];

        var delete = await admin.DeleteAsync($"/api/assessment/indicators/{indicator}");
        Assert.Equal(HttpStatusCode.Conflict, delete.StatusCode);
        Assert.Contains("只能停用", (await delete.JsonAsync()).GetProperty("title").GetString(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/assessment/indicators/{indicator}/retire", null)).StatusCode);
        var active = await (await admin.GetAsync("/api/assessment/indicators?pageSize=200")).JsonAsync();
        Assert.DoesNotContain(active.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == indicator);
        // The published scheme keeps it.
        Assert.Single((await admin.ResultsAsync(scheme.Id)).GetProperty("indicators").EnumerateArray());

        // Retired indicators cannot go on new schemes.
        var today = AssessmentApi.Today(app);
        var again = await admin.CreateSchemeAsync("新方案", today, today.AddDays(30), (indicator, 100m));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);

        // An indicator only drafts use is deleted, and leaves the drafts.
        var unused = await admin.CreateIndicatorAsync(AssessmentApi.Unique("U"), "临时指标");
        var other = await admin.CreateIndicatorAsync(AssessmentApi.Unique("O"), "其他指标");
        var draft = await (await admin.CreateSchemeAsync("草稿", today, today.AddDays(30), (unused, 50m), (other, 50m))).JsonAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/assessment/indicators/{unused}")).StatusCode);
        var after = await (await admin.GetAsync($"/api/assessment/schemes/{draft.GetProperty("id").GetGuid()}")).JsonAsync();
        Assert.Single(after.GetProperty("indicators").EnumerateArray());
    }

    [Fact]
    [Trait("Spec", "AS-2")]
    public async Task Weights_must_sum_to_exactly_100_so_seed_001s_five_weights_are_refused_and_nothing_is_created()
    {
        app.EnsureAvailable();
        var admin = await app.ClientForAsync("taskadmin");
        // Seed 001 lists 粉丝 40 %, 内容质量 30 %, 互动效果 20 %, 销售业绩 10 % and 运营成本 10 %: 110 in all.
        var ids = new List<Guid>();
        foreach (var name in new[] { "粉丝", "内容质量", "互动效果", "销售业绩", "运营成本" })
        {
            ids.Add(await admin.CreateIndicatorAsync(AssessmentApi.Unique("S"), name));
        }

        var before = (await (await admin.GetAsync("/api/assessment/schemes")).JsonAsync()).GetProperty("totalCount").GetInt32();
        var today = AssessmentApi.Today(app);
        var refused = await admin.CreateSchemeAsync("社群运营考核", today, today.AddDays(89), (ids[0], 40m), (ids[1], 30m), (ids[2], 20m), (ids[3], 10m), (ids[4], 10m));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("各指标权重之和须等于 100，当前为 110。", (await refused.JsonAsync()).GetProperty("errors").GetProperty("indicators")[0].GetString());

        var duplicate = await admin.CreateSchemeAsync("重复指标", today, today.AddDays(89), (ids[0], 50m), (ids[0], 50m));
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        var threeDecimals = await admin.CreateSchemeAsync("三位小数", today, today.AddDays(89), (ids[0], 33.333m), (ids[1], 66.667m));
        Assert.Equal(HttpStatusCode.BadRequest, threeDecimals.StatusCode);
        Assert.Equal(before, (await (await admin.GetAsync("/api/assessment/schemes")).JsonAsync()).GetProperty("totalCount").GetInt32());

        // The same in English for an English-speaking caller.
        using var english = new HttpRequestMessage(HttpMethod.Post, "/api/assessment/schemes")
        {
            Content = JsonContent.Create(new { name = "x", periodKind = "Custom", startDate = today, endDate = today.AddDays(9), kind = "Comprehensive", indicators = new[] { new { indicatorId = ids[0], weight = 90m } } }),
        };
        english.Headers.AcceptLanguage.ParseAdd("en");
        var problem = await (await admin.SendAsync(english)).JsonAsync();
        Assert.Equal("The weights must sum to exactly 100; they sum to 90.", problem.GetProperty("errors").GetProperty("indicators")[0].GetString());

        // Seed 001's first four weights make a valid scheme.
        var valid = await admin.CreateSchemeAsync("社群运营考核", today, today.AddDays(89), (ids[0], 40m), (ids[1], 30m), (ids[2], 20m), (ids[3], 10m));
        Assert.Equal(HttpStatusCode.Created, valid.StatusCode);
        var grades = await valid.JsonAsync();
        Assert.Equal((90m, 75m, 60m), (grades.GetProperty("excellentFrom").GetDecimal(), grades.GetProperty("goodFrom").GetDecimal(), grades.GetProperty("fairFrom").GetDecimal()));
    }

    [Fact]
    [Trait("Spec", "AS-2")]
    public async Task Quarter_half_and_year_periods_follow_from_their_first_day_and_a_special_scheme_needs_its_business_line()
    {
        app.EnsureAvailable();
        var admin = await app.ClientForAsync("taskadmin");
        var indicator = await admin.CreateIndicatorAsync(AssessmentApi.Unique("P"), "期间测试");
        async Task<HttpResponseMessage> Create(string periodKind, string start, string kind = "Comprehensive", Guid? line = null) =>
            await admin.PostAsJsonAsync("/api/assessment/schemes", new { name = "期间", periodKind, startDate = start, kind, businessLineId = line, indicators = new[] { new { indicatorId = indicator, weight = 100m } } });

        Assert.Equal("2027-03-31", (await (await Create("Quarter", "2027-01-01")).JsonAsync()).GetProperty("endDate").GetString());
        Assert.Equal("2027-12-31", (await (await Create("HalfYear", "2027-07-01")).JsonAsync()).GetProperty("endDate").GetString());
        Assert.Equal("2027-12-31", (await (await Create("Year", "2027-01-01")).JsonAsync()).GetProperty("endDate").GetString());
        var midQuarter = await Create("Quarter", "2027-02-01");
        Assert.Equal(HttpStatusCode.BadRequest, midQuarter.StatusCode);
        Assert.True((await midQuarter.JsonAsync()).GetProperty("errors").TryGetProperty("endDate", out _));

        var special = await Create("Year", "2027-01-01", "Special");
        Assert.Equal(HttpStatusCode.BadRequest, special.StatusCode);
        Assert.True((await special.JsonAsync()).GetProperty("errors").TryGetProperty("businessLineId", out _));
    }

    [Fact]
    [Trait("Spec", "AS-2")]
    public async Task Two_editors_of_one_draft_the_second_gets_409_and_a_published_scheme_is_frozen()
    {
        app.EnsureAvailable();
        var scheme = await AssessmentApi.PublishedSchemeAsync(app, [("理财销售", 50m, false), ("代发工资", 50m, false)], publish: false);
        var admin = await app.ClientForAsync("taskadmin");
        var seen = await admin.VersionAsync(scheme.Id);
        object Edit(string name, long version) => new
        {
            name,
            periodKind = "Custom",
            startDate = scheme.Start,
            endDate = scheme.End,
            kind = "Comprehensive",
            version,
            indicators = new[] { new { indicatorId = scheme.Indicators["理财销售"], weight = 60m }, new { indicatorId = scheme.Indicators["代发工资"], weight = 40m } },
        };

        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/assessment/schemes/{scheme.Id}", Edit("第一位编辑", seen))).StatusCode);
        var stale = await admin.PutAsJsonAsync($"/api/assessment/schemes/{scheme.Id}", Edit("第二位编辑", seen));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var detail = await (await admin.GetAsync($"/api/assessment/schemes/{scheme.Id}")).JsonAsync();
        Assert.Equal("第一位编辑", detail.GetProperty("name").GetString());
        Assert.Equal(60m, detail.GetProperty("indicators")[0].GetProperty("weight").GetDecimal());

        var version = detail.GetProperty("version").GetInt64();
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync($"/api/assessment/schemes/{scheme.Id}/publish", new { version = version - 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/assessment/schemes/{scheme.Id}/publish", new { version })).StatusCode);
        var frozen = await admin.PutAsJsonAsync($"/api/assessment/schemes/{scheme.Id}", Edit("下发后修改", version + 1));
        Assert.Equal(HttpStatusCode.Conflict, frozen.StatusCode);
        Assert.Contains("申辩", (await frozen.JsonAsync()).GetProperty("title").GetString(), StringComparison.Ordinal);
        var targets = await admin.PutAsJsonAsync($"/api/assessment/schemes/{scheme.Id}/targets", new { cells = new[] { new { subBranchId = scheme.SubBranches["SB01"], indicatorId = scheme.Indicators["理财销售"], value = 1m } } });
        Assert.Equal(HttpStatusCode.Conflict, targets.StatusCode);
    }

    [Fact]
    [Trait("Spec", "AS-2")]
    [Trait("Spec", "AS-3")]
    public async Task Publishing_with_a_missing_target_names_the_cell_and_changes_nothing()
    {
        app.EnsureAvailable();
        var scheme = await AssessmentApi.PublishedSchemeAsync(app, [("信用卡", 100m, false)], publish: false);
        var admin = await app.ClientForAsync("taskadmin");
        var newIndicator = await admin.CreateIndicatorAsync(AssessmentApi.Unique("N"), "手机银行");
        var version = await admin.VersionAsync(scheme.Id);
        var edited = await admin.PutAsJsonAsync($"/api/assessment/schemes/{scheme.Id}", new
        {
            name = "缺目标",
            periodKind = "Custom",
            startDate = scheme.Start,
            endDate = scheme.End,
            kind = "Comprehensive",
            version,
            indicators = new[] { new { indicatorId = scheme.Indicators["信用卡"], weight = 70m }, new { indicatorId = newIndicator, weight = 30m } },
        });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var detail = await edited.JsonAsync();

        var refused = await admin.PostAsJsonAsync($"/api/assessment/schemes/{scheme.Id}/publish", new { version = detail.GetProperty("version").GetInt64() });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var message = (await refused.JsonAsync()).GetProperty("errors").GetProperty("targets")[0].GetString()!;
        Assert.StartsWith("还有 8 个目标未填写", message, StringComparison.Ordinal);
        Assert.Contains("支行01 × 手机银行", message, StringComparison.Ordinal);

        var after = await (await admin.GetAsync($"/api/assessment/schemes/{scheme.Id}")).JsonAsync();
        Assert.Equal("Draft", after.GetProperty("status").GetString());
        Assert.Equal(0, after.GetProperty("sheetCount").GetInt32());

        var zero = await admin.PutAsJsonAsync($"/api/assessment/schemes/{scheme.Id}/targets", new { cells = new[] { new { subBranchId = scheme.SubBranches["SB01"], indicatorId = newIndicator, value = 0m } } });
        Assert.Equal(HttpStatusCode.BadRequest, zero.StatusCode);
        Assert.Equal("目标值须大于 0。", (await zero.JsonAsync()).GetProperty("errors").GetProperty("cells[0].value")[0].GetString());
    }

    [Fact]
    [Trait("Spec", "AS-2")]
    public async Task Drafts_are_for_head_office_and_do_not_exist_for_a_sub_branch()
    {
        app.EnsureAvailable();
        var draft = await AssessmentApi.PublishedSchemeAsync(app, [("草稿指标", 100m, false)], publish: false);
        var head = await app.ClientForAsync("head03");
        Assert.Equal(HttpStatusCode.NotFound, (await head.GetAsync($"/api/assessment/schemes/{draft.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await head.GetAsync($"/api/assessment/schemes/{draft.Id}/results")).StatusCode);
        Assert.DoesNotContain((await (await head.GetAsync("/api/assessment/schemes?pageSize=200")).JsonAsync()).GetProperty("items").EnumerateArray(), s => s.GetProperty("id").GetGuid() == draft.Id);
        Assert.Equal(HttpStatusCode.OK, (await (await app.ClientForAsync("supervisor")).GetAsync($"/api/assessment/schemes/{draft.Id}")).StatusCode);
    }
}
