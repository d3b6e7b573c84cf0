using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Notifications.Data;
using BranchNetwork.Modules.Notifications.Features.PublishAnnouncement;
using BranchNetwork.SharedKernel;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace BranchNetwork.Modules.Notifications.Features.ListAnnouncements;

/// <summary>Announcements already sent, newest first, for the people who write them.</summary>
internal sealed record ListAnnouncementsQuery(int? Page, int? PageSize) : IQuery<PagedResult<AnnouncementSummary>>;

internal sealed class ListAnnouncementsHandler(NotificationsDbContext db, ICurrentUser currentUser) : IQueryHandler<ListAnnouncementsQuery, PagedResult<AnnouncementSummary>>
{
    public async ValueTask<PagedResult<AnnouncementSummary>> Handle(ListAnnouncementsQuery query, CancellationToken cancellationToken)
    {
        currentUser.EnsureAnyRole(BankRoles.HeadOfficeSupervisor, BankRoles.SystemAdmin);
        var (page, size) = Paging.Normalize(query.Page, query.PageSize);
        var total = await db.Announcements.CountAsync(cancellationToken);
        var items = await db.Announcements.AsNoTracking()
            .OrderByDescending(a => a.CreatedAtUtc)
            .Skip((page - 1) * size).Take(size)
            .Select(a => new AnnouncementSummary(a.Id, a.Title, a.Body, a.AuthorName, a.UnitId, a.Role, a.CreatedAtUtc))
            .ToListAsync(cancellationToken);
        return new PagedResult<AnnouncementSummary>(items, page, size, total);
    }
}

internal static class ListAnnouncementsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/announcements", async Task<Ok<PagedResult<AnnouncementSummary>>> (int? page, int? pageSize, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListAnnouncementsQuery(page, pageSize), ct)))
            .WithName("ListAnnouncements")
            .WithSummary("Announcements sent, newest first (HeadOfficeSupervisor, SystemAdmin).");
}
