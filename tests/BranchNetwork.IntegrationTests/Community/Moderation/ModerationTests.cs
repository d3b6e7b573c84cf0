using System.Net;
using System.Net.Http.Json;
using BranchNetwork.Modules.Community.Domain;
using BranchNetwork.Modules.Community.Features.Shared;
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
    public async Task Pending_content_is_approved_rejected_or_edited_and_approved_by_the_boards_moderators_only()
    {
        app.EnsureAvailable();
        var (mod, head01, staff0101) = (await UserAsync(app, "moderator"), await UserAsync(app, "head01"), await UserAsync(app, "staff0101"));
        var board = await BoardAsync(app, mod, ReviewMode.PreReview);
        var other = await BoardAsync(app, head01, ReviewMode.PreReview);
        var otherPublished = await ThreadAsync(app, await BoardAsync(app, head01), staff0101, "别人版块的已发布帖");
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

        await ProblemAsync(await moderator.PostAsync($"/api/community/moderation/items/{otherPublished}/approve", new { }), 403);
        await ProblemAsync(await moderator.PostAsync($"/api/community/moderation/items/{foreign}/approve", new { }), 404);
        await ProblemAsync(await (await app.ClientForAsync("staff0102")).PostAsync($"/api/community/moderation/items/{first}/approve", new { }), 404);
        await OkAsync(await moderator.PostAsync($"/api/community/moderation/items/{first}/approve", new { }));
        await ProblemAsync(await moderator.PostAsync($"/api/community/moderation/items/{first}/approve", new { }), 409);
        await ProblemAsync(await moderator.PostAsync($"/api/community/moderation/items/{second}/reject", new { reason = " " }), 400);
        await OkAsync(await moderator.PostAsync($"/api/community/moderation/items/{second}/reject", new { reason = "与本版主题无关" }));
        await ProblemAsync(await moderator.PostAsync($"/api/community/moderation/items/{third}/approve", new { body = "<p>好</p><script>alert(1)</script>" }), 400);
        // The moderator's own text passes the sensitive-word filter too: a blocked word is a 400 and the item still waits.
        var blocked = "内部口令" + Guid.NewGuid().ToString("N")[..4];
        await OkAsync(await moderator.PostAsync("/api/community/moderation/words", new { word = blocked, action = "Block" }));
        var refused = await ProblemAsync(await moderator.PostAsync($"/api/community/moderation/items/{third}/approve", new { body = $"<p>{blocked}是多少</p>" }), 400);
        Assert.True(refused.GetProperty("errors").TryGetProperty("body", out _), refused.GetRawText());
        Assert.Equal(PostState.PendingReview, await ReadAsync(app, db => db.Threads.Where(t => t.Id == third).Select(t => t.State).FirstAsync()));
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

    private async Task MayPostAsync(Guid boardId, Guid userId) =>
        await WithAsync<PostingRules, bool>(app, async rules =>
        {
            await rules.EnsureMayPostAsync(boardId, userId, CancellationToken.None);
            return true;
        });

    private Task<ScreenedTexts> ScreenAsync(params (string Field, string Text)[] texts) =>
        WithAsync<PostingRules, ScreenedTexts>(app, rules => rules.ScreenAsync(texts, CancellationToken.None));
}
