using BranchNetwork.Infrastructure.Outbox;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Notifications.Contracts;
using BranchNetwork.Modules.Notifications.Data;
using BranchNetwork.Modules.Notifications.Domain;
using BranchNetwork.Modules.Notifications.Hubs;
using BranchNetwork.SharedKernel;
using Mediator;

namespace BranchNetwork.Modules.Notifications.Features.DeliverNotifications;

/// <summary>
/// Turns integration events into inbox entries, once per event and recipient (the processed-message
/// record and a unique index make redelivery harmless), then pushes them live.
/// </summary>
internal sealed class DeliverNotificationsHandler(
    NotificationsDbContext db,
    IOrganisationDirectory directory,
    NotificationPusher pusher,
    IClock clock)
    : INotificationHandler<AnnouncementPublished>, INotificationHandler<UserNotificationRequested>
{
    public const string AnnouncementKind = "announcement";

    public async ValueTask Handle(AnnouncementPublished notification, CancellationToken cancellationToken)
    {
        var recipients = await directory.ListActiveUserIdsAsync(notification.UnitId, notification.Role, cancellationToken);
        await StoreAndPushAsync(notification.EventId, "DeliverAnnouncement", recipients, AnnouncementKind, notification.Title, notification.Body, "/notifications", cancellationToken);
    }

    public ValueTask Handle(UserNotificationRequested notification, CancellationToken cancellationToken) =>
        new(StoreAndPushAsync(notification.EventId, "DeliverRequested", notification.RecipientIds.Distinct().ToList(), notification.Kind, notification.Title, notification.Body, notification.Link, cancellationToken));

    private async Task StoreAndPushAsync(Guid eventId, string handler, IReadOnlyList<Guid> recipients, string kind, string title, string body, string? link, CancellationToken cancellationToken)
    {
        if (await db.AlreadyHandledAsync(eventId, handler, clock.UtcNow, cancellationToken))
        {
            return;
        }

        var now = clock.UtcNow;
        var stored = recipients.Select(recipient => new Notification
        {
            RecipientId = recipient,
            Kind = Truncate(kind, Notification.KindMaxLength),
            Title = Truncate(title, Notification.TitleMaxLength),
            Body = Truncate(body, Notification.BodyMaxLength),
            Link = link is null ? null : Truncate(link, Notification.LinkMaxLength),
            CreatedAtUtc = now,
            SourceEventId = eventId,
        }).ToList();
        db.Notifications.AddRange(stored);
        await db.SaveChangesAsync(cancellationToken);
        await pusher.PushAsync(stored, cancellationToken);
    }

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}
