namespace BranchNetwork.Modules.Notifications.Services;

/// <summary>Where a notification leads when opened from the bell or the inbox.</summary>
internal static class NotificationLinks
{
    public const string Inbox = "/notifications";

    /// <summary>
    /// The item's link when it is a path of this app; otherwise (none, or an absolute or protocol-relative address that
    /// a tampered row could carry) the inbox, so opening a notification never leaves the app.
    /// </summary>
    public static string Target(string? link) =>
        link is { Length: > 1 } && link[0] == '/' && link[1] != '/' && link[1] != '\\' ? link : Inbox;
}
