namespace BranchNetwork.Modules.Identity.Resources;

/// <summary>Marker for the module's strings: IdentityText.resx (zh-CN, neutral) and IdentityText.en.resx.</summary>
internal sealed class IdentityText
{
    private IdentityText()
    {
    }
}
