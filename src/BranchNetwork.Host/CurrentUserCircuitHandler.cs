using BranchNetwork.Infrastructure.Web;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace BranchNetwork.Host;

/// <summary>Gives handlers called from interactive pages the circuit's user (there is no HttpContext in a circuit).</summary>
internal sealed class CurrentUserCircuitHandler(AuthenticationStateProvider authenticationStateProvider, CurrentUser currentUser) : CircuitHandler, IDisposable
{
    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        authenticationStateProvider.AuthenticationStateChanged += OnAuthenticationChanged;
        currentUser.SetCircuitPrincipal((await authenticationStateProvider.GetAuthenticationStateAsync()).User);
    }

    public void Dispose() => authenticationStateProvider.AuthenticationStateChanged -= OnAuthenticationChanged;

    private void OnAuthenticationChanged(Task<AuthenticationState> task) =>
        _ = task.ContinueWith(t => currentUser.SetCircuitPrincipal(t.Result.User), TaskScheduler.Default);
}
