using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using BranchNetwork.IntegrationTests.Community.Boards;
using BranchNetwork.Testing;

namespace BranchNetwork.IntegrationTests.Community.Threads;

/// <summary>CM-1 (with CM-3 where it touches these endpoints): anonymous posts never name their author, likes counted exactly under concurrency, mentions told on publication, images uploaded through the file store.</summary>
[Trait("Spec", "CM-1")]
public sealed class AnonymityLikesAndMentionsTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    /// <summary>Every account that takes part in the community (not the auditor or the two administrators).</summary>
    private static readonly string[] Participants =
    [
        "supervisor", "leader", "taskadmin", "moderator", "manager01",
        .. Enumerable.Range(1, 8).Select(i => $"head{i:00}"),
        .. Enumerable.Range(1, 5).Select(i => $"staff01{i:00}"),
        .. Enumerable.Range(2, 7).SelectMany(b => Enumerable.Range(1, 2).Select(s => $"staff{b:00}{s:00}")),
    ];

    [Fact]
    [Trait("Spec", "CM-3")]
    public async Task An_anonymous_thread_and_reply_never_carry_the_authors_name_or_id_in_any_answer()
    {
        app.EnsureAvailable();
        var moderator = await app.ClientForAsync("moderator");
        var staff = await app.ClientForAsync("staff0101");
        var me = await (await staff.GetAsync("/api/me")).OkJsonAsync();
        var secrets = new[] { me.GetProperty("id").GetGuid().ToString(), me.GetProperty("displayName").GetString()!, "staff0101" };
        var board = (await moderator.CreateBoardAsync(CommunityApi.BoardBody(allowsAnonymous: true))).Id();
        await staff.JoinAsync(board);

        var thread = await staff.ThreadAsync(board, CommunityApi.ThreadBody(title: "匿名提问", kind: "Question", anonymous: true));
        var pseudonym = thread.GetProperty("author").GetProperty("name").GetString()!;
        Assert.StartsWith("匿名用户#", pseudonym, StringComparison.Ordinal);
        Assert.True(thread.GetProperty("author").GetProperty("isAnonymous").GetBoolean());
        Assert.Equal(JsonValueKind.Null, thread.GetProperty("author").GetProperty("userId").ValueKind);
        var id = thread.Id();
        var reply = await staff.ReplyAsync(id, "<p>补充一下</p>", anonymous: true);
        Assert.Equal(pseudonym, reply.GetProperty("author").GetProperty("name").GetString());
        _ = await (await staff.PutAsJsonAsync($"/api/community/threads/{id}", new { title = "匿名提问（补充）", body = "<p>补充内容</p>" })).OkJsonAsync();
        _ = await (await staff.PutAsJsonAsync($"/api/community/replies/{reply.Id()}", new { body = "<p>再补充</p>" })).OkJsonAsync();
        var other = await app.ClientForAsync("staff0102");
        await other.JoinAsync(board);
        var quoting = await other.ReplyAsync(id, "<p>引用一下</p>", quotedReplyId: reply.Id());
        _ = await (await other.PostAsync($"/api/community/threads/{id}/like", null)).OkJsonAsync();
        _ = await (await staff.PostAsync($"/api/community/threads/{id}/like", null)).OkJsonAsync();
        _ = await (await staff.PostAsync($"/api/community/replies/{reply.Id()}/like", null)).OkJsonAsync();
        _ = await (await moderator.PostAsync($"/api/community/threads/{id}/feature", null)).OkJsonAsync();
        Assert.Equal(pseudonym, quoting.GetProperty("quote").GetProperty("author").GetProperty("name").GetString());

        // Every role reads the same: the pseudonym, never the name — moderators and the auditor's API answers included.
        foreach (var reader in new[] { "staff0102", "moderator", "supervisor", "head01", "auditor" })
        {
            var client = await app.ClientForAsync(reader);
            var answers = new[]
            {
                await ReadAsync(client, $"/api/community/threads/{id}"),
                await ReadAsync(client, $"/api/community/threads/{id}/replies"),
                await ReadAsync(client, $"/api/community/threads/{id}/history"),
                await ReadAsync(client, $"/api/community/threads/{id}/history?replyId={reply.Id()}"),
                await ReadAsync(client, $"/api/community/boards/{board}/threads"),
            };

            // The author's own likes are counted but never listed: a name among the likers would point at them.
            var likers = await ReadAsync(client, $"/api/community/threads/{id}/likes");
            Assert.Contains("支行01员工2", likers, StringComparison.Ordinal);
            Assert.DoesNotContain(secrets[0], likers, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(secrets[1], likers, StringComparison.Ordinal);
            Assert.DoesNotContain(secrets[0], await ReadAsync(client, $"/api/community/replies/{reply.Id()}/likes"), StringComparison.OrdinalIgnoreCase);
            foreach (var answer in answers)
            {
                Assert.Contains(pseudonym, answer, StringComparison.Ordinal);
                foreach (var secret in secrets)
                {
                    Assert.DoesNotContain(secret, answer, StringComparison.OrdinalIgnoreCase);
                }
            }
        }

        // The same pseudonym in the board for every post; another board draws another.
        var second = await staff.ThreadAsync(board, CommunityApi.ThreadBody(anonymous: true));
        Assert.Equal(pseudonym, second.GetProperty("author").GetProperty("name").GetString());

        // The thread's author is told of the reply by pseudonym only when the replier is anonymous.
        var inbox = await Eventually.WaitAsync(
            async () => await (await staff.GetAsync("/api/notifications")).OkJsonAsync(),
            page => page.GetProperty("items").EnumerateArray().Any(n => n.GetProperty("link").GetString() == $"/community/threads/{id}"),
            "the asker's notification of the reply");
        Assert.DoesNotContain(secrets[1], inbox.ToString(), StringComparison.Ordinal);
    }

    private static async Task<string> ReadAsync(HttpClient client, string path) => (await (await client.GetAsync(path)).OkJsonAsync()).ToString();

    [Fact]
    [Trait("Spec", "CM-3")]
    public async Task A_mention_tells_the_person_by_pseudonym_and_only_on_publication_in_a_pre_review_board()
    {
        app.EnsureAvailable();
        var moderator = await app.ClientForAsync("moderator");
        var staff = await app.ClientForAsync("staff0103");
        var mentioned = await app.ClientForAsync("staff0104");
        var mentionedId = await mentioned.MeAsync();
        var board = (await moderator.CreateBoardAsync(CommunityApi.BoardBody(allowsAnonymous: true))).Id();
        await staff.JoinAsync(board);
        var thread = await staff.ThreadAsync(board, CommunityApi.ThreadBody(title: "请帮忙看看这个问题", anonymous: true, mentionedUserIds: [mentionedId]));
        var pseudonym = thread.GetProperty("author").GetProperty("name").GetString()!;
        var inbox = await Eventually.WaitAsync(
            async () => await (await mentioned.GetAsync("/api/notifications")).OkJsonAsync(),
            page => page.GetProperty("items").EnumerateArray().Any(n => n.GetProperty("link").GetString() == $"/community/threads/{thread.Id()}"),
            "the mentioned person's notification");
        var note = inbox.GetProperty("items").EnumerateArray().First(n => n.GetProperty("link").GetString() == $"/community/threads/{thread.Id()}");
        Assert.Contains(pseudonym, note.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("支行01员工3", note.ToString(), StringComparison.Ordinal);

        // Pre-review: nothing until a moderator approves (the moderation area's approval calls the same notifier).
        var pre = (await moderator.CreateBoardAsync(CommunityApi.BoardBody(reviewMode: "PreReview"))).Id();
        await staff.JoinAsync(pre);
        var waiting = await staff.ThreadAsync(pre, CommunityApi.ThreadBody(title: "待审核的提及", mentionedUserIds: [mentionedId]));
        await Task.Delay(1500);
        var later = await (await mentioned.GetAsync("/api/notifications")).OkJsonAsync();
        Assert.DoesNotContain(later.GetProperty("items").EnumerateArray(), n => n.GetProperty("link").GetString() == $"/community/threads/{waiting.Id()}");

        // A sub-branch mention tells that sub-branch's heads; a person who cannot read the board is not told.
        var units = await CommunityApi.UnitsAsync(app);
        var head02 = await app.ClientForAsync("head02");
        await staff.ThreadAsync(board, CommunityApi.ThreadBody(title: "请支行02关注", mentionedSubBranchIds: [units["SB02"]]));
        _ = await Eventually.WaitAsync(
            async () => await (await head02.GetAsync("/api/notifications")).OkJsonAsync(),
            page => page.GetProperty("items").EnumerateArray().Any(n => n.GetProperty("title").GetString()!.Contains("请支行02关注", StringComparison.Ordinal)),
            "head02's notification of the sub-branch mention");
        var local = (await moderator.CreateBoardAsync(CommunityApi.BoardBody(audienceKind: "SubBranch", audienceUnitId: units["SB01"]))).Id();
        await staff.JoinAsync(local);
        var hidden = await staff.ThreadAsync(local, CommunityApi.ThreadBody(title: "支行01内部提及", mentionedUserIds: [await head02.MeAsync()]));
        await Task.Delay(1500);
        var head02Inbox = await (await head02.GetAsync("/api/notifications")).OkJsonAsync();
        Assert.DoesNotContain(head02Inbox.GetProperty("items").EnumerateArray(), n => n.GetProperty("link").GetString() == $"/community/threads/{hidden.Id()}");
    }

    [Fact]
    public async Task Concurrent_likes_of_many_people_are_counted_exactly_a_second_like_is_a_no_op_and_the_likers_are_listed()
    {
        app.EnsureAvailable();
        var moderator = await app.ClientForAsync("moderator");
        var board = (await moderator.CreateBoardAsync()).Id();
        await moderator.JoinAsync(board);
        var thread = await moderator.ThreadAsync(board);
        var reply = await moderator.ReplyAsync(thread.Id());
        var clients = await Task.WhenAll(Participants.Select(p => app.ClientForAsync(p)));

        // Everyone taps twice at the same moment, on the thread and on the reply.
        var taps = clients.SelectMany(c => new[]
        {
            c.PostAsync($"/api/community/threads/{thread.Id()}/like", null), c.PostAsync($"/api/community/threads/{thread.Id()}/like", null),
            c.PostAsync($"/api/community/replies/{reply.Id()}/like", null), c.PostAsync($"/api/community/replies/{reply.Id()}/like", null),
        });
        var answers = await Task.WhenAll(taps);
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        var read = await (await moderator.GetAsync($"/api/community/threads/{thread.Id()}")).OkJsonAsync();
        Assert.Equal(Participants.Length, read.GetProperty("likeCount").GetInt32());
        var replies = await (await moderator.GetAsync($"/api/community/threads/{thread.Id()}/replies")).OkJsonAsync();
        Assert.Equal(Participants.Length, replies.GetProperty("items")[0].GetProperty("likeCount").GetInt32());

        // 点赞的人: every liker once, by name, page after page; the reply's likers likewise.
        var likers = new List<JsonElement>();
        string? after = null;
        do
        {
            var page = await (await moderator.GetAsync($"/api/community/threads/{thread.Id()}/likes?pageSize=10" + (after is null ? "" : "&after=" + Uri.EscapeDataString(after)))).OkJsonAsync();
            likers.AddRange(page.GetProperty("items").EnumerateArray());
            after = page.GetProperty("nextCursor").GetString();
        }
        while (after is not null);
        Assert.Equal(Participants.Length, likers.Select(l => l.GetProperty("userId").GetGuid()).Distinct().Count());
        Assert.Equal(Participants.Length, likers.Count);
        Assert.Contains(likers, l => l.GetProperty("name").GetString() == "支行01员工1");
        var replyLikers = await (await moderator.GetAsync($"/api/community/replies/{reply.Id()}/likes?pageSize=100")).OkJsonAsync();
        Assert.Equal(Participants.Length, replyLikers.GetProperty("items").GetArrayLength());

        var unlikes = await Task.WhenAll(clients.SelectMany(c => new[] { c.PostAsync($"/api/community/threads/{thread.Id()}/unlike", null), c.PostAsync($"/api/community/threads/{thread.Id()}/unlike", null) }));
        Assert.All(unlikes, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(0, (await (await moderator.GetAsync($"/api/community/threads/{thread.Id()}")).OkJsonAsync()).GetProperty("likeCount").GetInt32());
        Assert.Equal(0, (await (await moderator.GetAsync($"/api/community/threads/{thread.Id()}/likes")).OkJsonAsync()).GetProperty("items").GetArrayLength());
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientForAsync("auditor")).PostAsync($"/api/community/threads/{thread.Id()}/like", null)).StatusCode);
    }

    [Fact]
    public async Task Images_are_png_or_jpeg_by_content_at_most_5_mb_and_read_by_the_boards_readers()
    {
        app.EnsureAvailable();
        var units = await CommunityApi.UnitsAsync(app);
        var moderator = await app.ClientForAsync("moderator");
        var staff = await app.ClientForAsync("staff0101");
        var board = (await moderator.CreateBoardAsync(CommunityApi.BoardBody(audienceKind: "SubBranch", audienceUnitId: units["SB01"]))).Id();
        await staff.JoinAsync(board);

        static MultipartFormDataContent Form(byte[] bytes, string name)
        {
            var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(file, "file", name);
            return form;
        }

        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. new byte[64]];
        var uploaded = await (await staff.PostAsync($"/api/community/boards/{board}/images", Form(png, "截图.png"))).OkJsonAsync();
        var src = uploaded.GetProperty("src").GetString()!;
        Assert.Equal($"/files/{uploaded.Id()}", src);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostAsync($"/api/community/boards/{board}/images", Form("%PDF-1.4\n%%EOF\n"u8.ToArray(), "伪装.png"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostAsync($"/api/community/boards/{board}/images", Form("just text"u8.ToArray(), "a.png"))).StatusCode);
        var huge = await staff.PostAsync($"/api/community/boards/{board}/images", Form([0xFF, 0xD8, 0xFF, .. new byte[(5 * 1024 * 1024) + 10]], "big.jpg"));
        Assert.True(huge.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, huge.StatusCode.ToString());

        var thread = await staff.ThreadAsync(board, CommunityApi.ThreadBody(body: $"<p>见截图</p><p><img src=\"{src}\" alt=\"截图\"></p>"));
        Assert.Contains(src, thread.GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await (await app.ClientForAsync("staff0102")).GetAsync($"/api/files/{uploaded.Id()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientForAsync("head02")).GetAsync($"/api/files/{uploaded.Id()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientForAsync("head02")).PostAsync($"/api/community/boards/{board}/images", Form(png, "x.png"))).StatusCode);
    }
}
