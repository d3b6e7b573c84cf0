using BranchNetwork.Modules.Community.Features.Shared;
using BranchNetwork.SharedKernel;
using BranchNetwork.SharedKernel.Errors;
using BranchNetwork.Testing;
using static BranchNetwork.IntegrationTests.Community.Moderation.ModerationSeed;

namespace BranchNetwork.IntegrationTests.Community.Moderation;

/// <summary>
/// CM-4 bans and warnings over HTTP: a banned user is refused with the end time until it ends or is lifted; moderators act in their boards only; a community-wide ban needs the Moderator role; the user is told. Its own app: the test moves the clock (the cached tokens of a shared app would expire).
/// </summary>
[Trait("Spec", "CM-4")]
public sealed class ModerationBanTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    [Fact]
    public async Task A_banned_user_may_not_post_until_the_end_and_moderators_act_only_in_their_boards()
    {
        app.EnsureAvailable();
        var (mod, head01, staff0101) = (await UserAsync(app, "moderator"), await UserAsync(app, "head01"), await UserAsync(app, "staff0101"));
        var mine = await BoardAsync(app, mod);
        var other = await BoardAsync(app, head01);
        var thread = await ThreadAsync(app, mine, staff0101, "一篇会被处罚的帖子");
        var elsewhere = await ThreadAsync(app, other, staff0101, "别的版块的帖子");
        var moderator = await app.ClientForAsync("moderator");
        var headClient = await app.ClientForAsync("head01");

        // Outside one's boards: 403; a community-wide ban needs the Moderator role; bad input 400; a warning is allowed to post.
        await ProblemAsync(await moderator.PostAsync($"/api/community/moderation/items/{elsewhere}/sanctions", new { kind = "Ban", scope = "Board", days = 3, reason = "刷屏" }), 403);
        await ProblemAsync(await headClient.PostAsync($"/api/community/moderation/items/{elsewhere}/sanctions", new { kind = "Ban", scope = "Community", days = 3, reason = "刷屏" }), 403);
        await ProblemAsync(await moderator.PostAsync($"/api/community/moderation/items/{thread}/sanctions", new { kind = "Ban", scope = "Board", days = 0, reason = "刷屏" }), 400);
        await ProblemAsync(await moderator.PostAsync($"/api/community/moderation/items/{thread}/sanctions", new { kind = "Ban", scope = "Board", days = 3, reason = "" }), 400);
        await OkAsync(await moderator.PostAsync($"/api/community/moderation/items/{thread}/sanctions", new { kind = "Warning", scope = "Board", days = 7, reason = "注意言辞" }));
        await MayPostAsync(mine, staff0101.Id);

        var ban = await OkAsync(await moderator.PostAsync($"/api/community/moderation/items/{thread}/sanctions", new { kind = "Ban", scope = "Board", days = 3, reason = "多次违规" }));
        var ends = ban.GetProperty("endsAtUtc").GetDateTime();
        var refused = await Assert.ThrowsAsync<ForbiddenException>(() => MayPostAsync(mine, staff0101.Id));
        Assert.Equal("community.banned", refused.Code);
        Assert.Contains(ChinaTime.ToDisplay(ends.ToUniversalTime()), refused.Message, StringComparison.Ordinal);
        await MayPostAsync(other, staff0101.Id);

        // The board's moderator lists and lifts it; another board's moderator may not.
        var listed = await OkAsync(await moderator.GetAsync("/api/community/moderation/sanctions?activeOnly=true"));
        Assert.Contains(listed.GetProperty("items").EnumerateArray(), s => s.GetProperty("id").GetGuid() == ban.GetProperty("id").GetGuid());
        Assert.DoesNotContain(ban.GetProperty("id").GetGuid().ToString(), await (await headClient.GetAsync("/api/community/moderation/sanctions")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await ProblemAsync(await headClient.PostAsync($"/api/community/moderation/sanctions/{ban.GetProperty("id").GetGuid()}/lift", new { }), 403);
        await OkAsync(await moderator.PostAsync($"/api/community/moderation/sanctions/{ban.GetProperty("id").GetGuid()}/lift", new { }));
        await MayPostAsync(mine, staff0101.Id);

        // A community-wide ban (Moderator role) reaches every board, and ends by itself.
        await OkAsync(await moderator.PostAsync($"/api/community/moderation/items/{thread}/sanctions", new { kind = "Ban", scope = "Community", days = 1, reason = "严重违规" }));
        await Assert.ThrowsAsync<ForbiddenException>(() => MayPostAsync(other, staff0101.Id));
        app.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        await MayPostAsync(other, staff0101.Id);

        // The user was told, each time, in their inbox.
        var notifications = await Eventually.WaitAsync(
            async () => await OkAsync(await (await app.ClientForAsync("staff0101")).GetAsync("/api/notifications?pageSize=50")),
            n => n.GetRawText().Contains("移出", StringComparison.Ordinal) && n.GetRawText().Contains("警告", StringComparison.Ordinal),
            "the ban and warning notifications");
        Assert.Contains("多次违规", notifications.GetRawText(), StringComparison.Ordinal);
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
