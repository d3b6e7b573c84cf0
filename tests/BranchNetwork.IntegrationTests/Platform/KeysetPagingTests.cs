using System.Net;
using BranchNetwork.IntegrationTests.Notifications;
using BranchNetwork.Testing;

namespace BranchNetwork.IntegrationTests.Platform;

/// <summary>Item 7 of the module kit: lists that grow without bound come in keyset pages that a client walks to the end.</summary>
public sealed class KeysetPagingTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    [Fact]
    [Trait("Spec", "ORG-1")]
    public async Task Users_walked_in_small_pages_are_the_whole_list_in_user_name_order_with_no_repeat()
    {
        app.EnsureAvailable();
        var admin = await app.ClientForAsync("admin");

        var whole = (await admin.AllItemsAsync("/api/identity/users", pageSize: 200)).Select(u => u.GetProperty("userName").GetString()!).ToList();
        var walked = (await admin.AllItemsAsync("/api/identity/users", pageSize: 7)).Select(u => u.GetProperty("userName").GetString()!).ToList();

        Assert.True(whole.Count > 7, $"only {whole.Count} users");
        Assert.Equal(whole, walked);
        Assert.Equal(walked.Count, walked.Distinct().Count());
        Assert.Equal(walked.OrderBy(n => n.ToUpperInvariant(), StringComparer.Ordinal), walked);
    }

    [Fact]
    [Trait("Spec", "ORG-1")]
    public async Task The_first_page_says_where_the_next_starts_and_the_last_says_there_is_no_more()
    {
        app.EnsureAvailable();
        var admin = await app.ClientForAsync("admin");

        var first = await admin.PageAsync("/api/identity/users", null, 2);
        var filtered = await admin.PageAsync("/api/identity/users?search=admin", null, 200);

        Assert.Equal(2, first.GetProperty("items").GetArrayLength());
        Assert.False(string.IsNullOrEmpty(first.GetProperty("nextCursor").GetString()));
        Assert.True(first.GetProperty("hasMore").GetBoolean());
        Assert.Null(filtered.GetProperty("nextCursor").GetString());
    }

    [Fact]
    [Trait("Spec", "ORG-1")]
    public async Task A_cursor_is_refused_by_another_list_or_another_search()
    {
        app.EnsureAvailable();
        var admin = await app.ClientForAsync("admin");
        var cursor = (await admin.PageAsync("/api/identity/users", null, 2)).GetProperty("nextCursor").GetString()!;

        var otherSearch = await admin.GetAsync("/api/identity/users?search=staff&after=" + Uri.EscapeDataString(cursor));
        var otherList = await (await app.ClientForAsync("supervisor")).GetAsync("/api/notifications/announcements?after=" + Uri.EscapeDataString(cursor));

        Assert.Equal(HttpStatusCode.BadRequest, otherSearch.StatusCode);
        Assert.True((await otherSearch.JsonAsync()).GetProperty("errors").TryGetProperty("after", out _));
        Assert.Equal(HttpStatusCode.BadRequest, otherList.StatusCode);
    }

    [Fact]
    [Trait("Spec", "NT-1")]
    public async Task The_inbox_walked_one_by_one_is_unread_first_then_newest_and_announcements_page_the_same()
    {
        app.EnsureAvailable();
        var supervisor = await app.ClientForAsync("supervisor");
        foreach (var title in new[] { "分页一", "分页二", "分页三", "分页四" })
        {
            Assert.Equal(HttpStatusCode.Created, (await supervisor.AnnounceAsync(title, role: "Auditor")).StatusCode);
        }

        var auditor = await app.ClientForAsync("auditor");
        await Eventually.WaitAsync(() => auditor.TitlesAsync(), t => t.Contains("分页四") && t.Contains("分页一"), "auditor's inbox");
        var firstId = (await auditor.AllItemsAsync("/api/notifications")).First(i => i.GetProperty("title").GetString() == "分页一").GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.OK, (await auditor.PostAsync($"/api/notifications/{firstId}/read", null)).StatusCode);

        var whole = await auditor.AllItemsAsync("/api/notifications", pageSize: 200);
        var walked = await auditor.AllItemsAsync("/api/notifications", pageSize: 1);

        Assert.Equal(whole.Select(i => i.GetProperty("id").GetString()), walked.Select(i => i.GetProperty("id").GetString()));
        var readFlags = walked.Select(i => i.GetProperty("readAt").ValueKind != System.Text.Json.JsonValueKind.Null).ToList();
        Assert.Equal(readFlags.Order(), readFlags);
        var titles = walked.Select(i => i.GetProperty("title").GetString()).ToList();
        Assert.True(titles.IndexOf("分页四") < titles.IndexOf("分页二"));
        Assert.True(titles.IndexOf("分页二") < titles.IndexOf("分页一"), "the read one comes after the unread ones");

        var sentWhole = await supervisor.AllItemsAsync("/api/notifications/announcements", pageSize: 200);
        var sentWalked = await supervisor.AllItemsAsync("/api/notifications/announcements", pageSize: 1);
        Assert.Equal(sentWhole.Select(a => a.GetProperty("id").GetString()), sentWalked.Select(a => a.GetProperty("id").GetString()));
        Assert.True(sentWalked.Count >= 4);
    }
}
