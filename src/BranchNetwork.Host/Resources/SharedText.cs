namespace BranchNetwork.Host.Resources;

/// <summary>Marker for the shell's strings: SharedText.resx (zh-CN, neutral) and SharedText.en.resx.</summary>
public sealed class SharedText
{
    private SharedText()
    {
    }
}
