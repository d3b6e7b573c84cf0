using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Resources.Features.AddSigner;
using BranchNetwork.Modules.Resources.Features.ConfigureRoute;
using BranchNetwork.Modules.Resources.Features.DecideRequest;
using BranchNetwork.Modules.Resources.Features.FulfilRequest;
using BranchNetwork.Modules.Resources.Features.GetApprovalPanel;
using BranchNetwork.Modules.Resources.Features.ListApprovalQueue;
using BranchNetwork.Modules.Resources.Features.ListApproverCandidates;
using BranchNetwork.Modules.Resources.Features.ListRoutes;
using BranchNetwork.Modules.Resources.Features.RemindOverdue;
using BranchNetwork.Modules.Resources.Features.ReturnRequest;
using BranchNetwork.Modules.Resources.Features.Shared;
using BranchNetwork.Modules.Resources.Features.TransferStep;
using BranchNetwork.SharedKernel.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace BranchNetwork.Modules.Resources.Areas;

/// <summary>RR-2: the approvers' side — the queue at my step, opening, deciding (approve, partially approve, reject), returning, transferring, adding signers, confirming delivery; the routes SystemAdmin keeps; the daily SLA reminder.</summary>
internal static class ApprovalsArea
{
    public static IReadOnlyList<NavEntry> Navigation { get; } =
    [
        new("/resources/approvals", "NavApprovals", 20, Icons.Material.Filled.FactCheck, Group: "resources",
            Roles: [BankRoles.HeadOfficeSupervisor, BankRoles.TaskAdmin], TestId: "nav-resources-approvals"),
        new("/resources/routes", "NavRoutes", 60, Icons.Material.Filled.AccountTree, Group: "resources",
            Roles: [BankRoles.SystemAdmin], TestId: "nav-resources-routes"),
    ];

    public static void AddServices(WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ApprovalRunner>();
        builder.Services.AddScoped<ApproverCandidates>();
        builder.Services.AddScoped<OverdueReminder>();
    }

    public static void MapEndpoints(IEndpointRouteBuilder api)
    {
        ListApprovalQueueEndpoint.Map(api);
        GetApprovalPanelEndpoint.Map(api);
        DecideRequestEndpoint.Map(api);
        ReturnRequestEndpoint.Map(api);
        TransferStepEndpoint.Map(api);
        AddSignerEndpoint.Map(api);
        FulfilRequestEndpoint.Map(api);
        ListRoutesEndpoint.Map(api);
        ConfigureRouteEndpoint.Map(api);
        ListApproverCandidatesEndpoint.Map(api);
    }

    /// <summary>The SLA reminder at 09:00 China time every day.</summary>
    public static IReadOnlyList<ModuleRecurringJob> RecurringJobs(IConfiguration configuration) =>
    [
        new(OverdueReminder.JobId, OverdueReminder.Cron, BankCalendar.Zone,
            (services, ct) => services.GetRequiredService<OverdueReminder>().RunAsync(ct)),
    ];
}
