namespace BranchNetwork.Modules.Community.Resources;

/// <summary>Marker for the boards and threads pages' strings: ThreadsText.resx (zh-CN, neutral) and ThreadsText.en.resx.</summary>
internal sealed class ThreadsText
{
    private ThreadsText()
    {
    }
}
