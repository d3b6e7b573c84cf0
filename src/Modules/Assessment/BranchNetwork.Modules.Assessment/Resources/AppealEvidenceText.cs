namespace BranchNetwork.Modules.Assessment.Resources;

/// <summary>Marker for the appeal-evidence strings: AppealEvidenceText.resx (zh-CN, neutral) and AppealEvidenceText.en.resx.</summary>
internal sealed class AppealEvidenceText
{
    private AppealEvidenceText()
    {
    }
}
