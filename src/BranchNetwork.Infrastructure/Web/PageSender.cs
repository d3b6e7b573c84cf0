using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace BranchNetwork.Infrastructure.Web;

/// <summary>
/// What pages send their commands and queries through. Each call runs in a DI scope of its own, so it
/// gets DbContexts of its own: components that load at the same moment (the bell and the page while
/// prerendering) never share one, and a circuit that stays open all day never reads a stale change tracker.
/// </summary>
public interface IPageSender
{
    ValueTask<TResponse> Send<TResponse>(ICommand<TResponse> command, CancellationToken cancellationToken = default);

    ValueTask<TResponse> Send<TResponse>(IQuery<TResponse> query, CancellationToken cancellationToken = default);
}

internal sealed class PageSender(IServiceScopeFactory scopes, CurrentUser currentUser) : IPageSender
{
    public async ValueTask<TResponse> Send<TResponse>(ICommand<TResponse> command, CancellationToken cancellationToken = default)
    {
        await using var scope = OpenScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command, cancellationToken);
    }

    public async ValueTask<TResponse> Send<TResponse>(IQuery<TResponse> query, CancellationToken cancellationToken = default)
    {
        await using var scope = OpenScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(query, cancellationToken);
    }

    // The new scope has no circuit handler of its own, so it is handed the page's user explicitly.
    private AsyncServiceScope OpenScope()
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().SetCircuitPrincipal(currentUser.Principal);
        return scope;
    }
}
