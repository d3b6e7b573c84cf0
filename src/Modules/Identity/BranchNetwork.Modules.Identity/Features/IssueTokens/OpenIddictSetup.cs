using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace BranchNetwork.Modules.Identity.Features.IssueTokens;

/// <summary>OpenIddict server and validation (ADR 0002).</summary>
internal static class OpenIddictSetup
{
    public static void Add(WebApplicationBuilder builder)
    {
        var isDevelopment = builder.Environment.IsDevelopment();
        var certificatePath = builder.Configuration["OpenIddict:SigningCertificatePath"];
        var certificatePassword = builder.Configuration["OpenIddict:SigningCertificatePassword"];

        builder.Services.AddOpenIddict()
            .AddCore(options => options.UseEntityFrameworkCore().UseDbContext<IdentityDbContext>().ReplaceDefaultEntities<Guid>())
            .AddServer(options =>
            {
                options.SetTokenEndpointUris("connect/token")
                    .SetAuthorizationEndpointUris("connect/authorize");

                options.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange()
                    .AllowClientCredentialsFlow()
                    .AllowRefreshTokenFlow();

                // The password grant exists only for the first-party CLI/test client, and only in Development.
                if (isDevelopment)
                {
                    options.AllowPasswordFlow();
                }

                options.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Roles, Scopes.OfflineAccess, IdentityModule.ApiScope);
                options.SetAccessTokenLifetime(TimeSpan.FromMinutes(30));
                options.SetRefreshTokenLifetime(TimeSpan.FromDays(1));

                if (!string.IsNullOrWhiteSpace(certificatePath))
                {
                    var certificate = X509CertificateLoader.LoadPkcs12FromFile(certificatePath, certificatePassword);
                    options.AddSigningCertificate(certificate).AddEncryptionCertificate(certificate);
                }
                else if (isDevelopment)
                {
                    // Generating RSA keys was most of a demo node's cold start (ADR 0027); one kept key is read in a millisecond.
                    var key = DevelopmentTokenKey.LoadOrCreate(Path.Combine(
                        builder.Environment.ContentRootPath,
                        builder.Configuration["OpenIddict:DevelopmentKeyPath"] ?? DevelopmentTokenKey.DefaultPath));
                    options.AddSigningKey(key).AddEncryptionKey(key);
                }
                else
                {
                    // Keys live in memory: tokens do not survive a restart. Configure a certificate for production.
                    options.AddEphemeralSigningKey().AddEphemeralEncryptionKey();
                }

                options.DisableAccessTokenEncryption();

                options.UseAspNetCore()
                    .EnableTokenEndpointPassthrough()
                    .EnableAuthorizationEndpointPassthrough()
                    // TLS terminates at the reverse proxy in production; local runs and CI use plain HTTP on loopback.
                    .DisableTransportSecurityRequirement();
            })
            .AddValidation(options =>
            {
                options.UseLocalServer();
                options.UseAspNetCore();
                // Every API call checks the token's entry, so revoking a disabled user's tokens takes effect at once —
                // through the per-node session cache that revocations clear, not a database read per call (ADR 0024).
                options.AddEventHandler(CachedTokenEntryValidation.Descriptor);
                // A token's signature is checked once per node; expiry, entry and session are checked on every call (ADR 0031).
                options.AddEventHandler(ValidatedTokenCache.AttachDescriptor);
                options.AddEventHandler(ValidatedTokenCache.KeepDescriptor);
            });
    }
}
