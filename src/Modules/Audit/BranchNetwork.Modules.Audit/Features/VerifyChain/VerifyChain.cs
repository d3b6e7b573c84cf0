using System.Diagnostics;
using BranchNetwork.Modules.Audit.Features.Shared;
using BranchNetwork.Modules.Audit.Resources;
using BranchNetwork.Modules.Identity.Contracts;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace BranchNetwork.Modules.Audit.Features.VerifyChain;

/// <summary>
/// An auditor verifies a chain (<c>trail</c> or <c>access</c>), whole or the records of a time window (AU-3). The
/// verification is itself recorded in the audit trail, with its result.
/// </summary>
[AllowedRoles(BankRoles.Auditor)]
internal sealed record VerifyChainQuery(string Chain, DateTime? From, DateTime? To) : IQuery<ChainVerification>;

internal sealed class VerifyChainValidator : AbstractValidator<VerifyChainQuery>
{
    public VerifyChainValidator(IStringLocalizer<AuditText> text)
    {
        RuleFor(q => q.Chain).Must(c => c is ChainNames.Trail or ChainNames.AccessLog).WithMessage(text["UnknownChain"]);
        RuleFor(q => q.To)
            .Must((q, to) => AsUtc(q.From) <= AsUtc(to))
            .When(q => q.From is not null && q.To is not null)
            .WithMessage(text["FromAfterTo"]);
    }

    internal static DateTime? AsUtc(DateTime? value) => value switch
    {
        null => null,
        { Kind: DateTimeKind.Utc } utc => utc,
        { Kind: DateTimeKind.Local } local => local.ToUniversalTime(),
        var unspecified => DateTime.SpecifyKind(unspecified.Value, DateTimeKind.Utc),
    };
}

internal sealed class VerifyChainHandler(AuditDbContext db, ChainVerifier verifier, ICurrentUser user, IClock clock)
    : IQueryHandler<VerifyChainQuery, ChainVerification>
{
    public async ValueTask<ChainVerification> Handle(VerifyChainQuery query, CancellationToken cancellationToken)
    {
        user.EnsureAnyRole(BankRoles.Auditor);
        var result = await verifier.VerifyAsync(query.Chain, VerifyChainValidator.AsUtc(query.From), VerifyChainValidator.AsUtc(query.To), cancellationToken);
        var record = AuditRecord.Create(
            clock.UtcNow,
            AuditActorKind.User,
            user.UserId,
            user.UserName,
            string.Join(',', user.Roles),
            null,
            AuditDbContext.Module,
            "Chain",
            query.Chain,
            AuditOperations.Verify,
            Activity.Current?.TraceId.ToString(),
            null,
            VerificationDetail.Of(result));
        await ChainAppender.AppendAsync(db, ChainNames.Trail, [record], cancellationToken);
        return result;
    }
}

internal static class VerifyChainEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/chains/{chain}/verify", async Task<Ok<ChainVerification>> (string chain, DateTime? from, DateTime? to, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new VerifyChainQuery(chain, from, to), ct)))
            .WithName("VerifyChain")
            .WithSummary("Verifies the audit trail (trail) or the access log (access), whole or the records between from and to (UTC): the first broken record and what is wrong (Auditor; recorded in the trail).");
}
