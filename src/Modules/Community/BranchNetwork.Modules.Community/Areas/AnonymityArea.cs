using BranchNetwork.Modules.Community.Features.ListPseudonymResolutions;
using BranchNetwork.Modules.Community.Features.ResolvePseudonym;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.SharedKernel.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using MudBlazor;

namespace BranchNetwork.Modules.Community.Areas;

/// <summary>CM-3: anonymous participation — the auditor's resolution of a pseudonym, with its reason, recorded: the area's navigation, services, endpoints and jobs.</summary>
internal static class AnonymityArea
{
    public static IReadOnlyList<NavEntry> Navigation { get; } =
    [
        new("/community/anonymity", "NavAnonymity", 70, Icons.Material.Filled.PersonSearch, Group: "community", Roles: [BankRoles.Auditor], TestId: "nav-community-anonymity"),
    ];

    public static IReadOnlyList<HomeCard> HomeCards { get; } = [];

    public static void AddServices(WebApplicationBuilder builder)
    {
        _ = builder;
    }

    public static void MapEndpoints(IEndpointRouteBuilder api)
    {
        ResolvePseudonymEndpoint.Map(api);
        ListPseudonymResolutionsEndpoint.Map(api);
    }

    public static IReadOnlyList<ModuleRecurringJob> RecurringJobs(IConfiguration configuration) => [];
}
