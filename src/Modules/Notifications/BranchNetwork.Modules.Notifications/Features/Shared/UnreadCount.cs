namespace BranchNetwork.Modules.Notifications.Features.Shared;

/// <summary>The reader's count of unread notifications, as the bell shows it.</summary>
internal sealed record UnreadCount(int Count);
