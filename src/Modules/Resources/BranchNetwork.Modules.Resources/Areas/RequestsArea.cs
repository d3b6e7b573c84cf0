using BranchNetwork.Modules.Files.Contracts;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Resources.Features.AttachToRequest;
using BranchNetwork.Modules.Resources.Features.CreateRequest;
using BranchNetwork.Modules.Resources.Features.EditRequest;
using BranchNetwork.Modules.Resources.Features.GetLinkOptions;
using BranchNetwork.Modules.Resources.Features.GetRequest;
using BranchNetwork.Modules.Resources.Features.ListRequests;
using BranchNetwork.Modules.Resources.Features.PreviewRoute;
using BranchNetwork.Modules.Resources.Features.RecallRequest;
using BranchNetwork.Modules.Resources.Features.SubmitRequest;
using BranchNetwork.Modules.Resources.Features.WithdrawRequest;
using BranchNetwork.SharedKernel.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace BranchNetwork.Modules.Resources.Areas;

/// <summary>RR-1: filing, editing, submitting (with the route preview), recalling and withdrawing requests, the lists and a request's page: the area's navigation, services and endpoints.</summary>
internal static class RequestsArea
{
    public static IReadOnlyList<NavEntry> Navigation { get; } =
    [
        new("/resources", "NavRequests", 10, Icons.Material.Filled.RequestQuote, Group: "resources",
            Roles: [BankRoles.SubBranchHead, BankRoles.DepartmentManager, BankRoles.HeadOfficeSupervisor, BankRoles.Auditor], MatchAll: true, TestId: "nav-resources-requests"),
    ];

    public static void AddServices(WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<RequestAttachmentPolicy>();
        builder.Services.AddScoped<IFileAccessPolicy>(sp => sp.GetRequiredService<RequestAttachmentPolicy>());
    }

    public static void MapEndpoints(IEndpointRouteBuilder api)
    {
        ListRequestsEndpoint.Map(api);
        CreateRequestEndpoint.Map(api);
        GetRequestEndpoint.Map(api);
        EditRequestEndpoint.Map(api);
        SubmitRequestEndpoint.Map(api);
        RecallRequestEndpoint.Map(api);
        WithdrawRequestEndpoint.Map(api);
        PreviewRouteEndpoint.Map(api);
        GetLinkOptionsEndpoint.Map(api);
        AttachToRequestEndpoint.Map(api);
    }

    public static IReadOnlyList<ModuleRecurringJob> RecurringJobs(IConfiguration configuration) => [];
}
