using System.Globalization;
using BranchNetwork.Infrastructure.Outbox;
using BranchNetwork.Modules.Audit.Features.Shared;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Notifications.Contracts;
using Microsoft.Extensions.Logging;

namespace BranchNetwork.Modules.Audit.Features.VerifyChain;

/// <summary>
/// The daily verification of both chains (AU-3; default 02:00 China time, <c>Audit:VerifyCron</c>,
/// <c>Audit:VerifyTimeZone</c>). A break raises a security alert to every auditor and security administrator, through
/// this module's outbox in the same transaction as the trail record of the verification, and is logged as an error.
/// </summary>
internal sealed class VerifyChainsJob(
    AuditDbContext db, ChainVerifier verifier, IOrganisationDirectory directory, IClock clock, ILogger<VerifyChainsJob> logger)
{
    public const string Id = "audit:verify-chains";

    public const string NotificationKind = "audit";

    public async Task<IReadOnlyList<ChainVerification>> RunAsync(CancellationToken cancellationToken)
    {
        var results = new List<ChainVerification>();
        var records = new List<AuditRecord>();
        foreach (var chain in new[] { ChainNames.Trail, ChainNames.AccessLog })
        {
            var result = await verifier.VerifyAsync(chain, cancellationToken);
            results.Add(result);
            records.Add(AuditRecord.Create(
                clock.UtcNow, AuditActorKind.Job, null, Id, null, null, AuditDbContext.Module, "Chain", chain, AuditOperations.Verify, null, null, VerificationDetail.Of(result)));
        }

        var broken = results.Where(r => r.FirstBreak is not null).ToList();
        if (broken.Count > 0)
        {
            foreach (var result in broken)
            {
                logger.LogError(
                    "Audit chain {Chain} is broken at position {Seq}: {Kind}. {Description}",
                    result.Chain, result.FirstBreak!.Seq, result.FirstBreak.Kind, result.FirstBreak.Description);
            }

            var recipients = (await directory.ListActiveUserIdsAsync(null, BankRoles.Auditor, cancellationToken))
                .Concat(await directory.ListActiveUserIdsAsync(null, BankRoles.SecurityAdmin, cancellationToken))
                .Distinct().ToList();
            var items = broken.Select(r => new NotificationItem(
                recipients,
                LocalizedText.Of($"{NotificationKind}:ChainBroken_Title", r.Chain),
                LocalizedText.Of(
                    $"{NotificationKind}:ChainBroken_Body",
                    r.Chain,
                    r.FirstBreak!.Seq.ToString(CultureInfo.InvariantCulture),
                    r.FirstBreak.Kind.ToString(),
                    r.VerifiedAtUtc.ToString("O", CultureInfo.InvariantCulture)),
                // The trail page is where both chains are verified and the first broken record is shown.
                "/audit/trail")).Where(i => i.RecipientIds.Count > 0).ToList();
            if (items.Count > 0)
            {
                db.AddIntegrationEvent(new NotificationsRequested(Guid.CreateVersion7(), clock.UtcNow, NotificationKind, items));
            }
        }

        await ChainAppender.AppendAsync(db, ChainNames.Trail, records, cancellationToken);
        return results;
    }
}
