using System.Net;
using System.Text;
using BranchNetwork.IntegrationTests.Identity;
using BranchNetwork.IntegrationTests.Platform;
using BranchNetwork.Testing;

namespace BranchNetwork.IntegrationTests.Notifications;

[Trait("Spec", "NT-1")]
public sealed class AnnouncementTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    [Fact]
    public async Task An_announcement_to_a_sub_branch_reaches_its_people_and_its_teams_but_no_one_else()
    {
        app.EnsureAvailable();
        var supervisor = await app.ClientForAsync("supervisor");
        var units = await UserAdministrationTests.UnitsByCodeAsync(supervisor);

        var sent = await supervisor.AnnounceAsync("支行01月末冲刺通知", unitId: Guid.Parse(units["SB01"]));
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);

        var head01 = await app.ClientForAsync("head01");
        var staff = await app.ClientForAsync("staff0102");
        await Eventually.WaitAsync(() => head01.TitlesAsync(), t => t.Contains("支行01月末冲刺通知"), "head01's inbox");
        await Eventually.WaitAsync(() => staff.TitlesAsync(), t => t.Contains("支行01月末冲刺通知"), "staff0102's inbox");
        Assert.DoesNotContain("支行01月末冲刺通知", await (await app.ClientForAsync("head02")).TitlesAsync());
    }

    [Fact]
    public async Task A_role_audience_reaches_every_holder_and_read_marks_update_the_unread_count()
    {
        app.EnsureAvailable();
        var supervisor = await app.ClientForAsync("supervisor");
        Assert.Equal(HttpStatusCode.Created, (await supervisor.AnnounceAsync("行长例会", role: "SubBranchHead")).StatusCode);

        var head07 = await app.ClientForAsync("head07");
        var inbox = await Eventually.WaitAsync(() => head07.InboxAsync(), i => i.GetProperty("unreadCount").GetInt32() >= 1, "head07's unread count");
        Assert.DoesNotContain("行长例会", await (await app.ClientForAsync("staff0701")).TitlesAsync());

        var id = inbox.GetProperty("items").EnumerateArray().First(i => i.GetProperty("title").GetString() == "行长例会").GetProperty("id").GetString();
        var before = await head07.UnreadAsync();
        var read = await (await head07.PostAsync($"/api/notifications/{id}/read", null)).JsonAsync();
        Assert.Equal(before - 1, read.GetProperty("count").GetInt32());

        // Someone else's notification does not exist for me.
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientForAsync("head06")).PostAsync($"/api/notifications/{id}/read", null)).StatusCode);

        await head07.PostAsync("/api/notifications/read-all", null);
        Assert.Equal(0, await head07.UnreadAsync());
    }

    [Fact]
    public async Task The_inbox_page_renders_the_announcement_every_time_while_the_bell_loads_beside_it()
    {
        app.EnsureAvailable();
        var supervisor = await app.ClientForAsync("supervisor");
        Assert.Equal(HttpStatusCode.Created, (await supervisor.AnnounceAsync("网点巡检安排", role: "Auditor")).StatusCode);
        var auditor = await app.ClientForAsync("auditor");
        await Eventually.WaitAsync(() => auditor.TitlesAsync(), t => t.Contains("网点巡检安排"), "auditor's inbox");

        var browser = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await CookieSignIn.LoginAsync(browser, "auditor", BranchNetworkFactory.DemoPassword);

        // The bell (in the layout) and the page both load while the page prerenders; several at once, as a user's tabs would.
        var pages = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => browser.GetAsync("/notifications")));

        foreach (var page in pages)
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("网点巡检安排", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Html_in_an_announcement_is_sanitised_before_anyone_sees_it()
    {
        app.EnsureAvailable();
        var supervisor = await app.ClientForAsync("supervisor");
        await supervisor.AnnounceAsync("安全提示", body: "<p>请注意<b>防范</b>诈骗</p><script>alert(1)</script><img src=x onerror=alert(2)>", role: "Moderator");

        var moderator = await app.ClientForAsync("moderator");
        var inbox = await Eventually.WaitAsync(() => moderator.InboxAsync(), i => i.GetProperty("items").GetArrayLength() > 0, "moderator's inbox");

        var body = inbox.GetProperty("items")[0].GetProperty("body").GetString()!;
        Assert.Contains("<p>请注意<b>防范</b>诈骗</p>", body, StringComparison.Ordinal);
        Assert.DoesNotContain("script", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Bad_announcements_are_refused_field_by_field_and_nothing_is_sent()
    {
        app.EnsureAvailable();
        var supervisor = await app.ClientForAsync("supervisor");
        var before = (await supervisor.AllItemsAsync("/api/notifications/announcements")).Count;

        var empty = await supervisor.AnnounceAsync("", body: "x");
        var huge = await supervisor.AnnounceAsync("大通知", body: new string('字', 20_000)); // twice the longest body, well inside the request limit (a larger one is a 413: BodyLimitTests)
        var role = await supervisor.AnnounceAsync("角色", role: "Emperor");
        var unit = await supervisor.AnnounceAsync("机构", unitId: Guid.NewGuid());
        var junk = await supervisor.PostAsync("/api/notifications/announcements", new StringContent("{\"title\":", Encoding.UTF8, "application/json"));

        Assert.True((await empty.JsonAsync()).GetProperty("errors").TryGetProperty("title", out _));
        Assert.True((await huge.JsonAsync()).GetProperty("errors").TryGetProperty("body", out _));
        Assert.True((await role.JsonAsync()).GetProperty("errors").TryGetProperty("role", out _));
        Assert.True((await unit.JsonAsync()).GetProperty("errors").TryGetProperty("unitId", out _));
        Assert.Equal(HttpStatusCode.BadRequest, junk.StatusCode);
        Assert.Equal(before, (await supervisor.AllItemsAsync("/api/notifications/announcements")).Count);
    }

    [Fact]
    public async Task Only_head_office_supervisors_and_system_admins_may_announce()
    {
        app.EnsureAvailable();
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientForAsync("head03")).AnnounceAsync("越权通知")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientForAsync("staff0302")).GetAsync("/api/notifications/announcements")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await (await app.ClientForAsync("admin")).AnnounceAsync("系统维护通知", role: "Auditor")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateAnonymousClient().GetAsync("/api/notifications")).StatusCode);
    }
}
