using System.Threading.RateLimiting;
using BranchNetwork.Infrastructure.Persistence;
using BranchNetwork.Infrastructure.Web;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Identity.Features.CreateOrgUnit;
using BranchNetwork.Modules.Identity.Features.CreateUser;
using BranchNetwork.Modules.Identity.Features.DisableUser;
using BranchNetwork.Modules.Identity.Features.GetHomeFigures;
using BranchNetwork.Modules.Identity.Features.GetMe;
using BranchNetwork.Modules.Identity.Features.GrantRole;
using BranchNetwork.Modules.Identity.Features.ImportUsers;
using BranchNetwork.Modules.Identity.Features.IssueTokens;
using BranchNetwork.Modules.Identity.Features.ListOrgUnits;
using BranchNetwork.Modules.Identity.Features.ListUnitMembers;
using BranchNetwork.Modules.Identity.Features.ListUsers;
using BranchNetwork.Modules.Identity.Features.MoveUser;
using BranchNetwork.Modules.Identity.Features.RenameOrgUnit;
using BranchNetwork.Modules.Identity.Features.ResetPassword;
using BranchNetwork.Modules.Identity.Features.SeedDemoData;
using BranchNetwork.Modules.Identity.Features.Shared;
using BranchNetwork.Modules.Identity.Features.SignIn;
using BranchNetwork.Modules.Identity.Jobs;
using BranchNetwork.Modules.Identity.Resources;
using BranchNetwork.Modules.Identity.Services;
using BranchNetwork.SharedKernel.Localization;
using BranchNetwork.SharedKernel.Modules;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using OpenIddict.Validation.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

// Validation messages name fields through this module's FieldName_* keys (SharedKernel FieldNames).
[assembly: BranchNetwork.SharedKernel.Localization.FieldNames(typeof(BranchNetwork.Modules.Identity.Resources.IdentityText))]

namespace BranchNetwork.Modules.Identity;

/// <summary>Org tree, users, roles, sign-in and the OpenIddict server: the one identity (ORG-1..ORG-4); the organisation and user pages.</summary>
internal sealed class IdentityModule : IModule
{
    public const string ApiPolicy = AuthPolicies.Api;

    public const string ApiScope = "api";

    public string Name => "Identity";

