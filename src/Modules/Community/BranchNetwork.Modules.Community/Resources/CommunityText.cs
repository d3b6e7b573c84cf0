namespace BranchNetwork.Modules.Community.Resources;

/// <summary>Marker for the module's strings: CommunityText.resx (zh-CN, neutral) and CommunityText.en.resx.</summary>
internal sealed class CommunityText
{
    private CommunityText()
    {
    }
}
