using BranchNetwork.Infrastructure.Persistence;
using BranchNetwork.Infrastructure.Web;
using BranchNetwork.Modules.Audit.Contracts;
using BranchNetwork.Modules.Audit.Features.EnforcePolicies;
using BranchNetwork.Modules.Audit.Features.GetHomeFigures;
using BranchNetwork.Modules.Audit.Features.ListAccessLog;
using BranchNetwork.Modules.Audit.Features.ManagePolicies;
using BranchNetwork.Modules.Audit.Features.RecordAccess;
using BranchNetwork.Modules.Audit.Resources;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.SharedKernel.Localization;
using BranchNetwork.SharedKernel.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace BranchNetwork.Modules.Audit;

/// <summary>The access log (AU-1); audit trail and hash chain follow (AU-2…AU-5).</summary>
internal sealed class AuditModule : IModule
{
    /// <summary>The API policy (bearer tokens only), defined by the Identity module.</summary>
    public const string ApiPolicy = AuthPolicies.Api;

    public string Name => "Audit";

    public void AddServices(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.AddModuleDbContext<AuditDbContext>(Name, AuditDbContext.Schema);

        services.Configure<AccessLogOptions>(builder.Configuration.GetSection(AccessLogOptions.Section));
        services.AddSingleton<AccessLogBuffer>();
        services.AddSingleton<IAccessLog>(sp => sp.GetRequiredService<AccessLogBuffer>());
        services.AddSingleton<DurableAccessLog>();
        services.AddScoped<Features.Shared.ChainVerifier>();
        services.AddHostedService<AccessLogWriter>();
        // Outermost middleware: wraps the exception handler, authentication, authorization and rate limiting.
        services.AddTransient<IStartupFilter, AccessLogStartupFilter>();

        // Access policies (AU-5): the host puts the gate after authorisation (AccessPolicyPipeline.UseAccessPolicies, ADR 0023).
        services.AddOptions<Features.Shared.AccessPolicyOptions>().BindConfiguration(Features.Shared.AccessPolicyOptions.Section);
        services.AddSingleton<Features.Shared.AccessPolicyCache>();
        services.AddScoped<IAccessPolicyGate, AccessPolicyGate>();
        services.AddScoped<IContentPolicies, ContentPolicies>();
        services.AddScoped<LockOutGuard>();
    }

    public ModuleTextResource Text { get; } = new("audit", typeof(AuditText));

    public IReadOnlyList<NavEntry> Navigation { get; } =
    [
        new("/audit/access-log", "NavAccessLog", 60, Icons.Material.Filled.ManageSearch, Roles: [BankRoles.Auditor], TestId: "nav-access-log"),
        new("/audit/policies", "NavAccessPolicies", 3, Icons.Material.Filled.Policy, Group: "admin", Roles: [BankRoles.SecurityAdmin], TestId: "nav-access-policies"),
    ];

    public IReadOnlyList<HomeCard> HomeCards { get; } =
    [
        new(GetHomeFiguresHandler.AccessLog, "Card_AccessLog_Title", 70, Icons.Material.Filled.ManageSearch, [BankRoles.Auditor]),
    ];

    public Task<IReadOnlyList<HomeFigure>> ReadHomeFiguresAsync(IServiceProvider services, IReadOnlyCollection<string> cardKeys, CancellationToken cancellationToken) =>
        services.GetRequiredService<IPageSender>().Send(new GetHomeFiguresQuery(cardKeys), cancellationToken).AsTask();

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var audit = endpoints.MapGroup("/api/audit").WithTags("Audit").RequireAuthorization(ApiPolicy);
        ListAccessLogEndpoint.Map(audit);
        ManagePoliciesEndpoints.Map(audit);
    }
}
