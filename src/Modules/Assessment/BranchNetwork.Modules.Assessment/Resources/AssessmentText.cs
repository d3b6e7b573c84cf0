namespace BranchNetwork.Modules.Assessment.Resources;

/// <summary>Marker for the module's strings: AssessmentText.resx (zh-CN, neutral) and AssessmentText.en.resx.</summary>
internal sealed class AssessmentText
{
    private AssessmentText()
    {
    }
}
