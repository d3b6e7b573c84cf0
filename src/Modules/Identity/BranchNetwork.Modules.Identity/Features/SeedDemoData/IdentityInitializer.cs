using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Identity.Features.Shared;
using BranchNetwork.SharedKernel.Modules;
using Microsoft.AspNetCore.Identity;

namespace BranchNetwork.Modules.Identity.Features.SeedDemoData;

/// <summary>The roles of ORG-2 and the first-party OpenIddict clients, in every environment.</summary>
internal sealed class IdentityInitializer(RoleManager<BankRole> roles, ClientSeeder clients) : IModuleInitializer
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        foreach (var role in BankRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new BankRole(role));
            }
        }

        await clients.SeedAsync(cancellationToken);
    }
}
