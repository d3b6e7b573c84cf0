using System.Net;
using BranchNetwork.IntegrationTests.Community.Boards;
using BranchNetwork.Testing;

namespace BranchNetwork.IntegrationTests.Community.Threads;

/// <summary>CM-1 across days (the test clock moves a day, so each test signs in again after it): content expiry and views counted once per reader per China day.</summary>
[Trait("Spec", "CM-1")]
public sealed class ThreadsOverDaysTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    private async Task<(HttpClient Moderator, HttpClient Staff, Guid Board)> BoardAsync(object? body = null, string member = "staff0101")
    {
        var moderator = await CommunityApi.FreshClientAsync(app, "moderator");
        var staff = await CommunityApi.FreshClientAsync(app, member);
        var board = (await moderator.CreateBoardAsync(body)).Id();
        await staff.JoinAsync(board);
        return (moderator, staff, board);
    }

    [Fact]
    public async Task A_closed_or_expired_thread_takes_no_reply()
    {
        app.EnsureAvailable();
        var (moderator, staff, board) = await BoardAsync(CommunityApi.BoardBody(expiryDays: 1));
        var closed = await staff.ThreadAsync(board);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsync($"/api/community/threads/{closed.Id()}/close", null)).StatusCode);
        _ = await (await moderator.PostAsync($"/api/community/threads/{closed.Id()}/close", null)).OkJsonAsync();
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostReplyAsync(closed.Id())).StatusCode);
        _ = await (await moderator.PostAsync($"/api/community/threads/{closed.Id()}/reopen", null)).OkJsonAsync();
        await staff.ReplyAsync(closed.Id());

        var expiring = await staff.ThreadAsync(board);
        app.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));

        // Tokens issued before the day passed have expired with it.
        staff = await CommunityApi.FreshClientAsync(app, "staff0101");
        var late = await staff.PostReplyAsync(expiring.Id());
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        var thread = await (await staff.GetAsync($"/api/community/threads/{expiring.Id()}")).OkJsonAsync();
        Assert.False(thread.GetProperty("permissions").GetProperty("reply").GetBoolean());
        Assert.Equal(0, thread.GetProperty("replyCount").GetInt32());
    }

    [Fact]
    public async Task A_view_counts_once_per_reader_per_china_day()
    {
        app.EnsureAvailable();
        var (_, staff, board) = await BoardAsync();
        var other = await CommunityApi.FreshClientAsync(app, "staff0102");
        var thread = await staff.ThreadAsync(board);
        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => other.GetAsync($"/api/community/threads/{thread.Id()}")));
        var once = await (await other.GetAsync($"/api/community/threads/{thread.Id()}")).OkJsonAsync();
        Assert.Equal(1, once.GetProperty("viewCount").GetInt32());
        app.Clock.Advance(TimeSpan.FromDays(1));
        other = await CommunityApi.FreshClientAsync(app, "staff0102");
        var nextDay = await (await other.GetAsync($"/api/community/threads/{thread.Id()}")).OkJsonAsync();
        Assert.Equal(2, nextDay.GetProperty("viewCount").GetInt32());
    }
}
