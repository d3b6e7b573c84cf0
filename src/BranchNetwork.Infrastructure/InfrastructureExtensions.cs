using BranchNetwork.Infrastructure.Persistence;
using BranchNetwork.Infrastructure.Web;
using BranchNetwork.SharedKernel;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BranchNetwork.Infrastructure;

public static class InfrastructureExtensions
{
    public static WebApplicationBuilder AddPlatformInfrastructure(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.GetDatabaseSettings(builder);
        services.TryAddSingleton<IClock, SystemClock>();
        services.TryAddSingleton(sp => BankCalendar.FromConfiguration(sp.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()));
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<CurrentUser>());
        services.AddScoped<IPageSender, PageSender>();
        services.AddSingleton<DatabaseMigrator>();
        services.AddSingleton<Outbox.OutboxProcessor>();
        services.AddHostedService(sp => sp.GetRequiredService<Outbox.OutboxProcessor>());
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, DenialLoggingAuthorizationHandler>();
        // Bad JSON throws, so the exception handler answers it as problem details like every other failure.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
            // A body is a command: a field it does not have is the caller's mistake (or padding), not something to
            // ignore. Refused as a 400 naming the field (ProblemDetailsExceptionHandler, ADR 0018).
            o.SerializerOptions.UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow;
        });
        return builder;
    }
}
