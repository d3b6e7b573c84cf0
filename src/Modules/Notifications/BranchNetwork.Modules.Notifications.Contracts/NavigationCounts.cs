namespace BranchNetwork.Modules.Notifications.Contracts;

/// <summary>
/// The red dots of the navigation: how many of the reader's unread notifications lead under each entry. One scoped
/// instance per circuit; <see cref="Changed"/> fires when the reader's unread count changes (a push, a mark read), so the
/// menu re-reads without a reload.
/// </summary>
public interface INavigationCounts
{
    event Action? Changed;

    /// <summary>
    /// For each of <paramref name="hrefs"/> (the entries the reader sees), the unread notifications whose link is that
    /// entry or below it; a link under two entries counts for the longer one only. Entries without any are left out.
    /// </summary>
    Task<IReadOnlyDictionary<string, int>> UnreadByEntryAsync(IReadOnlyList<string> hrefs, CancellationToken cancellationToken = default);
}
