namespace BranchNetwork.Modules.Files.Resources;

/// <summary>Marker for the module's strings: FilesText.resx (zh-CN, neutral) and FilesText.en.resx.</summary>
internal sealed class FilesText
{
    private FilesText()
    {
    }
}
