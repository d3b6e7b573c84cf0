using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BranchNetwork.IntegrationTests.Home;
using BranchNetwork.Testing;

namespace BranchNetwork.IntegrationTests.Community.Feed;

/// <summary>CM-1 feed: followed boards only, readable only (ORG-3), newest and hot, stable keyset pages, unread markers, and the staff home cards.</summary>
[Trait("Spec", "CM-1")]
public sealed class FeedTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    private static async Task<List<JsonElement>> AllAsync(HttpClient client, string sort, int pageSize)
    {
        var items = new List<JsonElement>();
        string? after = null;
        do
        {
            var url = $"/api/community/feed?sort={sort}&pageSize={pageSize}" + (after is null ? "" : $"&after={Uri.EscapeDataString(after)}");
            var page = await (await client.GetAsync(url)).JsonAsync();
            items.AddRange(page.GetProperty("items").EnumerateArray());
            after = page.GetProperty("nextCursor").GetString();
        }
        while (after is not null && items.Count < 1000);
        return items;
    }

    private static IEnumerable<Guid> Ids(IEnumerable<JsonElement> items) => items.Select(i => i.GetProperty("threadId").GetGuid());

    [Fact]
    public async Task The_feed_holds_the_followed_boards_threads_newest_first_never_another_sub_branchs_and_marks_unread_until_read()
    {
        app.EnsureAvailable();
        var user = "staff0104";
        var followed = await CommunitySeed.BoardAsync(app);
        var own = await CommunitySeed.BoardAsync(app, subBranchOf: user);
        var notFollowed = await CommunitySeed.BoardAsync(app);
        var otherSubBranch = await CommunitySeed.BoardAsync(app, subBranchOf: "head02");
        await CommunitySeed.FollowAsync(app, followed, user);
        await CommunitySeed.FollowAsync(app, own, user);

        // A membership in another sub-branch's board (left from a transfer, say) never shows its threads (ORG-3).
        await CommunitySeed.FollowAsync(app, otherSubBranch, user);
        var a = await CommunitySeed.ThreadAsync(app, followed, "staff0101", "全行公告讨论", "<p>第一条</p>");
        var b = await CommunitySeed.ThreadAsync(app, own, "staff0102", "支行内部交流", "<p>第二条</p>");
        var c = await CommunitySeed.ThreadAsync(app, notFollowed, "staff0101", "未关注版块", "<p>不在动态里</p>");
        var d = await CommunitySeed.ThreadAsync(app, otherSubBranch, "head02", "支行02内部", "<p>别的支行</p>");

        var client = await app.ClientForAsync(user);
        var feed = await AllAsync(client, "newest", 50);
        var ids = Ids(feed).ToList();
        Assert.Equal([b, a], ids);
        Assert.DoesNotContain(c, ids);
        Assert.DoesNotContain(d, ids);
        Assert.All(feed, i => Assert.True(i.GetProperty("isUnread").GetBoolean()));
        Assert.Equal("支行内部交流", feed[0].GetProperty("title").GetString());
        Assert.False(feed[0].GetProperty("author").GetProperty("isAnonymous").GetBoolean());

        var marked = await client.PostAsJsonAsync("/api/community/feed/read", new { });
        Assert.Equal(HttpStatusCode.OK, marked.StatusCode);
        Assert.All(await AllAsync(client, "newest", 50), i => Assert.False(i.GetProperty("isUnread").GetBoolean()));

        // New activity: the thread is unread again and comes first.
        app.Clock.Advance(TimeSpan.FromSeconds(5));
        await CommunitySeed.ReplyAsync(app, a, "staff0102", "<p>新回复</p>");
        var again = await AllAsync(client, "newest", 50);
        Assert.Equal([a, b], Ids(again));
        Assert.True(again[0].GetProperty("isUnread").GetBoolean());
        Assert.False(again[1].GetProperty("isUnread").GetBoolean());

        // Marking a board the caller is no member of is 404.
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync("/api/community/feed/read", new { boardId = notFollowed })).StatusCode);
    }

    [Fact]
    public async Task Keyset_pages_cover_every_thread_once_and_hot_ranks_the_last_seven_days_by_replies_and_likes()
    {
        app.EnsureAvailable();
        var user = "staff0105";
        var board = await CommunitySeed.BoardAsync(app);
        await CommunitySeed.FollowAsync(app, board, user);
        var threads = new List<Guid>();
        for (var i = 0; i < 23; i++)
        {
            threads.Add(await CommunitySeed.ThreadAsync(app, board, "staff0101", $"分页帖子{i}", $"<p>内容{i}</p>"));
        }

        var client = await app.ClientForAsync(user);
        var paged = Ids(await AllAsync(client, "newest", 5)).ToList();
        Assert.Equal(Enumerable.Reverse(threads), paged);

        var now = app.Clock.UtcNow;
        await CommunitySeed.CountersAsync(app, threads[0], replies: 10, likes: 0, now);   // 30
        await CommunitySeed.CountersAsync(app, threads[1], replies: 2, likes: 20, now);   // 46
        await CommunitySeed.CountersAsync(app, threads[2], replies: 50, likes: 50, now.AddDays(-8)); // outside the window
        var hot = await AllAsync(client, "hot", 4);
        var hotIds = Ids(hot).ToList();
        Assert.Equal([threads[1], threads[0]], hotIds.Take(2));
        Assert.DoesNotContain(threads[2], hotIds);
        Assert.Equal(hotIds.Count, hotIds.Distinct().Count());
        Assert.Equal(46, hot[0].GetProperty("score").GetInt32());

        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/community/feed?sort=oldest")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/community/feed?after=garbage")).StatusCode);
    }

    [Fact]
    public async Task Replies_to_my_threads_and_mentions_show_on_the_staff_home_cards_until_I_look()
    {
        app.EnsureAvailable();
        var me = "staff0202";
        var myName = (await CommunitySeed.UserAsync(app, me)).DisplayName;
        var seen = await (await app.ClientForAsync(me)).PostAsync("/api/community/activity/seen", null);
        Assert.Equal(HttpStatusCode.OK, seen.StatusCode);
        var empty = await HomePage.CardAsync(app, me, "CommunityRepliesToMe");
        Assert.Equal(0, empty.Count);
        Assert.Equal(0, (await HomePage.CardAsync(app, me, "CommunityMentions")).Count);

        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var board = await CommunitySeed.BoardAsync(app);
        var mine = await CommunitySeed.ThreadAsync(app, board, me, "我的提问", "<p>请教大家</p>");
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        await CommunitySeed.ReplyAsync(app, mine, "staff0102", "<p>我来回答</p>");
        await CommunitySeed.ReplyAsync(app, mine, "staff0103", "<p>补充一下</p>", anonymous: false);
        await CommunitySeed.ReplyAsync(app, mine, me, "<p>谢谢</p>");
        var other = await CommunitySeed.ThreadAsync(app, board, "staff0102", "请看这里", $"<p>@{myName} 请看一下这个方案</p>");

        var replies = await HomePage.CardAsync(app, me, "CommunityRepliesToMe");
        Assert.Equal(2, replies.Count);
        Assert.Contains("/community?tab=mine", replies.Link, StringComparison.Ordinal);
        Assert.Equal(1, (await HomePage.CardAsync(app, me, "CommunityMentions")).Count);

        var activity = await (await (await app.ClientForAsync(me)).GetAsync("/api/community/activity")).JsonAsync();
        var items = activity.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(3, items.Count);
        Assert.Equal(("Mention", other), (items[0].GetProperty("kind").GetString(), items[0].GetProperty("threadId").GetGuid()));
        Assert.All(items, i => Assert.True(i.GetProperty("isNew").GetBoolean()));

        Assert.Equal(HttpStatusCode.OK, (await (await app.ClientForAsync(me)).PostAsync("/api/community/activity/seen", null)).StatusCode);
        Assert.Equal(0, (await HomePage.CardAsync(app, me, "CommunityRepliesToMe")).Count);
        Assert.Equal(0, (await HomePage.CardAsync(app, me, "CommunityMentions")).Count);
    }
}
