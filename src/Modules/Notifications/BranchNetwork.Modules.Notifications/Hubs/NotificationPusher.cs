using BranchNetwork.Modules.Notifications.Contracts;
using BranchNetwork.Modules.Notifications.Data;
using BranchNetwork.Modules.Notifications.Domain;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BranchNetwork.Modules.Notifications.Hubs;

/// <summary>Pushes stored notifications and new unread counts. The inbox is already saved: a failed push loses nothing.</summary>
internal sealed class NotificationPusher(IHubContext<NotificationsHub> hub, NotificationsDbContext db, ILogger<NotificationPusher> logger)
{
    private const int Chunk = 500;

    public async Task PushAsync(IReadOnlyList<Notification> stored, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var notification in stored)
            {
                await hub.Clients.Group(NotificationsHubContract.UserGroup(notification.RecipientId)).SendAsync(
                    NotificationsHubContract.NotificationMethod,
                    new NotificationMessage(notification.Id, notification.Kind, notification.Title, notification.Body, notification.Link, notification.CreatedAtUtc),
                    cancellationToken);
            }

            await PushUnreadCountsAsync(stored.Select(n => n.RecipientId).Distinct().ToList(), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Live push of {Count} notifications failed; they stay in the inbox", stored.Count);
        }
    }

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
