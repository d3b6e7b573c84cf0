using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;

namespace BranchNetwork.Modules.Identity.Jobs;

/// <summary>Daily: removes OpenIddict tokens and authorisations that expired or were revoked more than two weeks ago.</summary>
internal sealed class PruneTokensJob(IOpenIddictTokenManager tokens, IOpenIddictAuthorizationManager authorizations, IClock clock, ILogger<PruneTokensJob> logger)
{
    public const string Id = "identity:prune-tokens";
    public static readonly TimeSpan KeepFor = TimeSpan.FromDays(14);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var threshold = new DateTimeOffset(clock.UtcNow - KeepFor, TimeSpan.Zero);
        var prunedTokens = await tokens.PruneAsync(threshold, cancellationToken);
        var prunedAuthorizations = await authorizations.PruneAsync(threshold, cancellationToken);
        logger.LogInformation("Pruned {Tokens} tokens and {Authorizations} authorizations older than {Threshold:u}", prunedTokens, prunedAuthorizations, threshold);
    }
}
