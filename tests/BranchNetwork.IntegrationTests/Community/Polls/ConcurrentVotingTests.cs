using System.Net;
using BranchNetwork.IntegrationTests.Community.Feed;
using BranchNetwork.Modules.Community.Data;
using BranchNetwork.Modules.Community.Features.VoteInPoll;
using BranchNetwork.SharedKernel.Errors;
using BranchNetwork.Testing;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static BranchNetwork.IntegrationTests.Community.Polls.PollsApi;

namespace BranchNetwork.IntegrationTests.Community.Polls;

/// <summary>
/// CM-2 "1,000 simultaneous votes lose none and double none", on the provider of the run (SQLite or PostgreSQL). The
/// 1,000 voters are synthetic staff ids (creating 1,000 accounts through the API would take minutes): each vote goes
/// through the real handler path — mediator pipeline, authorisation attribute, handler, unique key, save — in its own
/// scope signed in as that id, all started at once.
/// </summary>
[Trait("Spec", "CM-2")]
public sealed class ConcurrentVotingTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    private const int Voters = 1_000;

    [Fact]
    public async Task A_thousand_simultaneous_votes_by_a_thousand_users_are_all_counted_once()
    {
        app.EnsureAvailable();
        var board = await CommunitySeed.BoardAsync(app);
        var thread = await CommunitySeed.ThreadAsync(app, board, "staff0101", "千人投票", "<p>并发投票</p>");
        var poll = await CreatedAsync(await app.ClientForAsync("staff0101"), thread, Poll(options: ["一", "二", "三", "四"], multiple: true, maxChoices: 2));
        var pollId = poll.GetProperty("id").GetGuid();
        var options = Enumerable.Range(0, 4).Select(i => Option(poll, i)).ToArray();

        // Voter i chooses option i % 4, and every third voter also option (i + 1) % 4.
        var expected = new int[4];
        var ballots = Enumerable.Range(0, Voters).Select(i =>
        {
            var chosen = i % 3 == 0 ? new[] { options[i % 4], options[(i + 1) % 4] } : [options[i % 4]];
            expected[i % 4]++;
            if (i % 3 == 0)
            {
                expected[(i + 1) % 4]++;
            }

            return (UserId: Guid.NewGuid(), Chosen: chosen);
        }).ToList();

        using var start = new SemaphoreSlim(0);
        var tasks = ballots.Select(async b =>
        {
            await using var scope = CommunitySeed.ScopeAs(app, b.UserId);
            await start.WaitAsync();
            await scope.ServiceProvider.GetRequiredService<ISender>().Send(new VoteInPollCommand(pollId, new VoteInPollBody(b.Chosen)));
        }).ToList();
        start.Release(Voters);
        await Task.WhenAll(tasks);

        using var check = app.Services.CreateScope();
        var db = check.ServiceProvider.GetRequiredService<CommunityDbContext>();
        Assert.Equal(Voters, await db.PollBallots.CountAsync(b => b.PollId == pollId));
        var counts = await db.PollChoices.Where(c => c.PollId == pollId).GroupBy(c => c.OptionId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        Assert.Equal(expected, options.Select(o => counts.Single(c => c.Key == o).Count).ToArray());

        // And as a reader sees it: the same counts through the API.
        var seen = await GetAsync(await app.ClientForAsync("moderator"), thread);
        Assert.Equal(Voters, seen.GetProperty("ballotCount").GetInt32());
        Assert.Equal(expected, Enumerable.Range(0, 4).Select(i => Count(seen, i)!.Value).ToArray());
    }

    [Fact]
    public async Task The_same_user_voting_twenty_times_at_once_gets_one_ballot_and_nineteen_conflicts()
    {
        app.EnsureAvailable();
        var board = await CommunitySeed.BoardAsync(app);
        var thread = await CommunitySeed.ThreadAsync(app, board, "staff0101", "重复投票", "<p>同时点二十次</p>");
        var poll = await CreatedAsync(await app.ClientForAsync("staff0101"), thread, Poll());
        var pollId = poll.GetProperty("id").GetGuid();
        var voter = await app.ClientForAsync("staff0102");
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => VoteAsync(voter, pollId, Option(poll, 0))));
        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(19, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(1, Count(await GetAsync(voter, thread), 0));

        // Through the handler path too: the synthetic voter's second ballot at the same instant is a conflict.
        var id = Guid.NewGuid();
        var twice = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            await using var scope = CommunitySeed.ScopeAs(app, id);
            try
            {
                await scope.ServiceProvider.GetRequiredService<ISender>().Send(new VoteInPollCommand(pollId, new VoteInPollBody([Option(poll, 1)])));
                return true;
            }
            catch (ConflictException)
            {
                return false;
            }
        }));
        Assert.Equal(1, twice.Count(ok => ok));
    }
}
