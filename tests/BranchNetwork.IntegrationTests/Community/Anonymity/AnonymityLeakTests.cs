using BranchNetwork.IntegrationTests.Community.Moderation;
using BranchNetwork.Modules.Community.Domain;
using BranchNetwork.Testing;
using Microsoft.EntityFrameworkCore;
using static BranchNetwork.IntegrationTests.Community.Moderation.ModerationSeed;

namespace BranchNetwork.IntegrationTests.Community.Anonymity;

/// <summary>The anonymous content every endpoint of the table may show, made once per test.</summary>
internal sealed record AnonymousWorld(Guid BoardId, Guid PendingBoardId, Guid ThreadId, Guid ReplyId, Guid PendingThreadId, Guid ReportedThreadId, string Pseudonym);

/// <summary>
/// CM-3, nothing leaks: for every community GET endpoint of the table, anonymous content's JSON never carries the
/// author's user id, user name or display name — for a moderator of the board, a head-office supervisor and the
/// author's colleagues. The content lies in every list the endpoints read (published, pending, reported, sanctioned,
/// expiring, recorded). Other areas add their endpoints to <see cref="Endpoints"/> (a path built from the world).
/// </summary>
[Trait("Spec", "CM-3")]
public sealed class AnonymityLeakTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    /// <summary>The readers who must not learn who wrote it: the board's moderator, a supervisor, colleagues of the author's sub-branch.</summary>
    public static readonly string[] Readers = ["moderator", "supervisor", "staff0102", "head01", "manager01"];

    /// <summary>Every community GET endpoint, with a path on the anonymous world. Add a row per new endpoint.</summary>
    internal static readonly IReadOnlyList<(string Key, Func<AnonymousWorld, string> Path)> Endpoints =
    [
        ("GET /api/community/moderation/queue", w => "/api/community/moderation/queue?pageSize=200"),
        ("GET /api/community/moderation/queue (board)", w => $"/api/community/moderation/queue?boardId={w.PendingBoardId}"),
        ("GET /api/community/moderation/reports", w => $"/api/community/moderation/reports?boardId={w.BoardId}"),
        ("GET /api/community/moderation/sanctions", w => "/api/community/moderation/sanctions?pageSize=200"),
        ("GET /api/community/moderation/actions", w => "/api/community/moderation/actions?pageSize=200"),
        ("GET /api/community/moderation/actions (board)", w => $"/api/community/moderation/actions?boardId={w.BoardId}"),
        ("GET /api/community/moderation/expiring", w => "/api/community/moderation/expiring?pageSize=200"),
        ("GET /api/community/moderation/words", w => "/api/community/moderation/words"),
    ];

    [Fact]
    public async Task No_community_endpoint_names_the_author_of_anonymous_content_to_any_reader()
    {
        app.EnsureAvailable();
        var (mod, author, colleague) = (await UserAsync(app, "moderator"), await UserAsync(app, "staff0101"), await UserAsync(app, "staff0102"));
        var world = await WorldAsync(mod, author, colleague);

        var failures = new List<string>();
        var answered = 0;
        foreach (var reader in Readers)
        {
            var client = await app.ClientForAsync(reader);
            foreach (var (key, path) in Endpoints)
            {
                var response = await client.GetAsync(path(world));
                var body = await response.Content.ReadAsStringAsync();
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{key} as {reader}: {(int)response.StatusCode}");
                }

                answered += response.IsSuccessStatusCode ? 1 : 0;
                if (body.Contains(author.Id.ToString(), StringComparison.OrdinalIgnoreCase) || body.Contains($"\"{author.UserName}\"", StringComparison.Ordinal)
                    || body.Contains(author.DisplayName, StringComparison.Ordinal))
                {
                    failures.Add($"{key} as {reader} names the author of anonymous content");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.True(answered > Endpoints.Count, "most cells must answer, or the test proves nothing");

        // The moderator's lists did carry the anonymous content (under its pseudonym).
        var moderator = await app.ClientForAsync("moderator");
        Assert.Contains("匿名用户#", await (await moderator.GetAsync($"/api/community/moderation/queue?boardId={world.PendingBoardId}")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(world.Pseudonym, await (await moderator.GetAsync($"/api/community/moderation/reports?boardId={world.BoardId}")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<AnonymousWorld> WorldAsync(CommunityUser mod, CommunityUser author, CommunityUser colleague)
    {
        var board = await BoardAsync(app, mod, expiryDays: 2);
        var pending = await BoardAsync(app, mod, ReviewMode.PreReview);
        var thread = await ThreadAsync(app, board, author, "匿名主题", anonymous: true);
        var reply = await ReplyAsync(app, thread, author, anonymous: true);
        var reported = await ThreadAsync(app, board, author, "被举报的匿名主题", anonymous: true);
        var pendingThread = await ThreadAsync(app, pending, author, "待审的匿名主题", anonymous: true);
        await ReplyAsync(app, thread, colleague);
        var moderator = await app.ClientForAsync("moderator");
        var staff = await app.ClientForAsync("staff0102");
        await OkAsync(await staff.PostAsync($"/api/community/moderation/items/{reported}/reports", new { reason = "举报匿名内容" }));
        await OkAsync(await staff.PostAsync($"/api/community/moderation/items/{reply}/reports", new { reason = "举报匿名回复" }));
        await OkAsync(await moderator.PostAsync($"/api/community/moderation/items/{reply}/sanctions", new { kind = "Warning", scope = "Board", days = 3, reason = "匿名警告" }));
        await OkAsync(await moderator.PostAsync($"/api/community/moderation/items/{thread}/sanctions", new { kind = "Ban", scope = "Community", days = 3, reason = "匿名移出" }));
        var pseudonym = await ReadAsync(app, db => db.Threads.Where(t => t.Id == thread).Select(t => t.Pseudonym!).FirstAsync());
        return new AnonymousWorld(board, pending, thread, reply, pendingThread, reported, pseudonym);
    }
}
