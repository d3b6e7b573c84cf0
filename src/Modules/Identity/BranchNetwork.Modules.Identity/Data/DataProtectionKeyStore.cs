using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace BranchNetwork.Modules.Identity.Data;

/// <summary>
/// Data Protection keys live in the Identity database (ADR 0013): every node reads and writes the same key ring,
/// so a sign-in cookie or antiforgery token issued by one node is accepted by another and survives a restart.
/// </summary>
internal static class DataProtectionKeyStore
{
    /// <summary>One name for every node: the default discriminator is the content root path, which differs between machines.</summary>
    public const string ApplicationName = "BranchNetwork";

    public const int FriendlyNameMaxLength = 200;

    /// <summary>A key's XML is about 1 KB; room to spare for an XML encryptor's envelope.</summary>
    public const int XmlMaxLength = 10_000;

    public static IServiceCollection AddDatabaseDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<IdentityDbContext>();
        return services;
    }
}
