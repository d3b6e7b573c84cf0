using BranchNetwork.Modules.Notifications.Contracts;
using BranchNetwork.Modules.Notifications.Data;
using BranchNetwork.Modules.Notifications.Domain;
using BranchNetwork.Modules.Notifications.Services;
using BranchNetwork.SharedKernel;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace BranchNetwork.Modules.Notifications.Features.ListNotifications;

/// <summary>One notification in the reader's language. <see cref="BodyIsHtml"/>: the body is sanitised markup (announcements); otherwise plain text.</summary>
internal sealed record InboxItem(Guid Id, string Kind, string Title, string Body, string? Link, DateTime CreatedAt, DateTime? ReadAt, bool BodyIsHtml);

internal sealed record InboxPage(IReadOnlyList<InboxItem> Items, int Page, int PageSize, int TotalCount, int UnreadCount);

/// <summary>The signed-in user's inbox: unread first, then newest first.</summary>
internal sealed record ListNotificationsQuery(int? Page, int? PageSize) : IQuery<InboxPage>;

internal sealed record GetUnreadCountQuery : IQuery<int>;

internal sealed class ListNotificationsHandler(NotificationsDbContext db, ICurrentUser currentUser, NotificationText text)
    : IQueryHandler<ListNotificationsQuery, InboxPage>, IQueryHandler<GetUnreadCountQuery, int>
{
    public async ValueTask<InboxPage> Handle(ListNotificationsQuery query, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireUserId();
        var (page, size) = Paging.Normalize(query.Page, query.PageSize);
        var mine = db.Notifications.AsNoTracking().Where(n => n.RecipientId == userId);
        var total = await mine.CountAsync(cancellationToken);
        var unread = await mine.CountAsync(n => n.ReadAtUtc == null, cancellationToken);
        var items = await mine
            .OrderBy(n => n.ReadAtUtc == null ? 0 : 1)
            .ThenByDescending(n => n.CreatedAtUtc)
            .ThenByDescending(n => n.Id)
            .Skip((page - 1) * size).Take(size)
            .ToListAsync(cancellationToken);
        // Rendered now, in the language of whoever is reading (request or circuit culture), not when it was sent.
        return new InboxPage(
            items.Select(n => new InboxItem(n.Id, n.Kind, text.Title(n), text.Body(n), n.Link, n.CreatedAtUtc, n.ReadAtUtc, Notification.IsHtml(n.Kind))).ToList(),
            page,
            size,
            total,
            unread);
    }

    public async ValueTask<int> Handle(GetUnreadCountQuery query, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireUserId();
        return await db.Notifications.CountAsync(n => n.RecipientId == userId && n.ReadAtUtc == null, cancellationToken);
    }
}

internal sealed record UnreadCount(int Count);

internal static class ListNotificationsEndpoint
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/", async Task<Ok<InboxPage>> (int? page, int? pageSize, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListNotificationsQuery(page, pageSize), ct)))
            .WithName("ListNotifications")
            .WithSummary("My inbox, paged, unread first.");
        api.MapGet("/unread-count", async Task<Ok<UnreadCount>> (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(new UnreadCount(await sender.Send(new GetUnreadCountQuery(), ct))))
            .WithName("GetUnreadCount")
            .WithSummary("How many of my notifications are unread.");
    }
}
