using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace BranchNetwork.Modules.Identity.Features.Shared;

/// <summary>Registers the first-party clients. Runs at every start; only adds what is missing.</summary>
internal sealed class ClientSeeder(IOpenIddictApplicationManager applications, IHostEnvironment environment, IConfiguration configuration)
{
    public const string CliClientId = "branchnet-cli";
    public const string IntegrationClientId = "branchnet-integration";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await applications.FindByClientIdAsync(CliClientId, cancellationToken) is null)
        {
            var cli = new OpenIddictApplicationDescriptor
            {
                ClientId = CliClientId,
                ClientType = ClientTypes.Public,
                DisplayName = "BranchNetwork CLI",
                RedirectUris = { new Uri("http://127.0.0.1/callback") },
                Permissions =
                {
                    Permissions.Endpoints.Authorization,
                    Permissions.Endpoints.Token,
                    Permissions.GrantTypes.AuthorizationCode,
                    Permissions.GrantTypes.RefreshToken,
                    Permissions.GrantTypes.Password,
                    Permissions.ResponseTypes.Code,
                    Permissions.Scopes.Profile,
                    Permissions.Scopes.Roles,
                    Permissions.Prefixes.Scope + IdentityModule.ApiScope,
                    Permissions.Prefixes.Scope + Scopes.OfflineAccess,
                },
                Requirements = { Requirements.Features.ProofKeyForCodeExchange },
            };
            await applications.CreateAsync(cli, cancellationToken);
        }

        // A demo integration (client credentials) exists only with demo data.
        var secret = configuration["Demo:IntegrationClientSecret"] ?? "integration-secret-2026";
        if (environment.IsDevelopment() && await applications.FindByClientIdAsync(IntegrationClientId, cancellationToken) is null)
        {
            await applications.CreateAsync(
                new OpenIddictApplicationDescriptor
                {
                    ClientId = IntegrationClientId,
                    ClientSecret = secret,
                    ClientType = ClientTypes.Confidential,
                    DisplayName = "Demo integration",
                    Permissions =
                    {
                        Permissions.Endpoints.Token,
                        Permissions.GrantTypes.ClientCredentials,
                        Permissions.Prefixes.Scope + IdentityModule.ApiScope,
                    },
                },
                cancellationToken);
        }
    }
}
