namespace BranchNetwork.Modules.Audit.Resources;

/// <summary>Marker for the module's strings: AuditText.resx (zh-CN, neutral) and AuditText.en.resx.</summary>
internal sealed class AuditText
{
    private AuditText()
    {
    }
}
