namespace BranchNetwork.Modules.Community.Resources;

/// <summary>Marker for the moderation and anonymity pages' strings: ModerationText.resx (zh-CN, neutral) and ModerationText.en.resx.</summary>
internal sealed class ModerationText
{
    private ModerationText()
    {
    }
}
