using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BranchNetwork.IntegrationTests.Community.Boards;
using BranchNetwork.Testing;

namespace BranchNetwork.IntegrationTests.Community.Threads;

/// <summary>CM-1 threads and replies over HTTP: unsafe input refused with nothing stored, replies, quotes, edits with history, questions, moderators' marks, views, favourites and shares.</summary>
[Trait("Spec", "CM-1")]
public sealed class ThreadsTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    private async Task<(HttpClient Moderator, HttpClient Staff, Guid Board)> BoardAsync(object? body = null, string member = "staff0101")
    {
        var moderator = await app.ClientForAsync("moderator");
        var staff = await app.ClientForAsync(member);
        var board = (await moderator.CreateBoardAsync(body)).Id();
        await staff.JoinAsync(board);
        return (moderator, staff, board);
    }

    private static async Task<int> CountAsync(HttpClient client, Guid board) =>
        (await (await client.GetAsync($"/api/community/boards/{board}/threads?pageSize=200")).OkJsonAsync()).GetProperty("items").GetArrayLength();

    [Theory]
    [InlineData("<p>看这里</p><script>alert(1)</script>")]
    [InlineData("<p><img src=\"/files/00000000-0000-0000-0000-000000000001\" onerror=\"alert(1)\"></p>")]
    [InlineData("<p><a href=\"javascript:alert(1)\">点我</a></p>")]
    [InlineData("<iframe src=\"https://example.com\"></iframe>")]
    [InlineData("<p><img src=\"https://evil.example/track.png\"></p>")]
    public async Task Unsafe_html_is_refused_with_a_field_error_and_nothing_stored(string body)
    {
        app.EnsureAvailable();
        var (_, staff, board) = await BoardAsync();
        var before = await CountAsync(staff, board);
        var response = await staff.PostThreadAsync(board, CommunityApi.ThreadBody(body: body));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("body", out _));
        Assert.Equal(before, await CountAsync(staff, board));

        var thread = await staff.ThreadAsync(board);
        var reply = await staff.PostReplyAsync(thread.Id(), body);
        Assert.Equal(HttpStatusCode.BadRequest, reply.StatusCode);
        Assert.Equal(0, (await (await staff.GetAsync($"/api/community/threads/{thread.Id()}/replies")).OkJsonAsync()).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Safe_markup_is_kept_links_are_made_safe_and_size_and_empty_title_are_refused()
    {
        app.EnsureAvailable();
        var (_, staff, board) = await BoardAsync();
        var thread = await staff.ThreadAsync(board, CommunityApi.ThreadBody(body: "<p><b>重点</b><a href=\"https://bank.example/doc\">制度</a></p><div>包裹</div><ul><li>一</li></ul>"));
        var html = thread.GetProperty("body").GetString()!;
        Assert.Contains("<b>重点</b>", html, StringComparison.Ordinal);
        Assert.Contains("rel=\"noopener noreferrer nofollow\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<div", html, StringComparison.Ordinal);

        var before = await CountAsync(staff, board);
        var tooLong = await staff.PostThreadAsync(board, CommunityApi.ThreadBody(body: new string('字', 50_001)));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.True((await tooLong.JsonAsync()).GetProperty("errors").TryGetProperty("body", out _));
        var empty = await staff.PostThreadAsync(board, CommunityApi.ThreadBody(title: "   "));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.True((await empty.JsonAsync()).GetProperty("errors").TryGetProperty("title", out _));
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostThreadAsync(board, CommunityApi.ThreadBody(body: "<p>  </p>"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostThreadAsync(board, CommunityApi.ThreadBody(tags: ["一", "二", "三", "四", "五", "六"]))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostThreadAsync(board, CommunityApi.ThreadBody(anonymous: true))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostThreadAsync(board, CommunityApi.ThreadBody(mentionedUserIds: [Guid.NewGuid()]))).StatusCode);
        Assert.Equal(before, await CountAsync(staff, board));
    }

    [Fact]
    public async Task Replies_quote_replies_of_the_same_thread_and_count_and_the_author_is_told()
    {
        app.EnsureAvailable();
        var (_, staff, board) = await BoardAsync();
        var other = await app.ClientForAsync("staff0102");
        await other.JoinAsync(board);
        var thread = await staff.ThreadAsync(board, CommunityApi.ThreadBody(title: "回复测试帖"));
        var first = await other.ReplyAsync(thread.Id(), "<p>第一条回复</p>");
        var quoting = await staff.ReplyAsync(thread.Id(), "<p>同意楼上</p>", quotedReplyId: first.Id());
        Assert.Equal(first.Id(), quoting.GetProperty("quote").GetProperty("replyId").GetGuid());
        Assert.Equal("支行01员工2", quoting.GetProperty("quote").GetProperty("author").GetProperty("name").GetString());

        var elsewhere = await staff.ThreadAsync(board);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostReplyAsync(elsewhere.Id(), quotedReplyId: first.Id())).StatusCode);

        var read = await (await other.GetAsync($"/api/community/threads/{thread.Id()}")).OkJsonAsync();
        Assert.Equal(2, read.GetProperty("replyCount").GetInt32());
        var replies = await (await other.GetAsync($"/api/community/threads/{thread.Id()}/replies")).OkJsonAsync();
        Assert.Equal(2, replies.GetProperty("items").GetArrayLength());

        _ = await Eventually.WaitAsync(
            async () => await (await staff.GetAsync("/api/notifications")).OkJsonAsync(),
            inbox => inbox.GetProperty("items").EnumerateArray().Any(n => n.GetProperty("link").GetString() == $"/community/threads/{thread.Id()}"),
            "the author's notification of the reply");
    }

    [Fact]
    public async Task Only_the_asker_or_a_moderator_accepts_answers_and_more_than_one_may_be_accepted()
    {
        app.EnsureAvailable();
        var (moderator, staff, board) = await BoardAsync();
        var other = await app.ClientForAsync("staff0102");
        await other.JoinAsync(board);
        var question = await staff.ThreadAsync(board, CommunityApi.ThreadBody(kind: "Question", title: "大额转账限额怎么调？"));
        var a = await other.ReplyAsync(question.Id(), "<p>柜面办理。</p>");
        var b = await other.ReplyAsync(question.Id(), "<p>手机银行也可以。</p>");

        var refused = await other.PostAsync($"/api/community/replies/{a.Id()}/accept", null);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("community.not_asker", (await refused.JsonAsync()).GetProperty("code").GetString());
        Assert.True((await (await staff.PostAsync($"/api/community/replies/{a.Id()}/accept", null)).OkJsonAsync()).GetProperty("isAccepted").GetBoolean());
        Assert.True((await (await moderator.PostAsync($"/api/community/replies/{b.Id()}/accept", null)).OkJsonAsync()).GetProperty("isAccepted").GetBoolean());
        var read = await (await staff.GetAsync($"/api/community/threads/{question.Id()}")).OkJsonAsync();
        Assert.Equal(2, read.GetProperty("acceptedCount").GetInt32());
        _ = await (await staff.PostAsync($"/api/community/replies/{a.Id()}/unaccept", null)).OkJsonAsync();
        Assert.Equal(1, (await (await staff.GetAsync($"/api/community/threads/{question.Id()}")).OkJsonAsync()).GetProperty("acceptedCount").GetInt32());

        var discussion = await staff.ThreadAsync(board);
        var c = await other.ReplyAsync(discussion.Id());
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostAsync($"/api/community/replies/{c.Id()}/accept", null)).StatusCode);
    }

    [Fact]
    public async Task Moderators_pin_feature_and_close_only_in_their_boards()
    {
        app.EnsureAvailable();
        var (moderator, staff, board) = await BoardAsync();
        var supervisor = await app.ClientForAsync("supervisor");
        var thread = await staff.ThreadAsync(board);
        foreach (var action in new[] { "pin", "feature", "close" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.PostAsync($"/api/community/threads/{thread.Id()}/{action}", null)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsync($"/api/community/threads/{thread.Id()}/{action}", null)).StatusCode);
        }

        var featured = await (await moderator.PostAsync($"/api/community/threads/{thread.Id()}/feature", null)).OkJsonAsync();
        Assert.True(featured.GetProperty("isFeatured").GetBoolean());
        var pinned = await (await moderator.PostAsync($"/api/community/threads/{thread.Id()}/pin", null)).OkJsonAsync();
        Assert.True(pinned.GetProperty("isPinned").GetBoolean());
        var unpinned = await (await moderator.PostAsync($"/api/community/threads/{thread.Id()}/unpin", null)).OkJsonAsync();
        Assert.False(unpinned.GetProperty("isPinned").GetBoolean());
        Assert.False((await (await moderator.PostAsync($"/api/community/threads/{thread.Id()}/unfeature", null)).OkJsonAsync()).GetProperty("isFeatured").GetBoolean());
    }

    [Fact]
    public async Task Edits_keep_their_history_and_only_the_author_edits()
    {
        app.EnsureAvailable();
        var (moderator, staff, board) = await BoardAsync();
        var thread = await staff.ThreadAsync(board, CommunityApi.ThreadBody(title: "原标题", body: "<p>原正文</p>"));
        Assert.Equal(HttpStatusCode.Forbidden, (await moderator.PutAsJsonAsync($"/api/community/threads/{thread.Id()}", new { title = "篡改", body = "<p>篡改</p>" })).StatusCode);
        var edited = await (await staff.PutAsJsonAsync($"/api/community/threads/{thread.Id()}", new { title = "新标题", body = "<p>新正文</p>" })).OkJsonAsync();
        Assert.Equal("新标题", edited.GetProperty("title").GetString());
        Assert.NotEqual(JsonValueKind.Null, edited.GetProperty("editedAtUtc").ValueKind);
        var history = await (await moderator.GetAsync($"/api/community/threads/{thread.Id()}/history")).OkJsonAsync();
        var revision = Assert.Single(history.EnumerateArray());
        Assert.Equal("原标题", revision.GetProperty("title").GetString());
        Assert.Equal("支行01员工1", revision.GetProperty("editedBy").GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PutAsJsonAsync($"/api/community/threads/{thread.Id()}", new { title = "新标题", body = "<script>x</script>" })).StatusCode);

        var reply = await staff.ReplyAsync(thread.Id(), "<p>回复原文</p>");
        _ = await (await staff.PutAsJsonAsync($"/api/community/replies/{reply.Id()}", new { body = "<p>回复改过</p>" })).OkJsonAsync();
        var replyHistory = await (await staff.GetAsync($"/api/community/threads/{thread.Id()}/history?replyId={reply.Id()}")).OkJsonAsync();
        Assert.Equal("<p>回复原文</p>", Assert.Single(replyHistory.EnumerateArray()).GetProperty("body").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await moderator.PutAsJsonAsync($"/api/community/replies/{reply.Id()}", new { body = "<p>篡改</p>" })).StatusCode);
    }

    [Fact]
    public async Task Favourites_are_kept_once_and_listed_newest_first()
    {
        app.EnsureAvailable();
        var (_, staff, board) = await BoardAsync(member: "staff0104");
        var one = await staff.ThreadAsync(board, CommunityApi.ThreadBody(title: "收藏一"));
        var two = await staff.ThreadAsync(board, CommunityApi.ThreadBody(title: "收藏二"));
        _ = await (await staff.PostAsync($"/api/community/threads/{one.Id()}/favourite", null)).OkJsonAsync();
        app.Clock.Advance(TimeSpan.FromSeconds(5));
        var state = await (await staff.PostAsync($"/api/community/threads/{two.Id()}/favourite", null)).OkJsonAsync();
        Assert.Equal(1, state.GetProperty("favouriteCount").GetInt32());
        var again = await (await staff.PostAsync($"/api/community/threads/{two.Id()}/favourite", null)).OkJsonAsync();
        Assert.Equal(1, again.GetProperty("favouriteCount").GetInt32());
        var list = await (await staff.GetAsync("/api/community/favourites")).OkJsonAsync();
        Assert.Equal(["收藏二", "收藏一"], list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()).Take(2));
        var gone = await (await staff.PostAsync($"/api/community/threads/{two.Id()}/unfavourite", null)).OkJsonAsync();
        Assert.False(gone.GetProperty("favourited").GetBoolean());
        Assert.Equal(0, gone.GetProperty("favouriteCount").GetInt32());
    }

    [Fact]
    [Trait("Spec", "ORG-3")]
    public async Task Sharing_needs_both_boards_and_a_reader_of_the_target_only_does_not_see_the_original()
    {
        app.EnsureAvailable();
        var units = await CommunityApi.UnitsAsync(app);
        var moderator = await app.ClientForAsync("moderator");
        var staff = await app.ClientForAsync("staff0101");
        var local = (await moderator.CreateBoardAsync(CommunityApi.BoardBody(audienceKind: "SubBranch", audienceUnitId: units["SB01"]))).Id();
        var whole = (await moderator.CreateBoardAsync()).Id();
        await staff.JoinAsync(local);
        var original = await staff.ThreadAsync(local, CommunityApi.ThreadBody(title: "支行内部经验"));

        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostAsJsonAsync($"/api/community/threads/{original.Id()}/share", new { targetBoardId = whole, comment = "", anonymous = false })).StatusCode);
        await staff.JoinAsync(whole);
        var shared = await (await staff.PostAsJsonAsync($"/api/community/threads/{original.Id()}/share", new { targetBoardId = whole, comment = "<p>推荐大家看看</p>", anonymous = false })).OkJsonAsync();
        Assert.Equal(original.Id(), shared.GetProperty("sharedFrom").GetProperty("id").GetGuid());
        Assert.StartsWith("转发", shared.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostAsJsonAsync($"/api/community/threads/{original.Id()}/share", new { targetBoardId = local, comment = "", anonymous = false })).StatusCode);

        var head02 = await app.ClientForAsync("head02");
        var seen = await (await head02.GetAsync($"/api/community/threads/{shared.Id()}")).OkJsonAsync();
        Assert.Equal(JsonValueKind.Null, seen.GetProperty("sharedFrom").ValueKind);
        await head02.JoinAsync(whole);
        Assert.Equal(HttpStatusCode.NotFound, (await head02.PostAsJsonAsync($"/api/community/threads/{original.Id()}/share", new { targetBoardId = whole, comment = "", anonymous = false })).StatusCode);
    }
}
