namespace BranchNetwork.Modules.Assessment.Resources;

/// <summary>Marker for the module's page strings: AssessmentUiText.resx (zh-CN, neutral) and AssessmentUiText.en.resx.</summary>
internal sealed class AssessmentUiText
{
    private AssessmentUiText()
    {
    }
}
