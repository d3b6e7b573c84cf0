namespace BranchNetwork.IntegrationTests.Platform;

/// <summary>
/// A module text resource the tests register (prefix <c>platformtest</c>), standing in for a module's notification
/// texts: PlatformTestText.resx (zh-CN, neutral) and PlatformTestText.en.resx.
/// </summary>
public sealed class PlatformTestText
{
    private PlatformTestText()
    {
    }
}
