using System.Globalization;
using BranchNetwork.Infrastructure.Outbox;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Notifications.Contracts;
using BranchNetwork.Modules.Notifications.Hubs;
using BranchNetwork.Modules.Notifications.Services;

namespace BranchNetwork.Modules.Notifications.Features.DeliverNotifications;

/// <summary>
/// Turns integration events into inbox entries, once per event and recipient (the processed-message
/// record and a unique index make redelivery harmless), then pushes them live. One event is one insert
/// batch (one SaveChanges), however many groups and recipients it names.
/// </summary>
internal sealed class DeliverNotificationsHandler(
    NotificationsDbContext db,
    IOrganisationDirectory directory,
    NotificationPusher pusher,
    NotificationText text,
    IClock clock)
    : INotificationHandler<AnnouncementPublished>, INotificationHandler<UserNotificationRequested>, INotificationHandler<NotificationsRequested>
{
    /// <summary>The language a keyed notification's stored fallback text is written in (the bank's default).</summary>
    private static readonly CultureInfo FallbackCulture = new("zh-CN");

    public async ValueTask Handle(AnnouncementPublished notification, CancellationToken cancellationToken)
    {
        var recipients = await directory.ListActiveUserIdsAsync(notification.UnitId, notification.Role, cancellationToken);
        await StoreAndPushAsync(notification.EventId, "DeliverAnnouncement", recipients, Notification.AnnouncementKind, notification.Title, notification.Body, "/notifications", cancellationToken);
    }

    /// <summary>The old literal-text request; kept until every module publishes <see cref="NotificationsRequested"/>.</summary>
    public ValueTask Handle(UserNotificationRequested notification, CancellationToken cancellationToken) =>
        new(StoreAndPushAsync(notification.EventId, "DeliverRequested", notification.RecipientIds.Distinct().ToList(), notification.Kind, notification.Title, notification.Body, notification.Link, cancellationToken));

    public async ValueTask Handle(NotificationsRequested notification, CancellationToken cancellationToken)
    {
        if (await db.AlreadyHandledAsync(notification.EventId, "DeliverNotificationsRequested", clock.UtcNow, cancellationToken))
        {
            return;
        }

        var now = clock.UtcNow;
        var stored = new List<Notification>();
        for (var item = 0; item < notification.Items.Count; item++)
        {
            var request = notification.Items[item];
            var titleArgs = NotificationText.SerializeArgs(request.Title.Args);
            var bodyArgs = NotificationText.SerializeArgs(request.Body.Args);
            // The Chinese rendering is stored too: the inbox still reads if a module later drops a key.
            var (title, body) = NotificationText.In(FallbackCulture, () => (text.Render(request.Title.Key, titleArgs) ?? request.Title.Key, text.Render(request.Body.Key, bodyArgs) ?? request.Body.Key));
            foreach (var recipient in request.RecipientIds.Distinct())
            {
                stored.Add(new Notification
                {
                    RecipientId = recipient,
                    Kind = Truncate(notification.Kind, Notification.KindMaxLength),
                    Title = Truncate(title, Notification.TitleMaxLength),
                    Body = Truncate(body, Notification.BodyMaxLength),
                    TitleKey = Fits(request.Title.Key, titleArgs),
                    TitleArgs = Fits(request.Title.Key, titleArgs) is null ? null : titleArgs,
                    BodyKey = Fits(request.Body.Key, bodyArgs),
                    BodyArgs = Fits(request.Body.Key, bodyArgs) is null ? null : bodyArgs,
                    Link = request.Link is null ? null : Truncate(request.Link, Notification.LinkMaxLength),
                    CreatedAtUtc = now,
                    SourceEventId = notification.EventId,
                    SourceItem = item,
                });
            }
        }

        db.Notifications.AddRange(stored);
        await db.SaveChangesAsync(cancellationToken);
        await pusher.PushAsync(stored, cancellationToken);
    }

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

    /// <summary>The key, when it and its arguments fit their columns; otherwise the stored Chinese text stands alone.</summary>
    private static string? Fits(string key, string? args) =>
        key.Length <= Notification.KeyMaxLength && (args is null || args.Length <= Notification.ArgsMaxLength) ? key : null;

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}
