using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Resources.Features.Shared;
using BranchNetwork.SharedKernel.Modules;

namespace BranchNetwork.Modules.Resources.Features.SeedDemoRequests;

/// <summary>
/// Development only: nine requests of 支行01 and 支行02, one in every state — a draft, submitted, in review at the
/// leader's step, approved, partially approved, rejected, withdrawn, returned and fulfilled — spread over the last five
/// months so the history has figures and the home cards something to count. Each one is filed and decided through the
/// request's own methods along the demo routes (<see cref="ResourceSteps"/>), at the times it would have happened.
/// Idempotent: nothing when any request exists.
/// </summary>
internal sealed class RequestsDemoData(ResourcesDbContext db, IOrganisationDirectory directory, ResourceSteps steps, IClock clock) : IDemoDataSeeder
{
    // After the demo routes (50).
    public int Order => 60;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Requests.AnyAsync(cancellationToken) || !await db.Routes.AnyAsync(cancellationToken))
        {
            return;
        }

        var subBranches = (await directory.ListSubBranchesAsync(cancellationToken)).Where(u => !u.IsRetired).ToDictionary(u => u.Code);
        if (!subBranches.TryGetValue("SB01", out var sb01) || !subBranches.TryGetValue("SB02", out var sb02))
        {
            return;
        }

        var head01 = await HeadAsync(sb01, cancellationToken);
        var head02 = await HeadAsync(sb02, cancellationToken);
        var supervisor = await HeadOfficeAsync("supervisor", cancellationToken);
        var leader = await HeadOfficeAsync("leader", cancellationToken);
        if (head01 is null || head02 is null || supervisor is null || leader is null)
        {
            return;
        }

        var now = clock.UtcNow;
        DateTime Ago(int days, int hours = 0) => now.AddDays(-days).AddHours(-hours);
        DateOnly Day(DateTime utc) => DateOnly.FromDateTime(ChinaTime.FromUtc(utc));
        ResourceRequest Draft(OrgUnitInfo sb, Person requester, ResourceKind kind, RequestContent content, DateTime at) =>
            ResourceRequest.Draft(kind, content, requester, sb.Id, sb.Name, Day(at), at);
        async Task SubmitAsync(ResourceRequest request, Person requester, DateTime at) =>
            request.Submit(await steps.PlanAsync(request.Kind, request.Amount, cancellationToken) ?? [], requester, at, steps.DueAt);
        void Approve(ResourceRequest request, Person approver, DateTime at, decimal? granted = null, string? comment = null)
        {
            request.Open(approver, at);
            request.Decide(approver, true, granted, comment, at, steps.DueAt);
        }

        var requests = new List<ResourceRequest>();

        // 草稿: 支行01 is still counting the consumables it needs.
        var at = Ago(1, 3);
        var draft = Draft(sb01, head01, ResourceKind.Material, Material(
            "智能柜员机耗材", "网点两台智能柜员机凭条纸和卡片耗材将在月底用完，需补充凭条打印纸及空白借记卡，保障厅堂业务不中断。", "凭条打印纸", 30, "箱", Day(at).AddDays(14)), at);
        requests.Add(draft);

        // 已提交: no approver has opened it yet, and its time limit has passed.
        at = Ago(4);
        var submitted = Draft(sb01, head01, ResourceKind.People, People(
            "临时增派两名客户经理支援代发工资营销", "辖内产业园区三家企业有意将代发工资迁入我行，需集中两周上门开户、激活手机银行，现有客户经理人手不足，申请分行临时增派两名客户经理。", 2, 14, Day(at).AddDays(10)), at);
        await SubmitAsync(submitted, head01, at);
        requests.Add(submitted);

        // 审批中: the supervisor approved; above ¥50,000, the leader decides last.
        at = Ago(3);
        var inReview = Draft(sb01, head01, ResourceKind.Money, Money(
            "厅堂微沙龙活动经费", "第二季度计划举办养老金融、理财知识等厅堂微沙龙12场，邀请存量客户及周边社区居民，预计覆盖客户600人次，用于场地布置、宣传物料及客户伴手礼。", 68_000m, "营销费用", Day(at).AddDays(20)), at);
        await SubmitAsync(inReview, head01, at);
        Approve(inReview, supervisor, Ago(2), comment: "活动方案可行，请分行领导审批。");
        inReview.Open(leader, Ago(1));
        requests.Add(inReview);

        // 已退回: back with 支行01 to complete its figures.
        at = Ago(6);
        var returned = Draft(sb01, head01, ResourceKind.Money, Money(
            "社区金融服务站布展费", "新设社区金融服务站需制作门头、展架和宣传折页，配合社区反诈宣传和适老化服务。", 18_500m, "营销费用", Day(at).AddDays(15)), at);
        await SubmitAsync(returned, head01, at);
        returned.Open(supervisor, Ago(5));
        returned.Return(supervisor, null, "请补充布展费用明细及两家以上报价单后重新提交。", Ago(5), steps.DueAt);
        requests.Add(returned);

        // 已驳回.
        at = Ago(95);
        var rejected = Draft(sb01, head01, ResourceKind.Money, Money(
            "网点外立面灯箱更新改造", "网点外立面灯箱使用已满八年，部分灯管损坏、字体褪色，影响网点形象，申请整体更换为LED灯箱。", 120_000m, "网点装修费", Day(at).AddDays(30)), at);
        await SubmitAsync(rejected, head01, at);
        rejected.Open(supervisor, Ago(94));
        rejected.Decide(supervisor, false, null, "本年度网点装修预算已用完，请纳入明年网点改造计划统筹安排。", Ago(93), steps.DueAt);
        requests.Add(rejected);

        // 已落实: approved, then head office confirmed the delivery.
        at = Ago(125);
        var fulfilled = Draft(sb01, head01, ResourceKind.Material, Material(
            "点钞机更换", "现金区两台点钞机故障频繁，鉴伪功能已不满足新版人民币要求，影响柜面现金业务效率。", "点钞机", 2, "台", Day(at).AddDays(20)), at);
        await SubmitAsync(fulfilled, head01, at);
        Approve(fulfilled, supervisor, Ago(123), comment: "同意，由分行统一采购配送。");
        fulfilled.ConfirmFulfilled(supervisor, "两台点钞机已配送到网点并完成安装调试。", Ago(110));
        requests.Add(fulfilled);

        // 已批准.
        at = Ago(60);
        var approved = Draft(sb02, head02, ResourceKind.Money, Money(
            "开门红营销物料制作费", "为开门红存款营销制作海报、展架、客户权益卡等宣传物料，覆盖网点厅堂及三个重点社区。", 32_000m, "营销费用", Day(at).AddDays(15)), at);
        await SubmitAsync(approved, head02, at);
        Approve(approved, supervisor, Ago(58), comment: "同意，请按分行统一设计模板制作。");
        requests.Add(approved);

        // 部分批准: three asked, two granted.
        at = Ago(30);
        var partial = Draft(sb02, head02, ResourceKind.People, People(
            "借调理财经理支持养老金开户营销", "个人养老金开户营销进入冲刺阶段，支行理财经理仅一人，申请借调三名理财经理驻点一个月开展厅堂营销和外拓。", 3, 30, Day(at).AddDays(7)), at);
        await SubmitAsync(partial, head02, at);
        Approve(partial, supervisor, Ago(28), granted: 2, comment: "分行理财团队本月可抽调两人，另一人请支行内部调剂。");
        requests.Add(partial);

        // 已撤销: the requester gave up before any decision.
        at = Ago(20);
        var withdrawn = Draft(sb02, head02, ResourceKind.Material, Material(
            "移动展业终端", "外拓营销需随身办理开卡、签约，申请配备移动展业终端。", "移动展业PAD", 5, "台", Day(at).AddDays(20)), at);
        await SubmitAsync(withdrawn, head02, at);
        withdrawn.Withdraw(head02, "总行已统一配发移动展业终端，不再需要。", Ago(19));
        requests.Add(withdrawn);

        db.Requests.AddRange(requests);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static RequestContent People(string title, string justification, int persons, int days, DateOnly neededBy) =>
        new(title, justification, persons, null, days, null, null, null, neededBy, null, null);

    private static RequestContent Money(string title, string justification, decimal amount, string budgetCategory, DateOnly neededBy) =>
        new(title, justification, null, null, null, null, amount, budgetCategory, neededBy, null, null);

    private static RequestContent Material(string title, string justification, string item, decimal quantity, string unit, DateOnly neededBy) =>
        new(title, justification, quantity, unit, null, item, null, null, neededBy, null, null);

    private async Task<Person?> HeadAsync(OrgUnitInfo subBranch, CancellationToken ct)
    {
        var ids = await directory.ListActiveUserIdsAsync(subBranch.Id, BankRoles.SubBranchHead, ct);
        return ids.Count == 0 ? null : await PersonAsync(ids[0], ct);
    }

    private async Task<Person?> HeadOfficeAsync(string userName, CancellationToken ct)
    {
        foreach (var id in await directory.ListActiveUserIdsAsync(null, BankRoles.HeadOfficeSupervisor, ct))
        {
            if (await directory.FindUserAsync(id, ct) is { } user && user.UserName == userName)
            {
                return new Person(id, user.DisplayName);
            }
        }

        return null;
    }

    private async Task<Person?> PersonAsync(Guid id, CancellationToken ct) =>
        await directory.FindUserAsync(id, ct) is { } user ? new Person(id, user.DisplayName) : null;
}
