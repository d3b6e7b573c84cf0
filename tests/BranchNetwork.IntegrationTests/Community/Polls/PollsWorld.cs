using BranchNetwork.IntegrationTests.Community.Feed;
using BranchNetwork.Modules.Community.Data;
using BranchNetwork.Modules.Community.Domain;
using BranchNetwork.SharedKernel;
using BranchNetwork.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BranchNetwork.IntegrationTests.Community.Polls;

/// <summary>
/// The objects the authorisation matrix and the bad-input suite call the polls with: a board of 支行01 moderated by
/// head01 (版主), threads of staff0101 in it, and polls on them — made through the domain (the boards and threads
/// endpoints belong to other areas).
/// </summary>
internal static class PollsWorld
{
    public static Task<Guid> Sb01BoardAsync(BranchNetworkFactory app) => CommunitySeed.BoardAsync(app, moderator: "head01", subBranchOf: "staff0101", name: CommunitySeed.Unique("矩阵版块"));

    public static Task<Guid> ThreadAsync(BranchNetworkFactory app, Guid boardId) => CommunitySeed.ThreadAsync(app, boardId, "staff0101", CommunitySeed.Unique("矩阵帖子"), "<p>矩阵测试内容</p>");

    /// <summary>A thread of staff0101 with a single-choice poll of three options: the poll's and its first option's ids.</summary>
    public static async Task<(Guid ThreadId, Guid PollId, Guid OptionId)> PollAsync(BranchNetworkFactory app, Guid boardId)
    {
        var threadId = await ThreadAsync(app, boardId);
        var author = await CommunitySeed.UserAsync(app, "staff0101");
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CommunityDbContext>();
        var thread = await db.Threads.FirstAsync(t => t.Id == threadId);
        var poll = Poll.Create(thread, author.Id, "矩阵投票", ["甲", "乙", "丙"], false, null, false, PollResultsVisibility.OnVote, null, scope.ServiceProvider.GetRequiredService<IClock>().UtcNow);
        db.Polls.Add(poll);
        await db.SaveChangesAsync();
        return (threadId, poll.Id, poll.Options[0].Id);
    }
}
