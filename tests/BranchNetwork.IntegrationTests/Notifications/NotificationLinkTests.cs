using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BranchNetwork.IntegrationTests.Assessment;
using BranchNetwork.IntegrationTests.Identity;
using BranchNetwork.IntegrationTests.WorkLogs.Reading;
using BranchNetwork.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace BranchNetwork.IntegrationTests.Notifications;

/// <summary>
/// Issue 11: a notification leads to what it is about. Each kind a module sends — a sheet issued, an appeal filed and
/// decided, a supervisor's prompt and its acknowledgement, an assessment closed, a week prompt, a comment on a daily log,
/// an announcement — reaches its reader with a link, and that link opens a page of the app for that reader (signed in
/// with the web cookie, as the bell and the inbox open it).
/// </summary>
[Trait("Spec", "NT-1")]
public sealed class NotificationLinkTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    [Fact]
    public async Task Every_kind_of_notification_carries_a_link_that_opens_a_page_its_reader_may_see()
    {
        app.EnsureAvailable();
        var head01 = await app.ClientForAsync("head01");
        var supervisor = await app.ClientForAsync("supervisor");
        var staff = await app.ClientForAsync("staff0401");
        var before = new Dictionary<string, int>
        {
            ["head01"] = await head01.TotalAsync(),
            ["supervisor"] = await supervisor.TotalAsync(),
            ["staff0401"] = await staff.TotalAsync(),
        };

        // Assessment: the sheet is issued (heads), head01 appeals (supervisors), the supervisor rejects it (head01),
        // prompts 支行01 (head01), head01 acknowledges (the supervisor), the scheme closes (heads).
        var scheme = await AssessmentApi.PublishedSchemeAsync(app, [("存款", 100m, false)]);
        var sb01 = scheme.SubBranches["SB01"];
        var filed = await head01.PostAsJsonAsync("/api/assessment/appeals", new { schemeId = scheme.Id, subBranchId = sb01, kind = "Score", reason = "客户投诉已撤销", requestedValue = 2m });
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var appeal = await filed.JsonAsync();
        var decided = await supervisor.PostAsJsonAsync(
            $"/api/assessment/appeals/{appeal.GetProperty("id").GetGuid()}/decide",
            new { accept = false, reason = "证明不足", version = appeal.GetProperty("version").GetInt64() });
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        var prompt = await supervisor.PostAsJsonAsync("/api/assessment/warnings", new { schemeId = scheme.Id, subBranchId = sb01, kind = "Prompt", message = "请在周五前提交存款营销方案" });
        Assert.Equal(HttpStatusCode.Created, prompt.StatusCode);
        var warningId = (await prompt.JsonAsync()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await head01.PostAsJsonAsync($"/api/assessment/warnings/{warningId}/acknowledge", new { response = "已安排，周五前提交" })).StatusCode);
        var admin = await app.ClientForAsync("taskadmin");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/assessment/schemes/{scheme.Id}/close", new { version = await admin.VersionAsync(scheme.Id) })).StatusCode);

        // Tasks: a prompt on 支行01's week (its heads). WorkLogs: a comment on staff0401's log (its author).
        var week = System.Globalization.ISOWeek.GetWeekOfYear(AssessmentApi.Today(app).ToDateTime(TimeOnly.MinValue));
        var year = System.Globalization.ISOWeek.GetYear(AssessmentApi.Today(app).ToDateTime(TimeOnly.MinValue));
        Assert.Equal(HttpStatusCode.Created, (await supervisor.PostAsJsonAsync("/api/tasks/prompts", new { subBranchId = sb01, year, week, text = "本周完成率偏低，请督促。" })).StatusCode);
        var log = await ReadingData.LogAsync(app, await ReadingData.WriterAsync(app, "staff0401"), spec: new LogSpec("营销基金产品2笔"));
        Assert.Equal(HttpStatusCode.Created, (await supervisor.PostAsJsonAsync($"/api/worklogs/logs/{log}/comments", new { text = "思路清晰，继续保持" })).StatusCode);

        // Notifications: an announcement to everyone.
        Assert.Equal(HttpStatusCode.Created, (await supervisor.AnnounceAsync("周五网点检查" + Guid.NewGuid().ToString("N")[..4])).StatusCode);

        // head01: issued, rejected, prompted, closed, week prompt, announcement. The supervisor: appeal, acknowledgement,
        // announcement. staff0401: comment, announcement.
        var expected = new Dictionary<string, (HttpClient Api, int Count)>
        {
            ["head01"] = (head01, 6),
            ["supervisor"] = (supervisor, 3),
            ["staff0401"] = (staff, 2),
        };
        foreach (var (user, (api, count)) in expected)
        {
            var items = await Eventually.WaitAsync(api.AllItemsAsync, i => i.Count >= before[user] + count, $"{user}'s {count} new notifications");
            var browser = await SignedInBrowserAsync(user);
            foreach (var item in items)
            {
                var title = item.GetProperty("title").GetString();
                var link = item.GetProperty("link").GetString();
                Assert.False(string.IsNullOrEmpty(link), $"{user}'s notification '{title}' has no link");
                Assert.StartsWith("/", link, StringComparison.Ordinal);
                var page = await browser.GetAsync(link);
                Assert.True(page.StatusCode == HttpStatusCode.OK, $"{user}'s notification '{title}' leads to {link}: {(int)page.StatusCode} {page.Headers.Location}");
            }
        }

        // The check above can fail: a path that is no page, and a page the reader may not open, are not a 200.
        var head = await SignedInBrowserAsync("head01");
        Assert.Equal(HttpStatusCode.NotFound, (await head.GetAsync($"/assessment/schemes/{scheme.Id}/nowhere")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await head.GetAsync("/audit/trail")).StatusCode);
    }

    private async Task<HttpClient> SignedInBrowserAsync(string userName)
    {
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var signIn = await CookieSignIn.LoginAsync(browser, userName, BranchNetworkFactory.DemoPassword);
        Assert.True((int)signIn.StatusCode is 302 or 303, $"{userName} did not sign in: {(int)signIn.StatusCode}");
        return browser;
    }
}

internal static class InboxPages
{
    /// <summary>How many notifications the user has, read or not (every page of the inbox).</summary>
    public static async Task<int> TotalAsync(this HttpClient client) => (await client.AllItemsAsync()).Count;

    /// <summary>The whole inbox, page by page.</summary>
    public static async Task<List<JsonElement>> AllItemsAsync(this HttpClient client)
    {
        var items = new List<JsonElement>();
        string? after = null;
        do
        {
            var page = await (await client.GetAsync($"/api/notifications?pageSize=100{(after is null ? "" : "&after=" + Uri.EscapeDataString(after))}")).JsonAsync();
            items.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.Clone()));
            after = page.TryGetProperty("nextCursor", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
        }
        while (after is not null);
        return items;
    }
}
