using System.Security.Claims;

namespace BranchNetwork.Modules.Identity.Contracts;

/// <summary>
/// Whether a signed-in principal's session still stands (the user is active and, for a cookie, its
/// security stamp is current), and a watch that fires when it stops standing, on whichever node the
/// user was disabled. Long-lived connections (hub, circuits) use it to end at once (ADR 0017).
/// </summary>
public interface IUserSessions
{
    /// <summary>Cheap: answered from a per-node cache that a disable or reset clears on every node.</summary>
    ValueTask<bool> IsCurrentAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default);

    /// <summary>Calls <paramref name="onEnded"/> once when the principal's session ends; dispose to stop watching.</summary>
    IDisposable Watch(ClaimsPrincipal principal, Action onEnded);
}
