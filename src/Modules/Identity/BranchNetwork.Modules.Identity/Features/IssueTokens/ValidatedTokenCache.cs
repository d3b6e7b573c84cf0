using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Claims;
using OpenIddict.Abstractions;
using OpenIddict.Validation;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Validation.OpenIddictValidationEvents;

namespace BranchNetwork.Modules.Identity.Features.IssueTokens;

/// <summary>
/// Per node: what checking an access token's signature and reading its claims produced, kept by the exact token text
/// (and the address it was checked for, which sets the accepted issuer) until the token expires. It remembers the
/// result of a pure function of the token's bytes and this node's keys; every check that can change its verdict later
/// — expiry, the token's entry, the user's session — still runs on every call (ADR 0031).
/// </summary>
internal sealed class ValidatedTokenCache(IClock clock)
{
    /// <summary>Enough for every signed-in person of a branch at once; beyond it the cache starts over rather than grow.</summary>
    private const int MaxEntries = 20_000;

    private const string FromCacheProperty = ".branchnet_token_from_cache";

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);

    public static OpenIddictValidationHandlerDescriptor AttachDescriptor { get; } =
        OpenIddictValidationHandlerDescriptor.CreateBuilder<ValidateTokenContext>()
            .UseSingletonHandler<AttachKeptPrincipal>()
            .SetOrder(OpenIddictValidationHandlers.Protection.ValidateIdentityModelToken.Descriptor.Order - 500)
            .SetType(OpenIddictValidationHandlerType.Custom)
            .Build();

    public static OpenIddictValidationHandlerDescriptor KeepDescriptor { get; } =
        OpenIddictValidationHandlerDescriptor.CreateBuilder<ValidateTokenContext>()
            .UseSingletonHandler<KeepValidatedPrincipal>()
            .SetOrder(OpenIddictValidationHandlers.Protection.ValidateIdentityModelToken.Descriptor.Order + 500)
            .SetType(OpenIddictValidationHandlerType.Custom)
            .Build();

    private static bool IsAccessTokenOnly(ValidateTokenContext context) =>
        context.ValidTokenTypes.Count == 1 && context.ValidTokenTypes.Contains(TokenTypeIdentifiers.AccessToken);

    private static string Key(ValidateTokenContext context) => string.Concat(context.BaseUri?.AbsoluteUri, " ", context.Token);

    private void Attach(ValidateTokenContext context)
    {
        if (context.Principal is not null || !IsAccessTokenOnly(context) || string.IsNullOrEmpty(context.Token))
        {
            return;
        }

        var key = Key(context);
        if (!entries.TryGetValue(key, out var entry))
        {
            return;
        }

        if (entry.ExpiresAt <= clock.UtcNow)
        {
            entries.TryRemove(key, out _);
            return;
        }

        // The later handlers add to the principal they are given: each call gets its own copy.
        context.Principal = Copy(entry.Principal);
        context.Transaction.Properties[FromCacheProperty] = true;
    }

    private void Keep(ValidateTokenContext context)
    {
        if (context.IsRejected || context.Principal is not { } principal || !IsAccessTokenOnly(context) || string.IsNullOrEmpty(context.Token)
            || context.Transaction.Properties.ContainsKey(FromCacheProperty)
            || !long.TryParse(principal.GetClaim(Claims.ExpiresAt), NumberStyles.Integer, CultureInfo.InvariantCulture, out var expires))
        {
            return;
        }

        // The token's own "exp", read before OpenIddict maps it (its expiry check runs on every call, kept or not).
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(expires);

        if (entries.Count >= MaxEntries)
        {
            entries.Clear();
        }

        entries[Key(context)] = new Entry(Copy(principal), expiresAt);
    }

    /// <summary>
    /// A copy down to the identities and their claims. <c>ClaimsPrincipal.Clone()</c> shares its identities: two calls
    /// with the same token then added claims to one identity at once ("Collection was modified", a 500 under load).
    /// </summary>
    internal static ClaimsPrincipal Copy(ClaimsPrincipal principal) => new(principal.Identities.Select(identity => identity.Clone()));

    private sealed record Entry(ClaimsPrincipal Principal, DateTimeOffset ExpiresAt);

    /// <summary>Before the signature check: a token checked before on this node gets the principal that check produced.</summary>
    internal sealed class AttachKeptPrincipal(ValidatedTokenCache cache) : IOpenIddictValidationHandler<ValidateTokenContext>
    {
        public ValueTask HandleAsync(ValidateTokenContext context)
        {
            cache.Attach(context);
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>Right after the signature check, before the claims are normalised: keeps what the check produced.</summary>
    internal sealed class KeepValidatedPrincipal(ValidatedTokenCache cache) : IOpenIddictValidationHandler<ValidateTokenContext>
    {
        public ValueTask HandleAsync(ValidateTokenContext context)
        {
            cache.Keep(context);
            return ValueTask.CompletedTask;
        }
    }
}
