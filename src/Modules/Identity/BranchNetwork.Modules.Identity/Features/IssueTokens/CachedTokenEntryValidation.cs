using BranchNetwork.Modules.Identity.Services;
using OpenIddict.Abstractions;
using OpenIddict.Validation;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Validation.OpenIddictValidationEvents;

namespace BranchNetwork.Modules.Identity.Features.IssueTokens;

/// <summary>
/// Takes the place of OpenIddict's token entry validation, which read the token's row twice on every API call
/// (issue 16): a token is refused unless its entry is valid and its user is active, answered from
/// <see cref="UserSessions"/>, whose entries a disable, a password reset or a revocation on any node clears (ADR 0024).
/// </summary>
internal sealed class CachedTokenEntryValidation(UserSessions sessions) : IOpenIddictValidationHandler<ValidateTokenContext>
{
    public static OpenIddictValidationHandlerDescriptor Descriptor { get; } =
        OpenIddictValidationHandlerDescriptor.CreateBuilder<ValidateTokenContext>()
            .UseSingletonHandler<CachedTokenEntryValidation>()
            .SetOrder(OpenIddictValidationHandlers.Protection.ValidateTokenEntry.Descriptor.Order)
            .SetType(OpenIddictValidationHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(ValidateTokenContext context)
    {
        if (context.Principal is not { } principal)
        {
            return;
        }

        // Every token this server issues has an entry; one without is refused, as the built-in check did.
        var tokenId = principal.GetTokenId();
        if (string.IsNullOrEmpty(tokenId) || !await sessions.IsTokenCurrentAsync(principal, tokenId, context.CancellationToken))
        {
            context.Reject(error: Errors.InvalidToken, description: "The token is no longer valid.");
        }
    }
}
