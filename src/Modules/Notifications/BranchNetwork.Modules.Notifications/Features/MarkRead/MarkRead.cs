using BranchNetwork.Infrastructure.Web;
using BranchNetwork.Modules.Notifications.Features.Shared;
using BranchNetwork.Modules.Notifications.Hubs;
using BranchNetwork.Modules.Notifications.Resources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace BranchNetwork.Modules.Notifications.Features.MarkRead;

/// <summary>Marks one notification (or, with no id, all) of the signed-in user read. Another user's notification is a 404.</summary>
[AnySignedInUser]
[OwnAccountOnly]
internal sealed record MarkReadCommand(Guid? NotificationId) : ICommand<UnreadCount>;

/// <summary>
/// Marks read the signed-in user's unread notifications leading to <paramref name="Path"/>: the item they are about has
/// just been opened (from the menu, a home card or a link), so they have been seen. Sent by the bell on navigation;
/// no endpoint. Returns the unread count.
/// </summary>
[AnySignedInUser]
[OwnAccountOnly]
internal sealed record MarkReadByLinkCommand(string Path) : ICommand<UnreadCount>;

internal sealed class MarkReadByLinkHandler(NotificationsDbContext db, ICurrentUser currentUser, IClock clock, NotificationPusher pusher)
    : ICommandHandler<MarkReadByLinkCommand, UnreadCount>
{
    public async ValueTask<UnreadCount> Handle(MarkReadByLinkCommand command, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireUserId();
        var now = clock.UtcNow;
        var changed = command.Path.Length is > 1 and <= Notification.LinkMaxLength
            ? await db.Notifications.Where(n => n.RecipientId == userId && n.ReadAtUtc == null && n.Link == command.Path)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAtUtc, now), cancellationToken)
            : 0;
        if (changed > 0)
        {
            await pusher.PushUnreadCountsAsync([userId], cancellationToken);
        }

        return new UnreadCount(await db.Notifications.CountAsync(n => n.RecipientId == userId && n.ReadAtUtc == null, cancellationToken));
    }
}

internal sealed class MarkReadHandler(NotificationsDbContext db, ICurrentUser currentUser, IClock clock, NotificationPusher pusher, IStringLocalizer<NotificationsText> text)
    : ICommandHandler<MarkReadCommand, UnreadCount>
{
    public async ValueTask<UnreadCount> Handle(MarkReadCommand command, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireUserId();
        var now = clock.UtcNow;
        if (command.NotificationId is { } id)
        {
            var notification = await db.Notifications.FirstOrDefaultAsync(n => n.Id == id && n.RecipientId == userId, cancellationToken)
                ?? throw new NotFoundException("notifications.not_found", text["NotificationNotFound"]);
            notification.ReadAtUtc ??= now;
            await db.SaveChangesAsync(cancellationToken);
        }
        else
        {
            await db.Notifications.Where(n => n.RecipientId == userId && n.ReadAtUtc == null)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAtUtc, now), cancellationToken);
        }

        // Other open tabs of the same user update their bell too.
        await pusher.PushUnreadCountsAsync([userId], cancellationToken);
        return new UnreadCount(await db.Notifications.CountAsync(n => n.RecipientId == userId && n.ReadAtUtc == null, cancellationToken));
    }
}

internal static class MarkReadEndpoint
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/{id:guid}/read", async Task<Ok<UnreadCount>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new MarkReadCommand(id), ct)))
            .RequireRolesOf<MarkReadCommand>()
            .WithName("MarkNotificationRead")
            .WithSummary("Marks one of my notifications read; returns my unread count.");
        api.MapPost("/read-all", async Task<Ok<UnreadCount>> (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new MarkReadCommand(null), ct)))
            .RequireRolesOf<MarkReadCommand>()
            .WithName("MarkAllNotificationsRead")
            .WithSummary("Marks all my notifications read.");
    }
}
