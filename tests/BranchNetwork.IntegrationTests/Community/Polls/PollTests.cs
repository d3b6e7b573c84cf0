using System.Net;
using System.Text.Json;
using BranchNetwork.IntegrationTests.Community.Feed;
using BranchNetwork.Testing;
using static BranchNetwork.IntegrationTests.Community.Polls.PollsApi;

namespace BranchNetwork.IntegrationTests.Community.Polls;

/// <summary>CM-2 polls through the API: who adds and closes, one ballot, counts by the results rule, voters of named polls only, the refusals.</summary>
[Trait("Spec", "CM-2")]
public sealed class PollTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    [Fact]
    public async Task The_author_adds_a_poll_each_reader_votes_once_and_sees_the_counts_after_voting_and_closing_stops_the_vote()
    {
        app.EnsureAvailable();
        var board = await CommunitySeed.BoardAsync(app);
        var thread = await CommunitySeed.ThreadAsync(app, board, "staff0101", "培训需求调查", "<p>大家投票选一选</p>");
        var author = await app.ClientForAsync("staff0101");
        var poll = await CreatedAsync(author, thread, Poll());
        var pollId = poll.GetProperty("id").GetGuid();
        Assert.True(poll.GetProperty("permissions").GetProperty("close").GetBoolean());

        // Before voting: no counts (on-vote rule); the reader may vote.
        var reader = await app.ClientForAsync("staff0102");
        var before = await GetAsync(reader, thread);
        Assert.False(before.GetProperty("resultsVisible").GetBoolean());
        Assert.Null(Count(before, 0));
        Assert.True(before.GetProperty("permissions").GetProperty("vote").GetBoolean());
        Assert.False(before.GetProperty("permissions").GetProperty("close").GetBoolean());

        var voted = await (await VoteAsync(reader, pollId, Option(poll, 1))).JsonAsync();
        Assert.True(voted.GetProperty("resultsVisible").GetBoolean());
        Assert.Equal((0, 1, 0), (Count(voted, 0), Count(voted, 1), Count(voted, 2)));
        Assert.Equal(Option(poll, 1), Assert.Single(voted.GetProperty("myChoices").EnumerateArray()).GetGuid());
        var readerName = (await CommunitySeed.UserAsync(app, "staff0102")).DisplayName;
        Assert.Contains(readerName, voted.GetProperty("options")[1].GetProperty("voters").EnumerateArray().Select(v => v.GetString()));

        // A second ballot is 409; an option of another poll is 400; a reader of another sub-branch votes too (whole-branch board).
        Assert.Equal(HttpStatusCode.Conflict, (await VoteAsync(reader, pollId, Option(poll, 0))).StatusCode);
        var otherThread = await CommunitySeed.ThreadAsync(app, board, "staff0101", "另一个投票", "<p>另一个</p>");
        var other = await CreatedAsync(author, otherThread, Poll());
        var head02 = await app.ClientForAsync("head02");
        var wrong = await VoteAsync(head02, pollId, Option(other, 0));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("optionIds", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await VoteAsync(head02, pollId, Option(poll, 2))).StatusCode);

        // Only the author or a moderator of the board closes it; afterwards nobody votes (409), and everyone sees the counts.
        Assert.Equal(HttpStatusCode.Forbidden, (await CloseAsync(reader, pollId)).StatusCode);
        var closed = await (await CloseAsync(await app.ClientForAsync("moderator"), pollId)).JsonAsync();
        Assert.True(closed.GetProperty("isClosed").GetBoolean());
        Assert.Equal(HttpStatusCode.Conflict, (await CloseAsync(author, pollId)).StatusCode);
        var late = await VoteAsync(await app.ClientForAsync("staff0103"), pollId, Option(poll, 0));
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("community.poll_closed", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var after = await GetAsync(await app.ClientForAsync("staff0103"), thread);
        Assert.Equal((0, 1, 1, 2), (Count(after, 0), Count(after, 1), Count(after, 2), after.GetProperty("ballotCount").GetInt32()));
    }

    [Fact]
    public async Task Anonymous_ballots_show_nobody_who_chose_what_not_even_a_moderator_and_moderators_only_results_stay_hidden_from_voters()
    {
        app.EnsureAvailable();
        var board = await CommunitySeed.BoardAsync(app);
        var thread = await CommunitySeed.ThreadAsync(app, board, "staff0101", "匿名投票", "<p>请匿名投票</p>");
        var author = await app.ClientForAsync("staff0101");
        var poll = await CreatedAsync(author, thread, Poll(anonymous: true, visibility: "ModeratorsOnly"));
        var pollId = poll.GetProperty("id").GetGuid();
        var voter = await app.ClientForAsync("staff0102");
        var voted = await (await VoteAsync(voter, pollId, Option(poll, 0))).JsonAsync();
        Assert.False(voted.GetProperty("resultsVisible").GetBoolean());
        Assert.Null(Count(voted, 0));

        var moderatorView = await GetAsync(await app.ClientForAsync("moderator"), thread);
        Assert.Equal(1, Count(moderatorView, 0));
        Assert.All(moderatorView.GetProperty("options").EnumerateArray(), o => Assert.Equal(JsonValueKind.Null, o.GetProperty("voters").ValueKind));
        var voterName = (await CommunitySeed.UserAsync(app, "staff0102")).DisplayName;
        foreach (var who in new[] { "moderator", "auditor", "staff0101", "supervisor" })
        {
            var raw = await (await (await app.ClientForAsync(who)).GetAsync($"/api/community/threads/{thread}/poll")).Content.ReadAsStringAsync();
            Assert.DoesNotContain(voterName, raw, StringComparison.Ordinal);
            Assert.DoesNotContain((await CommunitySeed.UserAsync(app, "staff0102")).Id.ToString(), raw, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Multiple_choice_takes_at_most_its_maximum_and_a_poll_closes_by_itself_at_its_time()
    {
        app.EnsureAvailable();
        var board = await CommunitySeed.BoardAsync(app);
        var thread = await CommunitySeed.ThreadAsync(app, board, "staff0101", "多选", "<p>最多两项</p>");
        var author = await app.ClientForAsync("staff0101");
        var poll = await CreatedAsync(author, thread, Poll(options: ["甲", "乙", "丙", "丁"], multiple: true, maxChoices: 2, closesAtUtc: app.Clock.UtcNow.AddHours(1)));
        var pollId = poll.GetProperty("id").GetGuid();
        var voter = await app.ClientForAsync("staff0102");
        Assert.Equal(HttpStatusCode.BadRequest, (await VoteAsync(voter, pollId, Option(poll, 0), Option(poll, 1), Option(poll, 2))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await VoteAsync(voter, pollId, Option(poll, 0), Option(poll, 0))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await VoteAsync(voter, pollId)).StatusCode);
        var ok = await (await VoteAsync(voter, pollId, Option(poll, 0), Option(poll, 3))).JsonAsync();
        Assert.Equal((1, 0, 0, 1, 1), (Count(ok, 0), Count(ok, 1), Count(ok, 2), Count(ok, 3), ok.GetProperty("ballotCount").GetInt32()));

        var later = await CommunitySeed.ThreadAsync(app, board, "staff0101", "限时", "<p>一小时内</p>");
        var timed = await CreatedAsync(author, later, Poll(closesAtUtc: app.Clock.UtcNow.AddMinutes(2)));
        app.Clock.Advance(TimeSpan.FromMinutes(3));
        var response = await VoteAsync(voter, timed.GetProperty("id").GetGuid(), Option(timed, 0));
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.True((await GetAsync(voter, later)).GetProperty("isClosed").GetBoolean());
    }

    [Theory]
    [InlineData("question")]
    [InlineData("options-one")]
    [InlineData("options-many")]
    [InlineData("options-duplicate")]
    [InlineData("options-empty")]
    [InlineData("maxChoices")]
    [InlineData("closesAtUtc")]
    [InlineData("resultsVisibility")]
    public async Task A_wrong_poll_is_refused_by_field_and_nothing_is_stored(string what)
    {
        app.EnsureAvailable();
        var board = await CommunitySeed.BoardAsync(app);
        var thread = await CommunitySeed.ThreadAsync(app, board, "staff0101", "坏输入", "<p>坏输入</p>");
        var body = what switch
        {
            "question" => Poll(question: "  "),
            "options-one" => Poll(options: ["唯一"]),
            "options-many" => Poll(options: [.. Enumerable.Range(1, 21).Select(i => $"选项{i}")]),
            "options-duplicate" => Poll(options: ["同", "同"]),
            "options-empty" => Poll(options: ["有", " "]),
            "maxChoices" => Poll(multiple: true, maxChoices: 4),
            "closesAtUtc" => Poll(closesAtUtc: app.Clock.UtcNow.AddMinutes(-1)),
            _ => Poll(visibility: "Everyone"),
        };
        var response = await CreateAsync(await app.ClientForAsync("staff0101"), thread, body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"\"{what.Split('-')[0]}\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientForAsync("staff0101")).GetAsync($"/api/community/threads/{thread}/poll")).StatusCode);
    }

    [Fact]
    public async Task Only_the_author_or_a_moderator_adds_one_poll_and_a_sub_branch_board_is_invisible_outside()
    {
        app.EnsureAvailable();
        var board = await CommunitySeed.BoardAsync(app, subBranchOf: "staff0101");
        var thread = await CommunitySeed.ThreadAsync(app, board, "staff0101", "支行内部投票", "<p>仅本支行</p>");
        Assert.Equal(HttpStatusCode.Forbidden, (await CreateAsync(await app.ClientForAsync("staff0102"), thread, Poll())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await CreateAsync(await app.ClientForAsync("head02"), thread, Poll())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await CreateAsync(await app.ClientForAsync("auditor"), thread, Poll())).StatusCode);
        var poll = await CreatedAsync(await app.ClientForAsync("moderator"), thread, Poll());
        Assert.Equal(HttpStatusCode.Conflict, (await CreateAsync(await app.ClientForAsync("staff0101"), thread, Poll())).StatusCode);

        var pollId = poll.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientForAsync("head02")).GetAsync($"/api/community/threads/{thread}/poll")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await VoteAsync(await app.ClientForAsync("head02"), pollId, Option(poll, 0))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await CloseAsync(await app.ClientForAsync("head02"), pollId)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await VoteAsync(await app.ClientForAsync("staff0101"), Guid.NewGuid(), Option(poll, 0))).StatusCode);
    }
}
