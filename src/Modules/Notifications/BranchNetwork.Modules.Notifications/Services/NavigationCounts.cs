using BranchNetwork.Infrastructure.Web;
using BranchNetwork.Modules.Notifications.Contracts;
using BranchNetwork.Modules.Notifications.Features.CountUnreadByEntry;

namespace BranchNetwork.Modules.Notifications.Services;

/// <summary>Scoped per circuit: the bell raises <see cref="Changed"/> when the unread count moves; the menu listens.</summary>
internal sealed class NavigationCounts(IPageSender sender) : INavigationCounts
{
    public event Action? Changed;

    public void Raise() => Changed?.Invoke();

    public async Task<IReadOnlyDictionary<string, int>> UnreadByEntryAsync(IReadOnlyList<string> hrefs, CancellationToken cancellationToken = default) =>
        await sender.Send(new CountUnreadByEntryQuery(hrefs), cancellationToken);
}
