using System.Globalization;
using System.Text;
using BranchNetwork.Modules.Audit.Features.Shared;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BranchNetwork.Modules.Audit.Features.ArchiveRecords;

/// <summary>What one run archived of one chain.</summary>
internal sealed record ArchivedRange(string Chain, long FirstSeq, long LastSeq, string FilePath);

/// <summary>
/// Retention (AU-4; daily, <c>Audit:ArchiveCron</c>): the oldest records of each chain, older than
/// <c>Audit:RetentionDays</c> (default 400, never below 180), are written to an archive file with their chain proof,
/// then removed — the only deletion the application ever makes of audit data. The archive ends exactly at a signed
/// checkpoint, so the file verifies on its own and the anchor left behind (where the chain now starts) is signed too.
/// </summary>
internal sealed class ArchiveRecordsJob(
    AuditDbContext db, CheckpointSigner signer, IClock clock, IOptions<AuditChainOptions> options, ILogger<ArchiveRecordsJob> logger)
{
    public const string Id = "audit:archive-records";

    private const int PageSize = 5_000;

    public async Task<IReadOnlyList<ArchivedRange>> RunAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.UtcNow.AddDays(-options.Value.RetentionDays);
        var archived = new List<ArchivedRange>();
        if (await ArchiveAsync(db.AuditRecords, r => r.TimeUtc >= cutoff, ChainNames.Trail, cancellationToken) is { } trail)
        {
            archived.Add(trail);
        }

        if (await ArchiveAsync(db.AccessLogEntries.Where(e => e.Seq > 0), e => e.TimeUtc >= cutoff, ChainNames.AccessLog, cancellationToken) is { } access)
        {
            archived.Add(access);
        }

        return archived;
    }

    private async Task<ArchivedRange?> ArchiveAsync<T>(
        IQueryable<T> chainRecords, System.Linq.Expressions.Expression<Func<T, bool>> recent, string chain, CancellationToken cancellationToken)
        where T : class, IChainRecord
    {
        var anchor = await db.ChainArchives.AsNoTracking().Where(a => a.Chain == chain).OrderByDescending(a => a.LastSeq).FirstOrDefaultAsync(cancellationToken);
        var firstSeq = (anchor?.LastSeq ?? 0) + 1;
        var firstPrev = anchor?.LastHash ?? ChainHash.Genesis;

        // Only the unbroken run of old records at the start of the chain: a newer record ends it.
        var firstRecent = await chainRecords.Where(recent).OrderBy(r => r.Seq).Select(r => (long?)r.Seq).FirstOrDefaultAsync(cancellationToken);
        var oldEnd = firstRecent is { } f ? f - 1 : await chainRecords.MaxAsync(r => (long?)r.Seq, cancellationToken) ?? 0;
        if (oldEnd < firstSeq)
        {
            return null;
        }

        // The archive ends at the newest signed checkpoint inside that run: its signature closes the file's proof.
        // Read newest first, a page at a time, until a genuine one: forged rows cannot hide an older real checkpoint.
        ChainCheckpoint? checkpoint = null;
        var below = oldEnd + 1;
        while (checkpoint is null)
        {
            var before = below;
            var page = await db.ChainCheckpoints.AsNoTracking()
                .Where(c => c.Chain == chain && c.Seq >= firstSeq && c.Seq < before)
                .OrderByDescending(c => c.Seq).Take(50).ToListAsync(cancellationToken);
            if (page.Count == 0)
            {
                break;
            }

            checkpoint = page.FirstOrDefault(signer.IsGenuine);
            below = page[^1].Seq;
        }

        if (checkpoint is null)
        {
            logger.LogWarning("Audit retention: no signed checkpoint covers the old records of the {Chain} chain yet; nothing archived", chain);
            return null;
        }

        var lastSeq = checkpoint.Seq;
        var folder = Path.GetFullPath(options.Value.ArchiveFolder);
        Directory.CreateDirectory(folder);
        var fileName = string.Create(CultureInfo.InvariantCulture, $"{chain}-{firstSeq:D12}-{lastSeq:D12}.jsonl");
        var path = Path.Combine(folder, fileName);
        var temporary = path + ".partial";
        var broken = await WriteAsync(chainRecords, chain, firstSeq, firstPrev, checkpoint, temporary, cancellationToken);
        if (broken is not null)
        {
            File.Delete(temporary);
            logger.LogError("Audit retention: the {Chain} chain does not verify ({Problem}); nothing archived or removed", chain, broken);
            return null;
        }

        File.Move(temporary, path, overwrite: true);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await chainRecords.Where(r => r.Seq >= firstSeq && r.Seq <= lastSeq).ExecuteDeleteAsync(cancellationToken);
        db.ChainArchives.Add(ChainArchive.Create(chain, firstSeq, lastSeq, checkpoint.Hash, checkpoint.Id, fileName, clock.UtcNow));
        var record = AuditRecord.Create(
            clock.UtcNow, AuditActorKind.Job, null, Id, null, null, AuditDbContext.Module, "Chain", chain, "Archive", null, null,
            string.Create(CultureInfo.InvariantCulture, $"chain={chain}; seq {firstSeq}..{lastSeq} archived to {fileName} and removed"));
        await ChainAppender.AppendAsync(db, ChainNames.Trail, [record], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Audit retention: {Chain} records {First}–{Last} archived to {File}", chain, firstSeq, lastSeq, path);
        return new ArchivedRange(chain, firstSeq, lastSeq, path);
    }

    /// <summary>Writes the archive while verifying what it reads; returns the problem, or null when the file is whole.</summary>
    private static async Task<string?> WriteAsync<T>(
        IQueryable<T> chainRecords, string chain, long firstSeq, string firstPrev, ChainCheckpoint checkpoint, string path, CancellationToken cancellationToken)
        where T : class, IChainRecord
    {
        await using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        var header = new ArchiveHeader(ChainArchiveFile.Format, chain, firstSeq, checkpoint.Seq, firstPrev, ChainArchiveFile.FieldsOf(chain),
            new ArchiveCheckpoint(checkpoint.Id, checkpoint.Seq, checkpoint.Hash, checkpoint.TimeUtc, checkpoint.KeyId, checkpoint.Signature));
        await writer.WriteLineAsync(ChainArchiveFile.Serialize(header));
        var expectedSeq = firstSeq;
        var expectedPrev = firstPrev;
        while (expectedSeq <= checkpoint.Seq)
        {
            var from = expectedSeq;
            var page = await chainRecords.AsNoTracking().Where(r => r.Seq >= from && r.Seq <= checkpoint.Seq).OrderBy(r => r.Seq).Take(PageSize).ToListAsync(cancellationToken);
            if (page.Count == 0)
            {
                return $"position {expectedSeq} is missing";
            }

            foreach (var record in page)
            {
                var content = record.CanonicalContent();
                if (record.Seq != expectedSeq || record.PrevHash != expectedPrev || ChainHash.Of(record.PrevHash, content) != record.Hash)
                {
                    return $"broken at position {expectedSeq}";
                }

                await writer.WriteLineAsync(ChainArchiveFile.Serialize(new ArchiveLine(record.Seq, record.PrevHash, record.Hash, content)));
                expectedPrev = record.Hash;
                expectedSeq++;
            }
        }

        await writer.FlushAsync(cancellationToken);
        return expectedPrev == checkpoint.Hash ? null : "the last record is not the one the checkpoint signed";
    }
}
