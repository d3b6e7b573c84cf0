using System.Diagnostics;

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

/// <summary>
/// The first break: the position where it shows, the record there (when there is one), what is wrong and, for the
/// checkpoint kinds, the position the checkpoint notes.
/// </summary>
internal sealed record ChainBreak(long Seq, Guid? RecordId, ChainBreakKind Kind, string Description, long? CheckpointSeq = null);

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
    DateTime VerifiedAtUtc,
    double RecordsPerSecond,
    DateTime? FromUtc,
    DateTime? ToUtc);

/// <summary>
/// Walks a chain in position order and recomputes every hash (AU-3). Reads in pages so a chain of millions of
/// records is verified in bounded memory. A break is classified from what the tamper does to the three things a
/// record carries — its position (gap?), its own hash (content), its link to the record before (order):
/// an edit breaks the hash but keeps the link; a deletion leaves a gap, or, renumbered, a link to a hash that exists
/// nowhere; a move links to a hash that exists elsewhere; an insertion makes the next record link past it; a
/// truncation leaves every link intact and only a signed checkpoint, whose key is not in the database, shows it.
/// </summary>
internal sealed class ChainVerifier(AuditDbContext db, IClock clock, CheckpointSigner signer)
{
    private const int PageSize = 5_000;

    public Task<ChainVerification> VerifyAsync(string chain, CancellationToken cancellationToken) =>
        VerifyAsync(chain, null, null, cancellationToken);

    /// <summary>
    /// Verifies the records whose time lies in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>] (either open):
    /// the positions they span, from the stored link of the first. Without a window, the whole chain from its start
    /// (or from the last archive's anchor) to its end, against the checkpoints.
    /// </summary>
    public Task<ChainVerification> VerifyAsync(string chain, DateTime? fromUtc, DateTime? toUtc, CancellationToken cancellationToken)
    {
        var from = fromUtc is { } f ? ChainHash.ToMicroseconds(f) : (DateTime?)null;
        var to = toUtc is { } t ? ChainHash.ToMicroseconds(t) : (DateTime?)null;
        return chain switch
        {
            ChainNames.Trail => VerifyAsync(
                db.AuditRecords.AsNoTracking(),
                db.AuditRecords.Where(r => (from == null || r.TimeUtc >= from) && (to == null || r.TimeUtc <= to)).Select(r => r.Seq),
                chain, from, to, cancellationToken),
            ChainNames.AccessLog => VerifyAsync(
                db.AccessLogEntries.AsNoTracking().Where(e => e.Seq > 0),
                db.AccessLogEntries.Where(e => e.Seq > 0 && (from == null || e.TimeUtc >= from) && (to == null || e.TimeUtc <= to)).Select(e => e.Seq),
                chain, from, to, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(chain), chain, "Unknown chain."),
        };
    }

