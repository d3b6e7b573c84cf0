using System.Net.Http.Json;
using BranchNetwork.IntegrationTests.Community.Boards;
using static BranchNetwork.IntegrationTests.Security.Expect;

namespace BranchNetwork.IntegrationTests.Security;

/// <summary>
/// The Community module's boards and threads (CM-1) in the authorisation matrix. A board's audience decides who reads
/// and posts (ORG-3): the objects are a board for 支行01 created by the supervisor (so the supervisor moderates it),
/// joined by staff0101, head01 and manager01, with staff0101's question thread and a reply. Outside 支行01 the board does
/// not exist (404) for head02, the task admin, the community moderator (who does not moderate this board) and the two
/// administrators (who also take no part: 403 on every write); the auditor reads and writes nothing. Board settings,
/// moderators, archiving, pin, feature and close are the board's moderators' (the supervisor); edits the author's
/// (staff0101); accepting an answer the asker's or a moderator's.
/// </summary>
internal static class CommunityBoardsMatrix
{
    public static readonly Expect[] AnySignedIn = [E401, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok];

    /// <summary>Those who create boards: moderators and head office's supervisors.</summary>
    public static readonly Expect[] Creators = [E401, E403, E403, E403, E403, Ok, E403, Ok, E403, E403, E403];

    /// <summary>Readers of the 支行01 board: its sub-branch, its moderator (the supervisor) and the auditor.</summary>
    public static readonly Expect[] Sb01Readers = [E401, Ok, Ok, E404, Ok, Ok, E404, E404, Ok, E404, E404];

    /// <summary>Who takes part in the 支行01 board: its readers, but not the auditor or the administrators (403).</summary>
    public static readonly Expect[] Sb01Participants = [E401, Ok, Ok, E404, Ok, Ok, E404, E404, E403, E403, E403];

    /// <summary>The 支行01 board's moderator only (the supervisor); its other readers 403.</summary>
    public static readonly Expect[] Sb01Moderator = [E401, E403, E403, E404, E403, Ok, E404, E404, E403, E403, E403];

    /// <summary>staff0101's own post: only staff0101.</summary>
    public static readonly Expect[] Sb01Author = [E401, Ok, E403, E404, E403, E403, E404, E404, E403, E403, E403];

    /// <summary>staff0101's question: the asker or the board's moderator.</summary>
    public static readonly Expect[] Sb01AskerOrModerator = [E401, Ok, E403, E404, E403, Ok, E404, E404, E403, E403, E403];

    public static readonly MatrixRow[] Rows =
    [
        //                                                                     anon  staff head01 head02 mgr01 superv task  moder audit admin secur
        new("GET /api/community/boards", AnySignedIn, Scoped: true),
        new("GET /api/community/boards/audience-options", Creators),
        new("GET /api/community/boards/{id}", Sb01Readers),
        new("POST /api/community/boards", Creators),
        new("PUT /api/community/boards/{id}", Sb01Moderator),
        new("POST /api/community/boards/{id}/moderators", Sb01Moderator),
        new("DELETE /api/community/boards/{id}/moderators/{userId}", Sb01Moderator),
        new("POST /api/community/boards/{id}/archive", Sb01Moderator),
        new("POST /api/community/boards/{id}/join", Sb01Participants),
        new("POST /api/community/boards/{id}/follow", Sb01Participants),
        new("POST /api/community/boards/{id}/unfollow", Sb01Participants),
        new("GET /api/community/boards/{id}/threads", Sb01Readers),
        new("GET /api/community/boards/{id}/mention-options", Sb01Readers),
        new("POST /api/community/boards/{id}/images", Sb01Participants),
    ];

