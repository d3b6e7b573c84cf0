using System.Collections.Concurrent;
using System.Security.Claims;
using BranchNetwork.Infrastructure.Web;
using BranchNetwork.Modules.Community.Data;
using BranchNetwork.Modules.Community.Domain;
using BranchNetwork.Modules.Community.Features.Shared;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.SharedKernel;
using BranchNetwork.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BranchNetwork.IntegrationTests.Community.Feed;

/// <summary>
/// Boards, memberships, threads and replies for the polls, feed, search and discussion tests, made through the community's
/// domain (Board.Create, BoardThread.Post, Reply.Post) and its context — so these tests need neither the boards nor the
/// threads endpoints. Saves go through the context, so the search index is kept as in production.
/// </summary>
internal static class CommunitySeed
{
    private static readonly ConcurrentDictionary<(BranchNetworkFactory, string), BankUserInfo> Users = new();

    public static string Unique(string prefix) => $"{prefix}{Guid.NewGuid().ToString("N")[..6]}";

    public static async Task<BankUserInfo> UserAsync(BranchNetworkFactory app, string userName)
    {
        if (Users.TryGetValue((app, userName), out var known))
        {
            return known;
        }

        var me = await (await (await app.ClientForAsync(userName)).GetAsync("/api/me")).JsonAsync();
        using var scope = app.Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<IOrganisationDirectory>().FindUserAsync(me.GetProperty("id").GetGuid())
            ?? throw new InvalidOperationException($"no user {userName}");
        Users[(app, userName)] = user;
        return user;
    }

    /// <summary>The sub-branch of a user (their unit or the nearest sub-branch above it).</summary>
    public static async Task<Guid?> SubBranchAsync(BranchNetworkFactory app, BankUserInfo user)
    {
        using var scope = app.Services.CreateScope();
        var directory = scope.ServiceProvider.GetRequiredService<IOrganisationDirectory>();
        for (Guid? id = user.UnitId; id is { } current;)
        {
            var unit = await directory.FindUnitAsync(current);
            if (unit is null)
            {
                return null;
            }

            if (unit.Kind == OrgUnitKind.SubBranch)
            {
                return unit.Id;
            }

            id = unit.ParentId;
        }

        return null;
    }

    /// <summary>A board moderated by <paramref name="moderator"/>: the whole branch's, or the sub-branch of <paramref name="subBranchOf"/>.</summary>
    public static async Task<Guid> BoardAsync(BranchNetworkFactory app, string moderator = "moderator", string? subBranchOf = null, bool anonymous = false, string? name = null)
    {
        var mod = await UserAsync(app, moderator);
        var unit = subBranchOf is null ? null : await SubBranchAsync(app, await UserAsync(app, subBranchOf));
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CommunityDbContext>();
        var board = Board.Create(
            new BoardSettings(name ?? Unique("版块"), "测试版块", "请文明发言", "欢迎", unit is null ? BoardAudienceKind.WholeBranch : BoardAudienceKind.SubBranch, unit,
                ReviewMode.PostReview, anonymous, null, ExpiryAction.Close),
            mod.Id, mod.DisplayName);
        db.Boards.Add(board);
        await db.SaveChangesAsync();
        return board.Id;
    }

    /// <summary><paramref name="userName"/> joins the board and follows it (its feed).</summary>
    public static async Task FollowAsync(BranchNetworkFactory app, Guid boardId, string userName)
    {
        var user = await UserAsync(app, userName);
        var subBranch = await SubBranchAsync(app, user);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CommunityDbContext>();
        var board = await db.Boards.FirstAsync(b => b.Id == boardId);
        db.Members.Add(BoardMember.Join(board, user.Id, subBranch, scope.ServiceProvider.GetRequiredService<IClock>().UtcNow.AddMinutes(-1)));
        await db.SaveChangesAsync();
    }

    public static async Task<Guid> ThreadAsync(BranchNetworkFactory app, Guid boardId, string author, string title, string body, bool anonymous = false)
    {
        var user = await UserAsync(app, author);
        var subBranch = await SubBranchAsync(app, user);
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<CommunityDbContext>();
        var board = await db.Boards.Include(b => b.Moderators).FirstAsync(b => b.Id == boardId);
        var who = anonymous
            ? PostAuthor.Anonymous(user.Id, subBranch, await services.GetRequiredService<Pseudonyms>().ForAsync(boardId, user.Id, CancellationToken.None))
            : PostAuthor.Named(user.Id, user.DisplayName, subBranch);
        var thread = BoardThread.Post(board, ThreadKind.Discussion, title, RichText.Sanitize(body), who, hold: false, services.GetRequiredService<IClock>().UtcNow);
        db.Threads.Add(thread);
        await db.SaveChangesAsync();
        return thread.Id;
    }

    public static async Task<Guid> ReplyAsync(BranchNetworkFactory app, Guid threadId, string author, string body, bool anonymous = false)
    {
        var user = await UserAsync(app, author);
        var subBranch = await SubBranchAsync(app, user);
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<CommunityDbContext>();
        var thread = await db.Threads.FirstAsync(t => t.Id == threadId);
        var board = await db.Boards.Include(b => b.Moderators).FirstAsync(b => b.Id == thread.BoardId);
        var who = anonymous
            ? PostAuthor.Anonymous(user.Id, subBranch, await services.GetRequiredService<Pseudonyms>().ForAsync(board.Id, user.Id, CancellationToken.None))
            : PostAuthor.Named(user.Id, user.DisplayName, subBranch);
        var now = services.GetRequiredService<IClock>().UtcNow;
        var reply = Reply.Post(board, thread, RichText.Sanitize(body), who, null, hold: false, now);
        db.Replies.Add(reply);
        await db.SaveChangesAsync();

        // The threads area moves the counters and the activity time in one statement; the seed does the same.
        await db.Threads.Where(t => t.Id == threadId)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ReplyCount, t => t.ReplyCount + 1).SetProperty(t => t.LastActivityAtUtc, now));
        return reply.Id;
    }

    /// <summary>Sets a thread's counters (the hot list's score) and activity time, as the threads area's store would.</summary>
    public static async Task CountersAsync(BranchNetworkFactory app, Guid threadId, int replies, int likes, DateTime? activityUtc = null)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CommunityDbContext>();
        var at = activityUtc ?? scope.ServiceProvider.GetRequiredService<IClock>().UtcNow;
        await db.Threads.Where(t => t.Id == threadId)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ReplyCount, replies).SetProperty(t => t.LikeCount, likes).SetProperty(t => t.LastActivityAtUtc, at));
    }

    /// <summary>A scope acting as a user who exists only by id (a synthetic staff member), for load through the handler path.</summary>
    public static AsyncServiceScope ScopeAs(BranchNetworkFactory app, Guid userId, string role = BankRoles.Staff)
    {
        var scope = app.Services.CreateAsyncScope();
        var identity = new ClaimsIdentity(
            [new Claim(CurrentUser.SubjectClaim, userId.ToString()), new Claim(CurrentUser.NameClaim, $"synthetic-{userId:N}"), new Claim(CurrentUser.RoleClaim, role)],
            "test", CurrentUser.NameClaim, CurrentUser.RoleClaim);
        scope.ServiceProvider.GetRequiredService<CurrentUser>().SetCircuitPrincipal(new ClaimsPrincipal(identity));
        return scope;
    }
}
