using System.Net;
using System.Net.Http.Json;
using BranchNetwork.IntegrationTests.Home;
using BranchNetwork.Modules.Community.Domain;
using BranchNetwork.Modules.Community.Features.ExpireContent;
using BranchNetwork.Modules.Community.Features.Shared;
using BranchNetwork.SharedKernel;
using BranchNetwork.SharedKernel.Errors;
using BranchNetwork.Testing;
using Microsoft.EntityFrameworkCore;
using static BranchNetwork.IntegrationTests.Community.Moderation.ModerationSeed;

namespace BranchNetwork.IntegrationTests.Community.Moderation;

/// <summary>
/// CM-4 over HTTP: sensitive words (block, hold, mask — full-width and spaced variants), warnings and bans (a banned user
/// is refused with the end time; moderators act in their boards only; a community-wide ban needs the Moderator role),
/// the review queue (approve, reject, edit-and-approve), reports and their resolution, the moderation record, the
/// moderator's home cards and the content expiry job driven by the test clock.
/// </summary>
[Trait("Spec", "CM-4")]
public sealed class ModerationTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    [Fact]
    public async Task Sensitive_words_block_hold_and_mask_titles_bodies_and_tags_in_every_form()
    {
        app.EnsureAvailable();
        var moderator = await app.ClientForAsync("moderator");
        var block = Unique("禁词");
        await OkAsync(await moderator.PostAsync("/api/community/moderation/words", new { word = "赌 博" + block[^2..], action = "Block" }));
        await OkAsync(await moderator.PostAsync("/api/community/moderation/words", new { word = "内幕消息", action = "Hold" }));
        var mask = await OkAsync(await moderator.PostAsync("/api/community/moderation/words", new { word = "违规", action = "Mask" }));
        await OkAsync(await moderator.PostAsync("/api/community/moderation/words", new { word = "violate", action = "Mask" }));

        // The same word in another form is the same entry; bad input is a 400 naming the field; staff may not manage words.
        await ProblemAsync(await moderator.PostAsync("/api/community/moderation/words", new { word = "违　*规", action = "Hold" }), 409);
        var empty = await ProblemAsync(await moderator.PostAsync("/api/community/moderation/words", new { word = " * ", action = "Hold" }), 400);
        Assert.True(empty.GetProperty("errors").TryGetProperty("word", out _));
        await ProblemAsync(await moderator.PostAsync("/api/community/moderation/words", new { word = new string('字', 31), action = "Hold" }), 400);
        await ProblemAsync(await moderator.PostAsync("/api/community/moderation/words", new { word = "好词", action = "Explode" }), 400);
        var staff = await app.ClientForAsync("staff0101");
        await ProblemAsync(await staff.PostAsync("/api/community/moderation/words", new { word = "随便", action = "Hold" }), 403);
        await ProblemAsync(await staff.GetAsync("/api/community/moderation/words"), 403);
        var list = await OkAsync(await moderator.GetAsync("/api/community/moderation/words?search=违规"));
        Assert.Equal("Mask", list.GetProperty("items")[0].GetProperty("action").GetString());

        // Block: 400 naming the field, whatever the spacing or width.
        var blocked = await Assert.ThrowsAsync<ValidationFailedException>(() => ScreenAsync(("title", "网上赌＊博" + block[^2..] + "群"), ("body", "<p>正常</p>")));
        Assert.Contains("title", blocked.Errors.Keys);
        blocked = await Assert.ThrowsAsync<ValidationFailedException>(() => ScreenAsync(("title", "标题"), ("tags", "ＡＢ 赌-博" + block[^2..])));
        Assert.Equal(["tags"], blocked.Errors.Keys);

        // Hold: stored for review. Mask: the characters replaced in place, tags of the HTML untouched.
        var held = await ScreenAsync(("title", "一条 内 幕 消 息"), ("body", "<p>ok</p>"));
        Assert.True(held.Hold);
        var masked = await ScreenAsync(("title", "不要违 规"), ("body", "<p>请勿<b>违</b>规，do not ｖｉｏｌａｔｅ</p>"), ("tags", "VIOLATE"));
        Assert.False(masked.Hold);
        Assert.Equal(["不要＊ ＊", "<p>请勿<b>＊</b>＊，do not ＊＊＊＊＊＊＊</p>", "＊＊＊＊＊＊＊"], masked.Texts);

        // Changing the action and removing the word take effect at once.
        var id = mask.GetProperty("id").GetGuid();
        await OkAsync(await moderator.PutAsJsonAsync($"/api/community/moderation/words/{id}", new { word = "违规", action = "Hold", version = mask.GetProperty("version").GetInt64() }));
        Assert.True((await ScreenAsync(("title", "违规"))).Hold);
        Assert.Equal(HttpStatusCode.NoContent, (await moderator.DeleteAsync($"/api/community/moderation/words/{id}")).StatusCode);
        Assert.Equal(["违规"], (await ScreenAsync(("title", "违规"))).Texts);
    }

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

    [Fact]
    public async Task Pending_content_is_approved_rejected_or_edited_and_approved_by_the_boards_moderators_only()
    {
        app.EnsureAvailable();
        var (mod, head01, staff0101) = (await UserAsync(app, "moderator"), await UserAsync(app, "head01"), await UserAsync(app, "staff0101"));
        var board = await BoardAsync(app, mod, ReviewMode.PreReview);
        var other = await BoardAsync(app, head01, ReviewMode.PreReview);
        var first = await ThreadAsync(app, board, staff0101, "待审核的第一篇");
        var second = await ThreadAsync(app, board, staff0101, "待审核的第二篇");
        var third = await ThreadAsync(app, board, staff0101, "待编辑后通过");
        var foreign = await ThreadAsync(app, other, staff0101, "别人版块的待审帖");
        var moderator = await app.ClientForAsync("moderator");

        var queue = await OkAsync(await moderator.GetAsync($"/api/community/moderation/queue?boardId={board}"));
        Assert.Equal(3, queue.GetProperty("totalCount").GetInt32());
        Assert.Equal(first, queue.GetProperty("items")[0].GetProperty("itemId").GetGuid());
        Assert.Equal(0, (await OkAsync(await (await app.ClientForAsync("staff0101")).GetAsync("/api/community/moderation/queue"))).GetProperty("totalCount").GetInt32());
        Assert.DoesNotContain(foreign.ToString(), (await OkAsync(await moderator.GetAsync("/api/community/moderation/queue?pageSize=200"))).GetRawText(), StringComparison.Ordinal);

        await ProblemAsync(await moderator.PostAsync($"/api/community/moderation/items/{foreign}/approve", new { }), 403);
        await ProblemAsync(await (await app.ClientForAsync("staff0102")).PostAsync($"/api/community/moderation/items/{first}/approve", new { }), 404);
        await OkAsync(await moderator.PostAsync($"/api/community/moderation/items/{first}/approve", new { }));
        await ProblemAsync(await moderator.PostAsync($"/api/community/moderation/items/{first}/approve", new { }), 409);
        await ProblemAsync(await moderator.PostAsync($"/api/community/moderation/items/{second}/reject", new { reason = " " }), 400);
        await OkAsync(await moderator.PostAsync($"/api/community/moderation/items/{second}/reject", new { reason = "与本版主题无关" }));
        await ProblemAsync(await moderator.PostAsync($"/api/community/moderation/items/{third}/approve", new { body = "<p>好</p><script>alert(1)</script>" }), 400);
        await OkAsync(await moderator.PostAsync($"/api/community/moderation/items/{third}/approve", new { title = "编辑后的标题", body = "<p>编辑后<b>通过</b></p>" }));

        var (states, revisions, edited) = await ReadAsync(app, async db => (
            await db.Threads.Where(t => t.Id == first || t.Id == second || t.Id == third).ToDictionaryAsync(t => t.Id, t => t.State),
            await db.Revisions.CountAsync(r => r.ThreadId == third),
            await db.Threads.FirstAsync(t => t.Id == third)));
        Assert.Equal(PostState.Published, states[first]);
        Assert.Equal(PostState.Rejected, states[second]);
        Assert.Equal(PostState.Published, states[third]);
        Assert.Equal(1, revisions);
        Assert.Equal("编辑后的标题", edited.Title);
        Assert.Equal("<p>编辑后<b>通过</b></p>", edited.Body);

        // A pending reply: approval counts it on its thread.
        var reply = await ReplyAsync(app, first, staff0101, "<p>待审核的回复</p>");
        Assert.Equal(0, await ReadAsync(app, db => db.Threads.Where(t => t.Id == first).Select(t => t.ReplyCount).FirstAsync()));
        await OkAsync(await moderator.PostAsync($"/api/community/moderation/items/{reply}/approve", new { }));
        Assert.Equal(1, await ReadAsync(app, db => db.Threads.Where(t => t.Id == first).Select(t => t.ReplyCount).FirstAsync()));

        // Recorded, readable by the board's moderators and auditors, not by others.
        var record = await OkAsync(await moderator.GetAsync($"/api/community/moderation/actions?boardId={board}"));
        var kinds = record.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("kind").GetString()).ToList();
        Assert.Contains("Approve", kinds);
        Assert.Contains("Reject", kinds);
        Assert.Contains("EditAndApprove", kinds);
        Assert.Contains(record.GetProperty("items").EnumerateArray(), a => a.GetProperty("reason").GetString() == "与本版主题无关");
        await OkAsync(await (await app.ClientForAsync("auditor")).GetAsync($"/api/community/moderation/actions?boardId={board}"));
        await ProblemAsync(await (await app.ClientForAsync("head01")).GetAsync($"/api/community/moderation/actions?boardId={board}"), 403);

        // The author heard of the rejection with its reason.
        await Eventually.WaitAsync(
            async () => (await OkAsync(await (await app.ClientForAsync("staff0101")).GetAsync("/api/notifications?pageSize=50"))).GetRawText(),
            n => n.Contains("与本版主题无关", StringComparison.Ordinal), "the rejection notification");
    }

    [Fact]
    public async Task Readers_report_once_and_a_removed_thread_leaves_with_its_replies()
    {
        app.EnsureAvailable();
        var (mod, head01, staff0101, staff0102) = (await UserAsync(app, "moderator"), await UserAsync(app, "head01"), await UserAsync(app, "staff0101"), await UserAsync(app, "staff0102"));
        var board = await BoardAsync(app, mod);
        var thread = await ThreadAsync(app, board, staff0101, "被举报的帖子");
        var kept = await ThreadAsync(app, board, staff0101, "举报后保留的帖子");
        var reply = await ReplyAsync(app, thread, staff0102);
        var reader = await app.ClientForAsync("staff0102");
        var moderator = await app.ClientForAsync("moderator");

        await ProblemAsync(await reader.PostAsync($"/api/community/moderation/items/{thread}/reports", new { reason = "" }), 400);
        var report = await OkAsync(await reader.PostAsync($"/api/community/moderation/items/{thread}/reports", new { reason = "含有广告" }));
        await ProblemAsync(await reader.PostAsync($"/api/community/moderation/items/{thread}/reports", new { reason = "再次举报" }), 409);
        await OkAsync(await (await app.ClientForAsync("head01")).PostAsync($"/api/community/moderation/items/{thread}/reports", new { reason = "广告" }));
        var dismiss = await OkAsync(await reader.PostAsync($"/api/community/moderation/items/{kept}/reports", new { reason = "我不同意" }));
        await ProblemAsync(await (await app.ClientForAsync("auditor")).PostAsync($"/api/community/moderation/items/{kept}/reports", new { reason = "审计" }), 403);

        var open = await OkAsync(await moderator.GetAsync($"/api/community/moderation/reports?boardId={board}"));
        Assert.Equal(3, open.GetProperty("totalCount").GetInt32());
        Assert.DoesNotContain(staff0102.Id.ToString(), open.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, (await OkAsync(await (await app.ClientForAsync("head01")).GetAsync("/api/community/moderation/reports"))).GetProperty("totalCount").GetInt32());

        var reportId = report.GetProperty("reportId").GetGuid();
        await ProblemAsync(await (await app.ClientForAsync("head01")).PostAsync($"/api/community/moderation/reports/{reportId}/resolve", new { outcome = "Remove", reason = "广告" }), 403);
        await ProblemAsync(await moderator.PostAsync($"/api/community/moderation/reports/{reportId}/resolve", new { outcome = "Remove" }), 400);
        await OkAsync(await moderator.PostAsync($"/api/community/moderation/reports/{dismiss.GetProperty("reportId").GetGuid()}/resolve", new { outcome = "Dismiss" }));
        await OkAsync(await moderator.PostAsync($"/api/community/moderation/reports/{reportId}/resolve", new { outcome = "Remove", reason = "发布广告" }));

        var (threadState, keptState, reports) = await ReadAsync(app, async db => (
            await db.Threads.Where(t => t.Id == thread).Select(t => t.State).FirstAsync(),
            await db.Threads.Where(t => t.Id == kept).Select(t => t.State).FirstAsync(),
            await db.Reports.Where(r => r.BoardId == board).Select(r => r.State).ToListAsync()));
        Assert.Equal(PostState.Removed, threadState);
        Assert.Equal(PostState.Published, keptState);
        Assert.Equal(0, reports.Count(s => s == ReportState.Open));
        Assert.Equal(2, reports.Count(s => s == ReportState.Removed));
        Assert.Equal(0, (await OkAsync(await moderator.GetAsync($"/api/community/moderation/reports?boardId={board}"))).GetProperty("totalCount").GetInt32());

        // The removed thread's reply can be neither reported nor read as published content any more.
        await ProblemAsync(await reader.PostAsync($"/api/community/moderation/items/{reply}/reports", new { reason = "举报回复" }), 409);

        // Removing a reply takes it off its thread's count.
        var replyToRemove = await ReplyAsync(app, kept, staff0102);
        Assert.Equal(1, await ReadAsync(app, db => db.Threads.Where(t => t.Id == kept).Select(t => t.ReplyCount).FirstAsync()));
        await OkAsync(await moderator.PostAsync($"/api/community/moderation/items/{replyToRemove}/remove", new { reason = "无关回复" }));
        Assert.Equal(0, await ReadAsync(app, db => db.Threads.Where(t => t.Id == kept).Select(t => t.ReplyCount).FirstAsync()));
        _ = head01;
    }

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
