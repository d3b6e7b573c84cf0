namespace BranchNetwork.Modules.Notifications.Features.CountUnreadByEntry;

/// <summary>
/// The navigation's counts, derived from the reader's unread notifications by link (one grouped query for every module):
/// a dot means "a notification about something under this entry is waiting", and it clears when that notification is read.
/// </summary>
[AnySignedInUser]
[BoundedList("one figure per navigation entry the reader sees")]
internal sealed record CountUnreadByEntryQuery(IReadOnlyList<string> Hrefs) : IQuery<IReadOnlyDictionary<string, int>>;

internal sealed class CountUnreadByEntryHandler(NotificationsDbContext db, ICurrentUser currentUser)
    : IQueryHandler<CountUnreadByEntryQuery, IReadOnlyDictionary<string, int>>
{
    public async ValueTask<IReadOnlyDictionary<string, int>> Handle(CountUnreadByEntryQuery query, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireUserId();
        // Distinct links of the unread ones: a handful (one per sheet, plan or log waiting), whatever the inbox's size.
        var links = await db.Notifications.AsNoTracking()
            .Where(n => n.RecipientId == userId && n.ReadAtUtc == null && n.Link != null)
            .GroupBy(n => n.Link!)
            .Select(g => new { Link = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var entries = query.Hrefs.Where(h => h.StartsWith('/')).Distinct(StringComparer.Ordinal).OrderByDescending(h => h.Length).ToList();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var link in links)
        {
            var path = Path(link.Link);
            if (entries.FirstOrDefault(h => Under(path, h)) is { } entry)
            {
                counts[entry] = counts.GetValueOrDefault(entry) + link.Count;
            }
        }

        return counts;
    }

    private static string Path(string link)
    {
        var end = link.IndexOfAny(['?', '#']);
        return end < 0 ? link : link[..end];
    }

    private static bool Under(string path, string href) =>
        href == "/" ? path == "/" : path.Equals(href, StringComparison.Ordinal) || path.StartsWith(href + "/", StringComparison.Ordinal);
}
