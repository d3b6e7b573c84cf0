using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.SharedKernel.Modules;

/// <summary>
/// The one small contract through which a module plugs into the host: it adds its services,
/// maps its endpoints, and names the assembly that holds its handlers and Blazor pages.
/// </summary>
public interface IModule
{
    string Name { get; }

    Assembly Assembly => GetType().Assembly;

    void AddServices(WebApplicationBuilder builder);

    void MapEndpoints(IEndpointRouteBuilder endpoints);
}

/// <summary>Creates demo data in Development. Must be idempotent: it runs on every start.</summary>
public interface IDemoDataSeeder
{
    int Order { get; }

    Task SeedAsync(CancellationToken cancellationToken);
}

/// <summary>Reference data a module needs in every environment (roles, first-party clients). Runs after migrations; idempotent.</summary>
public interface IModuleInitializer
{
    Task InitializeAsync(CancellationToken cancellationToken);
}