    public void AddServices(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.AddModuleDbContext<IdentityDbContext>(Name, IdentityDbContext.Schema);
        builder.Services.AddModuleOutbox<IdentityDbContext>(Name);
        services.AddDatabaseDataProtection();

        services.AddIdentity<BankUser, BankRole>(options =>
            {
                options.Password.RequiredLength = 10;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = true;
                options.Password.RequireNonAlphanumeric = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = false;
                options.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@";
                // Same claim types in the cookie and in OpenIddict tokens, so ICurrentUser reads both alike.
                options.ClaimsIdentity.UserNameClaimType = Claims.Name;
                options.ClaimsIdentity.UserIdClaimType = Claims.Subject;
                options.ClaimsIdentity.RoleClaimType = Claims.Role;
                options.ClaimsIdentity.EmailClaimType = Claims.Email;
            })
            .AddEntityFrameworkStores<IdentityDbContext>()
            .AddSignInManager<BankSignInManager>()
            .AddClaimsPrincipalFactory<BankClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();
        services.AddScoped(sp => (BankSignInManager)sp.GetRequiredService<SignInManager<BankUser>>());

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "branchnet.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.LoginPath = "/account/login";
            options.AccessDeniedPath = "/account/denied";
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            options.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
            options.Events.OnValidatePrincipal = ValidateSessionAsync;
        });
        // Refreshes the cookie's roles and unit; ending sessions does not wait for it (ValidateSessionAsync, ADR 0017).
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddSingleton<SessionRevocationChannel>();
        services.AddHostedService<SessionRevocationSubscriber>();
        services.AddSingleton<DirectoryVersion>();
        services.AddSingleton<Features.GetMe.MeCache>();
        services.AddSingleton<Features.IssueTokens.ValidatedTokenCache>();
        services.AddSingleton<UserSessions>();
        services.AddSingleton<IUserSessions>(sp => sp.GetRequiredService<UserSessions>());
        services.AddHostedService<SessionRevocationListener>();
        // Registered before the Host adds Blazor's own (which only tries to add one): circuits end when the user is disabled.
        services.AddScoped<AuthenticationStateProvider, SessionAuthenticationStateProvider>();
        services.AddOptions<SignInThrottleOptions>().BindConfiguration(SignInThrottleOptions.Section);
        services.AddScoped<SignInGate>();

        OpenIddictSetup.Add(builder);

        services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicy, policy => policy
                .AddAuthenticationSchemes(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme)
                .RequireAuthenticatedUser())
            .AddPolicy(AuthPolicies.Hub, policy => policy
                .AddAuthenticationSchemes(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme, IdentityConstants.ApplicationScheme)
                .RequireAuthenticatedUser());

        services.AddScoped<IOrganisationDirectory, OrganisationDirectory>();
        services.AddScoped<IOrgScope, OrgScope>();
        services.AddScoped<UserCsvImporter>();
        services.AddScoped<ClientSeeder>();
        services.AddScoped<IModuleInitializer, IdentityInitializer>();
        services.AddScoped<IDemoDataSeeder, DemoDataSeeder>();
        services.AddScoped<PruneTokensJob>();

        var signInPermits = builder.Configuration.GetValue("RateLimiting:SignInPermitsPerMinute", 20);
        services.AddRateLimiter(options => options.AddPolicy(SignInPolicies.RateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "local",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = signInPermits, Window = TimeSpan.FromMinutes(1) })));
    }

    public ModuleTextResource Text { get; } = new("identity", typeof(IdentityText));

    public IReadOnlyList<NavGroup> NavigationGroups { get; } =
    [
        new("admin", "NavAdministration", Icons.Material.Filled.AdminPanelSettings, 50, [BankRoles.SystemAdmin, BankRoles.SecurityAdmin]),
    ];

    public IReadOnlyList<NavEntry> Navigation { get; } =
    [
        new("/organisation", "NavOrganisation", 20, Icons.Material.Filled.AccountTree, TestId: "nav-organisation"),
        new("/admin/users", "NavUsers", 1, Group: "admin", Roles: [BankRoles.SystemAdmin, BankRoles.SecurityAdmin], MatchAll: true, TestId: "nav-users"),
        new("/admin/users/import", "NavImportUsers", 2, Group: "admin", Roles: [BankRoles.SystemAdmin], TestId: "nav-import-users"),
    ];

    public IReadOnlyList<HomeCard> HomeCards { get; } =
    [
        new(IdentityHomeFigures.Users, "Card_Users_Title", 80, Icons.Material.Filled.People, [BankRoles.SystemAdmin, BankRoles.SecurityAdmin]),
        new(IdentityHomeFigures.OrgTree, "Card_OrgTree_Title", 81, Icons.Material.Filled.AccountTree, [BankRoles.SystemAdmin, BankRoles.SecurityAdmin]),
    ];

    public Task<IReadOnlyList<HomeFigure>> ReadHomeFiguresAsync(IServiceProvider services, IReadOnlyCollection<string> cardKeys, CancellationToken cancellationToken) =>
        services.GetRequiredService<IPageSender>().Send(new GetHomeFiguresQuery(cardKeys), cancellationToken).AsTask();

    public IReadOnlyList<ModuleRecurringJob> RecurringJobs(IConfiguration configuration) =>
    [
        new(PruneTokensJob.Id, Hangfire.Cron.Daily(2), TimeZoneInfo.Utc, (services, ct) => services.GetRequiredService<PruneTokensJob>().RunAsync(ct)),
    ];

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        AccountEndpoints.Map(endpoints);
        ConnectEndpoints.Map(endpoints);

        GetMeEndpoint.Map(endpoints.MapGroup("/api").WithTags("Identity").RequireAuthorization(ApiPolicy));

        var identity = endpoints.MapGroup("/api/identity").WithTags("Identity").RequireAuthorization(ApiPolicy);
        ListUsersEndpoint.Map(identity);
        CreateUserEndpoint.Map(identity);
        DisableUserEndpoint.Map(identity);
        ResetPasswordEndpoint.Map(identity);
        MoveUserEndpoint.Map(identity);
        ImportUsersEndpoint.Map(identity);
        ListOrgUnitsEndpoint.Map(identity);
        CreateOrgUnitEndpoint.Map(identity);
        RenameOrgUnitEndpoint.Map(identity);
        ListUnitMembersEndpoint.Map(identity);
        GrantRoleEndpoint.Map(identity);
    }

    /// <summary>
    /// Every cookie request: a disabled user's or an outdated stamp's cookie is refused at once, from a per-node cache
    /// that revocations clear (no database round-trip per request); then Identity's periodic stamp check.
    /// </summary>
    private static async Task ValidateSessionAsync(CookieValidatePrincipalContext context)
    {
        var sessions = context.HttpContext.RequestServices.GetRequiredService<IUserSessions>();
        if (context.Principal is { } principal && !await sessions.IsCurrentAsync(principal, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }

    private static Task RedirectOrStatus(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/hubs"))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }
}
