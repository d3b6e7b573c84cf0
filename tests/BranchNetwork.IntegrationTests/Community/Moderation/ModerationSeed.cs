using System.Net.Http.Json;
using System.Text.Json;
using BranchNetwork.Modules.Community.Data;
using BranchNetwork.Modules.Community.Domain;
using BranchNetwork.Modules.Community.Features.Shared;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.SharedKernel;
using BranchNetwork.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BranchNetwork.IntegrationTests.Community.Moderation;

/// <summary>A demo account as the tests name it.</summary>
internal sealed record CommunityUser(Guid Id, string UserName, string DisplayName, Guid UnitId);

/// <summary>
/// Boards, threads and replies made straight through the domain (Board.Create, BoardThread.Post, Reply.Post) and the
/// module's context, so the moderation tests do not wait for the boards and threads endpoints of the other areas.
/// </summary>
internal static class ModerationSeed
{
    public static async Task<CommunityUser> UserAsync(BranchNetworkFactory app, string userName)
    {
        using var scope = app.Services.CreateScope();
        var directory = scope.ServiceProvider.GetRequiredService<IOrganisationDirectory>();
        foreach (var id in await directory.ListActiveUserIdsAsync(null, null))
        {
            if (await directory.FindUserAsync(id) is { } user && user.UserName == userName)
            {
                return new CommunityUser(id, user.UserName, user.DisplayName, user.UnitId);
            }
        }

        throw new InvalidOperationException($"no user {userName}");
    }

    /// <summary>A whole-branch board moderated by <paramref name="moderator"/>.</summary>
    public static async Task<Guid> BoardAsync(BranchNetworkFactory app, CommunityUser moderator, ReviewMode review = ReviewMode.PostReview, bool anonymous = true,
        int? expiryDays = null, ExpiryAction expiry = ExpiryAction.Close, string? name = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommunityDbContext>();
        var board = Board.Create(
            new BoardSettings(name ?? Unique("版块"), "测试版块", "请遵守群规。", "欢迎", BoardAudienceKind.WholeBranch, null, review, anonymous, expiryDays, expiry),
            moderator.Id, moderator.DisplayName);
        db.Boards.Add(board);
        await db.SaveChangesAsync();
        return board.Id;
    }

    public static async Task<Guid> ThreadAsync(BranchNetworkFactory app, Guid boardId, CommunityUser author, string title, string body = "<p>正文内容</p>",
        bool anonymous = false, bool hold = false)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommunityDbContext>();
        var clock = scope.ServiceProvider.GetRequiredService<IClock>();
        var board = await db.Boards.Include(b => b.Moderators).FirstAsync(b => b.Id == boardId);
        var thread = BoardThread.Post(board, ThreadKind.Discussion, title, RichText.Sanitize(body), await AuthorAsync(scope.ServiceProvider, boardId, author, anonymous),
            hold, clock.UtcNow);
        db.Threads.Add(thread);
        await db.SaveChangesAsync();
        return thread.Id;
    }

    public static async Task<Guid> ReplyAsync(BranchNetworkFactory app, Guid threadId, CommunityUser author, string body = "<p>回复内容</p>", bool anonymous = false,
        bool hold = false)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommunityDbContext>();
        var clock = scope.ServiceProvider.GetRequiredService<IClock>();
        var thread = await db.Threads.FirstAsync(t => t.Id == threadId);
        var board = await db.Boards.Include(b => b.Moderators).FirstAsync(b => b.Id == thread.BoardId);
        var reply = Reply.Post(board, thread, RichText.Sanitize(body), await AuthorAsync(scope.ServiceProvider, board.Id, author, anonymous), null, hold, clock.UtcNow);
        db.Replies.Add(reply);
        await db.SaveChangesAsync();
        await db.Threads.Where(t => t.Id == threadId)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ReplyCount, t => db.Replies.Count(r => r.ThreadId == t.Id && r.State == PostState.Published)));
        return reply.Id;
    }

    public static async Task<T> ReadAsync<T>(BranchNetworkFactory app, Func<CommunityDbContext, Task<T>> read)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<CommunityDbContext>());
    }

    /// <summary>Runs a service of the module (the posting rules, the expiry job) in a scope of its own.</summary>
    public static async Task<T> WithAsync<TService, T>(BranchNetworkFactory app, Func<TService, Task<T>> use)
        where TService : notnull
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..6];

    public static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, int status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"expected {status}, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static Task<HttpResponseMessage> PostAsync(this HttpClient client, string url, object body) => client.PostAsJsonAsync(url, body);

    private static async Task<PostAuthor> AuthorAsync(IServiceProvider services, Guid boardId, CommunityUser author, bool anonymous)
    {
        if (!anonymous)
        {
            return PostAuthor.Named(author.Id, author.DisplayName, null);
        }

        var alias = await services.GetRequiredService<Pseudonyms>().ForAsync(boardId, author.Id, CancellationToken.None);
        return PostAuthor.Anonymous(author.Id, null, alias);
    }
}
