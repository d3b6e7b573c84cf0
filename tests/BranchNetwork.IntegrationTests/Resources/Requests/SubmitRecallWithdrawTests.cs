using System.Net;
using System.Text.Json;
using BranchNetwork.IntegrationTests.Tasks.Week;
using BranchNetwork.Modules.Resources.Domain;
using BranchNetwork.Testing;

namespace BranchNetwork.IntegrationTests.Resources.Requests;

/// <summary>RR-2 for the requester: the route preview, submitting along it (the first step's approvers notified), recalling before an approver opens it, withdrawing before the first decision.</summary>
[Trait("Spec", "RR-2")]
public sealed class SubmitRecallWithdrawTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    [Fact]
    public async Task The_preview_adds_the_leaders_step_above_fifty_thousand_yuan_and_not_at_or_below_it()
    {
        app.EnsureAvailable();
        var head = await app.ClientForAsync("head01");

        var above = await (await head.GetAsync("/api/resources/route-preview?kind=Money&amount=80000")).JsonAsync();
        var steps = above.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(2, steps.Count);
        Assert.Contains(steps[0].GetProperty("approvers").EnumerateArray(), a => a.GetProperty("name").GetString()!.Contains("督导", StringComparison.Ordinal));
        Assert.True(steps[1].GetProperty("isLeaderStep").GetBoolean());
        Assert.Contains(steps[1].GetProperty("approvers").EnumerateArray(), a => a.GetProperty("name").GetString()!.Contains("行长", StringComparison.Ordinal));

        foreach (var amount in new[] { "50000", "1200.50" })
        {
            var below = await (await head.GetAsync($"/api/resources/route-preview?kind=Money&amount={amount}")).JsonAsync();
            Assert.DoesNotContain(below.GetProperty("steps").EnumerateArray(), s => s.GetProperty("isLeaderStep").GetBoolean());
        }

        // What the preview showed is what runs: the submitted request has the same steps, the first one deciding now.
        var submitted = await head.SubmittedAsync(RequestsApi.Money(80_000m));
        var names = submitted.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("name").GetString()).ToList();
        Assert.Equal(steps.Select(s => s.GetProperty("name").GetString()), names);
        Assert.True(submitted.GetProperty("steps")[0].GetProperty("isCurrent").GetBoolean());
        Assert.NotEqual(JsonValueKind.Null, submitted.GetProperty("steps")[0].GetProperty("dueAtUtc").ValueKind);
        var existing = await (await head.GetAsync($"/api/resources/route-preview?requestId={submitted.GetProperty("id").GetGuid()}")).JsonAsync();
        Assert.Equal(2, existing.GetProperty("steps").GetArrayLength());

        var people = await (await head.GetAsync("/api/resources/route-preview?kind=People")).JsonAsync();
        Assert.DoesNotContain(people.GetProperty("steps").EnumerateArray(), s => s.GetProperty("isLeaderStep").GetBoolean());
        Assert.Equal(HttpStatusCode.BadRequest, (await head.GetAsync("/api/resources/route-preview?kind=Galaxy")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await head.GetAsync("/api/resources/route-preview?kind=Money&amount=-1")).StatusCode);
    }

    [Fact]
    public async Task Submitting_asks_the_first_steps_approvers_and_the_requester_recalls_until_an_approver_opens_it()
    {
        app.EnsureAvailable();
        var head = await app.ClientForAsync("head01");
        var supervisor = await app.ClientForAsync("supervisor");
        var first = await head.SubmittedAsync(RequestsApi.People());
        var id = first.GetProperty("id").GetGuid();
        Assert.True(first.GetProperty("permissions").GetProperty("recall").GetBoolean());
        _ = await Eventually.WaitAsync(
            async () => await (await supervisor.GetAsync("/api/notifications")).JsonAsync(),
            inbox => inbox.GetProperty("items").EnumerateArray().Any(n => n.GetProperty("link").GetString() == $"/resources/{id}"),
            "the supervisor's notification of the submitted request");

        // Recalled before anyone opened it: a draft again, the steps of the round cancelled, the record says so.
        var recalled = await head.PostAsync($"/api/resources/requests/{id}/recall", null);
        var json = await recalled.JsonAsync();
        Assert.True(recalled.IsSuccessStatusCode, json.ToString());
        Assert.Equal("Draft", json.GetProperty("state").GetString());
        Assert.Equal("Recalled", json.GetProperty("actions").EnumerateArray().Last().GetProperty("kind").GetString());

        // Submitted again and opened by the supervisor: 审批中, and a recall is refused with nothing changed.
        _ = await head.PostAsync($"/api/resources/requests/{id}/submit", null);
        var opened = await supervisor.DetailAsync(id);
        Assert.Equal("InReview", opened.GetProperty("state").GetString());
        var before = await head.DetailAsync(id);
        Assert.False(before.GetProperty("permissions").GetProperty("recall").GetBoolean());
        var refused = await head.PostAsync($"/api/resources/requests/{id}/recall", null);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("resources.already_opened", RequestsApi.Code(await refused.JsonAsync()));
        var after = await head.DetailAsync(id);
        Assert.Equal((before.GetProperty("version").GetInt64(), "InReview"), (after.GetProperty("version").GetInt64(), after.GetProperty("state").GetString()));

        // Reading it a second time records no second opening.
        _ = await supervisor.DetailAsync(id);
        Assert.Single((await head.DetailAsync(id)).GetProperty("actions").EnumerateArray(), a => a.GetProperty("kind").GetString() == "Opened" && a.GetProperty("actorName").GetString() != "");
    }

    [Fact]
    public async Task The_requester_withdraws_before_the_first_decision_and_not_after_it()
    {
        app.EnsureAvailable();
        var head = await app.ClientForAsync("head01");
        var supervisor = await app.ClientForAsync("supervisor");
        var early = (await head.SubmittedAsync(RequestsApi.Material("撤销的申请"))).GetProperty("id").GetGuid();
        _ = await supervisor.DetailAsync(early);

        var withdrawn = await head.PostAsync($"/api/resources/requests/{early}/withdraw", null);
        var json = await withdrawn.JsonAsync();
        Assert.True(withdrawn.IsSuccessStatusCode, json.ToString());
        Assert.Equal("Withdrawn", json.GetProperty("state").GetString());
        Assert.All(json.GetProperty("steps").EnumerateArray(), s => Assert.Equal("Cancelled", s.GetProperty("outcome").GetString()));

        var decided = (await head.SubmittedAsync(RequestsApi.Money(20_000m))).GetProperty("id").GetGuid();
        var supervisorId = await WeekApi.UserIdAsync(app, "supervisor");
        await RequestsApi.OnEntityAsync(app, decided, (r, now) => r.Decide(new Person(supervisorId, "分行督导"), true, 15_000m, "先批一部分", now, RequestsApi.TwoDays));
        var before = await head.DetailAsync(decided);
        Assert.Equal(("PartiallyApproved", 15_000m), (before.GetProperty("state").GetString(), before.GetProperty("granted").GetDecimal()));
        Assert.False(before.GetProperty("permissions").GetProperty("withdraw").GetBoolean());

        var refused = await head.PostAsync($"/api/resources/requests/{decided}/withdraw", null);
        var problem = await refused.JsonAsync();
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        var after = await head.DetailAsync(decided);
        Assert.Equal((before.GetProperty("version").GetInt64(), "PartiallyApproved"), (after.GetProperty("version").GetInt64(), after.GetProperty("state").GetString()));
    }

    [Fact]
    public async Task A_decision_in_the_middle_of_a_step_refuses_the_withdrawal_with_nothing_changed()
    {
        app.EnsureAvailable();
        var head = await app.ClientForAsync("head01");
        var decided = (await head.SubmittedAsync(RequestsApi.Money(90_000m))).GetProperty("id").GetGuid();
        var supervisorId = await WeekApi.UserIdAsync(app, "supervisor");
        await RequestsApi.OnEntityAsync(app, decided, (r, now) => r.Decide(new Person(supervisorId, "分行督导"), true, null, "同意", now, RequestsApi.TwoDays));
        var before = await head.DetailAsync(decided);
        Assert.Equal("InReview", before.GetProperty("state").GetString());

        var refused = await head.PostAsync($"/api/resources/requests/{decided}/withdraw", null);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("resources.already_decided", RequestsApi.Code(await refused.JsonAsync()));
        Assert.Equal(before.GetProperty("version").GetInt64(), (await head.DetailAsync(decided)).GetProperty("version").GetInt64());
    }
}
