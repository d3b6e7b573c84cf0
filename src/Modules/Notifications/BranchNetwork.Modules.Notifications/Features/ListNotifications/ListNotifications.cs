using BranchNetwork.Modules.Notifications.Features.Shared;
using BranchNetwork.Modules.Notifications.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Notifications.Features.ListNotifications;

/// <summary>One notification in the reader's language. <see cref="BodyIsHtml"/>: the body is sanitised markup (announcements); otherwise plain text.</summary>
internal sealed record InboxItem(Guid Id, string Kind, string Title, string Body, string? Link, DateTime CreatedAt, DateTime? ReadAt, bool BodyIsHtml);

/// <summary>One keyset page of the inbox; <see cref="NextCursor"/> (sent back as <c>after</c>) is null on the last page.</summary>
internal sealed record InboxPage(IReadOnlyList<InboxItem> Items, string? NextCursor, int UnreadCount);

/// <summary>
/// The signed-in user's inbox: unread first, then newest first (keyset: an inbox grows without bound).
/// Walking the cursors skips no row; one marked read while the reader pages moves to the read part and may
/// show again there.
/// </summary>
[AnySignedInUser]
internal sealed record ListNotificationsQuery(string? After, int? PageSize) : IQuery<InboxPage>;

[AnySignedInUser]
internal sealed record GetUnreadCountQuery : IQuery<int>;

internal sealed class ListNotificationsHandler(NotificationsDbContext db, ICurrentUser currentUser, NotificationText text)
    : IQueryHandler<ListNotificationsQuery, InboxPage>, IQueryHandler<GetUnreadCountQuery, int>
{
    public async ValueTask<InboxPage> Handle(ListNotificationsQuery query, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireUserId();
        var size = Paging.NormalizeSize(query.PageSize);
        var list = $"notifications.inbox|{userId:N}";
        var after = PageCursor.Decode(query.After, list, 3);
        var mine = db.Notifications.AsNoTracking().Where(n => n.RecipientId == userId);
        var unread = await mine.CountAsync(n => n.ReadAtUtc == null, cancellationToken);

        var rows = mine;
        if (after is not null)
        {
            var (afterRead, time, id) = (after.Flag(0), after.Time(1), after.Id(2));
            // Same read state and older (or same time, lower id), or any read row after the last unread one.
            rows = afterRead
                ? rows.Where(n => n.ReadAtUtc != null && (n.CreatedAtUtc < time || (n.CreatedAtUtc == time && n.Id.CompareTo(id) < 0)))
                : rows.Where(n => n.ReadAtUtc != null || n.CreatedAtUtc < time || (n.CreatedAtUtc == time && n.Id.CompareTo(id) < 0));
        }

        var items = await rows
            .OrderBy(n => n.ReadAtUtc == null ? 0 : 1)
            .ThenByDescending(n => n.CreatedAtUtc)
            .ThenByDescending(n => n.Id)
            .Take(size + 1)
            .ToListAsync(cancellationToken);
        // Rendered now, in the language of whoever is reading (request or circuit culture), not when it was sent.
        var rendered = items.Select(n => new InboxItem(n.Id, n.Kind, text.Title(n), text.Body(n), n.Link, n.CreatedAtUtc, n.ReadAtUtc, Notification.IsHtml(n.Kind))).ToList();
        var page = KeysetPage.From(rendered, size, last => PageCursor.Encode(list, last.ReadAt is not null, last.CreatedAt, last.Id));
        return new InboxPage(page.Items, page.NextCursor, unread);
    }

    public async ValueTask<int> Handle(GetUnreadCountQuery query, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireUserId();
        return await db.Notifications.CountAsync(n => n.RecipientId == userId && n.ReadAtUtc == null, cancellationToken);
    }
}

internal static class ListNotificationsEndpoint
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/", async Task<Ok<InboxPage>> (string? after, int? pageSize, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListNotificationsQuery(after, pageSize), ct)))
            .WithName("ListNotifications")
            .WithSummary("My inbox, unread first then newest, one keyset page at a time: pass nextCursor as after.");
        api.MapGet("/unread-count", async Task<Ok<UnreadCount>> (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(new UnreadCount(await sender.Send(new GetUnreadCountQuery(), ct))))
            .WithName("GetUnreadCount")
            .WithSummary("How many of my notifications are unread.");
    }
}
