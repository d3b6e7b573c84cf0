using static BranchNetwork.IntegrationTests.Security.CommunityBoardsMatrix;

namespace BranchNetwork.IntegrationTests.Security;

/// <summary>The Community module's threads and replies (CM-1) in the authorisation matrix, on the objects of <see cref="CommunityWorld"/>.</summary>
internal static class CommunityThreadsMatrix
{
    public static readonly MatrixRow[] Rows =
    [
        new("POST /api/community/boards/{id}/threads", Sb01Participants),
        new("GET /api/community/threads/{id}", Sb01Readers),
        new("PUT /api/community/threads/{id}", Sb01Author),
        new("GET /api/community/threads/{id}/replies", Sb01Readers),
        new("POST /api/community/threads/{id}/replies", Sb01Participants),
        new("GET /api/community/threads/{id}/history", Sb01Readers),
        new("PUT /api/community/replies/{id}", Sb01Author),
        new("POST /api/community/threads/{id}/like", Sb01Participants),
        new("POST /api/community/threads/{id}/unlike", Sb01Participants),
        new("POST /api/community/replies/{id}/like", Sb01Participants),
        new("POST /api/community/replies/{id}/unlike", Sb01Participants),
        new("GET /api/community/threads/{id}/likes", Sb01Readers),
        new("GET /api/community/replies/{id}/likes", Sb01Readers),
        new("POST /api/community/threads/{id}/favourite", Sb01Participants),
        new("POST /api/community/threads/{id}/unfavourite", Sb01Participants),
        new("GET /api/community/favourites", AnySignedIn, Scoped: true),
        new("POST /api/community/threads/{id}/share", Sb01Participants),
        new("POST /api/community/replies/{id}/accept", Sb01AskerOrModerator),
        new("POST /api/community/replies/{id}/unaccept", Sb01AskerOrModerator),
        new("POST /api/community/threads/{id}/pin", Sb01Moderator),
        new("POST /api/community/threads/{id}/unpin", Sb01Moderator),
        new("POST /api/community/threads/{id}/feature", Sb01Moderator),
        new("POST /api/community/threads/{id}/unfeature", Sb01Moderator),
        new("POST /api/community/threads/{id}/close", Sb01Moderator),
        new("POST /api/community/threads/{id}/reopen", Sb01Moderator),
    ];

