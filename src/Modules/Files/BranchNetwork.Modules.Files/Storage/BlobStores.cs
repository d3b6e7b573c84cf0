using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace BranchNetwork.Modules.Files.Storage;

/// <summary>Where the bytes of a file go. The record in <see cref="FilesDbContext"/> says which store holds them.</summary>
internal interface IBlobStore
{
    BlobLocation Location { get; }

    /// <summary>Writes the bytes; the database store only stages them for the caller's SaveChanges (one transaction with the record).</summary>
    Task WriteAsync(Guid fileId, byte[] content, CancellationToken cancellationToken);

    Task<Stream?> OpenAsync(Guid fileId, CancellationToken cancellationToken);

    /// <summary>Removes the bytes of files whose records are being deleted (database: before the records, same save).</summary>
    Task DeleteAsync(IReadOnlyCollection<Guid> fileIds, CancellationToken cancellationToken);
}

/// <summary>
/// Files under <c>Files:DiskPath</c>, one per id in a folder named after the id's first two hex digits.
/// Written to a temporary name and moved into place, so a reader never sees half a file.
/// </summary>
internal sealed class DiskBlobStore(IOptions<FilesOptions> options, IHostEnvironment environment) : IBlobStore
{
    public BlobLocation Location => BlobLocation.Disk;

    public string Root { get; } = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.DiskPath));

    public async Task WriteAsync(Guid fileId, byte[] content, CancellationToken cancellationToken)
    {
        var path = PathOf(fileId);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".partial";
        await File.WriteAllBytesAsync(temporary, content, cancellationToken);
        File.Move(temporary, path, overwrite: false);
    }

    public Task<Stream?> OpenAsync(Guid fileId, CancellationToken cancellationToken)
    {
        var path = PathOf(fileId);
        Stream? stream = File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.Asynchronous | FileOptions.SequentialScan)
            : null;
        return Task.FromResult(stream);
    }

    public Task DeleteAsync(IReadOnlyCollection<Guid> fileIds, CancellationToken cancellationToken)
    {
        foreach (var id in fileIds)
        {
            File.Delete(PathOf(id));
        }

        return Task.CompletedTask;
    }

    /// <summary>Blobs on disk older than <paramref name="olderThanUtc"/>, by id (the sweep finds those without a record).</summary>
    public IEnumerable<Guid> ListOlderThan(DateTime olderThanUtc)
    {
        if (!Directory.Exists(Root))
        {
            yield break;
        }

        foreach (var path in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
        {
            if (File.GetLastWriteTimeUtc(path) < olderThanUtc && Guid.TryParseExact(Path.GetFileName(path), "N", out var id))
            {
                yield return id;
            }
        }
    }

    // The id is a Guid formatted by us: no user input ever reaches the path.
    private string PathOf(Guid fileId)
    {
        var name = fileId.ToString("N");
        return Path.Combine(Root, name[..2], name);
    }
}

/// <summary>Bytes in <c>StoredFileContents</c>, in the same database and transaction as the record: every node sees them.</summary>
internal sealed class DatabaseBlobStore(FilesDbContext db) : IBlobStore
{
    public BlobLocation Location => BlobLocation.Database;

    public Task WriteAsync(Guid fileId, byte[] content, CancellationToken cancellationToken)
    {
        db.Contents.Add(new StoredFileContent(fileId, content));
        return Task.CompletedTask;
    }

    public async Task<Stream?> OpenAsync(Guid fileId, CancellationToken cancellationToken)
    {
        var content = await db.Contents.AsNoTracking().Where(c => c.FileId == fileId).Select(c => c.Content).FirstOrDefaultAsync(cancellationToken);
        return content is null ? null : new MemoryStream(content, writable: false);
    }

    public async Task DeleteAsync(IReadOnlyCollection<Guid> fileIds, CancellationToken cancellationToken) =>
        await db.Contents.Where(c => fileIds.Contains(c.FileId)).ExecuteDeleteAsync(cancellationToken);
}
