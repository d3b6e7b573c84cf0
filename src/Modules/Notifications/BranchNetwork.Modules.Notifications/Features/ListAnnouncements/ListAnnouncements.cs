using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Notifications.Features.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Notifications.Features.ListAnnouncements;

/// <summary>Announcements already sent, newest first, for the people who write them (keyset: they accumulate for years).</summary>
[AllowedRoles(BankRoles.HeadOfficeSupervisor, BankRoles.SystemAdmin)]
internal sealed record ListAnnouncementsQuery(string? After, int? PageSize) : IQuery<KeysetPage<AnnouncementSummary>>;

internal sealed class ListAnnouncementsHandler(NotificationsDbContext db) : IQueryHandler<ListAnnouncementsQuery, KeysetPage<AnnouncementSummary>>
{
    private const string List = "notifications.announcements";

    public async ValueTask<KeysetPage<AnnouncementSummary>> Handle(ListAnnouncementsQuery query, CancellationToken cancellationToken)
    {
        var size = Paging.NormalizeSize(query.PageSize);
        var after = PageCursor.Decode(query.After, List, 2);
        var announcements = db.Announcements.AsNoTracking();
        if (after is not null)
        {
            var (time, id) = (after.Time(0), after.Id(1));
            announcements = announcements.Where(a => a.CreatedAtUtc < time || (a.CreatedAtUtc == time && a.Id.CompareTo(id) < 0));
        }

        var items = await announcements
            .OrderByDescending(a => a.CreatedAtUtc)
            .ThenByDescending(a => a.Id)
            .Take(size + 1)
            .Select(a => new AnnouncementSummary(a.Id, a.Title, a.Body, a.AuthorName, a.UnitId, a.Role, a.CreatedAtUtc))
            .ToListAsync(cancellationToken);
        return KeysetPage.From(items, size, last => PageCursor.Encode(List, last.CreatedAt, last.Id));
    }
}

internal static class ListAnnouncementsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/announcements", async Task<Ok<KeysetPage<AnnouncementSummary>>> (string? after, int? pageSize, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListAnnouncementsQuery(after, pageSize), ct)))
            .WithName("ListAnnouncements")
            .WithSummary("Announcements sent, newest first, one keyset page at a time: pass nextCursor as after (HeadOfficeSupervisor, SystemAdmin).");
}
