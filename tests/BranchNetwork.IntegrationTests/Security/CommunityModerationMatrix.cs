using System.Net.Http.Json;
using BranchNetwork.IntegrationTests.Community.Moderation;
using BranchNetwork.Modules.Community.Domain;
using static BranchNetwork.IntegrationTests.Security.Expect;

namespace BranchNetwork.IntegrationTests.Security;

/// <summary>
/// The Community module's moderation (CM-4) and anonymity (CM-3) areas in the authorisation matrix. The objects lie in
/// whole-branch boards moderated by <c>moderator</c>, written by staff0102 (no caller): a pending item is disclosed to
/// nobody but the board's moderators (404), a published one is read by all and moderated by the board's moderators only
/// (403); the auditor writes nothing but resolves pseudonyms, which nobody else may.
/// </summary>
internal static class CommunityModerationMatrix
{
    private static readonly Expect[] ModeratorRole = [E401, E403, E403, E403, E403, E403, E403, Ok, E403, E403, E403];

    private static readonly Expect[] AnySignedIn = [E401, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok];

    /// <summary>On a pending item of the moderator's board: not disclosed to others (404); the auditor writes nothing (403).</summary>
    private static readonly Expect[] ModeratesPending = [E401, E404, E404, E404, E404, E404, E404, Ok, E403, E404, E404];

    /// <summary>On a published item of the moderator's board: read by all, moderated by the board's moderators only.</summary>
    private static readonly Expect[] ModeratesPublished = [E401, E403, E403, E403, E403, E403, E403, Ok, E403, E403, E403];

    private static readonly Expect[] AuditorOnly = [E401, E403, E403, E403, E403, E403, E403, E403, Ok, E403, E403];

    public static readonly MatrixRow[] Rows =
    [
        new("GET /api/community/moderation/words", ModeratorRole),
        new("POST /api/community/moderation/words", ModeratorRole),
        new("PUT /api/community/moderation/words/{id}", ModeratorRole),
        new("DELETE /api/community/moderation/words/{id}", ModeratorRole),
        new("GET /api/community/moderation/queue", AnySignedIn),
        new("POST /api/community/moderation/items/{id}/approve", ModeratesPending),
        new("POST /api/community/moderation/items/{id}/reject", ModeratesPending),
        new("POST /api/community/moderation/items/{id}/remove", ModeratesPublished),

        // 举报: every reader but the read-only roles (the auditor, and the administrators who take no part).
        new("POST /api/community/moderation/items/{id}/reports", [E401, Ok, Ok, Ok, Ok, Ok, Ok, Ok, E403, E403, E403]),
        new("GET /api/community/moderation/reports", AnySignedIn),
        new("POST /api/community/moderation/reports/{id}/resolve", ModeratesPublished),
        new("POST /api/community/moderation/items/{id}/sanctions", ModeratesPublished),
        new("GET /api/community/moderation/sanctions", AnySignedIn),
        new("POST /api/community/moderation/sanctions/{id}/lift", ModeratesPublished),
        new("GET /api/community/moderation/actions", AnySignedIn),
        new("GET /api/community/moderation/expiring", AnySignedIn),
        new("POST /api/community/anonymity/resolutions", AuditorOnly),
        new("GET /api/community/anonymity/resolutions", AuditorOnly),
    ];

