using System.Net;
using System.Threading.Channels;
using BranchNetwork.IntegrationTests.Notifications;
using BranchNetwork.Modules.Notifications.Contracts;
using BranchNetwork.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace BranchNetwork.IntegrationTests.Tasks.Week;

/// <summary>TK-3: my week, the team board's figures and who may read them, and the live nudge a write-off sends to the board.</summary>
[Trait("Spec", "TK-3")]
public sealed class MyWeekAndTeamBoardTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    [Fact]
    public async Task My_week_shows_the_callers_remaining_and_done_tasks_and_the_team_board_counts_by_person_and_by_measure()
    {
        app.EnsureAvailable();
        var plan = await ApprovedPlan.CreateAsync(app, "SB05");
        var head = await app.ClientForAsync("head05");
        var staff = await app.ClientForAsync("staff0501");
        var (staffId, otherId) = (await WeekApi.UserIdAsync(app, "staff0501"), await WeekApi.UserIdAsync(app, "staff0502"));
        var first = await head.CreatedTaskAsync(plan.Measure, [staffId], title: "甲", quantity: 5m);
        await head.CreatedTaskAsync(plan.Measure, [staffId, otherId], title: "乙", quantity: 3m);
        await head.CreatedTaskAsync(plan.Measures[ApprovedPlan.ByHand], [otherId], title: "丙", quantity: 2m);
        Assert.Equal(HttpStatusCode.OK, (await staff.WriteOffAsync(first, 4m)).StatusCode);

        var mine = await (await staff.GetAsync("/api/tasks/my-week")).JsonAsync();
        Assert.Equal((2026, 22, true), (mine.GetProperty("year").GetInt32(), mine.GetProperty("week").GetInt32(), mine.GetProperty("isCurrent").GetBoolean()));
        Assert.Equal(["乙"], mine.GetProperty("remaining").EnumerateArray().Select(t => t.GetProperty("title").GetString()));
        Assert.Equal(["甲"], mine.GetProperty("done").EnumerateArray().Select(t => t.GetProperty("title").GetString()));
        var totals = mine.GetProperty("totals");
        Assert.Equal((2, 1, 1, 50m), (totals.GetProperty("total").GetInt32(), totals.GetProperty("done").GetInt32(), totals.GetProperty("remaining").GetInt32(), totals.GetProperty("rate").GetDecimal()));
        var other = await (await staff.GetAsync("/api/tasks/my-week?year=2026&week=23")).JsonAsync();
        Assert.Equal(0, other.GetProperty("totals").GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.GetAsync("/api/tasks/my-week?year=2026&week=60")).StatusCode);

        var board = await (await head.GetAsync("/api/tasks/team-board")).JsonAsync();
        Assert.Equal((3, 1, 33.3m), (board.GetProperty("total").GetInt32(), board.GetProperty("done").GetInt32(), board.GetProperty("rate").GetDecimal()));
        var people = board.GetProperty("byPerson").EnumerateArray().ToDictionary(p => p.GetProperty("userName").GetString()!);
        Assert.Equal((2, 1, 50m), (people["staff0501"].GetProperty("assigned").GetInt32(), people["staff0501"].GetProperty("done").GetInt32(), people["staff0501"].GetProperty("rate").GetDecimal()));
        Assert.Equal((2, 0, 0m), (people["staff0502"].GetProperty("assigned").GetInt32(), people["staff0502"].GetProperty("done").GetInt32(), people["staff0502"].GetProperty("rate").GetDecimal()));
        var visits = board.GetProperty("byMeasure").EnumerateArray().Single(m => m.GetProperty("measureId").GetGuid() == plan.Measure);
        Assert.Equal((8m, 4m, 2, 50m), (visits.GetProperty("plannedQuantity").GetDecimal(), visits.GetProperty("actualQuantity").GetDecimal(), visits.GetProperty("tasks").GetInt32(), visits.GetProperty("rate").GetDecimal()));
        Assert.Equal(0, board.GetProperty("overdue").GetInt32());

        // Head office reads any sub-branch's board; staff never, another sub-branch's head is not told it exists.
        Assert.Equal(HttpStatusCode.OK, (await (await app.ClientForAsync("supervisor")).GetAsync($"/api/tasks/team-board?subBranchId={plan.SubBranchId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/tasks/team-board")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientForAsync("head02")).GetAsync($"/api/tasks/team-board?subBranchId={plan.SubBranchId}")).StatusCode);
    }

    [Fact]
    public async Task A_write_off_signals_the_sub_branchs_connections_to_re_read_the_team_board()
    {
        app.EnsureAvailable();
        var plan = await ApprovedPlan.CreateAsync(app, "SB06");
        var head = await app.ClientForAsync("head06");
        var staffId = await WeekApi.UserIdAsync(app, "staff0601");
        var task = await head.CreatedTaskAsync(plan.Measure, [staffId]);

        await using var headHub = await HubClient.ConnectAsync(app, await app.TokenAsync("head06"));
        await using var elsewhere = await HubClient.ConnectAsync(app, await app.TokenAsync("head07"));
        var headSignals = Channel.CreateUnbounded<string>();
        var elsewhereSignals = Channel.CreateUnbounded<string>();
        headHub.Connection.On<string>(NotificationsHubContract.SignalMethod, t => headSignals.Writer.TryWrite(t));
        elsewhere.Connection.On<string>(NotificationsHubContract.SignalMethod, t => elsewhereSignals.Writer.TryWrite(t));

        Assert.Equal(HttpStatusCode.OK, (await (await app.ClientForAsync("staff0601")).WriteOffAsync(task, 5m)).StatusCode);
        using var timeout = new CancellationTokenSource(15000);
        Assert.Equal("tasks.board", await headSignals.Reader.ReadAsync(timeout.Token));
        var board = await (await head.GetAsync("/api/tasks/team-board")).JsonAsync();
        Assert.Equal(100m, board.GetProperty("rate").GetDecimal());
        Assert.False(elsewhereSignals.Reader.TryRead(out _));
    }
}
