using System.Text.Json.Nodes;
using BranchNetwork.IntegrationTests.Community.Boards;
using BranchNetwork.Testing;

namespace BranchNetwork.IntegrationTests.BadInput;

/// <summary>
/// The Community module's boards and threads (CM-1) in the bad-input suite: the moderator's board (whole branch) that
/// staff0101 joined, staff0101's thread, reply and question with head01's answer; a second board to share to.
/// </summary>
internal static class CommunityBadInput
{
    private static readonly string[] LongBody = ["body"];

    public static IReadOnlyDictionary<string, Func<BadInputWorld, WriteOperation>> Rows { get; } =
        new Dictionary<string, Func<BadInputWorld, WriteOperation>>(StringComparer.Ordinal)
        {
            ["POST /api/community/boards"] = _ => new("moderator", WriteOperations.PathIds(), InputKind.Json, BoardBody(null)),
            ["PUT /api/community/boards/{id}"] = w => new("moderator", WriteOperations.PathIds(("id", W(w).Board)), InputKind.Json, BoardBody(W(w).BoardVersion)),
            ["POST /api/community/boards/{id}/moderators"] = w => new("moderator", WriteOperations.PathIds(("id", W(w).Board)), InputKind.Json, new JsonObject { ["userId"] = W(w).Head01 }),
            ["DELETE /api/community/boards/{id}/moderators/{userId}"] = w => new("moderator", WriteOperations.PathIds(("id", W(w).Board), ("userId", W(w).Head01)), InputKind.None),
            ["POST /api/community/boards/{id}/archive"] = w => new("moderator", WriteOperations.PathIds(("id", W(w).Board)), InputKind.None),
            ["POST /api/community/boards/{id}/join"] = w => new("staff0101", WriteOperations.PathIds(("id", W(w).Board)), InputKind.Json, new JsonObject { ["rulesVersion"] = 1 }),
            ["POST /api/community/boards/{id}/follow"] = w => new("staff0101", WriteOperations.PathIds(("id", W(w).Board)), InputKind.None),
            ["POST /api/community/boards/{id}/unfollow"] = w => new("staff0101", WriteOperations.PathIds(("id", W(w).Board)), InputKind.None),
            ["POST /api/community/boards/{id}/images"] = w => new("staff0101", WriteOperations.PathIds(("id", W(w).Board)), InputKind.Upload, UploadName: "图片.png"),
            ["POST /api/community/boards/{id}/threads"] = w => new("staff0101", WriteOperations.PathIds(("id", W(w).Board)), InputKind.Json, new JsonObject
            {
                ["title"] = "坏输入帖子",
                ["body"] = "<p>正文</p>",
                ["kind"] = "Discussion",
                ["tags"] = new JsonArray(),
                ["anonymous"] = false,
                ["mentionedUserIds"] = new JsonArray(),
                ["mentionedSubBranchIds"] = new JsonArray(),
            }, LongText: LongBody),
            ["PUT /api/community/threads/{id}"] = w => new("staff0101", WriteOperations.PathIds(("id", W(w).Thread)), InputKind.Json, new JsonObject { ["title"] = "坏输入改标题", ["body"] = "<p>改正文</p>" }, LongText: LongBody),
            ["POST /api/community/threads/{id}/replies"] = w => new("staff0101", WriteOperations.PathIds(("id", W(w).Thread)), InputKind.Json, new JsonObject
            {
                ["body"] = "<p>回复</p>",
                ["anonymous"] = false,
                ["mentionedUserIds"] = new JsonArray(),
                ["mentionedSubBranchIds"] = new JsonArray(),
            }, LongText: LongBody),
            ["PUT /api/community/replies/{id}"] = w => new("staff0101", WriteOperations.PathIds(("id", W(w).Reply)), InputKind.Json, new JsonObject { ["body"] = "<p>改回复</p>" }, LongText: LongBody),
            ["POST /api/community/threads/{id}/like"] = w => new("staff0101", WriteOperations.PathIds(("id", W(w).Thread)), InputKind.None),
            ["POST /api/community/threads/{id}/unlike"] = w => new("staff0101", WriteOperations.PathIds(("id", W(w).Thread)), InputKind.None),
            ["POST /api/community/replies/{id}/like"] = w => new("staff0101", WriteOperations.PathIds(("id", W(w).Reply)), InputKind.None),
            ["POST /api/community/replies/{id}/unlike"] = w => new("staff0101", WriteOperations.PathIds(("id", W(w).Reply)), InputKind.None),
            ["POST /api/community/threads/{id}/favourite"] = w => new("staff0101", WriteOperations.PathIds(("id", W(w).Thread)), InputKind.None),
            ["POST /api/community/threads/{id}/unfavourite"] = w => new("staff0101", WriteOperations.PathIds(("id", W(w).Thread)), InputKind.None),
            ["POST /api/community/threads/{id}/share"] = w => new("staff0101", WriteOperations.PathIds(("id", W(w).Thread)), InputKind.Json, new JsonObject
            {
                ["targetBoardId"] = W(w).Target,
                ["comment"] = "<p>推荐</p>",
                ["anonymous"] = false,
            }),
            ["POST /api/community/replies/{id}/accept"] = w => new("staff0101", WriteOperations.PathIds(("id", W(w).Answer)), InputKind.None),
            ["POST /api/community/replies/{id}/unaccept"] = w => new("staff0101", WriteOperations.PathIds(("id", W(w).Answer)), InputKind.None),
            ["POST /api/community/threads/{id}/pin"] = w => new("moderator", WriteOperations.PathIds(("id", W(w).Thread)), InputKind.None),
            ["POST /api/community/threads/{id}/unpin"] = w => new("moderator", WriteOperations.PathIds(("id", W(w).Thread)), InputKind.None),
            ["POST /api/community/threads/{id}/feature"] = w => new("moderator", WriteOperations.PathIds(("id", W(w).Thread)), InputKind.None),
            ["POST /api/community/threads/{id}/unfeature"] = w => new("moderator", WriteOperations.PathIds(("id", W(w).Thread)), InputKind.None),
            ["POST /api/community/threads/{id}/close"] = w => new("moderator", WriteOperations.PathIds(("id", W(w).Thread)), InputKind.None),
            ["POST /api/community/threads/{id}/reopen"] = w => new("moderator", WriteOperations.PathIds(("id", W(w).Thread)), InputKind.None),
        };

