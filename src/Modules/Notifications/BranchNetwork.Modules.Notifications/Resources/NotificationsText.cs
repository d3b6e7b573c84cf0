namespace BranchNetwork.Modules.Notifications.Resources;

/// <summary>Marker for the module's strings: NotificationsText.resx (zh-CN, neutral) and NotificationsText.en.resx.</summary>
internal sealed class NotificationsText
{
    private NotificationsText()
    {
    }
}
