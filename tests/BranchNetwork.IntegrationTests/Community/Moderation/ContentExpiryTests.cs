using BranchNetwork.IntegrationTests.Home;
using BranchNetwork.Modules.Community.Domain;
using BranchNetwork.Modules.Community.Features.ExpireContent;
using BranchNetwork.Modules.Community.Features.Shared;
using BranchNetwork.SharedKernel.Errors;
using BranchNetwork.Testing;
using Microsoft.EntityFrameworkCore;
using static BranchNetwork.IntegrationTests.Community.Moderation.ModerationSeed;

namespace BranchNetwork.IntegrationTests.Community.Moderation;

/// <summary>
/// CM-4 content expiry (主题与期限) and the moderator's home cards (SPEC §9): the hourly job, driven by the test clock, closes or archives the threads whose time passed, once; the cards count what waits. Its own app: the test moves the clock.
/// </summary>
[Trait("Spec", "CM-4")]
public sealed class ContentExpiryTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    [Fact]
    public async Task The_expiry_job_closes_or_archives_threads_once_and_the_home_cards_count_what_waits()
    {
        app.EnsureAvailable();
        var (mod, staff0101) = (await UserAsync(app, "moderator"), await UserAsync(app, "staff0101"));
        var closing = await BoardAsync(app, mod, expiryDays: 3, expiry: ExpiryAction.Close);
        var archiving = await BoardAsync(app, mod, expiryDays: 3, expiry: ExpiryAction.Archive);
        var pre = await BoardAsync(app, mod, ReviewMode.PreReview);
        var before = await HomePage.CardAsync(app, "moderator", "CommunityExpiring");
        var queueBefore = await HomePage.CardAsync(app, "moderator", "CommunityReviewQueue");
        var closed = await ThreadAsync(app, closing, staff0101, "三天后关闭");
        var archived = await ThreadAsync(app, archiving, staff0101, "三天后归档");
        await ThreadAsync(app, pre, staff0101, "等待审核");

        var expiring = await HomePage.CardAsync(app, "moderator", "CommunityExpiring");
        Assert.Equal(before.Count + 2, expiring.Count);
        Assert.Equal("/community/moderation?tab=expiring", expiring.Link);
        Assert.Equal(queueBefore.Count + 1, (await HomePage.CardAsync(app, "moderator", "CommunityReviewQueue")).Count);
        Assert.False(HomePage.Has(await HomePage.ReadAsync(app, "staff0101"), "CommunityReviewQueue"));
        var list = await OkAsync(await (await app.ClientForAsync("moderator")).GetAsync("/api/community/moderation/expiring?pageSize=200"));
        Assert.Contains(list.GetProperty("items").EnumerateArray(), i => i.GetProperty("threadId").GetGuid() == closed);

        Assert.Equal(0, (await WithAsync<ContentExpiry, ContentExpiryRun>(app, j => j.RunAsync(CancellationToken.None))).Expired);
        app.Clock.Advance(TimeSpan.FromDays(3) + TimeSpan.FromHours(1));
        var run = await WithAsync<ContentExpiry, ContentExpiryRun>(app, j => j.RunAsync(CancellationToken.None));
        Assert.True(run.Expired >= 2);
        Assert.Equal(0, (await WithAsync<ContentExpiry, ContentExpiryRun>(app, j => j.RunAsync(CancellationToken.None))).Expired);

        var threads = await ReadAsync(app, db => db.Threads.Where(t => t.Id == closed || t.Id == archived).ToDictionaryAsync(t => t.Id));
        Assert.True(threads[closed].IsClosed);
        Assert.False(threads[closed].IsArchived);
        Assert.True(threads[archived].IsClosed);
        Assert.True(threads[archived].IsArchived);
        Assert.Null(threads[closed].ExpiresAtUtc);
        Assert.Throws<ConflictException>(() => threads[closed].EnsureTakesReplies(app.Clock.UtcNow));

        // Each expiry is in the moderation record once, as the system's, under the thread's title (read after signing in again:
        // three days have passed).
        app.ForgetTokens();
        var record = await OkAsync(await (await app.ClientForAsync("moderator")).GetAsync("/api/community/moderation/actions?pageSize=200"));
        var rows = record.GetProperty("items").EnumerateArray().ToList();
        var closedRow = Assert.Single(rows, r => r.GetProperty("threadId").ValueKind != System.Text.Json.JsonValueKind.Null && r.GetProperty("threadId").GetGuid() == closed);
        Assert.Equal("ExpireClose", closedRow.GetProperty("kind").GetString());
        Assert.Equal("三天后关闭", closedRow.GetProperty("subject").GetString());
        Assert.Equal("", closedRow.GetProperty("actorName").GetString());
        var archivedRow = Assert.Single(rows, r => r.GetProperty("threadId").ValueKind != System.Text.Json.JsonValueKind.Null && r.GetProperty("threadId").GetGuid() == archived);
        Assert.Equal("ExpireArchive", archivedRow.GetProperty("kind").GetString());
    }

    private async Task MayPostAsync(Guid boardId, Guid userId) =>
        await WithAsync<PostingRules, bool>(app, async rules =>
        {
            await rules.EnsureMayPostAsync(boardId, userId, CancellationToken.None);
            return true;
        });

    private Task<ScreenedTexts> ScreenAsync(params (string Field, string Text)[] texts) =>
        WithAsync<PostingRules, ScreenedTexts>(app, rules => rules.ScreenAsync(texts, CancellationToken.None));
}
