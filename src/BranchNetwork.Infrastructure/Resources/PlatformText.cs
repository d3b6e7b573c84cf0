namespace BranchNetwork.Infrastructure.Resources;

/// <summary>Marker for platform-wide error texts, keyed by problem code: PlatformText.resx (zh-CN) and PlatformText.en.resx.</summary>
public sealed class PlatformText
{
    private PlatformText()
    {
    }
}
