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

            // Auditors open the trail page, where both chains are verified and the first broken record is shown; a
            // SecurityAdmin is told too (a broken chain may be an intrusion) but cannot open that page, so theirs has no
            // link and says to investigate with an auditor.
            var auditors = await directory.ListActiveUserIdsAsync(null, BankRoles.Auditor, cancellationToken);
            var securityAdmins = (await directory.ListActiveUserIdsAsync(null, BankRoles.SecurityAdmin, cancellationToken)).Except(auditors).ToList();
            var items = broken.SelectMany(r => new[]
            {
                new NotificationItem(auditors, Title(r), Body("ChainBroken_Body", r), "/audit/trail"),
                new NotificationItem(securityAdmins, Title(r), Body("ChainBroken_BodyForSecurity", r), null),
            }).Where(i => i.RecipientIds.Count > 0).ToList();
            if (items.Count > 0)
            {
                db.AddIntegrationEvent(new NotificationsRequested(Guid.CreateVersion7(), clock.UtcNow, NotificationKind, items));
            }
        }

        await ChainAppender.AppendAsync(db, ChainNames.Trail, records, cancellationToken);
        return results;
    }

    private static LocalizedText Title(ChainVerification result) => LocalizedText.Of($"{NotificationKind}:ChainBroken_Title", result.Chain);

    // What kind of break it is stays on the trail page, in the reader's words: a notification's arguments are shown as written.
    private static LocalizedText Body(string key, ChainVerification result) => LocalizedText.Of(
        $"{NotificationKind}:{key}",
        result.Chain,
        result.FirstBreak!.Seq.ToString(CultureInfo.InvariantCulture),
        ChinaTime.ToDisplay(result.VerifiedAtUtc));
}
