using BranchNetwork.IntegrationTests.Community.Moderation;
using BranchNetwork.Testing;
using Microsoft.EntityFrameworkCore;
using static BranchNetwork.IntegrationTests.Community.Moderation.ModerationSeed;

namespace BranchNetwork.IntegrationTests.Community.Anonymity;

/// <summary>
/// CM-3, the auditor's side: only an Auditor resolves a pseudonym (of a thread, a reply, or a board's pseudonym), with a
/// reason of at least 5 characters; the resolution is a recorded row that reaches the audit trail; every other role —
/// moderators included — is refused. Moderation still reaches the hidden account without naming it.
/// </summary>
[Trait("Spec", "CM-3")]
public sealed class AnonymityTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    private static readonly string[] NotAuditors = ["staff0101", "staff0102", "head01", "manager01", "supervisor", "taskadmin", "moderator", "admin", "security", "leader"];

    [Fact]
    public async Task Only_the_auditor_resolves_a_pseudonym_with_a_reason_and_the_resolution_is_recorded()
    {
        app.EnsureAvailable();
        var (mod, author) = (await UserAsync(app, "moderator"), await UserAsync(app, "staff0101"));
        var board = await BoardAsync(app, mod);
        var thread = await ThreadAsync(app, board, author, "匿名提问", anonymous: true);
        var reply = await ReplyAsync(app, thread, author, anonymous: true);
        var named = await ThreadAsync(app, board, author, "实名帖子");
        var alias = await ReadAsync(app, db => db.Threads.Where(t => t.Id == thread).Select(t => t.Pseudonym!).FirstAsync());
        var auditor = await app.ClientForAsync("auditor");

        foreach (var user in NotAuditors)
        {
            var client = await app.ClientForAsync(user);
            var refused = await ProblemAsync(await client.PostAsync("/api/community/anonymity/resolutions", new { itemId = thread, reason = "核查违规内容来源" }), 403);
            Assert.DoesNotContain(author.DisplayName, refused.GetRawText(), StringComparison.Ordinal);
            await ProblemAsync(await client.GetAsync("/api/community/anonymity/resolutions"), 403);
        }

        await ProblemAsync(await auditor.PostAsync("/api/community/anonymity/resolutions", new { itemId = thread, reason = "查一下" }), 400);
        await ProblemAsync(await auditor.PostAsync("/api/community/anonymity/resolutions", new { itemId = thread }), 400);
        await ProblemAsync(await auditor.PostAsync("/api/community/anonymity/resolutions", new { reason = "核查违规内容来源" }), 400);
        await ProblemAsync(await auditor.PostAsync("/api/community/anonymity/resolutions", new { itemId = named, reason = "核查违规内容来源" }), 400);
        await ProblemAsync(await auditor.PostAsync("/api/community/anonymity/resolutions", new { boardId = board, pseudonym = "匿名用户#0000", reason = "核查违规内容来源" }), 404);
        Assert.Equal(0, await ReadAsync(app, db => db.PseudonymResolutions.CountAsync(r => r.BoardId == board)));

        var resolved = await OkAsync(await auditor.PostAsync("/api/community/anonymity/resolutions", new { itemId = thread, reason = "核查违规内容来源" }));
        Assert.Equal(author.Id, resolved.GetProperty("userId").GetGuid());
        Assert.Equal(author.DisplayName, resolved.GetProperty("displayName").GetString());
        Assert.Equal(author.UnitId, resolved.GetProperty("unitId").GetGuid());
        Assert.Equal(alias, resolved.GetProperty("pseudonym").GetString());
        Assert.Equal(author.Id, (await OkAsync(await auditor.PostAsync("/api/community/anonymity/resolutions", new { itemId = reply, reason = "核查回复来源" }))).GetProperty("userId").GetGuid());
        Assert.Equal(author.Id, (await OkAsync(await auditor.PostAsync("/api/community/anonymity/resolutions", new { boardId = board, pseudonym = alias, reason = "按称呼核查" }))).GetProperty("userId").GetGuid());

        var rows = await ReadAsync(app, db => db.PseudonymResolutions.Where(r => r.BoardId == board).OrderBy(r => r.AtUtc).ToListAsync());
        Assert.Equal(3, rows.Count);
        Assert.Equal("核查违规内容来源", rows[0].Reason);
        Assert.Equal(thread, rows[0].ThreadId);
        Assert.Equal(reply, rows[1].ReplyId);
        var auditorUser = await UserAsync(app, "auditor");
        Assert.All(rows, r => Assert.Equal(auditorUser.Id, r.AuditorId));

        var listed = await OkAsync(await auditor.GetAsync("/api/community/anonymity/resolutions?pageSize=200"));
        Assert.Contains(listed.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == rows[0].Id && i.GetProperty("resolvedName").GetString() == author.DisplayName);

        // The audit trail (AU-2) holds the resolution, for the auditor.
        var id = resolved.GetProperty("resolutionId").GetGuid();
        await Eventually.WaitAsync(
            async () => await (await auditor.GetAsync($"/api/audit/trail/entity?module=Community&entityType=PseudonymResolution&entityId={id}")).Content.ReadAsStringAsync(),
            body => body.Contains("核查违规内容来源", StringComparison.Ordinal), "the resolution in the audit trail");
    }

    [Fact]
    public async Task A_ban_on_anonymous_content_reaches_the_hidden_account_without_naming_it()
    {
        app.EnsureAvailable();
        var (mod, author) = (await UserAsync(app, "moderator"), await UserAsync(app, "staff0101"));
        var board = await BoardAsync(app, mod);
        var thread = await ThreadAsync(app, board, author, "匿名发言", anonymous: true);
        var moderator = await app.ClientForAsync("moderator");

        var response = await moderator.PostAsync($"/api/community/moderation/items/{thread}/sanctions", new { kind = "Ban", scope = "Board", days = 2, reason = "匿名骚扰" });
        var ban = await OkAsync(response);
        AssertNoAuthor(ban.GetRawText(), author);
        Assert.True(ban.GetProperty("isAnonymous").GetBoolean());
        Assert.StartsWith("匿名用户#", ban.GetProperty("targetName").GetString(), StringComparison.Ordinal);
        Assert.Equal(author.Id, await ReadAsync(app, db => db.Sanctions.Where(s => s.Id == ban.GetProperty("id").GetGuid()).Select(s => s.UserId).FirstAsync()));
        AssertNoAuthor(await (await moderator.GetAsync("/api/community/moderation/sanctions")).Content.ReadAsStringAsync(), author);
        AssertNoAuthor(await (await moderator.GetAsync("/api/community/moderation/actions")).Content.ReadAsStringAsync(), author);
    }

    internal static void AssertNoAuthor(string body, CommunityUser author)
    {
        Assert.DoesNotContain(author.Id.ToString(), body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain($"\"{author.UserName}\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain(author.DisplayName, body, StringComparison.Ordinal);
    }
}
