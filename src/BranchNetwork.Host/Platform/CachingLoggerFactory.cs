using System.Collections.Concurrent;

namespace BranchNetwork.Host.Platform;

/// <summary>
/// One logger per category for the whole node. Serilog's factory builds a new logger, with its own event-id cache, on
/// every <c>CreateLogger</c>; SignalR and the connection dispatcher ask for theirs once per connection, so each open hub
/// connection held five loggers of its own, about 3 KB of the 50 KB it cost (issue 16, ADR 0029). Loggers are
/// stateless apart from that cache, so sharing them changes nothing that is written.
/// </summary>
internal sealed class CachingLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    private readonly ConcurrentDictionary<string, ILogger> loggers = new(StringComparer.Ordinal);

    public ILogger CreateLogger(string categoryName) => loggers.GetOrAdd(categoryName, inner.CreateLogger);

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose() => inner.Dispose();

    /// <summary>Wraps the factory the last registration made (Serilog's) in the cache.</summary>
    public static void Decorate(IServiceCollection services)
    {
        var registered = services.Last(d => d.ServiceType == typeof(ILoggerFactory));
        services.Remove(registered);
        services.AddSingleton<ILoggerFactory>(sp => new CachingLoggerFactory(
            registered.ImplementationInstance as ILoggerFactory
            ?? registered.ImplementationFactory?.Invoke(sp) as ILoggerFactory
            ?? (ILoggerFactory)ActivatorUtilities.CreateInstance(sp, registered.ImplementationType!)));
    }
}
