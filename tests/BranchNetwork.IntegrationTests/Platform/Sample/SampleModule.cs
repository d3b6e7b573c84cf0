using BranchNetwork.Infrastructure.Persistence;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.SharedKernel.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BranchNetwork.IntegrationTests.Platform.Sample;

/// <summary>
/// The empty module of docs/adding-a-module.md, kept as small as a module can be: a DbContext of its own (no tables
/// yet, so no migration), one endpoint, one page, one navigation entry and one home card with a live figure. The
/// host loads it through its development-only <c>Modules:Extra</c> hook; nothing of the host knows it.
/// </summary>
internal sealed class SampleModule : IModule
{
    public const string CardKey = "SampleDatabases";

    public string Name => "Sample";

    public IReadOnlyList<NavEntry> Navigation { get; } = [new("/sample", "Sample", 99, MudBlazor.Icons.Material.Filled.Extension, TestId: "nav-sample")];

    public IReadOnlyList<HomeCard> HomeCards { get; } = [new(CardKey, "Sample", 99, MudBlazor.Icons.Material.Filled.Extension, [BankRoles.SystemAdmin])];

    public void AddServices(WebApplicationBuilder builder) => builder.AddModuleDbContext<SampleDbContext>(Name, SampleDbContext.Schema);

    public void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGroup("/api/sample").WithTags("Sample").RequireAuthorization(AuthPolicies.Api)
            .MapGet("/status", async Task<Ok<SampleStatus>> (SampleDbContext db, CancellationToken ct) =>
                TypedResults.Ok(new SampleStatus("Sample", await db.Database.CanConnectAsync(ct))));

    // A live figure: how many module databases this app runs, read when the home page renders.
    public Task<IReadOnlyList<HomeFigure>> ReadHomeFiguresAsync(IServiceProvider services, IReadOnlyCollection<string> cardKeys, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<HomeFigure>>([new HomeFigure(CardKey, services.GetServices<ModuleDatabase>().Count().ToString(System.Globalization.CultureInfo.InvariantCulture), "module databases", "/sample")]);
}

internal sealed record SampleStatus(string Module, bool Database);

internal sealed class SampleDbContext(DbContextOptions<SampleDbContext> options) : DbContext(options)
{
    public const string Schema = "sample";
}

/// <summary>The module's page (a Razor module writes it as a .razor file; this test project has no Razor SDK).</summary>
[Route("/sample")]
[Microsoft.AspNetCore.Authorization.Authorize]
public sealed class SamplePage : ComponentBase
{
    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, "h1");
        builder.AddAttribute(1, "data-testid", "sample-page");
        builder.AddContent(2, "Sample module page");
        builder.CloseElement();
    }
}
