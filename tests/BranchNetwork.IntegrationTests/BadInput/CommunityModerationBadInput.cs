using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BranchNetwork.IntegrationTests.Community.Moderation;
using BranchNetwork.Modules.Community.Domain;
using BranchNetwork.Testing;

namespace BranchNetwork.IntegrationTests.BadInput;

/// <summary>The Community module's moderation (CM-4) and anonymity (CM-3) areas in the bad-input suite: objects made through the domain seeder and the API.</summary>
internal static class CommunityModerationBadInput
{
    public static IReadOnlyDictionary<string, Func<BadInputWorld, WriteOperation>> Rows { get; } =
        new Dictionary<string, Func<BadInputWorld, WriteOperation>>(StringComparer.Ordinal)
        {
            ["POST /api/community/moderation/words"] = _ => new("moderator", WriteOperations.PathIds(), InputKind.Json, new JsonObject { ["word"] = "坏输入新词", ["action"] = "Mask" }),
            ["PUT /api/community/moderation/words/{id}"] = w =>
            {
                var (id, version) = ((Guid, long))w.Area["community.word"];
                return new("moderator", WriteOperations.PathIds(("id", id)), InputKind.Json, new JsonObject { ["word"] = "坏输入改词", ["action"] = "Hold", ["version"] = version });
            },
            ["DELETE /api/community/moderation/words/{id}"] = w => new("moderator", WriteOperations.PathIds(("id", (((Guid Id, long Version))w.Area["community.word"]).Id)), InputKind.None),
            ["POST /api/community/moderation/items/{id}/approve"] = w => Item(w, "community.pending", "moderator", new JsonObject { ["title"] = "坏输入编辑标题", ["body"] = "<p>坏输入编辑正文</p>" }) with { LongText = ["body"] },
            ["POST /api/community/moderation/items/{id}/reject"] = w => Item(w, "community.pending", "moderator", new JsonObject { ["reason"] = "坏输入驳回" }),
            ["POST /api/community/moderation/items/{id}/remove"] = w => Item(w, "community.published", "moderator", new JsonObject { ["reason"] = "坏输入删除" }),
            ["POST /api/community/moderation/items/{id}/reports"] = w => Item(w, "community.published", "staff0101", new JsonObject { ["reason"] = "坏输入举报" }),
            ["POST /api/community/moderation/reports/{id}/resolve"] = w =>
                new("moderator", WriteOperations.PathIds(("id", (Guid)w.Area["community.report"])), InputKind.Json, new JsonObject { ["outcome"] = "Dismiss", ["reason"] = "不予处理" }),
            ["POST /api/community/moderation/items/{id}/sanctions"] = w =>
                Item(w, "community.published", "moderator", new JsonObject { ["kind"] = "Warning", ["scope"] = "Board", ["days"] = 3, ["reason"] = "坏输入警告" }),
            ["POST /api/community/moderation/sanctions/{id}/lift"] = w => new("moderator", WriteOperations.PathIds(("id", (Guid)w.Area["community.sanction"])), InputKind.None),
            ["POST /api/community/anonymity/resolutions"] = w =>
                new("auditor", WriteOperations.PathIds(), InputKind.Json, new JsonObject { ["itemId"] = (Guid)w.Area["community.anonymous"], ["reason"] = "坏输入核查来源" }),
        };

    public static async Task SeedAsync(BranchNetworkFactory app, BadInputWorld world)
    {
        var moderatorUser = await ModerationSeed.UserAsync(app, "moderator");
        var author = await ModerationSeed.UserAsync(app, "staff0102");
        var open = await ModerationSeed.BoardAsync(app, moderatorUser);
        var pre = await ModerationSeed.BoardAsync(app, moderatorUser, ReviewMode.PreReview);
        world.Area["community.pending"] = await ModerationSeed.ThreadAsync(app, pre, author, "坏输入待审帖");
        var published = await ModerationSeed.ThreadAsync(app, open, author, "坏输入已发布帖");
        world.Area["community.published"] = published;
        world.Area["community.anonymous"] = await ModerationSeed.ThreadAsync(app, open, author, "坏输入匿名帖", anonymous: true);

        var moderator = await app.ClientForAsync("moderator");
        var word = await ModerationSeed.OkAsync(await moderator.PostAsJsonAsync("/api/community/moderation/words", new { word = "坏输入旧词", action = "Hold" }));
        world.Area["community.word"] = (word.GetProperty("id").GetGuid(), word.GetProperty("version").GetInt64());
        var reporter = await app.ClientForAsync("head01");
        world.Area["community.report"] = (await ModerationSeed.OkAsync(await reporter.PostAsJsonAsync($"/api/community/moderation/items/{published}/reports", new { reason = "坏输入备用举报" })))
            .GetProperty("reportId").GetGuid();
        world.Area["community.sanction"] = (await ModerationSeed.OkAsync(await moderator.PostAsJsonAsync($"/api/community/moderation/items/{published}/sanctions",
            new { kind = "Ban", scope = "Board", days = 1, reason = "坏输入备用移出" }))).GetProperty("id").GetGuid();
    }

    private static WriteOperation Item(BadInputWorld w, string key, string user, JsonObject body) =>
        new(user, WriteOperations.PathIds(("id", (Guid)w.Area[key])), InputKind.Json, body);
}
