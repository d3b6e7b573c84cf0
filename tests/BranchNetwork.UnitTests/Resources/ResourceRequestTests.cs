using BranchNetwork.Modules.Resources.Domain;
using BranchNetwork.SharedKernel.Errors;

namespace BranchNetwork.UnitTests.Resources;

/// <summary>
/// A resource request on the entity alone (RR-1, RR-2): what each route mode needs before the request moves on, what is
/// granted, where a return goes, who may act when, and what the operation record says.
/// </summary>
public sealed class ResourceRequestTests
{
    private static readonly DateTime Now = new(2026, 12, 3, 2, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = new(2026, 12, 3);
    private static readonly Person Head = new(Guid.NewGuid(), "支行01行长");
    private static readonly Person Supervisor = new(Guid.NewGuid(), "分行督导");
    private static readonly Person Second = new(Guid.NewGuid(), "零售条线经理");
    private static readonly Person Third = new(Guid.NewGuid(), "运营条线经理");
    private static readonly Person Leader = new(Guid.NewGuid(), "分行分管行长");
    private static readonly StepDueAt TwoDaysLater = (start, days) => start.AddDays(days);

    [Fact]
    [Trait("Spec", "RR-2")]
    public void One_by_one_goes_in_order_and_the_next_step_starts_when_everyone_approved()
    {
        var request = Submitted(Money(80_000m), Step("督导", StepMode.OneByOne, Supervisor, Second), Step("领导", StepMode.AnyOf, Leader));

        var early = Assert.Throws<ConflictException>(() => request.Decide(Second, true, null, null, Now, TwoDaysLater));
        Assert.Equal("resources.not_your_turn", early.Code);

        request.Decide(Supervisor, true, null, "同意", Now, TwoDaysLater);
        Assert.Equal(0, request.CurrentStepIndex);
        request.Decide(Second, true, null, null, Now, TwoDaysLater);
        Assert.Equal(1, request.CurrentStepIndex);
        Assert.Equal(RequestState.InReview, request.State);
        Assert.Equal([Leader.UserId], request.WaitingApprovers().Select(a => a.UserId));
    }

    [Fact]
    [Trait("Spec", "RR-2")]
    public void Any_of_counts_the_first_decision_and_the_others_are_not_needed()
    {
        var request = Submitted(People(2), Step("督导", StepMode.AnyOf, Supervisor, Second, Third));

        request.Decide(Second, true, 1m, null, Now, TwoDaysLater);

        Assert.Equal(RequestState.PartiallyApproved, request.State);
        Assert.Equal(1m, request.Granted);
        Assert.All(request.Steps[0].Approvers.Where(a => a.UserId != Second.UserId), a => Assert.Equal(ApproverStatus.NotNeeded, a.Status));
        Assert.Equal("resources.wrong_state", Assert.Throws<ConflictException>(() => request.Decide(Supervisor, true, null, null, Now, TwoDaysLater)).Code);
    }

    [Fact]
    [Trait("Spec", "RR-2")]
    public void All_of_needs_every_approver_and_one_rejection_rejects()
    {
        var approved = Submitted(People(2), Step("会签", StepMode.AllOf, Supervisor, Second));
        approved.Decide(Second, true, null, null, Now, TwoDaysLater);
        Assert.Equal(RequestState.InReview, approved.State);
        Assert.Equal("resources.already_decided", Assert.Throws<ConflictException>(() => approved.Decide(Second, true, null, null, Now, TwoDaysLater)).Code);
        approved.Decide(Supervisor, true, null, null, Now, TwoDaysLater);
        Assert.Equal(RequestState.Approved, approved.State);

        var rejected = Submitted(People(2), Step("会签", StepMode.AllOf, Supervisor, Second));
        rejected.Decide(Supervisor, true, null, null, Now, TwoDaysLater);
        Assert.Equal("comment", Assert.Throws<ValidationFailedException>(() => rejected.Decide(Second, false, null, " ", Now, TwoDaysLater)).Errors.Keys.Single());
        rejected.Decide(Second, false, null, "人手已排满", Now, TwoDaysLater);
        Assert.Equal(RequestState.Rejected, rejected.State);
        Assert.Equal(RequestActionKind.Rejected, rejected.Actions[^1].Kind);
        Assert.Equal("人手已排满", rejected.Actions[^1].Comment);
    }

    [Fact]
    [Trait("Spec", "RR-2")]
    public void A_later_step_may_grant_less_never_more_and_the_result_is_partial()
    {
        var request = Submitted(Money(80_000m), Step("督导", StepMode.AnyOf, Supervisor), Step("领导", StepMode.AnyOf, Leader));
        request.Decide(Supervisor, true, 60_000m, null, Now, TwoDaysLater);

        var more = Assert.Throws<ValidationFailedException>(() => request.Decide(Leader, true, 70_000m, null, Now, TwoDaysLater));
        Assert.Equal("granted", more.Errors.Keys.Single());
        Assert.Throws<ValidationFailedException>(() => request.Decide(Leader, true, 0m, null, Now, TwoDaysLater));

        request.Decide(Leader, true, 50_000m, "先拨五万", Now, TwoDaysLater);
        Assert.Equal(RequestState.PartiallyApproved, request.State);
        Assert.Equal(50_000m, request.Granted);
        Assert.Equal(RequestActionKind.PartiallyApproved, request.Actions[^1].Kind);
    }

    [Fact]
    [Trait("Spec", "RR-2")]
    public void A_return_to_an_earlier_step_decides_it_again_and_a_return_to_the_requester_starts_a_new_round()
    {
        var request = Submitted(Money(80_000m), Step("督导", StepMode.AnyOf, Supervisor), Step("领导", StepMode.AnyOf, Leader));
        request.Decide(Supervisor, true, 60_000m, null, Now, TwoDaysLater);

        request.Return(Leader, 0, "请补充测算依据", Now, TwoDaysLater);
        Assert.Equal(0, request.CurrentStepIndex);
        Assert.Equal(80_000m, request.Granted);
        Assert.Equal("督导", request.Actions[^1].Detail);
        Assert.Equal([Supervisor.UserId], request.WaitingApprovers().Select(a => a.UserId));

        request.Return(Supervisor, null, "请重新提交", Now, TwoDaysLater);
        Assert.Equal(RequestState.Returned, request.State);
        Assert.Equal(Head.Name, request.Actions[^1].Detail);

        request.Edit(Money(70_000m).Content, Head, Today, Now);
        request.Submit(Route(Step("督导", StepMode.AnyOf, Supervisor)), Head, Now, TwoDaysLater);
        Assert.Equal(2, request.Round);
        Assert.Equal(70_000m, request.Granted);
        Assert.Single(request.CurrentRoundSteps);
    }

    [Fact]
    [Trait("Spec", "RR-2")]
    public void A_transfer_hands_the_place_and_an_added_signer_decides_right_after_the_approver()
    {
        var request = Submitted(People(1), Step("督导", StepMode.OneByOne, Supervisor, Third));
        request.AddSigner(Supervisor, Second, "请零售条线把关", Now);
        request.Decide(Supervisor, true, null, null, Now, TwoDaysLater);
        Assert.Equal([Second.UserId], request.WaitingApprovers().Select(a => a.UserId));

        request.Transfer(Second, Leader, "转分管行长", Now);
        Assert.Equal([Leader.UserId], request.WaitingApprovers().Select(a => a.UserId));
        Assert.Equal("userId", Assert.Throws<ValidationFailedException>(() => request.Transfer(Leader, Head, null, Now)).Errors.Keys.Single());

        request.Decide(Leader, true, null, null, Now, TwoDaysLater);
        request.Decide(Third, true, null, null, Now, TwoDaysLater);
        Assert.Equal(RequestState.Approved, request.State);
    }

    [Fact]
    [Trait("Spec", "RR-1")]
    public void The_requester_recalls_until_an_approver_opens_it_and_withdraws_until_the_first_decision()
    {
        var recalled = Submitted(People(1), Step("督导", StepMode.AnyOf, Supervisor));
        recalled.Recall(Head, Now);
        Assert.Equal(RequestState.Draft, recalled.State);

        var opened = Submitted(People(1), Step("督导", StepMode.AllOf, Supervisor, Second));
        Assert.True(opened.Open(Supervisor, Now));
        Assert.False(opened.Open(Supervisor, Now));
        Assert.Equal(RequestState.InReview, opened.State);
        Assert.Equal("resources.already_opened", Assert.Throws<ConflictException>(() => opened.Recall(Head, Now)).Code);
        Assert.Equal("resources.not_requester", Assert.Throws<ForbiddenException>(() => opened.Withdraw(Supervisor, null, Now)).Code);

        opened.Decide(Supervisor, true, null, null, Now, TwoDaysLater);
        Assert.Equal("resources.already_decided", Assert.Throws<ConflictException>(() => opened.Withdraw(Head, null, Now)).Code);

        var withdrawn = Submitted(People(1), Step("督导", StepMode.AnyOf, Supervisor));
        withdrawn.Open(Supervisor, Now);
        withdrawn.Withdraw(Head, "已自行解决", Now);
        Assert.Equal(RequestState.Withdrawn, withdrawn.State);
        Assert.Empty(withdrawn.WaitingApprovers());
    }

    [Fact]
    [Trait("Spec", "RR-2")]
    public void The_leader_step_is_added_strictly_above_the_threshold_and_a_route_needs_approvers()
    {
        var route = ApprovalRoute.Create(ResourceKind.Money, [new("督导", StepMode.AnyOf, [Supervisor.UserId], null, [], 2)], 50_000m, [Leader.UserId]);
        Assert.False(route.NeedsLeader(50_000m));
        Assert.True(route.NeedsLeader(50_000.01m));

        var empty = Assert.Throws<ValidationFailedException>(() => route.Configure([new("督导", StepMode.AnyOf, [], null, [], 0)], 50_000m, []));
        Assert.Contains("steps[0].approverIds", empty.Errors.Keys);
        Assert.Contains("steps[0].dueWorkingDays", empty.Errors.Keys);
        Assert.Contains("leaderApproverIds", empty.Errors.Keys);

        var draft = ResourceRequest.Draft(ResourceKind.People, People(1).Content, Head, Guid.NewGuid(), "支行01", Today, Now);
        Assert.Equal("resources.route_without_approvers", Assert.Throws<ConflictException>(() => draft.Submit([new("督导", StepMode.AnyOf, [], [], 2, false)], Head, Now, TwoDaysLater)).Code);
        Assert.Equal(RequestState.Draft, draft.State);
    }

    [Fact]
    [Trait("Spec", "RR-1")]
    public void Content_is_checked_field_by_field_for_its_kind()
    {
        var bad = new RequestContent("", "理由", null, null, 0, null, -5m, null, Today.AddDays(-1), null, null);
        var money = Assert.Throws<ValidationFailedException>(() => bad.Check(ResourceKind.Money, Today));
        Assert.Equal(["amount", "budgetCategory", "neededBy", "title"], money.Errors.Keys.Order(StringComparer.Ordinal));
        var people = Assert.Throws<ValidationFailedException>(() => (bad with { Title = "人员" }).Check(ResourceKind.People, Today));
        Assert.Equal(["durationDays", "neededBy", "quantity"], people.Errors.Keys.Order(StringComparer.Ordinal));
        var material = Assert.Throws<ValidationFailedException>(() => (bad with { Title = "物资", NeededBy = Today, Quantity = 1.234m }).Check(ResourceKind.Material, Today));
        Assert.Equal(["itemName", "quantity", "unit"], material.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    [Trait("Spec", "RR-2")]
    public void An_overdue_step_is_reminded_once_a_day()
    {
        var request = Submitted(People(1), Step("督导", StepMode.AnyOf, Supervisor));
        Assert.False(request.RecordReminder(Today, Now.AddDays(1)));
        Assert.True(request.RecordReminder(Today.AddDays(3), Now.AddDays(3)));
        Assert.False(request.RecordReminder(Today.AddDays(3), Now.AddDays(3).AddHours(1)));
        Assert.True(request.RecordReminder(Today.AddDays(4), Now.AddDays(4)));
        Assert.Equal(RequestActionKind.Reminded, request.Actions[^1].Kind);
    }

    private static (ResourceKind Kind, RequestContent Content) Money(decimal amount) =>
        (ResourceKind.Money, new RequestContent("营销活动经费", "开门红营销活动需要礼品与场地", null, null, null, null, amount, "营销费用", Today.AddDays(10), null, null));

    private static (ResourceKind Kind, RequestContent Content) People(int persons) =>
        (ResourceKind.People, new RequestContent("借调客户经理", "代发工资集中开户", persons, null, 14, null, null, null, Today.AddDays(5), null, null));

    private static PlannedStep Step(string name, StepMode mode, params Person[] approvers) => new(name, mode, approvers, [], 2, false);

    private static PlannedStep[] Route(params PlannedStep[] steps) => steps;

    private static ResourceRequest Submitted((ResourceKind Kind, RequestContent Content) what, params PlannedStep[] steps)
    {
        var request = ResourceRequest.Draft(what.Kind, what.Content, Head, Guid.NewGuid(), "支行01", Today, Now);
        request.Submit(steps, Head, Now, TwoDaysLater);
        return request;
    }
}
