using System.Net;
using System.Net.Http.Json;
using BranchNetwork.Modules.Tasks.Features.RollWeeks;
using BranchNetwork.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BranchNetwork.IntegrationTests.Tasks.Week;

/// <summary>
/// TK-2 closing a week: the roll job (must-do carries over, skippable lapses, series recur once) and a manager's
/// "carry over all unfinished" of a closed week. Own factory: the test moves the clock to next Monday.
/// </summary>
[Trait("Spec", "TK-2")]
public sealed class RollWeeksTests(RollWeeksTests.Factory app) : IClassFixture<RollWeeksTests.Factory>
{
    [Fact]
    public async Task Closing_a_week_carries_must_do_tasks_lapses_skippable_ones_recurs_series_once_and_a_manager_carries_the_rest_in_one_action()
    {
        app.EnsureAvailable();
        var plan = await ApprovedPlan.CreateAsync(app);
        var head = await app.ClientForAsync("head01");
        var staffId = await WeekApi.UserIdAsync(app, "staff0101");
        var until = new DateOnly(2026, 6, 14);
        var mustDo = await head.CreatedTaskAsync(plan.Measure, [staffId], title: "每周必做", recurrence: "MustDo", recursUntil: until);
        var skippable = await head.CreatedTaskAsync(plan.Measure, [staffId], title: "每周可跳过", recurrence: "Skippable", recursUntil: until);
        var doneRecurring = await head.CreatedTaskAsync(plan.Measure, [staffId], title: "每周已完成", recurrence: "Skippable", recursUntil: until);
        var once = await head.CreatedTaskAsync(plan.Measure, [staffId], title: "一次性一");
        var once2 = await head.CreatedTaskAsync(plan.Measure, [staffId], title: "一次性二");
        Assert.Equal(HttpStatusCode.OK, (await (await app.ClientForAsync("staff0101")).WriteOffAsync(doneRecurring, 5m)).StatusCode);

        // A week still running cannot be carried over as a whole.
        Assert.Equal(HttpStatusCode.Conflict, (await head.PostAsJsonAsync("/api/tasks/weeks/2026/22/carry-over", new { })).StatusCode);

        // Monday 2026-06-01 00:10 China time (16:10 UTC on Sunday).
        app.Clock.Advance(new DateTime(2026, 5, 31, 16, 10, 0, DateTimeKind.Utc) - app.Clock.UtcNow);
        await RunJobAsync();
        await RunJobAsync();
        // The cached tokens expired with the days that passed.
        head = await FreshClientAsync("head01");

        var week23 = await (await head.GetAsync("/api/tasks/team-board?year=2026&week=23")).JsonAsync();
        var next = week23.GetProperty("tasks").EnumerateArray().Where(t => t.GetProperty("measureId").GetGuid() == plan.Measure).ToList();
        Assert.Equal(new[] { "每周已完成", "每周可跳过", "每周必做" }.Order(StringComparer.Ordinal), next.Select(t => t.GetProperty("title").GetString()).Order(StringComparer.Ordinal));
        Assert.All(next, t => Assert.Equal("Open", t.State()));

        var mustDetail = await head.TaskAsync(mustDo.Id());
        Assert.Equal(("CarriedOver", "系统顺延"), (mustDetail.GetProperty("task").State(), mustDetail.GetProperty("task").GetProperty("reason").GetString()));
        Assert.Equal(2, mustDetail.GetProperty("series").GetArrayLength());
        Assert.Equal("Lapsed", (await head.TaskAsync(skippable.Id())).GetProperty("task").State());
        Assert.Equal("Open", (await head.TaskAsync(once.Id())).GetProperty("task").State());

        // Head01 carries the rest of the closed week over in one action; each task keeps its own history.
        var carried = await head.PostAsJsonAsync("/api/tasks/weeks/2026/22/carry-over", new { reason = "本周集中营销" });
        Assert.Equal(HttpStatusCode.OK, carried.StatusCode);
        Assert.Equal(2, (await carried.JsonAsync()).GetProperty("count").GetInt32());
        foreach (var task in new[] { once, once2 })
        {
            var detail = await head.TaskAsync(task.Id());
            Assert.Equal(("CarriedOver", "本周集中营销"), (detail.GetProperty("task").State(), detail.GetProperty("task").GetProperty("reason").GetString()));
            Assert.Equal(["Created", "CarriedOver"], detail.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("kind").GetString()));
            Assert.Equal(2, detail.GetProperty("series").GetArrayLength());
        }

        Assert.Equal(0, (await (await head.PostAsJsonAsync("/api/tasks/weeks/2026/22/carry-over", new { })).JsonAsync()).GetProperty("count").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, (await (await FreshClientAsync("staff0101")).PostAsJsonAsync("/api/tasks/weeks/2026/22/carry-over", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await FreshClientAsync("head02")).PostAsJsonAsync("/api/tasks/weeks/2026/22/carry-over", new { subBranchId = plan.SubBranchId })).StatusCode);
    }

    private async Task<HttpClient> FreshClientAsync(string user)
    {
        var response = await app.RequestPasswordTokenAsync(user, BranchNetworkFactory.DemoPassword);
        var client = app.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", (await response.JsonAsync()).GetProperty("access_token").GetString());
        return client;
    }

    private async Task RunJobAsync()
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<RollWeeksJob>().RunAsync(CancellationToken.None);
    }

    /// <summary>A factory of its own: this class moves the clock.</summary>
    public sealed class Factory : BranchNetworkFactory;
}
