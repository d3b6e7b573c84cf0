using BranchNetwork.Infrastructure.Persistence;
using BranchNetwork.Infrastructure.Web;
using BranchNetwork.Modules.Audit.Contracts;
using BranchNetwork.Modules.Audit.Features.ArchiveRecords;
using BranchNetwork.Modules.Audit.Features.EnforcePolicies;
using BranchNetwork.Modules.Audit.Features.ExportAccessLog;
using BranchNetwork.Modules.Audit.Features.ExportCheckpoints;
using BranchNetwork.Modules.Audit.Features.ExportTrail;
using BranchNetwork.Modules.Audit.Features.GetEntityHistory;
using BranchNetwork.Modules.Audit.Features.GetHomeFigures;
using BranchNetwork.Modules.Audit.Features.GetUserTimeline;
using BranchNetwork.Modules.Audit.Features.ListAccessLog;
using BranchNetwork.Modules.Audit.Features.ManagePolicies;
using BranchNetwork.Modules.Audit.Features.RecordAccess;
using BranchNetwork.Modules.Audit.Features.SearchTrail;
using BranchNetwork.Modules.Audit.Features.Shared;
using BranchNetwork.Modules.Audit.Features.VerifyChain;
using BranchNetwork.Modules.Audit.Features.WriteCheckpoints;
using BranchNetwork.Modules.Audit.Resources;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.SharedKernel.Localization;
using BranchNetwork.SharedKernel.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

// Validation messages name fields through this module's FieldName_* keys (SharedKernel FieldNames).
[assembly: BranchNetwork.SharedKernel.Localization.FieldNames(typeof(BranchNetwork.Modules.Audit.Resources.AuditText))]

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
        // Audit's own changes (e.g. access policies) reach the trail through its outbox like every module's (AU-2).
        services.AddModuleOutbox<AuditDbContext>(Name);

        services.Configure<AccessLogOptions>(builder.Configuration.GetSection(AccessLogOptions.Section));
        // ADR 0025: skip list, spill file, bulk store, counters.
        services.AddSingleton<AccessLogSkipList>();
        services.AddSingleton<AccessLogSpill>();
        services.AddSingleton<AccessLogStoreFault>();
        services.AddSingleton<AccessLogStore>();
        services.AddSingleton<AccessLogMetrics>();
        services.AddHealthChecks().AddCheck<AccessLogHealthCheck>("access-log", tags: ["ready"]);
        services.AddSingleton<AccessLogBuffer>();
        services.AddSingleton<IAccessLog>(sp => sp.GetRequiredService<AccessLogBuffer>());
        services.AddSingleton<DurableAccessLog>();
        services.AddScoped<ChainVerifier>();

        // AU-3 / AU-4 (au3-chain): checkpoint key (never in the database; refused at start when missing), jobs, alerts.
        builder.Services.AddModuleOutbox<AuditDbContext>(Name);
        services.AddOptions<AuditChainOptions>().Bind(builder.Configuration.GetSection(AuditChainOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<AuditChainOptions>, AuditChainOptionsValidator>();
        services.AddSingleton<CheckpointSigner>();
        services.AddScoped<WriteCheckpointsJob>();
        services.AddScoped<VerifyChainsJob>();
        services.AddScoped<ArchiveRecordsJob>();
        services.AddScoped<AuditorActions>(); // au4-console
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
        new("/audit/trail", "NavTrail", 61, Icons.Material.Filled.History, Roles: [BankRoles.Auditor], TestId: "nav-audit-trail"),
        new("/audit/policies", "NavAccessPolicies", 3, Icons.Material.Filled.Policy, Group: "admin", Roles: [BankRoles.SecurityAdmin], TestId: "nav-access-policies"),
    ];

    public IReadOnlyList<HomeCard> HomeCards { get; } =
    [
        new(GetHomeFiguresHandler.AccessLog, "Card_AccessLog_Title", 70, Icons.Material.Filled.ManageSearch, [BankRoles.Auditor]),
        new(GetHomeFiguresHandler.Denials, "Card_Denials_Title", 69, Icons.Material.Filled.GppBad, [BankRoles.Auditor]),
        new(GetHomeFiguresHandler.Trail, "Card_Trail_Title", 71, Icons.Material.Filled.History, [BankRoles.Auditor]),
    ];

    public Task<IReadOnlyList<HomeFigure>> ReadHomeFiguresAsync(IServiceProvider services, IReadOnlyCollection<string> cardKeys, CancellationToken cancellationToken) =>
        services.GetRequiredService<IPageSender>().Send(new GetHomeFiguresQuery(cardKeys), cancellationToken).AsTask();

    /// <summary>AU-3: checkpoints every few minutes, the daily verification; AU-4: the daily retention archive.</summary>
    public IReadOnlyList<ModuleRecurringJob> RecurringJobs(IConfiguration configuration)
    {
        var settings = configuration.GetSection(AuditChainOptions.Section).Get<AuditChainOptions>() ?? new AuditChainOptions();
        var zone = settings.VerifyTimeZone is { Length: > 0 } id ? TimeZoneInfo.FindSystemTimeZoneById(id) : BankCalendar.Zone;
        return
        [
            new(WriteCheckpointsJob.Id, WriteCheckpointsJob.Cron(settings.CheckpointMinutes), TimeZoneInfo.Utc,
                (services, ct) => services.GetRequiredService<WriteCheckpointsJob>().RunAsync(ct)),
            new(VerifyChainsJob.Id, settings.VerifyCron, zone,
                (services, ct) => services.GetRequiredService<VerifyChainsJob>().RunAsync(ct)),
            new(ArchiveRecordsJob.Id, settings.ArchiveCron, zone,
                (services, ct) => services.GetRequiredService<ArchiveRecordsJob>().RunAsync(ct)),
        ];
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var audit = endpoints.MapGroup("/api/audit").WithTags("Audit").RequireAuthorization(ApiPolicy);
        ListAccessLogEndpoint.Map(audit);
        VerifyChainEndpoint.Map(audit);
        ExportCheckpointsEndpoint.Map(audit);

        // au4-console: the auditor's console, read-only (GET only; exports are GETs too).
        SearchTrailEndpoint.Map(audit);
        GetEntityHistoryEndpoint.Map(audit);
        GetUserTimelineEndpoint.Map(audit);
        ExportTrailEndpoint.Map(audit);
        ExportAccessLogEndpoint.Map(audit);
        Pages.ExportDownloadEndpoint.Map(endpoints);
        ManagePoliciesEndpoints.Map(audit);
    }
}
