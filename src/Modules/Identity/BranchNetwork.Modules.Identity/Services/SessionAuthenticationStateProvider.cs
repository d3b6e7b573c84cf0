using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Logging;

namespace BranchNetwork.Modules.Identity.Services;

/// <summary>
/// The circuit's user, ended the moment the user is disabled: the page's router then shows its sign-in
/// redirect. A revalidation every 30 s backs up the watch (ADR 0017).
/// </summary>
internal sealed class SessionAuthenticationStateProvider : RevalidatingServerAuthenticationStateProvider
{
    private static readonly Task<AuthenticationState> SignedOut = Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity())));

    private readonly UserSessions sessions;
    private readonly ILogger logger;
    private readonly Lock gate = new();
    private IDisposable? watch;

    public SessionAuthenticationStateProvider(ILoggerFactory loggerFactory, UserSessions sessions)
        : base(loggerFactory)
    {
        this.sessions = sessions;
        logger = loggerFactory.CreateLogger<SessionAuthenticationStateProvider>();
        AuthenticationStateChanged += OnAuthenticationStateChanged;
    }

    protected override TimeSpan RevalidationInterval => TimeSpan.FromSeconds(30);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        var current = await sessions.IsCurrentAsync(authenticationState.User, fresh: true, cancellationToken);
        if (!current)
        {
            logger.LogInformation("A live page's session ended at its periodic check: signing the page out");
        }

        return current;
    }

    protected override void Dispose(bool disposing)
    {
        AuthenticationStateChanged -= OnAuthenticationStateChanged;
        lock (gate)
        {
            watch?.Dispose();
            watch = null;
        }

        base.Dispose(disposing);
    }

    private void OnAuthenticationStateChanged(Task<AuthenticationState> task) => _ = WatchAsync(task);

    private async Task WatchAsync(Task<AuthenticationState> task)
    {
        var user = (await task).User;
        var next = user.Identity?.IsAuthenticated == true ? sessions.Watch(user, () => SetAuthenticationState(SignedOut)) : null;
        lock (gate)
        {
            watch?.Dispose();
            watch = next;
        }
    }
}
