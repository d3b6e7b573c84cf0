using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using BranchNetwork.IntegrationTests.Notifications;
using BranchNetwork.Modules.Notifications.Contracts;
using BranchNetwork.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace BranchNetwork.IntegrationTests.WorkLogs.Reading;

/// <summary>
/// WL-3: who reads a daily log (the sub-branch's head and managers, head office's supervisors, colleagues only when
/// shared, a draft nobody but its author), the read receipt the author sees — live — the comment that notifies the
/// author, and likes. Logs are of today (2026-05-27 on the test clock) unless a test says otherwise.
/// </summary>
[Trait("Spec", "WL-3")]
public sealed class LogReadingTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    [Fact]
    public async Task A_log_is_read_by_its_sub_branchs_managers_and_head_office_colleagues_only_when_shared_and_a_draft_by_nobody_else()
    {
        app.EnsureAvailable();
        var author = await ReadingData.WriterAsync(app, "staff0101");
        var colleague = await ReadingData.WriterAsync(app, "staff0102");
        var drafter = await ReadingData.WriterAsync(app, "staff0103");
        var mine = await ReadingData.LogAsync(app, author, spec: new LogSpec("走访存量客户3户", "客户对理财收益有疑问", "明日继续走访"));
        var shared = await ReadingData.LogAsync(app, colleague, spec: new LogSpec("办理开户5笔", Shared: true));
        var draft = await ReadingData.LogAsync(app, drafter, spec: new LogSpec("还没写完", Submit: false));

        foreach (var reader in new[] { "staff0101", "head01", "manager01", "supervisor" })
        {
            var log = await (await app.ClientForAsync(reader)).LogAsync(mine);
            Assert.Equal(("支行01员工1", "Submitted", "OnTime"), (log.GetProperty("authorName").GetString(), log.GetProperty("state").GetString(), log.GetProperty("timeliness").GetString()));
            Assert.Equal("客户对理财收益有疑问", log.GetProperty("problems").GetString());
        }

        Assert.Equal(HttpStatusCode.NotFound, await (await app.ClientForAsync("head02")).GetAsync($"/api/worklogs/logs/{mine}").StatusAsync());
        Assert.Equal(HttpStatusCode.NotFound, await (await app.ClientForAsync("staff0102")).GetAsync($"/api/worklogs/logs/{mine}").StatusAsync());
        foreach (var outsider in new[] { "auditor", "moderator", "admin", "security", "taskadmin" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, await (await app.ClientForAsync(outsider)).GetAsync($"/api/worklogs/logs/{mine}").StatusAsync());
        }

        // Shared with the team: colleagues of 支行01 read it, another sub-branch's staff do not.
        Assert.Equal("办理开户5笔", (await (await app.ClientForAsync("staff0101")).LogAsync(shared)).GetProperty("done").GetString());
        Assert.Equal(HttpStatusCode.NotFound, await (await app.ClientForAsync("staff0201")).GetAsync($"/api/worklogs/logs/{shared}").StatusAsync());

        // A draft is its author's alone, even for the head.
        Assert.Equal("Draft", (await (await app.ClientForAsync("staff0103")).LogAsync(draft)).GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.NotFound, await (await app.ClientForAsync("head01")).GetAsync($"/api/worklogs/logs/{draft}").StatusAsync());
        Assert.Equal(HttpStatusCode.NotFound, await (await app.ClientForAsync("supervisor")).GetAsync($"/api/worklogs/logs/{draft}").StatusAsync());
        Assert.Equal(HttpStatusCode.NotFound, await (await app.ClientForAsync("head01")).GetAsync($"/api/worklogs/logs/{Guid.NewGuid()}").StatusAsync());

        // The lists say the same: today's logs of 支行01 as each reader may see them.
        var today = "from=2026-05-27&to=2026-05-27";
        Assert.Equal([mine, shared], Sorted(await (await app.ClientForAsync("head01")).SearchAsync(today), mine, shared, draft));
        Assert.Equal([mine, shared], Sorted(await (await app.ClientForAsync("staff0101")).SearchAsync(today), mine, shared, draft));
        Assert.Equal([shared], (await (await app.ClientForAsync("staff0103")).SearchAsync(today)).Ids());
        Assert.Empty((await (await app.ClientForAsync("head02")).SearchAsync(today)).Ids().Intersect([mine, shared, draft]));
        Assert.Equal([mine, shared], Sorted(await (await app.ClientForAsync("supervisor")).SearchAsync($"{today}&subBranchId={author.SubBranchId}"), mine, shared, draft));
        Assert.Equal(HttpStatusCode.NotFound, await (await app.ClientForAsync("head02")).GetAsync($"/api/worklogs/logs?subBranchId={author.SubBranchId}").StatusAsync());
        Assert.Equal(HttpStatusCode.Forbidden, await (await app.ClientForAsync("auditor")).GetAsync("/api/worklogs/logs").StatusAsync());
    }

    [Fact]
    public async Task The_first_read_leaves_a_receipt_the_author_sees_at_once_and_later_reads_move_only_the_last_read()
    {
        app.EnsureAvailable();
        var author = await ReadingData.WriterAsync(app, "staff0301");
        var id = await ReadingData.LogAsync(app, author, spec: new LogSpec("柜面业务办理12笔", Shared: true));
        var head = await app.ClientForAsync("head03");
        var staff = await app.ClientForAsync("staff0301");
        await using var authorHub = await HubClient.ConnectAsync(app, await app.TokenAsync("staff0301"));
        var signals = Channel.CreateUnbounded<string>();
        authorHub.Connection.On<string>(NotificationsHubContract.SignalMethod, t => signals.Writer.TryWrite(t));

        // The author's own reading leaves no receipt.
        Assert.Equal(0, (await staff.LogAsync(id)).GetProperty("reads").GetArrayLength());

        var firstRead = app.Clock.UtcNow;
        _ = await head.LogAsync(id);
        using (var timeout = new CancellationTokenSource(15000))
        {
            Assert.Equal($"worklogs:log:{id}", await signals.Reader.ReadAsync(timeout.Token));
        }

        app.Clock.Advance(TimeSpan.FromMinutes(7));
        _ = await head.LogAsync(id);
        var seen = await staff.LogAsync(id);
        var read = Assert.Single(seen.GetProperty("reads").EnumerateArray());
        Assert.Equal("支行03行长", read.GetProperty("name").GetString());
        Assert.Equal(firstRead, read.GetProperty("firstReadAtUtc").GetDateTime().ToUniversalTime());
        Assert.Equal(firstRead.AddMinutes(7), read.GetProperty("lastReadAtUtc").GetDateTime().ToUniversalTime());

        // The sub-branch's head sees the receipts too; a colleague reading the shared log leaves one but sees none.
        var colleague = await (await app.ClientForAsync("staff0302")).LogAsync(id);
        Assert.Equal(JsonValueKind.Null, colleague.GetProperty("reads").ValueKind);
        Assert.Equal(["支行03行长", "支行03员工2"], (await head.LogAsync(id)).GetProperty("reads").EnumerateArray().Select(r => r.GetProperty("name").GetString()));

        // One signal per first read: the head's second read sent none, the colleague's first read one.
        using (var timeout = new CancellationTokenSource(15000))
        {
            Assert.Equal($"worklogs:log:{id}", await signals.Reader.ReadAsync(timeout.Token));
        }

        await Task.Delay(500, TestContext.Current.CancellationToken);
        Assert.False(signals.Reader.TryRead(out _));
    }

    [Fact]
    public async Task A_comment_notifies_the_author_with_the_logs_link_and_appears_under_the_log()
    {
        app.EnsureAvailable();
        var author = await ReadingData.WriterAsync(app, "staff0401");
        var id = await ReadingData.LogAsync(app, author, spec: new LogSpec("营销基金产品2笔"));
        var draft = await ReadingData.LogAsync(app, await ReadingData.WriterAsync(app, "staff0402"), spec: new LogSpec("草稿", Submit: false));
        var supervisor = await app.ClientForAsync("supervisor");
        var staff = await app.ClientForAsync("staff0401");
        await using var authorHub = await HubClient.ConnectAsync(app, await app.TokenAsync("staff0401"));
        var signals = Channel.CreateUnbounded<string>();
        authorHub.Connection.On<string>(NotificationsHubContract.SignalMethod, t => signals.Writer.TryWrite(t));

        var response = await supervisor.PostAsJsonAsync($"/api/worklogs/logs/{id}/comments", new { text = "  基金营销思路清晰，继续保持  " });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var comment = await response.JsonAsync();
        Assert.Equal(("分行督导", "基金营销思路清晰，继续保持"), (comment.GetProperty("authorName").GetString(), comment.GetProperty("text").GetString()));

        var inbox = await Eventually.WaitAsync(
            staff.InboxAsync,
            page => page.GetProperty("items").EnumerateArray().Any(i => i.GetProperty("link").GetString() == $"/worklogs/logs/{id}"),
            "the comment's notification in staff0401's inbox");
        var item = inbox.GetProperty("items").EnumerateArray().First(i => i.GetProperty("link").GetString() == $"/worklogs/logs/{id}");
        Assert.Equal("分行督导点评了您 2026-05-27 的工作日志", item.GetProperty("title").GetString());
        Assert.Contains("基金营销思路清晰", item.GetProperty("body").GetString(), StringComparison.Ordinal);
        using (var timeout = new CancellationTokenSource(15000))
        {
            Assert.Equal($"worklogs:log:{id}", await signals.Reader.ReadAsync(timeout.Token));
        }

        // The author replies: shown under the log, nobody notified.
        Assert.Equal(HttpStatusCode.Created, (await staff.PostAsJsonAsync($"/api/worklogs/logs/{id}/comments", new { text = "谢谢指导" })).StatusCode);
        var log = await staff.LogAsync(id);
        Assert.Equal(["基金营销思路清晰，继续保持", "谢谢指导"], log.GetProperty("comments").EnumerateArray().Select(c => c.GetProperty("text").GetString()));

        // Nothing to say, too much to say, a log not readable, a draft.
        var empty = await supervisor.PostAsJsonAsync($"/api/worklogs/logs/{id}/comments", new { text = "  " });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.True((await empty.JsonAsync()).GetProperty("errors").TryGetProperty("text", out _));
        Assert.Equal(HttpStatusCode.BadRequest, (await supervisor.PostAsJsonAsync($"/api/worklogs/logs/{id}/comments", new { text = new string('评', 1001) })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientForAsync("head05")).PostAsJsonAsync($"/api/worklogs/logs/{id}/comments", new { text = "路过" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.PostAsJsonAsync($"/api/worklogs/logs/{draft}/comments", new { text = "草稿？" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await (await app.ClientForAsync("staff0402")).PostAsJsonAsync($"/api/worklogs/logs/{draft}/comments", new { text = "自评" })).StatusCode);
        Assert.Equal(2, (await staff.LogAsync(id)).GetProperty("comments").GetArrayLength());
    }

    [Fact]
    public async Task A_like_counts_once_per_reader_and_is_taken_back_once()
    {
        app.EnsureAvailable();
        var id = await ReadingData.LogAsync(app, await ReadingData.WriterAsync(app, "staff0501"), spec: new LogSpec("代发工资客户拓展1户"));
        var head = await app.ClientForAsync("head05");
        var supervisor = await app.ClientForAsync("supervisor");

        for (var n = 0; n < 2; n++)
        {
            var liked = await (await head.PutAsync($"/api/worklogs/logs/{id}/like", null)).JsonAsync();
            Assert.Equal((true, 1), (liked.GetProperty("liked").GetBoolean(), liked.GetProperty("count").GetInt32()));
        }

        var both = await (await supervisor.PutAsync($"/api/worklogs/logs/{id}/like", null)).JsonAsync();
        Assert.Equal((true, 2), (both.GetProperty("liked").GetBoolean(), both.GetProperty("count").GetInt32()));

        for (var n = 0; n < 2; n++)
        {
            var taken = await (await head.DeleteAsync($"/api/worklogs/logs/{id}/like")).JsonAsync();
            Assert.Equal((false, 1), (taken.GetProperty("liked").GetBoolean(), taken.GetProperty("count").GetInt32()));
        }

        var log = await (await app.ClientForAsync("staff0501")).LogAsync(id);
        Assert.Equal((1, false), (log.GetProperty("likes").GetInt32(), log.GetProperty("likedByMe").GetBoolean()));
        Assert.Equal(["分行督导"], log.GetProperty("likedBy").EnumerateArray().Select(n => n.GetString()));
        Assert.True((await supervisor.LogAsync(id)).GetProperty("likedByMe").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientForAsync("head06")).PutAsync($"/api/worklogs/logs/{id}/like", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientForAsync("auditor")).PutAsync($"/api/worklogs/logs/{id}/like", null)).StatusCode);
    }

    /// <summary>The page's ids among <paramref name="ours"/>, in the order given (a list may hold others' logs too).</summary>
    private static List<Guid> Sorted(JsonElement page, params Guid[] ours)
    {
        var ids = page.Ids();
        return [.. ours.Where(ids.Contains)];
    }
}
