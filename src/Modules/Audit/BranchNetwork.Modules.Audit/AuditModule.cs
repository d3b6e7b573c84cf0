using BranchNetwork.Infrastructure.Persistence;
using BranchNetwork.Modules.Audit.Contracts;
using BranchNetwork.Modules.Audit.Data;
using BranchNetwork.Modules.Audit.Features.ListAccessLog;
using BranchNetwork.Modules.Audit.Features.RecordAccess;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.SharedKernel.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

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
        services.AddHostedService<AccessLogWriter>();
        // Outermost middleware: wraps the exception handler, authentication, authorization and rate limiting.
        services.AddTransient<IStartupFilter, AccessLogStartupFilter>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var audit = endpoints.MapGroup("/api/audit").WithTags("Audit").RequireAuthorization(ApiPolicy);
        ListAccessLogEndpoint.Map(audit);
    }
}
