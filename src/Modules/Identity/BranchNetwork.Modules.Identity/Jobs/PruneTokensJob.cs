using BranchNetwork.Modules.Identity.Features.Shared;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;

namespace BranchNetwork.Modules.Identity.Jobs;

/// <summary>
/// Daily: removes OpenIddict tokens and authorisations that expired or were revoked more than two weeks ago,
/// sign-in throttles quiet for as long (failed names of any kind pile up there), and old session revocations.
/// </summary>
internal sealed class PruneTokensJob(IOpenIddictTokenManager tokens, IOpenIddictAuthorizationManager authorizations, IdentityDbContext db, IOptions<SignInThrottleOptions> throttle, IClock clock, ILogger<PruneTokensJob> logger)
{
    public const string Id = "identity:prune-tokens";
    public static readonly TimeSpan KeepFor = TimeSpan.FromDays(14);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var threshold = new DateTimeOffset(clock.UtcNow - KeepFor, TimeSpan.Zero);
        var prunedTokens = await tokens.PruneAsync(threshold, cancellationToken);
        var prunedAuthorizations = await authorizations.PruneAsync(threshold, cancellationToken);
        var before = threshold.UtcDateTime;
        var trustedSince = clock.UtcNow - throttle.Value.TrustAddressFor;
        // A throttle row that still locks, or that still spares an address the user signed in from, stays.
        var prunedThrottles = await db.SignInThrottles
            .Where(t => (t.LastFailureAtUtc == null || t.LastFailureAtUtc < before) && (t.LockedUntilUtc == null || t.LockedUntilUtc < before) && (t.LastSucceededAtUtc == null || t.LastSucceededAtUtc < trustedSince))
            .ExecuteDeleteAsync(cancellationToken);
        var prunedRevocations = await db.SessionRevocations.Where(r => r.RevokedAtUtc < before).ExecuteDeleteAsync(cancellationToken);
        logger.LogInformation(
            "Pruned {Tokens} tokens, {Authorizations} authorizations, {Throttles} sign-in throttles and {Revocations} session revocations older than {Threshold:u}",
            prunedTokens,
            prunedAuthorizations,
            prunedThrottles,
            prunedRevocations,
            threshold);
    }
}
