using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Notifications.Contracts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.SignalR;

namespace BranchNetwork.Modules.Notifications.Hubs;

/// <summary>
/// The one real-time hub (NT-1). Clients only listen; the server pushes to groups per user,
/// unit and role. Authenticated by an OpenIddict token (query string for WebSockets) or the UI's cookie;
/// the connection closes the moment the user's session ends (disabled, password reset: Identity's ADR 0017).
/// </summary>
[Authorize(Policy = AuthPolicies.Hub)]
internal sealed class NotificationsHub(IUserSessions sessions, IHubContext<NotificationsHub> hub, HubMemoryTrim trim) : Hub
{
    /// <summary>Client method telling the page its session ended: it goes to the sign-in form by itself.</summary>
    internal const string SessionEndedMethod = "sessionEnded";

    private const string DefaultCulture = "zh-CN";

    private static readonly object SessionWatch = new();

    public static string UserCultureGroup(Guid userId, string culture) => $"{NotificationsHubContract.UserGroup(userId)}:{culture}";

    public override async Task OnConnectedAsync()
    {
        var user = Context.User!;
        if (Guid.TryParse(user.FindFirst("sub")?.Value, out var userId))
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, NotificationsHubContract.UserGroup(userId));
            // The language this connection reads (culture cookie or Accept-Language): keyed notifications are pushed in it.
            var culture = Context.GetHttpContext()?.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture.Name ?? DefaultCulture;
            await Groups.AddToGroupAsync(Context.ConnectionId, UserCultureGroup(userId, culture));
        }

        if (Guid.TryParse(user.FindFirst("unit_id")?.Value, out var unitId))
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, NotificationsHubContract.UnitGroup(unitId));
        }

        foreach (var role in user.FindAll("role").Select(c => c.Value).Where(BankRoles.IsKnown))
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, NotificationsHubContract.RoleGroup(role));
        }

        var context = Context;
        context.Items[SessionWatch] = sessions.Watch(user, () => _ = EndSessionAsync(hub, context));
        ReleaseAuthenticationState(context.GetHttpContext());
        await base.OnConnectedAsync();
    }

    /// <summary>
    /// The upgraded request lives as long as the connection, and with it what authentication kept for the request:
    /// the validated token (its parsed claims and dictionaries) and the tickets of each scheme tried. The connection
    /// needs only its user, which it holds itself, so they go (ADR 0029). The token handler's feature is found by its
    /// namespace: this module does not reference the token server.
    /// </summary>
    private static void ReleaseAuthenticationState(HttpContext? http)
    {
        if (http is null)
        {
            return;
        }

        // Setting the user keeps the principal and drops the authentication result (its ticket) behind it.
        var user = http.User;
        http.User = user;
        http.Features.Set<IAuthenticateResultFeature>(null);
        foreach (var feature in http.Features.Where(f => f.Key.Namespace?.StartsWith("OpenIddict.", StringComparison.Ordinal) == true).Select(f => f.Key).ToList())
        {
            http.Features[feature] = null;
        }
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        if (Context.Items.TryGetValue(SessionWatch, out var watch) && watch is IDisposable disposable)
        {
            disposable.Dispose();
        }

        trim.Closed();
        return base.OnDisconnectedAsync(exception);
    }

    /// <summary>
    /// Tells the page before closing the connection. The page's circuit signs out too, but the page must not depend
    /// on it alone: a circuit that is reconnecting (a loaded network, a sleeping phone) would leave it open (ADR 0017).
    /// </summary>
    private static async Task EndSessionAsync(IHubContext<NotificationsHub> hub, HubCallerContext context)
    {
        try
        {
            await hub.Clients.Client(context.ConnectionId).SendAsync(SessionEndedMethod, context.ConnectionAborted);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or InvalidOperationException)
        {
            // The connection is already going: closing it is all that is left.
        }
        finally
        {
            context.Abort();
        }
    }
}