    public static readonly IReadOnlyDictionary<string, Func<MatrixWorld, Task<HttpRequestMessage>>> Requests =
        new Dictionary<string, Func<MatrixWorld, Task<HttpRequestMessage>>>
        {
            ["POST /api/community/boards/{id}/threads"] = async w => Message(HttpMethod.Post, $"/api/community/boards/{(await CommunityWorld.OfAsync(w)).Board}/threads", Community.Boards.CommunityApi.ThreadBody(title: "矩阵新帖")),
            ["GET /api/community/threads/{id}"] = async w => Message(HttpMethod.Get, $"/api/community/threads/{(await CommunityWorld.OfAsync(w)).Thread}"),
            ["PUT /api/community/threads/{id}"] = async w => Message(HttpMethod.Put, $"/api/community/threads/{(await CommunityWorld.OfAsync(w)).Thread}", new { title = "矩阵帖子（改）", body = "<p>改过的正文</p>" }),
            ["GET /api/community/threads/{id}/replies"] = async w => Message(HttpMethod.Get, $"/api/community/threads/{(await CommunityWorld.OfAsync(w)).Thread}/replies"),
            ["POST /api/community/threads/{id}/replies"] = async w => Message(HttpMethod.Post, $"/api/community/threads/{(await CommunityWorld.OfAsync(w)).Thread}/replies", new { body = "<p>矩阵跟帖</p>", anonymous = false }),
            ["GET /api/community/threads/{id}/history"] = async w => Message(HttpMethod.Get, $"/api/community/threads/{(await CommunityWorld.OfAsync(w)).Thread}/history"),
            ["GET /api/community/threads/{id}/likes"] = async w => Message(HttpMethod.Get, $"/api/community/threads/{(await CommunityWorld.OfAsync(w)).Thread}/likes"),
            ["GET /api/community/replies/{id}/likes"] = async w => Message(HttpMethod.Get, $"/api/community/replies/{(await CommunityWorld.OfAsync(w)).Reply}/likes"),
            ["PUT /api/community/replies/{id}"] = async w => Message(HttpMethod.Put, $"/api/community/replies/{(await CommunityWorld.OfAsync(w)).Reply}", new { body = "<p>改过的回复</p>" }),
            ["POST /api/community/threads/{id}/like"] = async w => Message(HttpMethod.Post, $"/api/community/threads/{(await CommunityWorld.OfAsync(w)).Thread}/like"),
            ["POST /api/community/threads/{id}/unlike"] = async w => Message(HttpMethod.Post, $"/api/community/threads/{(await CommunityWorld.OfAsync(w)).Thread}/unlike"),
            ["POST /api/community/replies/{id}/like"] = async w => Message(HttpMethod.Post, $"/api/community/replies/{(await CommunityWorld.OfAsync(w)).Reply}/like"),
            ["POST /api/community/replies/{id}/unlike"] = async w => Message(HttpMethod.Post, $"/api/community/replies/{(await CommunityWorld.OfAsync(w)).Reply}/unlike"),
            ["POST /api/community/threads/{id}/favourite"] = async w => Message(HttpMethod.Post, $"/api/community/threads/{(await CommunityWorld.OfAsync(w)).Thread}/favourite"),
            ["POST /api/community/threads/{id}/unfavourite"] = async w => Message(HttpMethod.Post, $"/api/community/threads/{(await CommunityWorld.OfAsync(w)).Thread}/unfavourite"),
            ["GET /api/community/favourites"] = w => Get("/api/community/favourites"),
            ["POST /api/community/threads/{id}/share"] = async w =>
            {
                var world = await CommunityWorld.OfAsync(w);
                return Message(HttpMethod.Post, $"/api/community/threads/{world.Thread}/share", new { targetBoardId = world.WholeBoard, comment = "", anonymous = false });
            },
            ["POST /api/community/replies/{id}/accept"] = async w => Message(HttpMethod.Post, $"/api/community/replies/{(await CommunityWorld.OfAsync(w)).Answer}/accept"),
            ["POST /api/community/replies/{id}/unaccept"] = async w => Message(HttpMethod.Post, $"/api/community/replies/{(await CommunityWorld.OfAsync(w)).Answer}/unaccept"),
            ["POST /api/community/threads/{id}/pin"] = async w => Message(HttpMethod.Post, $"/api/community/threads/{await w.ObjectAsync(() => CommunityWorld.FreshThreadAsync(w))}/pin"),
            ["POST /api/community/threads/{id}/unpin"] = async w => Message(HttpMethod.Post, $"/api/community/threads/{await w.ObjectAsync(() => CommunityWorld.FreshThreadAsync(w))}/unpin"),
            ["POST /api/community/threads/{id}/feature"] = async w => Message(HttpMethod.Post, $"/api/community/threads/{await w.ObjectAsync(() => CommunityWorld.FreshThreadAsync(w))}/feature"),
            ["POST /api/community/threads/{id}/unfeature"] = async w => Message(HttpMethod.Post, $"/api/community/threads/{await w.ObjectAsync(() => CommunityWorld.FreshThreadAsync(w))}/unfeature"),
            ["POST /api/community/threads/{id}/close"] = async w => Message(HttpMethod.Post, $"/api/community/threads/{await w.ObjectAsync(() => CommunityWorld.FreshThreadAsync(w))}/close"),
            ["POST /api/community/threads/{id}/reopen"] = async w => Message(HttpMethod.Post, $"/api/community/threads/{await w.ObjectAsync(() => CommunityWorld.FreshThreadAsync(w))}/reopen"),
        };
}
