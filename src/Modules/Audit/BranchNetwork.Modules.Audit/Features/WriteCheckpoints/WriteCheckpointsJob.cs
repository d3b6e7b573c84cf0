using BranchNetwork.Modules.Audit.Features.Shared;
using Microsoft.Extensions.Logging;

namespace BranchNetwork.Modules.Audit.Features.WriteCheckpoints;

/// <summary>
/// Every few minutes (<c>Audit:CheckpointMinutes</c>, default 10): a signed checkpoint of each chain's head, when the
/// head moved since the last one (AU-3). Deleting the newest records then leaves the chain shorter than its last
/// checkpoint, which the verifier reports; without the key nobody can write a checkpoint to match.
/// </summary>
internal sealed class WriteCheckpointsJob(AuditDbContext db, CheckpointSigner signer, IClock clock, ILogger<WriteCheckpointsJob> logger)
{
    public const string Id = "audit:write-checkpoints";

    public static string Cron(int minutes) => $"*/{minutes} * * * *";

    /// <summary>Writes the checkpoints that are due; returns how many.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var written = 0;
        foreach (var head in await db.ChainHeads.AsNoTracking().OrderBy(h => h.Chain).ToListAsync(cancellationToken))
        {
            var chain = head.Chain;
            var last = await db.ChainCheckpoints.AsNoTracking()
                .Where(c => c.Chain == chain && c.KeyId == signer.SigningKeyId)
                .OrderByDescending(c => c.Seq).ThenByDescending(c => c.TimeUtc)
                .FirstOrDefaultAsync(cancellationToken);
            if (head.Seq == 0 || (last is not null && last.Seq == head.Seq && last.Hash == head.Hash))
            {
                continue;
            }

            db.ChainCheckpoints.Add(signer.Checkpoint(chain, head.Seq, head.Hash, clock.UtcNow));
            written++;
        }

        await db.SaveChangesAsync(cancellationToken);
        if (written > 0)
        {
            logger.LogInformation("Wrote {Count} audit chain checkpoint(s)", written);
        }

        return written;
    }
}