    public static readonly IReadOnlyDictionary<string, Func<MatrixWorld, Task<HttpRequestMessage>>> Requests =
        new Dictionary<string, Func<MatrixWorld, Task<HttpRequestMessage>>>
        {
            ["GET /api/community/boards"] = w => Get("/api/community/boards"),
            ["GET /api/community/boards/audience-options"] = w => Get("/api/community/boards/audience-options"),
            ["GET /api/community/boards/{id}"] = async w => Message(HttpMethod.Get, $"/api/community/boards/{(await CommunityWorld.OfAsync(w)).Board}"),
            ["POST /api/community/boards"] = w => Task.FromResult(Message(HttpMethod.Post, "/api/community/boards", CommunityApi.BoardBody())),
            ["PUT /api/community/boards/{id}"] = async w =>
            {
                var (id, version) = await w.ObjectAsync(async () =>
                {
                    var fresh = await CommunityWorld.FreshSb01BoardAsync(w);
                    return (fresh.Id(), fresh.GetProperty("version").GetInt64());
                });
                return Message(HttpMethod.Put, $"/api/community/boards/{id}", new
                {
                    name = CommunityApi.Unique("矩阵改名"),
                    description = "",
                    rules = "群规",
                    welcomeMessage = "",
                    audienceKind = "SubBranch",
                    audienceUnitId = w.Sb01,
                    reviewMode = "PostReview",
                    allowsAnonymous = false,
                    expiryDays = (int?)null,
                    expiryAction = "Close",
                    sortOrder = 0,
                    version,
                });
            },
            ["POST /api/community/boards/{id}/moderators"] = async w =>
            {
                var world = await CommunityWorld.OfAsync(w);
                return Message(HttpMethod.Post, $"/api/community/boards/{(await w.ObjectAsync(async () => (await CommunityWorld.FreshSb01BoardAsync(w)).Id()))}/moderators", new { userId = world.Head01Id });
            },
            ["DELETE /api/community/boards/{id}/moderators/{userId}"] = async w =>
            {
                // The second moderator is staff0102, who is none of the callers: a caller who moderated the board could
                // remove them rightly, which is not the refusal this row is about.
                var staff0102 = (await MatrixWorld.Ok(await (await w.App.ClientForAsync("staff0102")).GetAsync("/api/me"))).Id();
                var board = await w.ObjectAsync(async () =>
                {
                    var id = (await CommunityWorld.FreshSb01BoardAsync(w)).Id();
                    _ = await MatrixWorld.Ok(await w.Supervisor.PostAsJsonAsync($"/api/community/boards/{id}/moderators", new { userId = staff0102 }));
                    return id;
                });
                return Message(HttpMethod.Delete, $"/api/community/boards/{board}/moderators/{staff0102}");
            },
            ["POST /api/community/boards/{id}/archive"] = async w =>
                Message(HttpMethod.Post, $"/api/community/boards/{await w.ObjectAsync(async () => (await CommunityWorld.FreshSb01BoardAsync(w)).Id())}/archive"),
            ["POST /api/community/boards/{id}/join"] = async w => Message(HttpMethod.Post, $"/api/community/boards/{(await CommunityWorld.OfAsync(w)).Board}/join", new { rulesVersion = 1 }),
            ["POST /api/community/boards/{id}/follow"] = async w => Message(HttpMethod.Post, $"/api/community/boards/{(await CommunityWorld.OfAsync(w)).Board}/follow"),
            ["POST /api/community/boards/{id}/unfollow"] = async w => Message(HttpMethod.Post, $"/api/community/boards/{(await CommunityWorld.OfAsync(w)).Board}/unfollow"),
            ["GET /api/community/boards/{id}/threads"] = async w => Message(HttpMethod.Get, $"/api/community/boards/{(await CommunityWorld.OfAsync(w)).Board}/threads"),
            ["GET /api/community/boards/{id}/mention-options"] = async w => Message(HttpMethod.Get, $"/api/community/boards/{(await CommunityWorld.OfAsync(w)).Board}/mention-options?q={Uri.EscapeDataString("支行")}"),
            ["POST /api/community/boards/{id}/images"] = async w =>
                new HttpRequestMessage(HttpMethod.Post, $"/api/community/boards/{(await CommunityWorld.OfAsync(w)).Board}/images") { Content = CommunityWorld.PngForm() },
        };

