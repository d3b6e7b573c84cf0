using BranchNetwork.Modules.Notifications.Contracts;
using BranchNetwork.Modules.Notifications.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BranchNetwork.Modules.Notifications.Hubs;

/// <summary>
/// Pushes stored notifications and new unread counts. The inbox is already saved: a failed push loses nothing.
/// A keyed notification is rendered once per language and sent to the recipient's connections in that language
/// (the hub groups each connection by user and culture); literal text goes to all of the user's connections.
/// </summary>
internal sealed class NotificationPusher(
    IHubContext<NotificationsHub> hub,
    NotificationsDbContext db,
    NotificationText text,
    IOptions<RequestLocalizationOptions> localization,
    ILogger<NotificationPusher> logger)
{
    private const int Chunk = 500;

    public async Task PushAsync(IReadOnlyList<Notification> stored, CancellationToken cancellationToken)
    {
        try
        {
            var cultures = localization.Value.SupportedUICultures ?? [];
            // Recipients of one item share a title and body: render each once per language, not once per person.
            var rendered = new Dictionary<(string?, string?, string?, string?, string), (string Title, string Body)>();
            foreach (var notification in stored)
            {
                if (notification.TitleKey is null && notification.BodyKey is null)
                {
                    await SendAsync(NotificationsHubContract.UserGroup(notification.RecipientId), notification, notification.Title, notification.Body, cancellationToken);
                    continue;
                }

                foreach (var culture in cultures)
                {
                    var key = (notification.TitleKey, notification.TitleArgs, notification.BodyKey, notification.BodyArgs, culture.Name);
                    if (!rendered.TryGetValue(key, out var texts))
                    {
                        texts = NotificationText.In(culture, () => (text.Title(notification), text.Body(notification)));
                        rendered[key] = texts;
                    }

                    await SendAsync(NotificationsHub.UserCultureGroup(notification.RecipientId, culture.Name), notification, texts.Title, texts.Body, cancellationToken);
                }
            }

            await PushUnreadCountsAsync(stored.Select(n => n.RecipientId).Distinct().ToList(), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Live push of {Count} notifications failed; they stay in the inbox", stored.Count);
        }
    }

    private Task SendAsync(string group, Notification notification, string title, string body, CancellationToken cancellationToken) =>
        hub.Clients.Group(group).SendAsync(
            NotificationsHubContract.NotificationMethod,
            new NotificationMessage(notification.Id, notification.Kind, title, body, notification.Link, notification.CreatedAtUtc),
            cancellationToken);

    public async Task PushUnreadCountsAsync(IReadOnlyList<Guid> recipients, CancellationToken cancellationToken)
    {
        foreach (var chunk in recipients.Chunk(Chunk))
        {
            var counts = await db.Notifications.AsNoTracking()
                .Where(n => chunk.Contains(n.RecipientId) && n.ReadAtUtc == null)
                .GroupBy(n => n.RecipientId)
                .Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
            foreach (var recipient in chunk)
            {
                await hub.Clients.Group(NotificationsHubContract.UserGroup(recipient))
                    .SendAsync(NotificationsHubContract.UnreadCountMethod, counts.GetValueOrDefault(recipient), cancellationToken);
            }
        }
    }
}
