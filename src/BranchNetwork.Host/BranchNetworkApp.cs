using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Threading.RateLimiting;
using BranchNetwork.Host.Components;
using BranchNetwork.Infrastructure;
using BranchNetwork.Infrastructure.Jobs;
using BranchNetwork.Infrastructure.Persistence;
using BranchNetwork.Infrastructure.Resources;
using BranchNetwork.Infrastructure.Web;
using BranchNetwork.Modules.Audit.Contracts;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.SharedKernel.Modules;
using FluentValidation;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MudBlazor.Services;
using Scalar.AspNetCore;
using Serilog;

namespace BranchNetwork.Host;

/// <summary>The composition root: platform services, every module, the middleware pipeline.</summary>
internal static class BranchNetworkApp
{
    public static readonly CultureInfo[] SupportedCultures = [new("zh-CN"), new("en")];

    /// <summary>Builds the app, applies migrations and seeds; returns null after <c>--migrate-only</c>.</summary>
    public static async Task<WebApplication?> BuildAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        // `dotnet ef … -- --provider PostgreSql` and `--migrate-only` arrive as command-line switches.
        builder.Configuration.AddCommandLine(args, new Dictionary<string, string> { ["--provider"] = "Database:Provider" });
        var migrateOnly = args.Contains("--migrate-only", StringComparer.Ordinal);

        ConfigureServices(builder);
        var app = builder.Build();
        ConfigurePipeline(app);

