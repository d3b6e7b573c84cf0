using System.Globalization;
using System.Text.RegularExpressions;
using BranchNetwork.IntegrationTests.Home;
using BranchNetwork.Modules.Resources.Domain;
using BranchNetwork.Testing;
using static BranchNetwork.IntegrationTests.Resources.History.HistoryData;

namespace BranchNetwork.IntegrationTests.Resources.History;

/// <summary>
/// SPEC §9 for the Resources module: a sub-branch head's requests under way with the returned ones named, and a
/// supervisor's requests at their step with the overdue ones counted — live figures that match the data, each linking
/// where to act.
/// </summary>
[Trait("Spec", "RR-3")]
[Trait("Spec", "RR-2")]
public sealed partial class HomeCardTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    private const string SubBranchCard = "ResourcesSubBranchRequests";
    private const string ApprovalCard = "ResourcesAtMyStep";

    [Fact]
    public async Task The_heads_card_counts_the_sub_branchs_requests_under_way_and_names_the_returned_ones()
    {
        app.EnsureAvailable();
        var sb01 = await SubBranchAsync(app, "SB01");
        var head01 = await PersonAsync(app, "head01");
        var supervisor = await PersonAsync(app, "supervisor");
        var before = await HomePage.CardAsync(app, "head01", SubBranchCard);
        Assert.Equal(await UnderWayAsync(sb01.Id), before.Count);
        Assert.Equal("/resources", before.Link);

        var now = app.Clock.UtcNow;
        var today = DateOnly.FromDateTime(BranchNetwork.SharedKernel.ChinaTime.FromUtc(now));
        var returned = await FileAsync(app, sb01, head01, ResourceKind.Money, Money("退回待补充的活动经费", 12_000m, today.AddDays(20)), now, (r, due) =>
        {
            r.Open(supervisor, now);
            r.Return(supervisor, null, "请补充费用明细。", now, due);
        });
        await FileAsync(app, sb01, head01, ResourceKind.People, People("新提交的人员申请", 1, today.AddDays(20)), now);
        await FileAsync(app, sb01, head01, ResourceKind.People, People("草稿不算在内", 1, today.AddDays(20)), now, submit: false);

        var home = await HomePage.ReadAsync(app, "head01");
        var after = HomePage.Card(home, SubBranchCard);
        Assert.Equal(before.Count + 2, after.Count);
        Assert.Equal(await UnderWayAsync(sb01.Id), after.Count);
        var returnedCount = await CountAsync(app, q => q.Where(r => r.SubBranchId == sb01.Id && r.State == RequestState.Returned));
        Assert.Equal($"份申请审批中，其中 {returnedCount} 份被退回待修改", after.Caption);
        // The returned request is named on the card and links to its page.
        Assert.Contains($"/resources/{returned}", home, StringComparison.Ordinal);
        Assert.Contains("退回待补充的活动经费", home, StringComparison.Ordinal);

        // head02's card is 支行02's; head office and staff have no such card.
        Assert.DoesNotContain("退回待补充的活动经费", await HomePage.ReadAsync(app, "head02"), StringComparison.Ordinal);
        Assert.False(HomePage.Has(await HomePage.ReadAsync(app, "supervisor"), SubBranchCard));
        var staff = await HomePage.ReadAsync(app, "staff0101");
        Assert.False(HomePage.Has(staff, SubBranchCard));
        Assert.False(HomePage.Has(staff, ApprovalCard));
    }

    [Fact]
    public async Task The_supervisors_card_counts_the_requests_at_their_step_and_the_overdue_ones()
    {
        app.EnsureAvailable();
        var sb02 = await SubBranchAsync(app, "SB02");
        var head02 = await PersonAsync(app, "head02");
        var supervisor = await PersonAsync(app, "supervisor");
        var before = await HomePage.CardAsync(app, "supervisor", ApprovalCard);
        Assert.Equal("/resources/approvals", before.Link);
        // The demo's submitted request has waited four days at the supervisor's step: past its two working days.
        Assert.True(before.Count >= 1);
        Assert.True(Overdue(before) >= 1);

        var now = app.Clock.UtcNow;
        var today = DateOnly.FromDateTime(BranchNetwork.SharedKernel.ChinaTime.FromUtc(now));
        // At the supervisor's step now, in time; and one submitted ten days ago, overdue.
        await FileAsync(app, sb02, head02, ResourceKind.People, People("新到的人员申请", 1, today.AddDays(20)), now);
        await FileAsync(app, sb02, head02, ResourceKind.People, People("久未审批的人员申请", 1, today.AddDays(20)), now.AddDays(-10));
        // Past the supervisor's step (at the leader's) and decided ones are not the supervisor's to do.
        await FileAsync(app, sb02, head02, ResourceKind.Money, Money("已到分行领导的资金申请", 60_000m, today.AddDays(20)), now.AddDays(-10),
            (r, due) => Approve(r, supervisor, now.AddDays(-9), due));
        await FileAsync(app, sb02, head02, ResourceKind.People, People("已批准的人员申请", 1, today.AddDays(20)), now, (r, due) => Approve(r, supervisor, now, due));

        var after = await HomePage.CardAsync(app, "supervisor", ApprovalCard);
        Assert.Equal(before.Count + 2, after.Count);
        Assert.Equal(Overdue(before) + 1, Overdue(after));
        Assert.Equal("/resources/approvals", after.Link);

        // The leader sees the money request at the leader's step.
        var leader = await HomePage.CardAsync(app, "leader", ApprovalCard);
        Assert.True(leader.Count >= 1);
    }

    private static int Overdue(HomeCardView card)
    {
        var match = OverduePattern().Match(card.Caption);
        return match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
    }

    private Task<int> UnderWayAsync(Guid subBranchId) =>
        CountAsync(app, q => q.Where(r => r.SubBranchId == subBranchId
            && (r.State == RequestState.Submitted || r.State == RequestState.InReview || r.State == RequestState.Returned)));

    [GeneratedRegex("其中 (\\d+) 份已超时")]
    private static partial Regex OverduePattern();
}
