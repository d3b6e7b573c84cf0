using System.Net.Http.Json;
using System.Text.Json;
using BranchNetwork.Testing;

namespace BranchNetwork.IntegrationTests.Community.Boards;

/// <summary>The boards and threads area through its API: boards made by the moderator, joined by members, threads and replies posted.</summary>
internal static class CommunityApi
{
    private static int counter;

    public static string Unique(string prefix) => $"{prefix}{Interlocked.Increment(ref counter)}-{Guid.NewGuid().ToString("N")[..6]}";

    public static object BoardBody(
        string? name = null, string audienceKind = "WholeBranch", Guid? audienceUnitId = null, string reviewMode = "PostReview",
        bool allowsAnonymous = false, int? expiryDays = null, string rules = "文明发言，不得发布客户信息。") => new
        {
            name = name ?? Unique("版块"),
            description = "测试版块",
            rules,
            welcomeMessage = "欢迎加入！",
            audienceKind,
            audienceUnitId,
            reviewMode,
            allowsAnonymous,
            expiryDays,
            expiryAction = "Close",
            sortOrder = 0,
        };

    public static async Task<JsonElement> OkJsonAsync(this HttpResponseMessage response)
    {
        var json = await response.JsonAsync();
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery}: {(int)response.StatusCode} {json}");
        return json;
    }

    public static async Task<JsonElement> CreateBoardAsync(this HttpClient moderator, object? body = null) =>
        await (await moderator.PostAsJsonAsync("/api/community/boards", body ?? BoardBody())).OkJsonAsync();

    public static async Task<JsonElement> JoinAsync(this HttpClient member, Guid boardId)
    {
        var board = await (await member.GetAsync($"/api/community/boards/{boardId}")).OkJsonAsync();
        return await (await member.PostAsJsonAsync($"/api/community/boards/{boardId}/join", new { rulesVersion = board.GetProperty("rulesVersion").GetInt32() })).OkJsonAsync();
    }

    public static object ThreadBody(
        string? title = null, string body = "<p>开门红营销经验分享</p>", string kind = "Discussion", bool anonymous = false,
        Guid[]? mentionedUserIds = null, Guid[]? mentionedSubBranchIds = null, string[]? tags = null) => new
        {
            title = title ?? Unique("帖子"),
            body,
            kind,
            tags = tags ?? ["营销"],
            anonymous,
            mentionedUserIds = mentionedUserIds ?? [],
            mentionedSubBranchIds = mentionedSubBranchIds ?? [],
        };

    public static Task<HttpResponseMessage> PostThreadAsync(this HttpClient client, Guid boardId, object body) =>
        client.PostAsJsonAsync($"/api/community/boards/{boardId}/threads", body);

    public static async Task<JsonElement> ThreadAsync(this HttpClient client, Guid boardId, object? body = null) =>
        await (await client.PostThreadAsync(boardId, body ?? ThreadBody())).OkJsonAsync();

    public static Task<HttpResponseMessage> PostReplyAsync(this HttpClient client, Guid threadId, string body = "<p>赞同，学习了。</p>", bool anonymous = false, Guid? quotedReplyId = null, Guid[]? mentionedUserIds = null) =>
        client.PostAsJsonAsync($"/api/community/threads/{threadId}/replies", new { body, quotedReplyId, anonymous, mentionedUserIds = mentionedUserIds ?? [], mentionedSubBranchIds = Array.Empty<Guid>() });

    public static async Task<JsonElement> ReplyAsync(this HttpClient client, Guid threadId, string body = "<p>赞同，学习了。</p>", bool anonymous = false, Guid? quotedReplyId = null) =>
        await (await client.PostReplyAsync(threadId, body, anonymous, quotedReplyId)).OkJsonAsync();

    /// <summary>A client with a token issued now (the factory keeps the first token of each user, which a moved clock expires).</summary>
    public static async Task<HttpClient> FreshClientAsync(BranchNetworkFactory app, string userName)
    {
        var response = await app.RequestPasswordTokenAsync(userName, BranchNetworkFactory.DemoPassword);
        var token = (await response.OkJsonAsync()).GetProperty("access_token").GetString();
        var client = app.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static Guid Id(this JsonElement json) => json.GetProperty("id").GetGuid();

    public static async Task<Guid> MeAsync(this HttpClient client) => (await (await client.GetAsync("/api/me")).OkJsonAsync()).GetProperty("id").GetGuid();

    public static async Task<Dictionary<string, Guid>> UnitsAsync(BranchNetworkFactory app) =>
        (await Identity.UserAdministrationTests.UnitsByCodeAsync(await app.ClientForAsync("admin"))).ToDictionary(u => u.Key, u => Guid.Parse(u.Value));
}