    private async Task<ChainVerification> VerifyAsync<T>(
        IQueryable<T> records, IQueryable<long> windowSeqs, string chain, DateTime? from, DateTime? to, CancellationToken cancellationToken)
        where T : class, IChainRecord
    {
        var stopwatch = Stopwatch.StartNew();
        var ranged = from is not null || to is not null;

        var anchor = await db.ChainArchives.AsNoTracking().Where(a => a.Chain == chain).OrderByDescending(a => a.LastSeq).FirstOrDefaultAsync(cancellationToken);
        var checkpoints = await db.ChainCheckpoints.AsNoTracking().Where(c => c.Chain == chain).OrderBy(c => c.Seq).ThenBy(c => c.TimeUtc).ToListAsync(cancellationToken);
        var forged = checkpoints.FirstOrDefault(c => !signer.IsGenuine(c));
        var genuine = checkpoints.Where(signer.IsGenuine).ToList();
        var lastCheckpoint = genuine.Count == 0 ? null : genuine.MaxBy(c => c.Seq);
        var checkpointAt = genuine.GroupBy(c => c.Seq).ToDictionary(g => g.Key, g => g.Last());

        ChainBreak? firstBreak = null;
        if (forged is not null)
        {
            firstBreak = new ChainBreak(forged.Seq, null, ChainBreakKind.CheckpointForged,
                $"The checkpoint of position {forged.Seq} taken at {forged.TimeUtc:O} (key '{forged.KeyId}') has no valid signature: it was not written by the application.",
                forged.Seq);
        }

        var chainStart = 1L;
        var startHash = ChainHash.Genesis;
        if (anchor is not null)
        {
            chainStart = anchor.LastSeq + 1;
            startHash = anchor.LastHash;
            if (!genuine.Any(c => c.Id == anchor.CheckpointId && c.Seq == anchor.LastSeq && c.Hash == anchor.LastHash))
            {
                firstBreak = Earliest(firstBreak, new ChainBreak(anchor.LastSeq, null, ChainBreakKind.RecordMissing,
                    $"The chain is said to start after archived position {anchor.LastSeq}, but no signed checkpoint confirms it: records before it may have been deleted.",
                    anchor.LastSeq));
            }
        }

        var startSeq = chainStart;
        long? endSeq = null;
        var expectedPrev = (string?)startHash;
        if (ranged)
        {
            var first = await windowSeqs.Where(s => s >= chainStart).OrderBy(s => s).Select(s => (long?)s).FirstOrDefaultAsync(cancellationToken);
            var last = await windowSeqs.OrderByDescending(s => s).Select(s => (long?)s).FirstOrDefaultAsync(cancellationToken);
            if (first is null || last is null)
            {
                return Result(chain, firstBreak, startSeq, startSeq - 1, 0, lastCheckpoint, stopwatch, from, to);
            }

            startSeq = first.Value;
            endSeq = last.Value;

            // Inside a window the first record's stored link is taken on trust (the records before are not read).
            expectedPrev = startSeq == chainStart ? startHash : null;
        }

        var expectedSeq = startSeq;
        string? hashBeforePrevious = null;
        Guid? previousId = null;
        var checkedCount = 0L;
        ChainBreak? walkBreak = null;
        while (walkBreak is null)
        {
            var next = expectedSeq;
            var page = await records.Where(r => r.Seq >= next && (endSeq == null || r.Seq <= endSeq)).OrderBy(r => r.Seq).Take(PageSize).ToListAsync(cancellationToken);
            if (page.Count == 0)
            {
                break;
            }

            foreach (var record in page)
            {
                checkedCount++;
                if (record.Seq != expectedSeq)
                {
                    walkBreak = new ChainBreak(expectedSeq, null, ChainBreakKind.RecordMissing,
                        $"Position {expectedSeq} is missing: the record there was deleted (the next present is {record.Seq}).");
                    break;
                }

                expectedPrev ??= record.PrevHash;
                var hashOk = ChainHash.Of(record.PrevHash, record.CanonicalContent()) == record.Hash;
                var linkOk = record.PrevHash == expectedPrev;
                if (!hashOk || !linkOk)
                {
                    walkBreak = await ClassifyAsync(records, record, hashOk, linkOk, expectedPrev, hashBeforePrevious, previousId, cancellationToken);
                    break;
                }

                if (checkpointAt.TryGetValue(record.Seq, out var checkpoint) && checkpoint.Hash != record.Hash)
                {
                    walkBreak = new ChainBreak(record.Seq, IdOf(record), ChainBreakKind.TruncatedAfterCheckpoint,
                        $"Record {record.Seq} is not the one signed in the checkpoint of {checkpoint.TimeUtc:O}: the chain was cut there and rebuilt.",
                        checkpoint.Seq);
                    break;
                }

                hashBeforePrevious = expectedPrev;
                expectedPrev = record.Hash;
                previousId = IdOf(record);
                expectedSeq++;
            }
        }

        var lastSeq = expectedSeq - 1;
        if (walkBreak is null && !ranged && lastCheckpoint is not null && lastCheckpoint.Seq > lastSeq)
        {
            walkBreak = new ChainBreak(lastSeq + 1, null, ChainBreakKind.TruncatedAfterCheckpoint,
                $"The chain ends at position {lastSeq}, but the checkpoint signed at {lastCheckpoint.TimeUtc:O} saw position {lastCheckpoint.Seq}: records {lastSeq + 1}–{lastCheckpoint.Seq} were removed.",
                lastCheckpoint.Seq);
        }

        return Result(chain, Earliest(firstBreak, walkBreak), startSeq, walkBreak?.Seq - 1 ?? lastSeq, checkedCount, lastCheckpoint, stopwatch, from, to);
    }

