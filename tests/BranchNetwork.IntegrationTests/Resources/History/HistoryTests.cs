using System.Net;
using System.Text.Json;
using BranchNetwork.Modules.Resources.Domain;
using BranchNetwork.Testing;
using static BranchNetwork.IntegrationTests.Resources.History.HistoryData;

namespace BranchNetwork.IntegrationTests.Resources.History;

/// <summary>
/// RR-3: per sub-branch, kind and month of submission (China time), how many requests, what they asked and what head
/// office granted, with the totals; a sub-branch sees its own, head office all. The requests are back-dated into months
/// the demo data never reaches (2024), so the figures are exactly these requests'.
/// </summary>
[Trait("Spec", "RR-3")]
public sealed class HistoryTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    [Fact]
    public async Task Asked_and_granted_are_totalled_per_sub_branch_kind_and_china_month_over_submitted_requests_only()
    {
        app.EnsureAvailable();
        var sb01 = await SubBranchAsync(app, "SB01");
        var sb02 = await SubBranchAsync(app, "SB02");
        var head01 = await PersonAsync(app, "head01");
        var head02 = await PersonAsync(app, "head02");
        var supervisor = await PersonAsync(app, "supervisor");
        var leader = await PersonAsync(app, "leader");
        var june = ChinaUtc(2024, 6, 10);
        var needed = new DateOnly(2024, 8, 31);

        // 支行01, money in June: approved, partially approved by the leader (above ¥50,000), rejected, still in review, a draft.
        await FileAsync(app, sb01, head01, ResourceKind.Money, Money("六月营销活动经费", 20_000m, needed), june, (r, due) => Approve(r, supervisor, june.AddDays(1), due));
        await FileAsync(app, sb01, head01, ResourceKind.Money, Money("网点改造费用", 80_000m, needed), june.AddDays(2), (r, due) =>
        {
            Approve(r, supervisor, june.AddDays(3), due);
            Approve(r, leader, june.AddDays(4), due, 50_000m);
        });
        await FileAsync(app, sb01, head01, ResourceKind.Money, Money("客户答谢会经费", 10_000m, needed), june.AddDays(3), (r, due) =>
        {
            r.Open(supervisor, june.AddDays(4));
            r.Decide(supervisor, false, null, "预算不足。", june.AddDays(4), due);
        });
        await FileAsync(app, sb01, head01, ResourceKind.Money, Money("宣传折页印制费", 5_000m, needed), june.AddDays(5));
        await FileAsync(app, sb01, head01, ResourceKind.Money, Money("尚未提交的草稿", 9_999m, needed), june.AddDays(5), submit: false);
        // 2024-06-01 00:30 in China is still 31 May in UTC: it is June's.
        await FileAsync(app, sb01, head01, ResourceKind.Money, Money("月初提交的申请", 2_000m, needed), ChinaUtc(2024, 6, 1, 0).AddMinutes(30),
            (r, due) => Approve(r, supervisor, june, due));
        // 2024-07-01 00:30 in China is 30 June in UTC: it is July's.
        await FileAsync(app, sb01, head01, ResourceKind.Money, Money("月末深夜提交的申请", 1_000m, needed), ChinaUtc(2024, 7, 1, 0).AddMinutes(30));
        // People: two asked, one granted; material in two units, one fulfilled, one waiting.
        await FileAsync(app, sb01, head01, ResourceKind.People, People("临时支援柜员", 2, needed), june, (r, due) => Approve(r, supervisor, june.AddDays(1), due, 1m));
        await FileAsync(app, sb01, head01, ResourceKind.Material, Material("凭条纸补充", "凭条打印纸", 10m, "箱", needed), june, (r, due) =>
        {
            Approve(r, supervisor, june.AddDays(1), due);
            r.ConfirmFulfilled(supervisor, "已送达。", june.AddDays(6));
        });
        await FileAsync(app, sb01, head01, ResourceKind.Material, Material("点钞机更换", "点钞机", 3m, "台", needed), june.AddDays(1));
        // 支行02: one approved money request.
        await FileAsync(app, sb02, head02, ResourceKind.Money, Money("支行02活动经费", 7_000m, needed), june, (r, due) => Approve(r, supervisor, june.AddDays(1), due));

        var own = await (await app.ClientForAsync("head01")).HistoryAsync("from=2024-06&to=2024-06");
        Assert.Equal("2024-06", own.GetProperty("from").GetString());
        Assert.Equal(["2024-06"], own.GetProperty("months").EnumerateArray().Select(m => m.GetString()));
        Assert.All(own.GetProperty("cells").EnumerateArray(), c => Assert.Equal(sb01.Id, c.GetProperty("subBranchId").GetGuid()));
        var money = Cell(own, sb01.Id, "Money", "2024-06")!.Value;
        Assert.Equal((5, 4), ((int)Number(money, "requests"), (int)Number(money, "decided")));
        Assert.Equal(117_000m, Number(money, "asked"));
        Assert.Equal(112_000m, Number(money, "decidedAsked"));
        Assert.Equal(72_000m, Number(money, "granted"));
        Assert.Equal(sb01.Name, money.GetProperty("subBranchName").GetString());
        var people = Cell(own, sb01.Id, "People", "2024-06")!.Value;
        Assert.Equal((1m, 2m, 1m), (Number(people, "requests"), Number(people, "asked"), Number(people, "granted")));
        var boxes = Cell(own, sb01.Id, "Material", "2024-06", "箱")!.Value;
        Assert.Equal((1m, 10m, 10m), (Number(boxes, "requests"), Number(boxes, "asked"), Number(boxes, "granted")));
        var machines = Cell(own, sb01.Id, "Material", "2024-06", "台")!.Value;
        Assert.Equal((1m, 0m, 3m, 0m), (Number(machines, "requests"), Number(machines, "decided"), Number(machines, "asked"), Number(machines, "granted")));
        Assert.Equal(8, own.GetProperty("requests").GetInt32());
        var moneyTotal = Total(own, "Money");
        Assert.Equal((5m, 117_000m, 72_000m), (Number(moneyTotal, "requests"), Number(moneyTotal, "asked"), Number(moneyTotal, "granted")));
        Assert.Equal(2, own.GetProperty("totals").EnumerateArray().Count(t => t.GetProperty("kind").GetString() == "Material"));

        var july = await (await app.ClientForAsync("head01")).HistoryAsync("from=2024-07&to=2024-07");
        Assert.Equal(1_000m, Number(Cell(july, sb01.Id, "Money", "2024-07")!.Value, "asked"));

        // Head office sees both sub-branches, and the grand totals add them up; one sub-branch or one kind when asked.
        var supervisorClient = await app.ClientForAsync("supervisor");
        var all = await supervisorClient.HistoryAsync("from=2024-06&to=2024-06");
        Assert.Equal(117_000m, Number(Cell(all, sb01.Id, "Money", "2024-06")!.Value, "asked"));
        Assert.Equal(7_000m, Number(Cell(all, sb02.Id, "Money", "2024-06")!.Value, "granted"));
        var allMoney = Total(all, "Money");
        Assert.Equal((6m, 124_000m, 79_000m), (Number(allMoney, "requests"), Number(allMoney, "asked"), Number(allMoney, "granted")));
        Assert.Equal(9, all.GetProperty("requests").GetInt32());
        var onlySb02 = await supervisorClient.HistoryAsync($"from=2024-06&to=2024-06&subBranchId={sb02.Id}");
        Assert.All(onlySb02.GetProperty("cells").EnumerateArray(), c => Assert.Equal(sb02.Id, c.GetProperty("subBranchId").GetGuid()));
        Assert.Equal(1, onlySb02.GetProperty("requests").GetInt32());
        var onlyPeople = await supervisorClient.HistoryAsync("from=2024-05&to=2024-07&kind=people");
        Assert.All(onlyPeople.GetProperty("cells").EnumerateArray(), c => Assert.Equal("People", c.GetProperty("kind").GetString()));
        Assert.Equal(["2024-05", "2024-06", "2024-07"], onlyPeople.GetProperty("months").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(1, onlyPeople.GetProperty("requests").GetInt32());
    }

    [Fact]
    public async Task A_sub_branch_sees_only_its_own_head_office_sees_all_and_staff_nothing()
    {
        app.EnsureAvailable();
        var sb01 = await SubBranchAsync(app, "SB01");
        var sb02 = await SubBranchAsync(app, "SB02");

        // The last six months by default: the demo requests of 支行01 and 支行02 are in them.
        var head01 = await app.ClientForAsync("head01");
        var own = await head01.HistoryAsync("");
        Assert.Equal(sb01.Id, own.GetProperty("subBranchId").GetGuid());
        Assert.Equal(6, own.GetProperty("months").GetArrayLength());
        Assert.NotEmpty(own.GetProperty("cells").EnumerateArray());
        Assert.All(own.GetProperty("cells").EnumerateArray(), c => Assert.Equal(sb01.Id, c.GetProperty("subBranchId").GetGuid()));
        Assert.DoesNotContain(sb02.Id.ToString(), own.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(sb01.Id, (await head01.HistoryAsync($"subBranchId={sb01.Id}")).GetProperty("subBranchId").GetGuid());
        Assert.Equal(HttpStatusCode.NotFound, (await head01.GetAsync($"/api/resources/history?subBranchId={sb02.Id}")).StatusCode);

        var manager = await (await app.ClientForAsync("manager01")).HistoryAsync("");
        Assert.All(manager.GetProperty("cells").EnumerateArray(), c => Assert.Equal(sb01.Id, c.GetProperty("subBranchId").GetGuid()));

        var head02 = await (await app.ClientForAsync("head02")).HistoryAsync("");
        Assert.DoesNotContain(sb01.Id.ToString(), head02.GetRawText(), StringComparison.OrdinalIgnoreCase);

        var all = await (await app.ClientForAsync("supervisor")).HistoryAsync("");
        var seen = all.GetProperty("cells").EnumerateArray().Select(c => c.GetProperty("subBranchId").GetGuid()).ToHashSet();
        Assert.Contains(sb01.Id, seen);
        Assert.Contains(sb02.Id, seen);
        Assert.True(all.GetProperty("subBranches").GetArrayLength() >= 2);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientForAsync("supervisor")).GetAsync($"/api/resources/history?subBranchId={Guid.NewGuid()}")).StatusCode);

        foreach (var user in new[] { "staff0101", "taskadmin", "moderator", "admin" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientForAsync(user)).GetAsync("/api/resources/history")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateAnonymousClient().GetAsync("/api/resources/history")).StatusCode);
    }

    [Theory]
    [InlineData("from=2026-13", "from")]
    [InlineData("from=27-05-2026", "from")]
    [InlineData("from=1999-12", "from")]
    [InlineData("to=2101-01", "to")]
    [InlineData("to=May", "to")]
    [InlineData("from=2026-05&to=2026-01", "to")]
    [InlineData("from=2020-01&to=2026-01", "to")]
    [InlineData("kind=Cash", "kind")]
    [InlineData("kind=1", "kind")]
    public async Task A_bad_month_period_or_kind_is_refused_field_by_field(string query, string field)
    {
        app.EnsureAvailable();
        var response = await (await app.ClientForAsync("supervisor")).GetAsync($"/api/resources/history?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.JsonAsync();
        var errors = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        Assert.Equal([field], errors.Select(e => e.ToLowerInvariant()));
    }

    private static JsonElement Total(JsonElement history, string kind) =>
        history.GetProperty("totals").EnumerateArray().Single(t => t.GetProperty("kind").GetString() == kind);
}
