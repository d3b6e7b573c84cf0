using BranchNetwork.Testing;

namespace BranchNetwork.IntegrationTests.Notifications;

public sealed class RedisNodeA : BranchNetworkFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => TestEnvironment.RedisConnectionString is { } redis
        ? new Dictionary<string, string?> { ["Redis:ConnectionString"] = redis }
        : new Dictionary<string, string?>();
}

[Trait("Spec", "NT-2")]
public sealed class RedisScaleOutTests(RedisNodeA nodeA) : IClassFixture<RedisNodeA>
{
    [Fact]
    public async Task A_notification_stored_through_node_A_reaches_a_client_connected_to_node_B()
    {
        if (TestEnvironment.RedisConnectionString is null)
        {
            TestEnvironment.Unavailable("BRANCHNET_TEST_REDIS is not set: the two-node Redis backplane test needs a Redis server.");
        }

        nodeA.EnsureAvailable();
        // Node B shares the database and Redis; its own outbox processor is off, so only node A delivers.
        await using var nodeB = new SiblingApp(nodeA.Database, new Dictionary<string, string?>
        {
            ["Redis:ConnectionString"] = TestEnvironment.RedisConnectionString,
            ["Outbox:Enabled"] = "false",
        });
        await nodeB.InitializeAsync();
        await using var client = await HubClient.ConnectAsync(nodeB, await nodeB.TokenAsync("head05"));

        await (await nodeA.ClientForAsync("supervisor")).AnnounceAsync("跨节点通知", role: "SubBranchHead");

        var message = await client.NextNotificationAsync("跨节点通知");
        Assert.Equal("announcement", message.Kind);
    }
}