    /// <summary>A record whose hash or link is wrong: which tamper explains it.</summary>
    private static async Task<ChainBreak> ClassifyAsync<T>(
        IQueryable<T> records, T record, bool hashOk, bool linkOk, string expectedPrev, string? hashBeforePrevious, Guid? previousId, CancellationToken cancellationToken)
        where T : class, IChainRecord
    {
        var seq = record.Seq;
        if (!linkOk && hashBeforePrevious is not null && record.PrevHash == hashBeforePrevious)
        {
            // It links past the record before it: that one was slipped in (with a well-computed hash).
            return new ChainBreak(seq - 1, previousId, ChainBreakKind.RecordInserted,
                $"Record {seq - 1} was never appended: record {seq} was appended directly after record {seq - 2}.");
        }

        if (!hashOk)
        {
            var following = await records.Where(r => r.Seq > seq).OrderBy(r => r.Seq).FirstOrDefaultAsync(cancellationToken);
            if (following is not null && following.PrevHash == expectedPrev)
            {
                return new ChainBreak(seq, IdOf(record), ChainBreakKind.RecordInserted,
                    $"Record {seq} was never appended: record {following.Seq} was appended directly after record {seq - 1}.");
            }

            if (linkOk)
            {
                return new ChainBreak(seq, IdOf(record), ChainBreakKind.ContentChanged, $"Record {seq} was changed after it was written: its content no longer matches its hash.");
            }
        }

        var prevHash = record.PrevHash;
        if (await records.AnyAsync(r => r.Hash == prevHash, cancellationToken))
        {
            return new ChainBreak(seq, IdOf(record), ChainBreakKind.OrderChanged,
                $"Record {seq} was moved: it was appended after another record of the chain, not after record {seq - 1}.");
        }

        return hashOk
            ? new ChainBreak(seq, IdOf(record), ChainBreakKind.RecordMissing,
                $"The record appended before record {seq} is missing: it was deleted and the positions after it renumbered.")
            : new ChainBreak(seq, IdOf(record), ChainBreakKind.ContentChanged, $"Record {seq} was changed after it was written: neither its content nor its link match.");
    }

    private static ChainBreak? Earliest(ChainBreak? a, ChainBreak? b) => a is null ? b : b is null ? a : b.Seq < a.Seq ? b : a;

    private ChainVerification Result(
        string chain, ChainBreak? firstBreak, long fromSeq, long toSeq, long checkedCount, ChainCheckpoint? lastCheckpoint, Stopwatch stopwatch, DateTime? from, DateTime? to)
    {
        var seconds = stopwatch.Elapsed.TotalSeconds;
        return new ChainVerification(
            chain,
            firstBreak is null,
            fromSeq,
            Math.Max(fromSeq - 1, toSeq),
            checkedCount,
            firstBreak,
            lastCheckpoint is null ? null : new ChainCheckpointInfo(lastCheckpoint.Seq, lastCheckpoint.Hash, lastCheckpoint.TimeUtc, lastCheckpoint.KeyId),
            clock.UtcNow,
            seconds > 0 ? Math.Round(checkedCount / seconds) : 0,
            from,
            to);
    }

    private static Guid? IdOf(IChainRecord record) => record switch
    {
        AuditRecord trail => trail.Id,
        AccessLogEntry access => access.Id,
        _ => null,
    };
}
