namespace BranchNetwork.Modules.Resources.Resources;

/// <summary>Marker for the module's strings: ResourcesText.resx (zh-CN, neutral) and ResourcesText.en.resx.</summary>
internal sealed class ResourcesText
{
    private ResourcesText()
    {
    }
}
