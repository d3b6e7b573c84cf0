namespace BranchNetwork.Modules.Audit.Features.Shared;

/// <summary>What broke a chain, at the first record where it shows.</summary>
internal enum ChainBreakKind
{
    /// <summary>The record's content no longer matches its hash.</summary>
    ContentChanged = 0,

    /// <summary>A position is missing: a record was deleted.</summary>
    RecordMissing = 1,

    /// <summary>A record that was never appended sits in the chain.</summary>
    RecordInserted = 2,

    /// <summary>Records were moved: a record does not follow the one it was appended after.</summary>
    OrderChanged = 3,

    /// <summary>The newest records were deleted: the chain ends before (or differs at) its last signed checkpoint.</summary>
    TruncatedAfterCheckpoint = 4,

    /// <summary>A checkpoint's signature does not match: it was not written by the application's key.</summary>
    CheckpointForged = 5,
}

internal sealed record ChainBreak(long Seq, Guid? RecordId, ChainBreakKind Kind, string Description);

internal sealed record ChainCheckpointInfo(long Seq, string Hash, DateTime TimeUtc, string KeyId);

/// <summary>The result of verifying a chain, or part of it (AU-3).</summary>
internal sealed record ChainVerification(
    string Chain,
    bool Intact,
    long FromSeq,
    long ToSeq,
    long RecordsChecked,
    ChainBreak? FirstBreak,
    ChainCheckpointInfo? LastCheckpoint,
    DateTime VerifiedAtUtc);

/// <summary>
/// Walks a chain in position order and recomputes every hash (AU-3). Reads in pages so a chain of millions of
/// records is verified in bounded memory.
/// </summary>
internal sealed class ChainVerifier(AuditDbContext db, IClock clock)
{
    private const int PageSize = 5_000;

    public Task<ChainVerification> VerifyAsync(string chain, CancellationToken cancellationToken) => chain switch
    {
        ChainNames.Trail => VerifyAsync(db.AuditRecords.AsNoTracking(), chain, cancellationToken),
        ChainNames.AccessLog => VerifyAsync(db.AccessLogEntries.AsNoTracking().Where(e => e.Seq > 0), chain, cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(chain), chain, "Unknown chain."),
    };

    private async Task<ChainVerification> VerifyAsync<T>(IQueryable<T> records, string chain, CancellationToken cancellationToken)
        where T : class, IChainRecord
    {
        var previousSeq = 0L;
        var previousHash = ChainHash.Genesis;
        var checkedCount = 0L;
        ChainBreak? firstBreak = null;
        while (firstBreak is null)
        {
            var after = previousSeq;
            var page = await records.Where(r => r.Seq > after).OrderBy(r => r.Seq).Take(PageSize).ToListAsync(cancellationToken);
            if (page.Count == 0)
            {
                break;
            }

            foreach (var record in page)
            {
                checkedCount++;
                if (record.Seq != previousSeq + 1)
                {
                    firstBreak = new ChainBreak(previousSeq + 1, null, ChainBreakKind.RecordMissing, $"Position {previousSeq + 1} is missing.");
                    break;
                }

                if (ChainHash.Of(record.PrevHash, record.CanonicalContent()) != record.Hash)
                {
                    firstBreak = new ChainBreak(record.Seq, IdOf(record), ChainBreakKind.ContentChanged, $"Record {record.Seq} was changed after it was written.");
                    break;
                }

                if (record.PrevHash != previousHash)
                {
                    firstBreak = new ChainBreak(record.Seq, IdOf(record), ChainBreakKind.OrderChanged, $"Record {record.Seq} does not follow record {previousSeq}.");
                    break;
                }

                previousSeq = record.Seq;
                previousHash = record.Hash;
            }
        }

        return new ChainVerification(chain, firstBreak is null, 1, previousSeq, checkedCount, firstBreak, null, clock.UtcNow);
    }

    private static Guid? IdOf(IChainRecord record) => record switch
    {
        AuditRecord trail => trail.Id,
        AccessLogEntry access => access.Id,
        _ => null,
    };
}
