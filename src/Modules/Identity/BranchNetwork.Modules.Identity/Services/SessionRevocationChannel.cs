using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace BranchNetwork.Modules.Identity.Services;

/// <summary>
/// Tells the other nodes at once that a user's sessions ended (a disable, a password reset), through Redis pub/sub when
/// <c>Redis:ConnectionString</c> is configured — the same Redis the hub's backplane uses. Without Redis, or when a
/// message is lost, the revocation rows that <see cref="SessionRevocationListener"/> reads once a second still carry it:
/// this channel only shortens the window to the time a message takes (ADR 0028).
/// </summary>
internal sealed class SessionRevocationChannel(IConfiguration configuration, ILogger<SessionRevocationChannel> logger) : IAsyncDisposable
{
    private static readonly RedisChannel Channel = RedisChannel.Literal("branchnet:identity:sessions-ended");

    /// <summary>Marks this node's own messages, which it has already applied.</summary>
    private readonly string node = Guid.NewGuid().ToString("N");

    private readonly Lazy<Task<ConnectionMultiplexer?>> connection = new(() => ConnectAsync(configuration, logger));

    public bool Configured { get; } = configuration["Redis:ConnectionString"] is { Length: > 0 };

    /// <summary>Publishes without waiting: the handler's answer does not depend on Redis, and the rows are the fallback.</summary>
    public void Publish(Guid userId)
    {
        if (!Configured)
        {
            return;
        }

        _ = PublishAsync(userId);
    }

    private async Task PublishAsync(Guid userId)
    {
        try
        {
            if (await connection.Value is { } redis)
            {
                await redis.GetSubscriber().PublishAsync(Channel, $"{node}:{userId:D}");
            }
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not publish the end of user {UserId}'s sessions to Redis; other nodes read the revocation row instead", userId);
        }
    }

    /// <summary>Calls <paramref name="ended"/> for each user another node reports.</summary>
    public async Task SubscribeAsync(Action<Guid> ended)
    {
        if (!Configured || await connection.Value is not { } redis)
        {
            return;
        }

        await redis.GetSubscriber().SubscribeAsync(Channel, (_, message) =>
        {
            var text = (string?)message;
            var colon = text?.IndexOf(':', StringComparison.Ordinal) ?? -1;
            if (colon > 0 && !text.AsSpan(0, colon).SequenceEqual(node) && Guid.TryParse(text.AsSpan(colon + 1), out var userId))
            {
                ended(userId);
            }
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (connection.IsValueCreated && await connection.Value is { } redis)
        {
            await redis.DisposeAsync();
        }
    }

    private static async Task<ConnectionMultiplexer?> ConnectAsync(IConfiguration configuration, ILogger logger)
    {
        try
        {
            var options = ConfigurationOptions.Parse(configuration["Redis:ConnectionString"]!);
            // Redis down at start must not stop the node: the multiplexer keeps trying and the rows still work.
            options.AbortOnConnectFail = false;
            return await ConnectionMultiplexer.ConnectAsync(options);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not connect to Redis for session revocations; other nodes learn of them from the revocation rows");
            return null;
        }
    }
}

/// <summary>Applies the ends of sessions other nodes publish (see <see cref="SessionRevocationChannel"/>).</summary>
internal sealed class SessionRevocationSubscriber(SessionRevocationChannel channel, UserSessions sessions) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => channel.SubscribeAsync(sessions.Changed);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
