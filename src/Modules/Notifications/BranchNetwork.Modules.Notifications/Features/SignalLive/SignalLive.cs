using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Notifications.Contracts;
using BranchNetwork.Modules.Notifications.Hubs;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace BranchNetwork.Modules.Notifications.Features.SignalLive;

/// <summary>
/// Relays <see cref="LiveSignalRequested"/> to the hub's unit groups of the unit and its descendants (a sub-branch's
/// staff may sit in its teams). Not de-duplicated: a repeated signal only makes a page read once more.
/// </summary>
internal sealed class SignalLiveHandler(IHubContext<NotificationsHub> hub, IOrganisationDirectory directory, ILogger<SignalLiveHandler> logger)
    : INotificationHandler<LiveSignalRequested>
{
    public async ValueTask Handle(LiveSignalRequested notification, CancellationToken cancellationToken)
    {
        try
        {
            var units = await directory.GetUnitAndDescendantsAsync(notification.UnitId, cancellationToken);
            var groups = units.Append(notification.UnitId).Distinct().Select(NotificationsHubContract.UnitGroup).ToList();
            await hub.Clients.Groups(groups).SendAsync(NotificationsHubContract.SignalMethod, notification.Topic, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A live nudge is best effort: failing here must not park the event and retry a push nobody waits for.
            logger.LogWarning(e, "Live signal {Topic} to unit {UnitId} failed", notification.Topic, notification.UnitId);
        }
    }
}

/// <summary>Relays <see cref="UserLiveSignalRequested"/> to the person's own hub group. Best effort, like the unit signal.</summary>
internal sealed class SignalUserLiveHandler(IHubContext<NotificationsHub> hub, ILogger<SignalUserLiveHandler> logger)
    : INotificationHandler<UserLiveSignalRequested>
{
    public async ValueTask Handle(UserLiveSignalRequested notification, CancellationToken cancellationToken)
    {
        try
        {
            await hub.Clients.Group(NotificationsHubContract.UserGroup(notification.UserId))
                .SendAsync(NotificationsHubContract.SignalMethod, notification.Topic, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Live signal {Topic} to user {UserId} failed", notification.Topic, notification.UserId);
        }
    }
}