    public static Task<HttpRequestMessage> Get(string path) => Task.FromResult(new HttpRequestMessage(HttpMethod.Get, path));

    public static HttpRequestMessage Message(HttpMethod method, string path, object? body = null) =>
        new(method, path) { Content = body is null ? null : JsonContent.Create(body) };
}

/// <summary>The community objects the matrix shares, made once through the API (see <see cref="CommunityBoardsMatrix"/>).</summary>
internal sealed record CommunityWorld(Guid Board, Guid WholeBoard, Guid Thread, Guid Reply, Guid Question, Guid Answer, Guid Head01Id)
{
    public static Task<CommunityWorld> OfAsync(MatrixWorld w) =>
        w.OnceAsync("community.world", () => MakeAsync(w), c => [c.Board, c.Thread, c.Reply, c.Question, c.Answer]);

    public static async Task<System.Text.Json.JsonElement> FreshSb01BoardAsync(MatrixWorld w) =>
        await MatrixWorld.Ok(await w.Supervisor.PostAsJsonAsync("/api/community/boards", CommunityApi.BoardBody(audienceKind: "SubBranch", audienceUnitId: w.Sb01)));

    /// <summary>A fresh published thread of staff0101 in the 支行01 board (for the moderators' marks, which change it).</summary>
    public static async Task<Guid> FreshThreadAsync(MatrixWorld w)
    {
        var world = await OfAsync(w);
        return (await MatrixWorld.Ok(await w.For("staff0101").PostAsJsonAsync($"/api/community/boards/{world.Board}/threads", CommunityApi.ThreadBody(title: "矩阵标记帖")))).Id();
    }

    public static MultipartFormDataContent PngForm()
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. new byte[32]]);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/png");
        form.Add(file, "file", "图片.png");
        return form;
    }

    private static async Task<CommunityWorld> MakeAsync(MatrixWorld w)
    {
        var board = (await FreshSb01BoardAsync(w)).Id();
        var whole = (await MatrixWorld.Ok(await w.Supervisor.PostAsJsonAsync("/api/community/boards", CommunityApi.BoardBody()))).Id();
        var staff = w.For("staff0101");
        foreach (var member in new[] { "staff0101", "head01", "manager01" })
        {
            var client = w.For(member);
            _ = await MatrixWorld.Ok(await client.PostAsJsonAsync($"/api/community/boards/{board}/join", new { rulesVersion = 1 }));
            _ = await MatrixWorld.Ok(await client.PostAsJsonAsync($"/api/community/boards/{whole}/join", new { rulesVersion = 1 }));
        }

        var thread = (await MatrixWorld.Ok(await staff.PostAsJsonAsync($"/api/community/boards/{board}/threads", CommunityApi.ThreadBody(title: "矩阵帖子")))).Id();
        var reply = (await MatrixWorld.Ok(await staff.PostAsJsonAsync($"/api/community/threads/{thread}/replies", new { body = "<p>矩阵回复</p>", anonymous = false }))).Id();
        var question = (await MatrixWorld.Ok(await staff.PostAsJsonAsync($"/api/community/boards/{board}/threads", CommunityApi.ThreadBody(title: "矩阵提问", kind: "Question")))).Id();
        var answer = (await MatrixWorld.Ok(await w.For("head01").PostAsJsonAsync($"/api/community/threads/{question}/replies", new { body = "<p>矩阵答案</p>", anonymous = false }))).Id();
        var head01 = (await MatrixWorld.Ok(await w.Head01.GetAsync("/api/me"))).Id();
        return new CommunityWorld(board, whole, thread, reply, question, answer, head01);
    }
}
