namespace BranchNetwork.Modules.Tasks.Resources;

/// <summary>Marker for the module's strings: TasksText.resx (zh-CN, neutral) and TasksText.en.resx.</summary>
internal sealed class TasksText
{
    private TasksText()
    {
    }
}