    public static readonly IReadOnlyDictionary<string, Func<MatrixWorld, Task<HttpRequestMessage>>> Requests =
        new Dictionary<string, Func<MatrixWorld, Task<HttpRequestMessage>>>
        {
            ["GET /api/community/moderation/words"] = _ => Get("/api/community/moderation/words"),
            ["POST /api/community/moderation/words"] = _ => Post("/api/community/moderation/words", new { word = ModerationSeed.Unique("矩阵词"), action = "Hold" }),
            ["PUT /api/community/moderation/words/{id}"] = async w =>
            {
                var (id, version) = await w.ObjectAsync(() => WordAsync(w));
                return new HttpRequestMessage(HttpMethod.Put, $"/api/community/moderation/words/{id}")
                {
                    Content = JsonContent.Create(new { word = ModerationSeed.Unique("矩阵改词"), action = "Mask", version }),
                };
            },
            ["DELETE /api/community/moderation/words/{id}"] = async w =>
                new HttpRequestMessage(HttpMethod.Delete, $"/api/community/moderation/words/{(await w.ObjectAsync(() => WordAsync(w))).Id}"),
            ["GET /api/community/moderation/queue"] = _ => Get("/api/community/moderation/queue"),
            ["POST /api/community/moderation/items/{id}/approve"] = async w =>
                await PostAsync($"/api/community/moderation/items/{await w.ObjectAsync(() => PendingAsync(w))}/approve", new { }),
            ["POST /api/community/moderation/items/{id}/reject"] = async w =>
                await PostAsync($"/api/community/moderation/items/{await w.ObjectAsync(() => PendingAsync(w))}/reject", new { reason = "矩阵驳回" }),
            ["POST /api/community/moderation/items/{id}/remove"] = async w =>
                await PostAsync($"/api/community/moderation/items/{await w.ObjectAsync(() => PublishedAsync(w))}/remove", new { reason = "矩阵删除" }),
            ["POST /api/community/moderation/items/{id}/reports"] = async w =>
                await PostAsync($"/api/community/moderation/items/{await w.ObjectAsync(() => PublishedAsync(w))}/reports", new { reason = "矩阵举报" }),
            ["GET /api/community/moderation/reports"] = _ => Get("/api/community/moderation/reports"),
            ["POST /api/community/moderation/reports/{id}/resolve"] = async w =>
                await PostAsync($"/api/community/moderation/reports/{await w.ObjectAsync(() => ReportAsync(w))}/resolve", new { outcome = "Dismiss" }),
            ["POST /api/community/moderation/items/{id}/sanctions"] = async w =>
                await PostAsync($"/api/community/moderation/items/{await w.OnceAsync("community.moderation.published", () => PublishedAsync(w))}/sanctions",
                    new { kind = "Warning", scope = "Board", days = 1, reason = "矩阵警告" }),
            ["GET /api/community/moderation/sanctions"] = _ => Get("/api/community/moderation/sanctions"),
            ["POST /api/community/moderation/sanctions/{id}/lift"] = async w =>
                await PostAsync($"/api/community/moderation/sanctions/{await w.ObjectAsync(() => SanctionAsync(w))}/lift", new { }),
            ["GET /api/community/moderation/actions"] = _ => Get("/api/community/moderation/actions"),
            ["GET /api/community/moderation/expiring"] = _ => Get("/api/community/moderation/expiring"),
            ["POST /api/community/anonymity/resolutions"] = async w =>
                await PostAsync("/api/community/anonymity/resolutions", new { itemId = await w.OnceAsync("community.anonymity.thread", () => AnonymousAsync(w)), reason = "矩阵核查来源" }),
            ["GET /api/community/anonymity/resolutions"] = _ => Get("/api/community/anonymity/resolutions"),
        };

    private static Task<HttpRequestMessage> Get(string url) => Task.FromResult(new HttpRequestMessage(HttpMethod.Get, url));

    private static Task<HttpRequestMessage> Post(string url, object body) => Task.FromResult(PostMessage(url, body));

    private static Task<HttpRequestMessage> PostAsync(string url, object body) => Task.FromResult(PostMessage(url, body));

    private static HttpRequestMessage PostMessage(string url, object body) => new(HttpMethod.Post, url) { Content = JsonContent.Create(body) };

    private static Task<Guid> BoardAsync(MatrixWorld w, ReviewMode mode) =>
        w.OnceAsync($"community.moderation.board.{mode}", async () =>
            await ModerationSeed.BoardAsync(w.App, await ModerationSeed.UserAsync(w.App, "moderator"), mode));

    private static async Task<Guid> PendingAsync(MatrixWorld w) =>
        await ModerationSeed.ThreadAsync(w.App, await BoardAsync(w, ReviewMode.PreReview), await ModerationSeed.UserAsync(w.App, "staff0102"), "矩阵待审帖");

    private static async Task<Guid> PublishedAsync(MatrixWorld w) =>
        await ModerationSeed.ThreadAsync(w.App, await BoardAsync(w, ReviewMode.PostReview), await ModerationSeed.UserAsync(w.App, "staff0102"), "矩阵已发布帖");

    private static async Task<Guid> AnonymousAsync(MatrixWorld w) =>
        await ModerationSeed.ThreadAsync(w.App, await BoardAsync(w, ReviewMode.PostReview), await ModerationSeed.UserAsync(w.App, "staff0102"), "矩阵匿名帖", anonymous: true);

    private static async Task<(Guid Id, long Version)> WordAsync(MatrixWorld w)
    {
        var moderator = await w.App.ClientForAsync("moderator");
        var word = await MatrixWorld.Ok(await moderator.PostAsJsonAsync("/api/community/moderation/words", new { word = ModerationSeed.Unique("矩阵备词"), action = "Hold" }));
        return (word.GetProperty("id").GetGuid(), word.GetProperty("version").GetInt64());
    }

    private static async Task<Guid> ReportAsync(MatrixWorld w)
    {
        var thread = await PublishedAsync(w);
        var reporter = await w.App.ClientForAsync("staff0102");
        return (await MatrixWorld.Ok(await reporter.PostAsJsonAsync($"/api/community/moderation/items/{thread}/reports", new { reason = "矩阵备用举报" }))).GetProperty("reportId").GetGuid();
    }

    private static async Task<Guid> SanctionAsync(MatrixWorld w)
    {
        var thread = await PublishedAsync(w);
        var moderator = await w.App.ClientForAsync("moderator");
        return (await MatrixWorld.Ok(await moderator.PostAsJsonAsync($"/api/community/moderation/items/{thread}/sanctions",
            new { kind = "Ban", scope = "Board", days = 1, reason = "矩阵备用移出" }))).GetProperty("id").GetGuid();
    }
}
