using BranchNetwork.Modules.Files.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BranchNetwork.Modules.Files.Jobs;

/// <summary>
/// Deletes orphans (ADR 0014): pending uploads nobody attached within <c>Files:OrphanAfterHours</c>, and bytes
/// on disk without a record (a process that died between writing the bytes and saving the record).
/// </summary>
internal sealed class DeleteOrphanFilesJob(FilesDbContext db, IEnumerable<IBlobStore> stores, DiskBlobStore disk, IOptions<FilesOptions> options, IClock clock, ILogger<DeleteOrphanFilesJob> logger)
{
    public const string Id = "files:delete-orphans";
    private const int Batch = 500;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.UtcNow.AddHours(-options.Value.OrphanAfterHours);
        var deleted = 0;
        while (true)
        {
            var orphans = await db.Files.AsNoTracking()
                .Where(f => f.OwnerId == null && f.CreatedAtUtc < cutoff)
                .OrderBy(f => f.CreatedAtUtc)
                .Select(f => new { f.Id, f.Location })
                .Take(Batch)
                .ToListAsync(cancellationToken);
            if (orphans.Count == 0)
            {
                break;
            }

            var ids = orphans.Select(o => o.Id).ToList();
            // Database bytes first (their rows point at the records), then the records, then bytes on disk.
            await stores.First(s => s.Location == BlobLocation.Database).DeleteAsync(ids, cancellationToken);
            await db.Files.Where(f => ids.Contains(f.Id)).ExecuteDeleteAsync(cancellationToken);
            await disk.DeleteAsync(orphans.Where(o => o.Location == BlobLocation.Disk).Select(o => o.Id).ToList(), cancellationToken);
            deleted += orphans.Count;
        }

        deleted += await DeleteUnrecordedBlobsAsync(cutoff, cancellationToken);
        if (deleted > 0)
        {
            logger.LogInformation("Deleted {Count} orphan files older than {Cutoff:u}", deleted, cutoff);
        }

        return deleted;
    }

    private async Task<int> DeleteUnrecordedBlobsAsync(DateTime cutoff, CancellationToken cancellationToken)
    {
        var deleted = 0;
        foreach (var chunk in disk.ListOlderThan(cutoff).Chunk(Batch))
        {
            var known = await db.Files.Where(f => chunk.Contains(f.Id)).Select(f => f.Id).ToListAsync(cancellationToken);
            var unrecorded = chunk.Except(known).ToList();
            await disk.DeleteAsync(unrecorded, cancellationToken);
            deleted += unrecorded.Count;
        }

        return deleted;
    }
}
