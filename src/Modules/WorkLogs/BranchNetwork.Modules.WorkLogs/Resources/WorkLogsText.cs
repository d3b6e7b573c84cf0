namespace BranchNetwork.Modules.WorkLogs.Resources;

/// <summary>Marker for the module's strings: WorkLogsText.resx (zh-CN, neutral) and WorkLogsText.en.resx.</summary>
internal sealed class WorkLogsText
{
    private WorkLogsText()
    {
    }
}
