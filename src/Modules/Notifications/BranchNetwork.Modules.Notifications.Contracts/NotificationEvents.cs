using BranchNetwork.SharedKernel;

namespace BranchNetwork.Modules.Notifications.Contracts;

/// <summary>
/// Any module asks for users to be notified by publishing this through its own outbox; the
/// Notifications module stores one inbox entry per recipient and pushes it live (NT-1).
/// </summary>
public sealed record UserNotificationRequested(
    Guid EventId,
    DateTime OccurredAtUtc,
    IReadOnlyList<Guid> RecipientIds,
    string Kind,
    string Title,
    string Body,
    string? Link) : IIntegrationEvent;

/// <summary>Head office published an announcement (分行通知) to an audience: a unit (with its children) and/or a role, or everyone.</summary>
public sealed record AnnouncementPublished(
    Guid EventId,
    DateTime OccurredAtUtc,
    Guid AnnouncementId,
    string Title,
    string Body,
    Guid? UnitId,
    string? Role) : IIntegrationEvent;

/// <summary>The payload of the hub's client method <c>notification</c>.</summary>
public sealed record NotificationMessage(Guid Id, string Kind, string Title, string Body, string? Link, DateTime CreatedAt);

public static class NotificationsHubContract
{
    public const string Path = "/hubs/notifications";

    /// <summary>Client method receiving a <see cref="NotificationMessage"/>.</summary>
    public const string NotificationMethod = "notification";

    /// <summary>Client method receiving the new unread count (int).</summary>
    public const string UnreadCountMethod = "unreadCount";

    public static string UserGroup(Guid userId) => $"user:{userId}";

    public static string UnitGroup(Guid unitId) => $"unit:{unitId}";

    public static string RoleGroup(string role) => $"role:{role}";
}