        // The first request used to wait 8–20 s after "Now listening": OpenIddict generated its ephemeral RSA keys and every
        // endpoint was built on it. Done while the database is migrated and seeded, the two overlap on the second core and
        // the first request finds them ready (ADR 0027).
        var warmUp = migrateOnly ? Task.CompletedTask : Task.Run(() => WarmUpAsync(app));
        await PrepareDatabaseAsync(app);
        await warmUp;
        return migrateOnly ? null : app;
    }

    /// <summary>Builds what the first request would otherwise build: the token keys, endpoints, the authentication schemes.</summary>
    private static async Task WarmUpAsync(WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Startup");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        // Without a configured certificate the token server's signing and encryption keys are RSA keys generated when its
        // options are first read, which was inside the first request of any kind (the authentication middleware asks it).
        _ = app.Services.GetRequiredService<IOptionsMonitor<OpenIddict.Server.OpenIddictServerOptions>>().CurrentValue;
        _ = app.Services.GetRequiredService<IOptionsMonitor<OpenIddict.Validation.OpenIddictValidationOptions>>().CurrentValue;
        var keys = watch.ElapsedMilliseconds;
        var endpoints = 0;
        foreach (var source in ((IEndpointRouteBuilder)app).DataSources)
        {
            endpoints += source.Endpoints.Count;
        }

        var schemes = app.Services.GetRequiredService<Microsoft.AspNetCore.Authentication.IAuthenticationSchemeProvider>();
        foreach (var scheme in await schemes.GetAllSchemesAsync())
        {
            _ = scheme.HandlerType;
        }

        _ = app.Services.GetRequiredService<Microsoft.AspNetCore.Authorization.IAuthorizationPolicyProvider>();
        _ = app.Services.GetRequiredService<Microsoft.AspNetCore.Antiforgery.IAntiforgery>();
        _ = app.Services.GetRequiredService<IStringLocalizer<PlatformText>>()["too_many_requests"].Value;
        logger.LogInformation("Warm-up: token keys in {Keys} ms, {Endpoints} endpoints, done in {Elapsed} ms", keys, endpoints, watch.ElapsedMilliseconds);
    }

    private static void ConfigureServices(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.WebHost.UseStaticWebAssets();
        services.AddSerilog((sp, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.FromLogContext()
            .WriteTo.Console(formatProvider: CultureInfo.InvariantCulture));
        // Serilog's factory does not cache its loggers; SignalR asks for new ones on every hub connection (ADR 0029).
        Platform.CachingLoggerFactory.Decorate(services);

        builder.AddPlatformInfrastructure();
        // The client address (access log, network-zone policies, sign-in throttle): X-Forwarded-For is honoured only from
        // the proxies in Network:TrustedProxies (addresses or CIDR ranges); from anyone else it is ignored (ADR 0023).
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownIPNetworks.Clear();
            options.KnownProxies.Clear();
            foreach (var proxy in builder.Configuration.GetSection("Network:TrustedProxies").GetChildren().Select(c => c.Value?.Trim()).OfType<string>().Where(v => v.Length > 0))
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(proxy.Contains('/', StringComparison.Ordinal) ? proxy : $"{proxy}/{(System.Net.IPAddress.Parse(proxy).AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? 128 : 32)}"));
            }
        });
        builder.AddPlatformJobs();
        var modules = ModuleCatalog.Load(builder.Configuration, builder.Environment);
        services.AddSingleton(modules);
        foreach (var module in modules.All)
        {
            module.AddServices(builder);
            if (module.Text is { } text)
            {
                services.AddSingleton(text);
            }
        }

        services.AddSingleton<Shell.ModuleShell>();
        services.AddSingleton<Platform.PlatformHomeCards>();
        services.AddSingleton<Web.RoleNames>();
        services.AddScoped<Shell.ModuleJobs>();

        services.AddModuleMediator();
        services.AddValidatorsFromAssemblies(modules.Assemblies, includeInternalTypes: true);
        SharedKernel.Localization.FieldNames.Install();

        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture("zh-CN");
            options.SupportedCultures = SupportedCultures;
            options.SupportedUICultures = SupportedCultures;
            options.ApplyCurrentCultureToResponseHeaders = true;
        });

        var writePermits = builder.Configuration.GetValue("RateLimiting:WritesPerMinute", 300);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Modules add their own policies (Identity: sign-in).
            // Writes are limited per user (or per address when anonymous) so one client cannot flood the bank's data.
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method)
                    ? RateLimitPartition.GetNoLimiter("reads")
                    : RateLimitPartition.GetFixedWindowLimiter(
                        context.User.Identity?.Name ?? context.Connection.RemoteIpAddress?.ToString() ?? "local",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = writePermits, Window = TimeSpan.FromMinutes(1) }));
            options.OnRejected = async (context, token) =>
            {
                context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("RateLimiting")
                    .LogWarning("Rate limit hit: {Method} {Path}", context.HttpContext.Request.Method, context.HttpContext.Request.Path);
                await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<PlatformText>>()["too_many_requests"],
                    },
                });
            };
        });

        services.AddOpenApi(options =>
        {
            // One schema id per CLR type, or the document fails (see OpenApi/SchemaIdGuard.cs, ADR 0020).
            options.CreateSchemaReferenceId = new OpenApi.SchemaIdGuard().CreateReferenceId;
            options.AddDocumentTransformer<AuthRequirementTransformer>();
            options.AddOperationTransformer<AuthRequirementTransformer>();
            options.AddDocumentTransformer<OpenApi.ProblemResponsesTransformer>();
            options.AddOperationTransformer<OpenApi.ProblemResponsesTransformer>();
            options.AddSchemaTransformer<OpenApi.StringEnumSchemaTransformer>();
            options.AddSchemaTransformer<OpenApi.OptionalNullableSchemaTransformer>();
            options.AddDocumentTransformer<OpenApi.OptionalNullableSchemaTransformer>();
        });
        var health = services.AddHealthChecks();
        foreach (var database in services.Where(d => d.ServiceType == typeof(ModuleDatabase)).Select(d => (ModuleDatabase)d.ImplementationInstance!).ToList())
        {
            health.Add(new HealthCheckRegistration($"db-{database.Module}", sp => new ModuleDatabaseHealthCheck(sp, database.ContextType), HealthStatus.Unhealthy, ["ready"]));
        }

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddScoped<CircuitHandler, CurrentUserCircuitHandler>();
        // Three toasts at most, one of each text: a banker saving twice does not see the same refusal stacked up.
        services.AddMudServices(o =>
        {
            o.SnackbarConfiguration.MaxDisplayedSnackbars = 3;
            o.SnackbarConfiguration.PreventDuplicates = true;
        });
        services.AddTransient<MudBlazor.MudLocalizer, Shell.BankMudLocalizer>();
        // The security headers middleware sends X-Frame-Options: DENY for every response.
        services.AddAntiforgery(o => o.SuppressXFrameOptionsHeader = true);
        // Render Chinese as text, not as numeric character references (pages are mostly Chinese).
        services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
    }

    private static void ConfigurePipeline(WebApplication app)
    {
        app.UseForwardedHeaders();
        // Outermost, so it logs the status the client really gets (after the exception handler).
        app.UseSerilogRequestLogging();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMiddleware<NulCharacterGuardMiddleware>();
        app.UseRequestLocalization();
        app.MapStaticAssets();
        app.UseRouting();
        app.UseMiddleware<HubAccessTokenMiddleware>();
        app.UseAuthentication();
        app.UseAuthorization();
        // Access policies (AU-5): roles are known (cookie, bearer and hub alike), no endpoint has run yet (ADR 0023).
        app.UseAccessPolicies();
        // After authorisation (a caller without the role gets the 403), before anything reads the body.
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        app.UseRateLimiter();
        app.UseAntiforgery();
        app.UseJobsDashboard(BankRoles.SystemAdmin);

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
        app.MapOpenApi();
        if (app.Environment.IsDevelopment())
        {
            app.MapScalarApiReference();
        }

        app.MapGet("/culture/set", (string? culture, string? redirectUri, HttpContext context) =>
        {
            var chosen = SupportedCultures.FirstOrDefault(c => c.Name == culture)?.Name ?? "zh-CN";
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            var back = !string.IsNullOrEmpty(redirectUri) && redirectUri.StartsWith('/') && !redirectUri.StartsWith("//", StringComparison.Ordinal) ? redirectUri : "/";
            return Results.LocalRedirect(back);
        }).ExcludeFromDescription().AllowAnonymous();

        // Every module's endpoints under one group whose convention gives each API endpoint the role requirement and
        // body limit of the request it sends, so the 403 comes before the body is bound (ADR 0018).
        var endpoints = app.MapGroup("").WithRequestConventions();
        var modules = app.Services.GetRequiredService<LoadedModules>();
        foreach (var module in modules.All)
        {
            module.MapEndpoints(endpoints);
        }

        Platform.ParkedMessagesEndpoint.Map(endpoints);

        app.MapRazorComponents<App>()
            // Our own CSP already says frame-ancestors 'none'; Blazor would add a second, weaker header.
            .AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null)
            .AddAdditionalAssemblies(modules.Assemblies);
    }

    private static async Task PrepareDatabaseAsync(WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Startup");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var settings = app.Services.GetRequiredService<DatabaseSettings>();
        logger.LogInformation("Database provider: {Provider}", settings.Provider);
        await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);

        using var scope = app.Services.CreateScope();
        foreach (var initializer in scope.ServiceProvider.GetServices<IModuleInitializer>())
        {
            await initializer.InitializeAsync(CancellationToken.None);
        }

        Shell.ModuleJobs.Register(app.Services);

        var seedDemo = app.Configuration.GetValue("Demo:Seed", app.Environment.IsDevelopment());
        if (seedDemo)
        {
            foreach (var seeder in scope.ServiceProvider.GetServices<IDemoDataSeeder>().OrderBy(s => s.Order))
            {
                await seeder.SeedAsync(CancellationToken.None);
            }
        }

        logger.LogInformation("Database ready (migrations, initializers, demo data) in {Elapsed} ms", watch.ElapsedMilliseconds);
    }
}
