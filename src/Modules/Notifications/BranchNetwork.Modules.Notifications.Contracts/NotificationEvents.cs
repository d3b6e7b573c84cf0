using BranchNetwork.SharedKernel;

namespace BranchNetwork.Modules.Notifications.Contracts;

/// <summary>
/// The first notification event, with texts already rendered in the sender's language. No module publishes it any
/// more (use <see cref="NotificationsRequested"/>); it is still handled so that events already waiting in an outbox
/// when a node is upgraded are delivered, not parked. Remove it once no outbox can hold one (after the retention).
/// </summary>
public sealed record UserNotificationRequested(
    Guid EventId,
    DateTime OccurredAtUtc,
    IReadOnlyList<Guid> RecipientIds,
    string Kind,
    string Title,
    string Body,
    string? Link) : IIntegrationEvent;

/// <summary>
/// A text stored as a resource key and its arguments, rendered in the reader's language when shown (not when sent).
/// <see cref="Key"/> is <c>prefix:ResourceKey</c>, the prefix naming a registered <c>ModuleTextResource</c>;
/// <see cref="Args"/> fill the resource's {0}, {1}… and are shown as text, never as markup.
/// </summary>
public sealed record LocalizedText(string Key, IReadOnlyList<string> Args)
{
    public static LocalizedText Of(string key, params string[] args) => new(key, args);
}

/// <summary>One notification to a group of recipients: the same title, body and link for all of them.</summary>
public sealed record NotificationItem(IReadOnlyList<Guid> RecipientIds, LocalizedText Title, LocalizedText Body, string? Link);

/// <summary>
/// Any module asks for notifications by publishing this through its own outbox: one event for a whole fan-out
/// (e.g. the heads of every sub-branch, each with their own sheet link), never one event per recipient group.
/// </summary>
public sealed record NotificationsRequested(
    Guid EventId,
    DateTime OccurredAtUtc,
    string Kind,
    IReadOnlyList<NotificationItem> Items) : IIntegrationEvent;

/// <summary>Head office published an announcement (分行通知) to an audience: a unit (with its children) and/or a role, or everyone.</summary>
public sealed record AnnouncementPublished(
    Guid EventId,
    DateTime OccurredAtUtc,
    Guid AnnouncementId,
    string Title,
    string Body,
    Guid? UnitId,
    string? Role) : IIntegrationEvent;

/// <summary>
/// Asks for a live nudge, without an inbox entry: every connection of the unit (and the units below it) gets the hub
/// client method <c>signal</c> with <paramref name="Topic"/>, and a page listening for that topic re-reads its data
/// (e.g. a sub-branch's team board after a write-off). Nothing is stored; a lost signal only delays a refresh.
/// </summary>
public sealed record LiveSignalRequested(Guid EventId, DateTime OccurredAtUtc, Guid UnitId, string Topic) : IIntegrationEvent;

/// <summary>
/// Like <see cref="LiveSignalRequested"/> for one person: every connection of <paramref name="UserId"/> gets the hub client
/// method <c>signal</c> with <paramref name="Topic"/> (e.g. the author of a daily log when someone has just read it).
/// </summary>
public sealed record UserLiveSignalRequested(Guid EventId, DateTime OccurredAtUtc, Guid UserId, string Topic) : IIntegrationEvent;

/// <summary>The payload of the hub's client method <c>notification</c>.</summary>
public sealed record NotificationMessage(Guid Id, string Kind, string Title, string Body, string? Link, DateTime CreatedAt);

public static class NotificationsHubContract
{
    public const string Path = "/hubs/notifications";

    /// <summary>Client method receiving a <see cref="NotificationMessage"/>.</summary>
    public const string NotificationMethod = "notification";

    /// <summary>Client method receiving a live signal's topic (string, see <see cref="LiveSignalRequested"/>).</summary>
    public const string SignalMethod = "signal";

    /// <summary>Client method receiving the new unread count (int).</summary>
    public const string UnreadCountMethod = "unreadCount";

    public static string UserGroup(Guid userId) => $"user:{userId}";

    public static string UnitGroup(Guid unitId) => $"unit:{unitId}";

    public static string RoleGroup(string role) => $"role:{role}";
}
