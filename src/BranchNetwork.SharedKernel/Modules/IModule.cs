using System.Reflection;
using BranchNetwork.SharedKernel.Localization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;

namespace BranchNetwork.SharedKernel.Modules;

/// <summary>
/// The one contract through which a module plugs into the host: it adds its services, maps its endpoints, names
/// the assembly that holds its handlers and Blazor pages, and contributes its part of the shell (navigation,
/// home cards, app-bar widgets), its texts and its recurring jobs. The host lists modules in one place
/// (<c>ModuleCatalog</c>) and knows nothing else about them.
/// </summary>
public interface IModule
{
    string Name { get; }

    Assembly Assembly => GetType().Assembly;

    void AddServices(WebApplicationBuilder builder);

    void MapEndpoints(IEndpointRouteBuilder endpoints);

    /// <summary>
    /// The module's texts shown outside its own pages: navigation labels and home-card titles are keys of
    /// <see cref="ModuleTextResource.ResourceType"/>; other modules render <c>prefix:Key</c> texts (notifications) through it.
    /// </summary>
    ModuleTextResource? Text => null;

    /// <summary>Navigation groups this module opens (other modules' entries may join one by its key).</summary>
    IReadOnlyList<NavGroup> NavigationGroups => [];

    IReadOnlyList<NavEntry> Navigation => [];

    /// <summary>The module's home-page cards (SPEC §9); each shows only with a live figure from <see cref="ReadHomeFiguresAsync"/>.</summary>
    IReadOnlyList<HomeCard> HomeCards => [];

    /// <summary>
    /// The live figures of <paramref name="cardKeys"/> (the user's cards of this module), read in one request under
    /// the signed-in user from <paramref name="services"/> (the page's services: send through <c>IPageSender</c>).
    /// A card without a figure is not shown.
    /// </summary>
    Task<IReadOnlyList<HomeFigure>> ReadHomeFiguresAsync(IServiceProvider services, IReadOnlyCollection<string> cardKeys, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<HomeFigure>>([]);

    /// <summary>Components the shell shows in its app bar for a signed-in user (e.g. the notification bell).</summary>
    IReadOnlyList<Type> AppBarComponents => [];

    /// <summary>The module's Hangfire recurring jobs; the host registers them at start-up (stable ids, so re-registering updates them).</summary>
    IReadOnlyList<ModuleRecurringJob> RecurringJobs(IConfiguration configuration) => [];
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
