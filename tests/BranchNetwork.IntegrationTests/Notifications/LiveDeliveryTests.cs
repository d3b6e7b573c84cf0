using System.Net;
using BranchNetwork.Testing;

namespace BranchNetwork.IntegrationTests.Notifications;

[Trait("Spec", "NT-1")]
public sealed class LiveDeliveryTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    [Fact]
    public async Task A_connected_user_receives_the_announcement_and_the_new_unread_count_over_a_websocket()
    {
        app.EnsureAvailable();
        await using var hub = await HubClient.ConnectAsync(app, await app.TokenAsync("head04"));

        await (await app.ClientForAsync("supervisor")).AnnounceAsync("实时推送测试", role: "SubBranchHead");

        var message = await hub.NextNotificationAsync("实时推送测试");
        Assert.Equal("announcement", message.Kind);
        Assert.Equal("/notifications", message.Link);
        var stored = await (await app.ClientForAsync("head04")).InboxAsync();
        Assert.Contains(stored.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == message.Id);
        using var timeout = new CancellationTokenSource(10000);
        Assert.True(await hub.UnreadCounts.Reader.ReadAsync(timeout.Token) >= 1);
    }

    [Fact]
    public async Task The_hub_refuses_anonymous_connections()
    {
        app.EnsureAvailable();
        var negotiate = await app.CreateAnonymousClient().PostAsync("/hubs/notifications/negotiate?negotiateVersion=1", null);
        Assert.Equal(HttpStatusCode.Unauthorized, negotiate.StatusCode);

        var error = await Assert.ThrowsAnyAsync<Exception>(async () => await HubClient.ConnectAsync(app, token: null));
        Assert.Contains("401", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_user_who_was_offline_finds_the_notification_in_the_inbox()
    {
        app.EnsureAvailable();
        await (await app.ClientForAsync("supervisor")).AnnounceAsync("离线消息", role: "DepartmentManager");

        var manager = await app.ClientForAsync("manager01");
        await Eventually.WaitAsync(() => manager.TitlesAsync(), t => t.Contains("离线消息"), "manager01's inbox");
    }
}
