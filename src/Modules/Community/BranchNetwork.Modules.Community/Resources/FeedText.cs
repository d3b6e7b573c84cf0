namespace BranchNetwork.Modules.Community.Resources;

/// <summary>Marker for the strings of the feed, search, discussion and poll pages: FeedText.resx (zh-CN, neutral) and FeedText.en.resx.</summary>
internal sealed class FeedText
{
    private FeedText()
    {
    }
}
