using BranchNetwork.Modules.Resources.Domain;
using BranchNetwork.Modules.Resources.Features.RemindOverdue;
using BranchNetwork.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BranchNetwork.IntegrationTests.Resources.Approvals;

/// <summary>
/// RR-2 through the API: the three route modes (one by one, 或签, 会签), the leader's step above the threshold with a
/// partial grant, refusals that change nothing (more than asked, not your step, deciding twice), two 会签 approvers at the
/// same instant, 退回 to the requester and to an earlier step, 转交, 加签, 确认落实 and the daily overdue reminder.
/// </summary>
[Trait("Spec", "RR-2")]
public sealed class ApprovalFlowTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    [Fact]
    public async Task One_by_one_each_approver_decides_in_turn_and_the_requester_hears_the_result()
    {
        app.EnsureAvailable();
        var id = await ApprovalsData.SubmittedAsync(app, ResourceKind.People, 2, [new("逐级审批", StepMode.OneByOne, "supervisor", "leader")], title: "依次审批两名客户经理");
        var supervisor = await app.ClientForAsync("supervisor");
        var leader = await app.ClientForAsync("leader");

        Assert.True(await ApprovalsData.InQueueAsync(app, "supervisor", id));
        Assert.False(await ApprovalsData.InQueueAsync(app, "leader", id));
        await (await leader.DecideAsync(app, id, "Approve")).ExpectAsync(409, "resources.not_your_turn");

        var first = await (await supervisor.DecideAsync(app, id, "Approve", comment: "同意，请尽快安排")).ExpectAsync(200);
        Assert.Equal("InReview", first.GetProperty("state").GetString());
        Assert.False(await ApprovalsData.InQueueAsync(app, "supervisor", id));
        var row = (await ApprovalsData.QueueAsync(app, "leader")).Single(i => i.GetProperty("requestId").GetGuid() == id);
        Assert.Equal("逐级审批", row.GetProperty("stepName").GetString());
        Assert.Equal("支行01", row.GetProperty("subBranchName").GetString());
        Assert.Equal("People", row.GetProperty("kind").GetString());
        Assert.Equal(2m, row.GetProperty("asked").GetDecimal());
        Assert.False(row.GetProperty("overdue").GetBoolean());

        var done = await (await leader.DecideAsync(app, id, "Approve")).ExpectAsync(200);
        Assert.Equal("Approved", done.GetProperty("state").GetString());
        var stored = await ApprovalsData.StoredAsync(app, id);
        Assert.Equal(RequestState.Approved, stored.State);
        Assert.Equal(2, stored.Actions.Count(a => a.Kind == RequestActionKind.Approved));
        await Eventually.WaitAsync(() => ApprovalsData.InboxAsync(app, "head01"), t => t.Contains("资源申请已批准：依次审批两名客户经理"), "head01 hears the approval");
        await Eventually.WaitAsync(() => ApprovalsData.InboxAsync(app, "leader"), t => t.Any(x => x.EndsWith("依次审批两名客户经理", StringComparison.Ordinal) && x.Contains("待您审批", StringComparison.Ordinal)), "the leader is asked in turn");
    }

    [Fact]
    public async Task Any_of_the_first_decision_counts_and_the_others_entries_end()
    {
        app.EnsureAvailable();
        var id = await ApprovalsData.SubmittedAsync(app, ResourceKind.Material, 5, [new("或签", StepMode.AnyOf, "supervisor", "leader", "taskadmin")]);
        Assert.True(await ApprovalsData.InQueueAsync(app, "leader", id));
        Assert.True(await ApprovalsData.InQueueAsync(app, "taskadmin", id));

        await (await (await app.ClientForAsync("taskadmin")).DecideAsync(app, id, "Approve", 3m)).ExpectAsync(200);

        var stored = await ApprovalsData.StoredAsync(app, id);
        Assert.Equal(RequestState.PartiallyApproved, stored.State);
        Assert.Equal(3m, stored.Granted);
        var entries = stored.Steps.Single().Approvers.ToDictionary(a => a.Name, a => a.Status);
        Assert.Equal(ApproverStatus.Approved, entries["任务管理员"]);
        Assert.Equal(ApproverStatus.NotNeeded, entries["分行督导"]);
        Assert.Equal(ApproverStatus.NotNeeded, entries["分行分管行长"]);
        Assert.False(await ApprovalsData.InQueueAsync(app, "supervisor", id));
        await (await (await app.ClientForAsync("supervisor")).DecideAsync(app, id, "Approve")).ExpectAsync(409);
    }

    [Fact]
    public async Task All_of_needs_every_approval_and_one_rejection_rejects()
    {
        app.EnsureAvailable();
        var supervisor = await app.ClientForAsync("supervisor");
        var leader = await app.ClientForAsync("leader");

        var approved = await ApprovalsData.SubmittedAsync(app, ResourceKind.People, 1, [new("会签", StepMode.AllOf, "supervisor", "leader")]);
        await (await supervisor.DecideAsync(app, approved, "Approve")).ExpectAsync(200);
        Assert.Equal(RequestState.InReview, (await ApprovalsData.StoredAsync(app, approved)).State);
        Assert.True(await ApprovalsData.InQueueAsync(app, "leader", approved));
        await (await leader.DecideAsync(app, approved, "Approve")).ExpectAsync(200);
        Assert.Equal(RequestState.Approved, (await ApprovalsData.StoredAsync(app, approved)).State);

        var rejected = await ApprovalsData.SubmittedAsync(app, ResourceKind.People, 1, [new("会签", StepMode.AllOf, "supervisor", "leader")]);
        await (await supervisor.DecideAsync(app, rejected, "Approve")).ExpectAsync(200);
        var noReason = await (await leader.DecideAsync(app, rejected, "Reject")).ExpectAsync(400);
        Assert.True(noReason.GetProperty("errors").TryGetProperty("comment", out _), noReason.ToString());
        await (await leader.DecideAsync(app, rejected, "Reject", comment: "本季度人员已满编")).ExpectAsync(200);
        var stored = await ApprovalsData.StoredAsync(app, rejected);
        Assert.Equal(RequestState.Rejected, stored.State);
        Assert.Contains(stored.Actions, a => a.Kind == RequestActionKind.Rejected && a.Comment == "本季度人员已满编");
    }

    [Fact]
    public async Task Money_above_the_threshold_goes_to_the_leader_who_may_grant_part_but_never_more_than_before()
    {
        app.EnsureAvailable();
        var id = await ApprovalsData.SubmittedAsync(app, ResourceKind.Money, 80_000m, title: "营销费用八万元");
        var supervisor = await app.ClientForAsync("supervisor");
        var leader = await app.ClientForAsync("leader");
        var planned = (await ApprovalsData.StoredAsync(app, id)).Steps.OrderBy(s => s.Index).ToList();
        Assert.True(planned[^1].IsLeaderStep);
        Assert.Equal("分行领导审批", planned[^1].Name);

        // More than asked: 400 on granted, nothing changed.
        var before = await ApprovalsData.VersionAsync(app, id);
        var tooMuch = await (await supervisor.DecideAsync(app, id, "Approve", 90_000m)).ExpectAsync(400);
        Assert.True(tooMuch.GetProperty("errors").TryGetProperty("granted", out _), tooMuch.ToString());
        Assert.Equal(before, await ApprovalsData.VersionAsync(app, id));

        await (await supervisor.DecideAsync(app, id, "Approve", 70_000m, "先按七万")).ExpectAsync(200);
        Assert.True(await ApprovalsData.InQueueAsync(app, "leader", id));
        var panel = await leader.PanelAsync(id);
        Assert.Equal("分行领导审批", panel.GetProperty("currentStepName").GetString());
        Assert.True(panel.GetProperty("canDecide").GetBoolean());
        Assert.Equal(70_000m, panel.GetProperty("granted").GetDecimal());

        // Only ever down from what the earlier step granted.
        await (await leader.DecideAsync(app, id, "Approve", 75_000m)).ExpectAsync(400);
        var done = await (await leader.DecideAsync(app, id, "Approve", 60_000m, "同意六万")).ExpectAsync(200);
        Assert.Equal("PartiallyApproved", done.GetProperty("state").GetString());
        var stored = await ApprovalsData.StoredAsync(app, id);
        Assert.Equal(RequestState.PartiallyApproved, stored.State);
        Assert.Equal(60_000m, stored.Granted);
        Assert.Contains(stored.Actions, a => a.Kind == RequestActionKind.PartiallyApproved && a.Granted == 60_000m && a.ActorName == "分行分管行长");
        await Eventually.WaitAsync(() => ApprovalsData.InboxAsync(app, "head01"), t => t.Contains("资源申请部分批准：营销费用八万元"), "head01 hears the partial approval");
    }

    [Fact]
    public async Task Not_your_step_is_refused_and_deciding_twice_is_a_conflict_with_nothing_changed()
    {
        app.EnsureAvailable();
        var id = await ApprovalsData.SubmittedAsync(app, ResourceKind.People, 1, [new("第一步", StepMode.AllOf, "supervisor", "taskadmin"), new("第二步", StepMode.AnyOf, "leader")]);
        var supervisor = await app.ClientForAsync("supervisor");
        var version = await ApprovalsData.VersionAsync(app, id);

        await (await (await app.ClientForAsync("leader")).DecideAsync(app, id, "Approve")).ExpectAsync(403, "resources.not_your_step");
        await (await (await app.ClientForAsync("head01")).DecideAsync(app, id, "Approve")).ExpectAsync(403);
        Assert.Equal(version, await ApprovalsData.VersionAsync(app, id));

        await (await supervisor.DecideAsync(app, id, "Approve")).ExpectAsync(200);
        var after = await ApprovalsData.VersionAsync(app, id);
        await (await supervisor.DecideAsync(app, id, "Approve")).ExpectAsync(409, "resources.already_decided");
        await (await (await app.ClientForAsync("taskadmin")).DecideAsync(app, id, "Approve")).ExpectAsync(200);
        // The step moved on: still a conflict, not "not your step".
        await (await supervisor.DecideAsync(app, id, "Reject", comment: "再次处理")).ExpectAsync(409, "resources.already_decided");
        var stored = await ApprovalsData.StoredAsync(app, id);
        Assert.Equal(2, stored.Actions.Count(a => a.Kind == RequestActionKind.Approved));
        Assert.NotEqual(after, stored.Version);
    }

    [Fact]
    public async Task Two_all_of_approvers_deciding_at_the_same_instant_are_both_recorded_once()
    {
        app.EnsureAvailable();
        for (var round = 0; round < 3; round++)
        {
            var id = await ApprovalsData.SubmittedAsync(app, ResourceKind.Material, 4, [new("会签", StepMode.AllOf, "supervisor", "leader")]);
            var version = await ApprovalsData.VersionAsync(app, id);
            var supervisor = await app.ClientForAsync("supervisor");
            var leader = await app.ClientForAsync("leader");

            var answers = await Task.WhenAll(
                supervisor.DecideAsync(app, id, "Approve", comment: "同意", version: version),
                leader.DecideAsync(app, id, "Approve", comment: "同意", version: version));

            foreach (var answer in answers)
            {
                await answer.ExpectAsync(200);
            }

            var stored = await ApprovalsData.StoredAsync(app, id);
            Assert.Equal(RequestState.Approved, stored.State);
            Assert.All(stored.Steps.Single().Approvers, a => Assert.Equal(ApproverStatus.Approved, a.Status));
            Assert.Equal(2, stored.Actions.Count(a => a.Kind == RequestActionKind.Approved));
            Assert.Equal(2, stored.Actions.Where(a => a.Kind == RequestActionKind.Approved).Select(a => a.ActorId).Distinct().Count());
        }
    }

    [Fact]
    public async Task Returned_to_the_requester_or_to_an_earlier_step_the_record_says_where()
    {
        app.EnsureAvailable();
        var supervisor = await app.ClientForAsync("supervisor");
        var leader = await app.ClientForAsync("leader");

        var toRequester = await ApprovalsData.SubmittedAsync(app, ResourceKind.People, 1, [new("督导审核", StepMode.OneByOne, "supervisor")], title: "退回给申请人");
        await (await supervisor.ActAsync(app, toRequester, "return", new { comment = (string?)null })).ExpectAsync(400);
        await (await supervisor.ActAsync(app, toRequester, "return", new { comment = "请补充使用期限" })).ExpectAsync(200);
        var stored = await ApprovalsData.StoredAsync(app, toRequester);
        Assert.Equal(RequestState.Returned, stored.State);
        Assert.Contains(stored.Actions, a => a.Kind == RequestActionKind.Returned && a.Detail == "支行01行长" && a.Comment == "请补充使用期限");
        await Eventually.WaitAsync(() => ApprovalsData.InboxAsync(app, "head01"), t => t.Contains("分行督导 退回了资源申请：退回给申请人"), "head01 hears the return");

        var toStep = await ApprovalsData.SubmittedAsync(app, ResourceKind.People, 1, [new("督导审核", StepMode.OneByOne, "supervisor"), new("领导审核", StepMode.OneByOne, "leader")]);
        await (await supervisor.DecideAsync(app, toStep, "Approve")).ExpectAsync(200);
        await (await leader.ActAsync(app, toStep, "return", new { toStepIndex = 1, comment = "不能退回到本步" })).ExpectAsync(400);
        var back = await (await leader.ActAsync(app, toStep, "return", new { toStepIndex = 0, comment = "请督导核实人数" })).ExpectAsync(200);
        Assert.Equal(0, back.GetProperty("currentStepIndex").GetInt32());
        stored = await ApprovalsData.StoredAsync(app, toStep);
        Assert.Equal(RequestState.InReview, stored.State);
        Assert.Contains(stored.Actions, a => a.Kind == RequestActionKind.Returned && a.Detail == "督导审核" && a.StepName == "领导审核");
        Assert.True(await ApprovalsData.InQueueAsync(app, "supervisor", toStep));
        Assert.False(await ApprovalsData.InQueueAsync(app, "leader", toStep));
    }

    [Fact]
    public async Task A_transfer_hands_the_step_to_a_colleague_and_an_added_signer_decides_next()
    {
        app.EnsureAvailable();
        var supervisor = await app.ClientForAsync("supervisor");
        var taskAdmin = await app.ClientForAsync("taskadmin");
        var headId = await ApprovalsData.UserIdAsync(app, "head01");
        var taskAdminId = await ApprovalsData.UserIdAsync(app, "taskadmin");
        var leaderId = await ApprovalsData.UserIdAsync(app, "leader");

        var transferred = await ApprovalsData.SubmittedAsync(app, ResourceKind.People, 1, [new("督导审核", StepMode.OneByOne, "supervisor")]);
        var refused = await (await supervisor.ActAsync(app, transferred, "transfer", new { userId = headId })).ExpectAsync(400);
        Assert.True(refused.GetProperty("errors").TryGetProperty("userId", out _), refused.ToString());
        await (await supervisor.ActAsync(app, transferred, "transfer", new { userId = taskAdminId, comment = "请任务管理员处理" })).ExpectAsync(200);
        Assert.False(await ApprovalsData.InQueueAsync(app, "supervisor", transferred));
        Assert.True(await ApprovalsData.InQueueAsync(app, "taskadmin", transferred));
        await (await taskAdmin.DecideAsync(app, transferred, "Approve")).ExpectAsync(200);
        var stored = await ApprovalsData.StoredAsync(app, transferred);
        Assert.Equal(RequestState.Approved, stored.State);
        Assert.Contains(stored.Actions, a => a.Kind == RequestActionKind.Transferred && a.Detail == "任务管理员");

        var signed = await ApprovalsData.SubmittedAsync(app, ResourceKind.People, 1, [new("督导审核", StepMode.OneByOne, "supervisor")]);
        await (await supervisor.ActAsync(app, signed, "signers", new { userId = leaderId })).ExpectAsync(200);
        await (await supervisor.DecideAsync(app, signed, "Approve")).ExpectAsync(200);
        Assert.Equal(RequestState.InReview, (await ApprovalsData.StoredAsync(app, signed)).State);
        Assert.True(await ApprovalsData.InQueueAsync(app, "leader", signed));
        await (await (await app.ClientForAsync("leader")).DecideAsync(app, signed, "Approve")).ExpectAsync(200);
        stored = await ApprovalsData.StoredAsync(app, signed);
        Assert.Equal(RequestState.Approved, stored.State);
        Assert.Contains(stored.Actions, a => a.Kind == RequestActionKind.SignerAdded && a.Detail == "分行分管行长");
    }

    [Fact]
    public async Task A_supervisor_confirms_delivery_of_an_approved_request_once()
    {
        app.EnsureAvailable();
        var id = await ApprovalsData.SubmittedAsync(app, ResourceKind.Material, 2, [new("督导审核", StepMode.OneByOne, "taskadmin")], title: "点钞机两台");
        var supervisor = await app.ClientForAsync("supervisor");
        await (await supervisor.ActAsync(app, id, "fulfil", new { })).ExpectAsync(409, "resources.wrong_state");
        await (await (await app.ClientForAsync("taskadmin")).DecideAsync(app, id, "Approve")).ExpectAsync(200);
        await (await (await app.ClientForAsync("taskadmin")).ActAsync(app, id, "fulfil", new { })).ExpectAsync(403);

        var done = await (await supervisor.ActAsync(app, id, "fulfil", new { comment = "已配送到支行" })).ExpectAsync(200);
        Assert.Equal("Fulfilled", done.GetProperty("state").GetString());
        await (await supervisor.ActAsync(app, id, "fulfil", new { })).ExpectAsync(409);
        var stored = await ApprovalsData.StoredAsync(app, id);
        Assert.Equal(RequestState.Fulfilled, stored.State);
        Assert.Single(stored.Actions, a => a.Kind == RequestActionKind.Fulfilled);
        await Eventually.WaitAsync(() => ApprovalsData.InboxAsync(app, "head01"), t => t.Contains("分行督导 确认资源已落实：点钞机两台"), "head01 hears of the delivery");
    }

    [Fact]
    public async Task An_overdue_step_is_highlighted_and_its_approvers_are_reminded_once_a_day()
    {
        app.EnsureAvailable();
        var id = await ApprovalsData.SubmittedAsync(app, ResourceKind.People, 3, [new("督导审核", StepMode.AnyOf, "supervisor")], title: "超时提醒测试", startedDaysAgo: 10);
        var row = (await ApprovalsData.QueueAsync(app, "supervisor")).Single(i => i.GetProperty("requestId").GetGuid() == id);
        Assert.True(row.GetProperty("overdue").GetBoolean());

        var first = await RemindAsync();
        var second = await RemindAsync();
        Assert.True(first.Reminded >= 1);
        Assert.Equal(first.Day, second.Day);
        var stored = await ApprovalsData.StoredAsync(app, id);
        Assert.Single(stored.Actions, a => a.Kind == RequestActionKind.Reminded);
        Assert.Equal(first.Day, stored.Steps.Single().LastRemindedOn);
        await Eventually.WaitAsync(() => ApprovalsData.InboxAsync(app, "supervisor"), t => t.Contains("审批已超时，请尽快处理：督导审核（超时提醒测试）"), "the supervisor is reminded");
        Assert.Single(await ApprovalsData.InboxAsync(app, "supervisor"), t => t.EndsWith("（超时提醒测试）", StringComparison.Ordinal) && t.StartsWith("审批已超时", StringComparison.Ordinal));
    }

    private async Task<OverdueReminderRun> RemindAsync()
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<OverdueReminder>().RunAsync(CancellationToken.None);
    }
}
