using System.Net.Http.Json;
using BranchNetwork.IntegrationTests.Community.Polls;
using static BranchNetwork.IntegrationTests.Security.Expect;

namespace BranchNetwork.IntegrationTests.Security;

/// <summary>
/// The Community module's polls, discussions, feed and search in the authorisation matrix: rows (columns as
/// <see cref="AuthorizationMatrix.Callers"/>) and requests. The poll's thread is staff0101's in a board of 支行01 whose
/// 版主 is head01: 支行01's members read and vote; the author and the board's moderator add and close polls; everyone
/// outside 支行01 but the auditor learns nothing (404); the auditor reads and never takes part (403, also for opening a discussion), nor do the system
/// and security administrators (403). 全员点评 of published results is the whole branch's; the feed, search and
/// 与我相关 are every signed-in user's own, filtered by the boards each reads.
/// </summary>
internal static class CommunityPollsFeedMatrix
{
    private static readonly Expect[] AnySignedIn = [E401, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok];

    /// <summary>The caller's own bookkeeping (read marks): everyone's, but the auditor writes nothing at all (ORG-2).</summary>
    private static readonly Expect[] AnySignedInButAuditor = [E401, Ok, Ok, Ok, Ok, Ok, Ok, Ok, E403, Ok, Ok];

    public static readonly MatrixRow[] Rows =
    [
        //                                                                     anon  staff head01 head02 mgr01 superv task  moder audit admin secur
        new("GET /api/community/threads/{threadId}/poll",                     [E401, Ok,   Ok,    E404,  Ok,   E404,  E404, E404, Ok,   E404, E404]),
        new("POST /api/community/threads/{threadId}/poll",                    [E401, Ok,   Ok,    E404,  E403, E404,  E404, E404, E403, E403, E403]),
        new("POST /api/community/polls/{pollId}/votes",                       [E401, Ok,   Ok,    E404,  Ok,   E404,  E404, E404, E403, E403, E403]),
        new("POST /api/community/polls/{pollId}/close",                       [E401, Ok,   Ok,    E404,  E403, E404,  E404, E404, E403, E403, E403]),
        new("POST /api/community/discussions/{kind}/{subjectId}",             [E401, Ok,   Ok,    Ok,    Ok,   Ok,    Ok,   Ok,   E403, Ok,   Ok]),
        new("GET /api/community/feed", AnySignedIn, Scoped: true),
        new("POST /api/community/feed/read", AnySignedInButAuditor),
        new("GET /api/community/search", AnySignedIn, Scoped: true),
        new("GET /api/community/activity", AnySignedIn, Scoped: true),
        new("POST /api/community/activity/seen", AnySignedInButAuditor),
    ];

    public static readonly IReadOnlyDictionary<string, Func<MatrixWorld, Task<HttpRequestMessage>>> Requests =
        new Dictionary<string, Func<MatrixWorld, Task<HttpRequestMessage>>>
        {
            ["GET /api/community/threads/{threadId}/poll"] = async w => Get($"/api/community/threads/{(await SharedPollAsync(w)).ThreadId}/poll"),
            ["POST /api/community/threads/{threadId}/poll"] = async w =>
                Json($"/api/community/threads/{await w.ObjectAsync(async () => await PollsWorld.ThreadAsync(w.App, await BoardAsync(w)))}/poll", PollsApi.Poll()),
            ["POST /api/community/polls/{pollId}/votes"] = async w =>
            {
                var (_, pollId, optionId) = await SharedPollAsync(w);
                return Json($"/api/community/polls/{pollId}/votes", new { optionIds = new[] { optionId } });
            },
            ["POST /api/community/polls/{pollId}/close"] = async w =>
                new HttpRequestMessage(HttpMethod.Post, $"/api/community/polls/{(await w.ObjectAsync(async () => await PollsWorld.PollAsync(w.App, await BoardAsync(w)))).PollId}/close"),
            ["POST /api/community/discussions/{kind}/{subjectId}"] = async w =>
            {
                // Opened once first: every caller but the auditor (who writes nothing) meets an opened one and is given it.
                await w.OnceAsync("community.discussion", async () => (await w.Head01.PostAsync($"/api/community/discussions/AssessmentResults/{w.Published.Id}", null)).EnsureSuccessStatusCode());
                return new HttpRequestMessage(HttpMethod.Post, $"/api/community/discussions/AssessmentResults/{w.Published.Id}");
            },
            ["GET /api/community/feed"] = async w =>
            {
                await SharedPollAsync(w);
                return Get("/api/community/feed?sort=hot");
            },
            ["POST /api/community/feed/read"] = w => Task.FromResult(Json("/api/community/feed/read", new { })),
            ["GET /api/community/search"] = async w =>
            {
                await SharedPollAsync(w);
                return Get("/api/community/search?q=" + Uri.EscapeDataString("矩阵测试"));
            },
            ["GET /api/community/activity"] = async w =>
            {
                await SharedPollAsync(w);
                return Get("/api/community/activity");
            },
            ["POST /api/community/activity/seen"] = w => Task.FromResult(new HttpRequestMessage(HttpMethod.Post, "/api/community/activity/seen")),
        };

    /// <summary>支行01's board (head01 its 版主), made once; its id is 支行01's private.</summary>
    private static Task<Guid> BoardAsync(MatrixWorld w) => w.OnceAsync("community.polls.board", () => PollsWorld.Sb01BoardAsync(w.App), id => [id]);

    /// <summary>One poll every caller votes in (each once), made once; its thread's and poll's ids are 支行01's private.</summary>
    private static Task<(Guid ThreadId, Guid PollId, Guid OptionId)> SharedPollAsync(MatrixWorld w) =>
        w.OnceAsync("community.polls.poll", async () => await PollsWorld.PollAsync(w.App, await BoardAsync(w)), p => [p.ThreadId, p.PollId, p.OptionId]);

    private static HttpRequestMessage Get(string url) => new(HttpMethod.Get, url);

    private static HttpRequestMessage Json(string url, object body) => new(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
}
