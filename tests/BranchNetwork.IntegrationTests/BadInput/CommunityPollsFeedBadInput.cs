using System.Text.Json.Nodes;
using BranchNetwork.IntegrationTests.Community.Feed;
using BranchNetwork.IntegrationTests.Community.Polls;
using BranchNetwork.Testing;

namespace BranchNetwork.IntegrationTests.BadInput;

/// <summary>
/// The Community module's polls, discussions, feed and 与我相关 in the bad-input suite: its objects (kept in
/// <see cref="BadInputWorld.Area"/>) and write rows. staff0101 adds a poll to a fresh thread of theirs, votes in head01's
/// board's poll, closes their poll, opens the discussion of the published scheme and marks a followed board read.
/// </summary>
internal static class CommunityPollsFeedBadInput
{
    public static IReadOnlyDictionary<string, Func<BadInputWorld, WriteOperation>> Rows { get; } =
        new Dictionary<string, Func<BadInputWorld, WriteOperation>>(StringComparer.Ordinal)
        {
            ["POST /api/community/threads/{threadId}/poll"] = w => new("staff0101", WriteOperations.PathIds(("threadId", (Guid)w.Area["community.thread"])), InputKind.Json, new JsonObject
            {
                ["question"] = "坏输入投票",
                ["options"] = new JsonArray("甲", "乙", "丙"),
                ["multipleChoice"] = true,
                ["maxChoices"] = 2,
                ["anonymous"] = false,
                ["resultsVisibility"] = "OnVote",
                ["closesAtUtc"] = ((DateTime)w.Area["community.closes"]).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
            }),
            ["POST /api/community/polls/{pollId}/votes"] = w => new("staff0101", WriteOperations.PathIds(("pollId", Poll(w).PollId)), InputKind.Json, new JsonObject
            {
                ["optionIds"] = new JsonArray(JsonValue.Create(Poll(w).OptionId)),
            }),
            ["POST /api/community/polls/{pollId}/close"] = w => new("staff0101", WriteOperations.PathIds(("pollId", Poll(w).PollId)), InputKind.None),
            ["POST /api/community/discussions/{kind}/{subjectId}"] = w => new("staff0101", WriteOperations.PathIds(("kind", "AssessmentResults"), ("subjectId", w.Published.Id)), InputKind.None),
            ["POST /api/community/feed/read"] = w => new("staff0101", WriteOperations.PathIds(), InputKind.Json, new JsonObject { ["boardId"] = (Guid)w.Area["community.board"], ["seenUpToUtc"] = (DateTime)w.Area["community.seen"] }),
            ["POST /api/community/activity/seen"] = w => new("staff0101", WriteOperations.PathIds(), InputKind.None),
        };

    private static (Guid PollId, Guid OptionId) Poll(BadInputWorld w) => ((Guid PollId, Guid OptionId))w.Area["community.poll"];

    public static async Task SeedAsync(BranchNetworkFactory app, BadInputWorld world)
    {
        var board = await PollsWorld.Sb01BoardAsync(app);
        await CommunitySeed.FollowAsync(app, board, "staff0101");
        world.Area["community.board"] = board;
        world.Area["community.thread"] = await PollsWorld.ThreadAsync(app, board);
        var (_, pollId, optionId) = await PollsWorld.PollAsync(app, board);
        world.Area["community.poll"] = (pollId, optionId);
        world.Area["community.closes"] = app.Clock.UtcNow.AddDays(3);
        world.Area["community.seen"] = app.Clock.UtcNow.AddMinutes(-1);
    }
}
