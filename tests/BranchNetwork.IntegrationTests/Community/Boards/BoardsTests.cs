using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BranchNetwork.Testing;

namespace BranchNetwork.IntegrationTests.Community.Boards;

/// <summary>CM-1 boards over HTTP: who creates them, their audience (ORG-3), rules accepted before the first post and again when they change, following, the board's thread list.</summary>
[Trait("Spec", "CM-1")]
public sealed class BoardsTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    [Fact]
    [Trait("Spec", "ORG-3")]
    public async Task A_sub_branch_board_is_read_by_its_staff_and_does_not_exist_for_another_sub_branch()
    {
        app.EnsureAvailable();
        var units = await CommunityApi.UnitsAsync(app);
        var moderator = await app.ClientForAsync("moderator");
        var staff = await app.ClientForAsync("staff0101");
        var head02 = await app.ClientForAsync("head02");
        var staff02 = await app.ClientForAsync("staff0201");
        var board = await moderator.CreateBoardAsync(CommunityApi.BoardBody(audienceKind: "SubBranch", audienceUnitId: units["SB01"]));
        var id = board.Id();
        Assert.Equal("支行01", board.GetProperty("audienceName").GetString());

        var mine = await (await staff.GetAsync("/api/community/boards")).OkJsonAsync();
        Assert.Contains(mine.EnumerateArray(), b => b.Id() == id);
        await staff.JoinAsync(id);
        var thread = await staff.ThreadAsync(id);

        foreach (var outsider in new[] { head02, staff02 })
        {
            var list = await (await outsider.GetAsync("/api/community/boards")).OkJsonAsync();
            Assert.DoesNotContain(list.EnumerateArray(), b => b.Id() == id);
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/community/boards/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/community/boards/{id}/threads")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/community/threads/{thread.Id()}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/community/threads/{thread.Id()}/replies")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync($"/api/community/boards/{id}/join", new { rulesVersion = 1 })).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsync($"/api/community/threads/{thread.Id()}/like", null)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostReplyAsync(thread.Id())).StatusCode);
        }

        // The auditor reads every board; the moderator reads the boards they moderate.
        Assert.Equal(HttpStatusCode.OK, (await (await app.ClientForAsync("auditor")).GetAsync($"/api/community/boards/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await moderator.GetAsync($"/api/community/boards/{id}/threads")).StatusCode);
    }

    [Fact]
    public async Task Moderators_and_head_office_create_boards_with_an_audience_unit_of_the_right_kind()
    {
        app.EnsureAvailable();
        var units = await CommunityApi.UnitsAsync(app);
        var supervisor = await app.ClientForAsync("supervisor");
        var created = await supervisor.CreateBoardAsync(CommunityApi.BoardBody(audienceKind: "BusinessLine", audienceUnitId: units["HO-RETAIL"]));
        Assert.Equal("零售条线", created.GetProperty("audienceName").GetString());
        Assert.True(created.GetProperty("permissions").GetProperty("moderate").GetBoolean());
        Assert.Equal("分行督导", Assert.Single(created.GetProperty("moderators").EnumerateArray()).GetProperty("name").GetString());

        var wrongKind = await supervisor.PostAsJsonAsync("/api/community/boards", CommunityApi.BoardBody(audienceKind: "SubBranch", audienceUnitId: units["HO-RETAIL"]));
        Assert.Equal(HttpStatusCode.BadRequest, wrongKind.StatusCode);
        Assert.True((await wrongKind.JsonAsync()).GetProperty("errors").TryGetProperty("audienceUnitId", out _));
        Assert.Equal(HttpStatusCode.BadRequest, (await supervisor.PostAsJsonAsync("/api/community/boards", CommunityApi.BoardBody(audienceKind: "SubBranch"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await supervisor.PostAsJsonAsync("/api/community/boards", CommunityApi.BoardBody(audienceKind: "SubBranch", audienceUnitId: Guid.NewGuid()))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await supervisor.PostAsJsonAsync("/api/community/boards", CommunityApi.BoardBody(name: " "))).StatusCode);

        foreach (var user in new[] { "staff0101", "head01", "auditor", "admin" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientForAsync(user)).PostAsJsonAsync("/api/community/boards", CommunityApi.BoardBody())).StatusCode);
        }
    }

    [Fact]
    public async Task Only_the_boards_moderators_change_it_add_and_remove_moderators_and_archive_it()
    {
        app.EnsureAvailable();
        var moderator = await app.ClientForAsync("moderator");
        var supervisor = await app.ClientForAsync("supervisor");
        var board = await moderator.CreateBoardAsync();
        var id = board.Id();
        var change = new
        {
            name = "改名版块" + Guid.NewGuid().ToString("N")[..4],
            description = "新简介",
            rules = "新群规",
            welcomeMessage = "新欢迎语",
            audienceKind = "WholeBranch",
            audienceUnitId = (Guid?)null,
            reviewMode = "PreReview",
            allowsAnonymous = true,
            expiryDays = 30,
            expiryAction = "Archive",
            sortOrder = 5,
            version = board.GetProperty("version").GetInt64(),
        };
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.PutAsJsonAsync($"/api/community/boards/{id}", change)).StatusCode);
        var changed = await (await moderator.PutAsJsonAsync($"/api/community/boards/{id}", change)).OkJsonAsync();
        Assert.Equal(2, changed.GetProperty("rulesVersion").GetInt32());
        Assert.Equal("PreReview", changed.GetProperty("reviewMode").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await moderator.PutAsJsonAsync($"/api/community/boards/{id}", change)).StatusCode);

        var supervisorId = await supervisor.MeAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.PostAsJsonAsync($"/api/community/boards/{id}/moderators", new { userId = supervisorId })).StatusCode);
        var added = await (await moderator.PostAsJsonAsync($"/api/community/boards/{id}/moderators", new { userId = supervisorId })).OkJsonAsync();
        Assert.Equal(2, added.GetProperty("moderators").GetArrayLength());
        Assert.Equal(HttpStatusCode.BadRequest, (await moderator.PostAsJsonAsync($"/api/community/boards/{id}/moderators", new { userId = Guid.NewGuid() })).StatusCode);
        var removed = await (await supervisor.DeleteAsync($"/api/community/boards/{id}/moderators/{await moderator.MeAsync()}")).OkJsonAsync();
        Assert.Single(removed.GetProperty("moderators").EnumerateArray());
        Assert.Equal(HttpStatusCode.Conflict, (await supervisor.DeleteAsync($"/api/community/boards/{id}/moderators/{supervisorId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await moderator.PostAsync($"/api/community/boards/{id}/archive", null)).StatusCode);

        var archived = await (await supervisor.PostAsync($"/api/community/boards/{id}/archive", null)).OkJsonAsync();
        Assert.True(archived.GetProperty("isArchived").GetBoolean());
        var list = await (await supervisor.GetAsync("/api/community/boards")).OkJsonAsync();
        Assert.DoesNotContain(list.EnumerateArray(), b => b.Id() == id);
        Assert.Equal(HttpStatusCode.Conflict, (await supervisor.PostThreadAsync(id, CommunityApi.ThreadBody())).StatusCode);
    }

    [Fact]
    public async Task A_member_accepts_the_rules_before_the_first_post_and_again_when_they_change()
    {
        app.EnsureAvailable();
        var moderator = await app.ClientForAsync("moderator");
        var staff = await app.ClientForAsync("staff0102");
        var board = await moderator.CreateBoardAsync();
        var id = board.Id();

        var before = await staff.PostThreadAsync(id, CommunityApi.ThreadBody());
        Assert.Equal(HttpStatusCode.Conflict, before.StatusCode);
        Assert.Contains("群规", (await before.JsonAsync()).GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostAsJsonAsync($"/api/community/boards/{id}/join", new { rulesVersion = 7 })).StatusCode);

        var joined = await staff.JoinAsync(id);
        Assert.Equal("欢迎加入！", joined.GetProperty("welcomeMessage").GetString());
        Assert.True(joined.GetProperty("firstJoin").GetBoolean());
        Assert.True(joined.GetProperty("membership").GetProperty("rulesAccepted").GetBoolean());
        await staff.ThreadAsync(id);

        var detail = await (await moderator.GetAsync($"/api/community/boards/{id}")).OkJsonAsync();
        _ = await (await moderator.PutAsJsonAsync($"/api/community/boards/{id}", new
        {
            name = detail.GetProperty("name").GetString(),
            description = "",
            rules = "群规第二版：新增内容规范。",
            welcomeMessage = "欢迎",
            audienceKind = "WholeBranch",
            audienceUnitId = (Guid?)null,
            reviewMode = "PostReview",
            allowsAnonymous = false,
            expiryDays = (int?)null,
            expiryAction = "Close",
            sortOrder = 0,
            version = detail.GetProperty("version").GetInt64(),
        })).OkJsonAsync();
        var again = await staff.PostThreadAsync(id, CommunityApi.ThreadBody());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("community.rules_changed", (await again.JsonAsync()).GetProperty("code").GetString());
        var mine = await (await staff.GetAsync($"/api/community/boards/{id}")).OkJsonAsync();
        Assert.True(mine.GetProperty("membership").GetProperty("joined").GetBoolean());
        Assert.False(mine.GetProperty("membership").GetProperty("rulesAccepted").GetBoolean());

        var rejoined = await staff.JoinAsync(id);
        Assert.False(rejoined.GetProperty("firstJoin").GetBoolean());
        await staff.ThreadAsync(id);

        // The auditor reads, never joins.
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientForAsync("auditor")).PostAsJsonAsync($"/api/community/boards/{id}/join", new { rulesVersion = 2 })).StatusCode);
    }

    [Fact]
    public async Task Following_and_unfollowing_show_in_the_board_list()
    {
        app.EnsureAvailable();
        var moderator = await app.ClientForAsync("moderator");
        var staff = await app.ClientForAsync("staff0103");
        var id = (await moderator.CreateBoardAsync()).Id();
        async Task<JsonElement> Membership() =>
            (await (await staff.GetAsync("/api/community/boards")).OkJsonAsync()).EnumerateArray().First(b => b.Id() == id).GetProperty("membership");

        Assert.False((await Membership()).GetProperty("following").GetBoolean());
        var followed = await (await staff.PostAsync($"/api/community/boards/{id}/follow", null)).OkJsonAsync();
        Assert.True(followed.GetProperty("following").GetBoolean());
        Assert.False(followed.GetProperty("joined").GetBoolean());
        Assert.True((await Membership()).GetProperty("following").GetBoolean());
        _ = await (await staff.PostAsync($"/api/community/boards/{id}/unfollow", null)).OkJsonAsync();
        Assert.False((await Membership()).GetProperty("following").GetBoolean());

        // Following is not accepting the rules.
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostThreadAsync(id, CommunityApi.ThreadBody())).StatusCode);
    }

    [Fact]
    public async Task The_thread_list_puts_pinned_first_then_newest_filters_by_tag_pages_and_hides_waiting_threads_from_others()
    {
        app.EnsureAvailable();
        var moderator = await app.ClientForAsync("moderator");
        var staff = await app.ClientForAsync("staff0101");
        var other = await app.ClientForAsync("staff0102");
        var id = (await moderator.CreateBoardAsync()).Id();
        await staff.JoinAsync(id);
        await other.JoinAsync(id);
        var first = await staff.ThreadAsync(id, CommunityApi.ThreadBody(title: "第一帖", tags: ["存款"]));
        for (var i = 0; i < 4; i++)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(1));
            await staff.ThreadAsync(id, CommunityApi.ThreadBody(title: $"后续帖{i}", tags: ["理财"]));
        }

        _ = await (await moderator.PostAsync($"/api/community/threads/{first.Id()}/pin", null)).OkJsonAsync();
        var page = await (await other.GetAsync($"/api/community/boards/{id}/threads?pageSize=2")).OkJsonAsync();
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal("第一帖", items[0].GetProperty("title").GetString());
        Assert.True(items[0].GetProperty("isPinned").GetBoolean());
        Assert.Equal("后续帖3", items[1].GetProperty("title").GetString());
        var titles = items.Select(i => i.GetProperty("title").GetString()).ToList();
        var cursor = page.GetProperty("nextCursor").GetString();
        while (cursor is not null)
        {
            var next = await (await other.GetAsync($"/api/community/boards/{id}/threads?pageSize=2&after={Uri.EscapeDataString(cursor)}")).OkJsonAsync();
            titles.AddRange(next.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()));
            cursor = next.GetProperty("nextCursor").GetString();
        }

        Assert.Equal(["第一帖", "后续帖3", "后续帖2", "后续帖1", "后续帖0"], titles);
        var tagged = await (await other.GetAsync($"/api/community/boards/{id}/threads?tag=存款")).OkJsonAsync();
        Assert.Equal("第一帖", Assert.Single(tagged.GetProperty("items").EnumerateArray()).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await other.GetAsync($"/api/community/boards/{id}/threads?after=forged")).StatusCode);

        // A pre-review board: the waiting thread reaches only its author and the moderators.
        var pre = (await moderator.CreateBoardAsync(CommunityApi.BoardBody(reviewMode: "PreReview"))).Id();
        await staff.JoinAsync(pre);
        var waiting = await staff.ThreadAsync(pre, CommunityApi.ThreadBody(title: "待审核的帖子"));
        Assert.Equal("PendingReview", waiting.GetProperty("state").GetString());
        Assert.Single((await (await staff.GetAsync($"/api/community/boards/{pre}/threads")).OkJsonAsync()).GetProperty("items").EnumerateArray());
        Assert.Single((await (await moderator.GetAsync($"/api/community/boards/{pre}/threads")).OkJsonAsync()).GetProperty("items").EnumerateArray());
        Assert.Empty((await (await other.GetAsync($"/api/community/boards/{pre}/threads")).OkJsonAsync()).GetProperty("items").EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/community/threads/{waiting.Id()}")).StatusCode);
    }
}
