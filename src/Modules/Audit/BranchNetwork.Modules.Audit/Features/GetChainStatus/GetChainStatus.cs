using BranchNetwork.Modules.Audit.Features.Shared;
using BranchNetwork.Modules.Audit.Resources;
using BranchNetwork.Modules.Identity.Contracts;
using Microsoft.Extensions.Localization;

namespace BranchNetwork.Modules.Audit.Features.GetChainStatus;

/// <summary>
/// The console's "verify chain" panel (AU-3, AU-4): verifies the trail or the access-log chain and records the
/// verification in the trail. Pages only; the verification API is its own slice.
/// </summary>
[AllowedRoles(BankRoles.Auditor)]
internal sealed record GetChainStatusQuery(string Chain) : IQuery<ChainVerification>;

internal sealed class GetChainStatusHandler(ChainVerifier verifier, AuditorActions actions, IStringLocalizer<AuditText> text)
    : IQueryHandler<GetChainStatusQuery, ChainVerification>
{
    public async ValueTask<ChainVerification> Handle(GetChainStatusQuery query, CancellationToken cancellationToken)
    {
        if (query.Chain is not (ChainNames.Trail or ChainNames.AccessLog))
        {
            throw new ValidationFailedException("chain", text["UnknownChain"]);
        }

        var result = await verifier.VerifyAsync(query.Chain, cancellationToken);
        await actions.RecordAsync(
            AuditOperations.Verify, "Chain", query.Chain, new { chain = query.Chain, intact = result.Intact, firstBreak = result.FirstBreak?.Seq }, result.RecordsChecked, cancellationToken);
        return result;
    }
}
