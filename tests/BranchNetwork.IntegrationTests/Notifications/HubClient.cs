using System.Threading.Channels;
using BranchNetwork.Modules.Notifications.Contracts;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace BranchNetwork.IntegrationTests.Notifications;

/// <summary>A real SignalR client over a real WebSocket to the app's hub, with a bearer token in the query string.</summary>
internal sealed class HubClient : IAsyncDisposable
{
    private HubClient(HubConnection connection) => Connection = connection;

    public HubConnection Connection { get; }

    public Channel<NotificationMessage> Notifications { get; } = Channel.CreateUnbounded<NotificationMessage>();

    public Channel<int> UnreadCounts { get; } = Channel.CreateUnbounded<int>();

    public static async Task<HubClient> ConnectAsync<TEntryPoint>(WebApplicationFactory<TEntryPoint> app, string? token)
        where TEntryPoint : class
    {
        var server = app.Server;
        var url = new Uri(server.BaseAddress, NotificationsHubContract.Path.TrimStart('/'));
        var connection = new HubConnectionBuilder()
            .WithUrl(url, options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
                options.AccessTokenProvider = () => Task.FromResult(token);
                options.HttpMessageHandlerFactory = _ => server.CreateHandler();
                options.WebSocketFactory = async (context, cancellationToken) =>
                {
                    var uri = context.Uri;
                    if (token is not null && !uri.Query.Contains("access_token", StringComparison.Ordinal))
                    {
                        uri = new Uri(uri + (uri.Query.Length == 0 ? "?" : "&") + "access_token=" + Uri.EscapeDataString(token));
                    }

                    return await server.CreateWebSocketClient().ConnectAsync(uri, cancellationToken);
                };
            })
            .Build();
        var client = new HubClient(connection);
        connection.On<NotificationMessage>(NotificationsHubContract.NotificationMethod, m => client.Notifications.Writer.TryWrite(m));
        connection.On<int>(NotificationsHubContract.UnreadCountMethod, c => client.UnreadCounts.Writer.TryWrite(c));
        await connection.StartAsync();
        return client;
    }

    public async Task<NotificationMessage> NextNotificationAsync(string title, int timeoutMs = 15000)
    {
        using var timeout = new CancellationTokenSource(timeoutMs);
        while (true)
        {
            var message = await Notifications.Reader.ReadAsync(timeout.Token);
            if (message.Title == title)
            {
                return message;
            }
        }
    }

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}