    /// <summary>The moderator's board joined by staff0101, a target board, staff0101's thread, reply and question with head01's answer.</summary>
    public static async Task SeedAsync(BranchNetworkFactory app, BadInputWorld world)
    {
        var moderator = await app.ClientForAsync("moderator");
        var staff = await app.ClientForAsync("staff0101");
        var head = await app.ClientForAsync("head01");
        var board = await moderator.CreateBoardAsync();
        var target = await moderator.CreateBoardAsync();
        foreach (var member in new[] { staff, head })
        {
            await member.JoinAsync(board.Id());
            await member.JoinAsync(target.Id());
        }

        var thread = await staff.ThreadAsync(board.Id());
        var reply = await staff.ReplyAsync(thread.Id());
        var question = await staff.ThreadAsync(board.Id(), CommunityApi.ThreadBody(kind: "Question"));
        var answer = await head.ReplyAsync(question.Id());
        world.Area["community"] = new CommunityObjects(
            board.Id(), board.GetProperty("version").GetInt64(), target.Id(), thread.Id(), reply.Id(), answer.Id(), await head.MeAsync());
    }

    private static CommunityObjects W(BadInputWorld w) => (CommunityObjects)w.Area["community"];

    private static JsonObject BoardBody(long? version)
    {
        var body = new JsonObject
        {
            ["name"] = "坏输入版块",
            ["description"] = "简介",
            ["rules"] = "群规",
            ["welcomeMessage"] = "欢迎",
            ["audienceKind"] = "WholeBranch",
            ["reviewMode"] = "PostReview",
            ["allowsAnonymous"] = false,
            ["expiryDays"] = 30,
            ["expiryAction"] = "Close",
            ["sortOrder"] = 0,
        };
        if (version is { } v)
        {
            body["version"] = v;
        }

        return body;
    }

    private sealed record CommunityObjects(Guid Board, long BoardVersion, Guid Target, Guid Thread, Guid Reply, Guid Answer, Guid Head01);
}
