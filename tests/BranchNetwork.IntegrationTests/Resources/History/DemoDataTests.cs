using BranchNetwork.Modules.Resources.Domain;
using BranchNetwork.Testing;
using static BranchNetwork.IntegrationTests.Resources.History.HistoryData;

namespace BranchNetwork.IntegrationTests.Resources.History;

/// <summary>The demo requests (in the test database's template): 支行01's and 支行02's, one in every state, along the demo routes.</summary>
[Trait("Spec", "RR-3")]
[Trait("Spec", "RR-1")]
public sealed class DemoDataTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    private static readonly Dictionary<string, RequestState> Demo = new(StringComparer.Ordinal)
    {
        ["智能柜员机耗材"] = RequestState.Draft,
        ["临时增派两名客户经理支援代发工资营销"] = RequestState.Submitted,
        ["厅堂微沙龙活动经费"] = RequestState.InReview,
        ["社区金融服务站布展费"] = RequestState.Returned,
        ["网点外立面灯箱更新改造"] = RequestState.Rejected,
        ["点钞机更换"] = RequestState.Fulfilled,
        ["开门红营销物料制作费"] = RequestState.Approved,
        ["借调理财经理支持养老金开户营销"] = RequestState.PartiallyApproved,
        ["移动展业终端"] = RequestState.Withdrawn,
    };

    [Fact]
    public async Task The_demo_data_holds_a_request_of_sub_branch_01_or_02_in_every_state()
    {
        app.EnsureAvailable();
        var sb01 = await SubBranchAsync(app, "SB01");
        var sb02 = await SubBranchAsync(app, "SB02");
        foreach (var (title, state) in Demo)
        {
            Assert.Equal(1, await CountAsync(app, q => q.Where(r => r.Title == title && r.State == state && (r.SubBranchId == sb01.Id || r.SubBranchId == sb02.Id))));
        }

        Assert.Equal(Enum.GetValues<RequestState>().Order(), Demo.Values.Order());
        // The leader's step: the ¥68,000 request went past the supervisor to the leader.
        Assert.Equal(1, await CountAsync(app, q => q.Where(r => r.Title == "厅堂微沙龙活动经费" && r.CurrentStepIndex == 1 && r.Granted == 68_000m)));
        Assert.Equal(1, await CountAsync(app, q => q.Where(r => r.Title == "借调理财经理支持养老金开户营销" && r.Granted == 2m && r.Quantity == 3m)));
    }
}
