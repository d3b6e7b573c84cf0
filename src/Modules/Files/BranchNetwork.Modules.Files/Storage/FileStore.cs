using System.Globalization;
using System.Security.Cryptography;
using BranchNetwork.Modules.Audit.Contracts;
using BranchNetwork.Modules.Files.Contracts;
using BranchNetwork.Modules.Files.Resources;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BranchNetwork.Modules.Files.Storage;

/// <summary>The <see cref="IFileStore"/> other modules call: policy first, then size, type and name, then the bytes and the record.</summary>
internal sealed class FileStore(
    FilesDbContext db,
    IEnumerable<IFileAccessPolicy> policies,
    IEnumerable<IBlobStore> stores,
    IOptions<FilesOptions> options,
    ICurrentUser user,
    IClock clock,
    IStringLocalizer<FilesText> text,
    ILogger<FileStore> logger,
    IEnumerable<IContentPolicies> contentPolicies) : IFileStore
{
    public const string FileField = "file";

    public async Task<StoredFileInfo> SaveAsync(string purpose, Guid? ownerId, string fileName, Stream content, CancellationToken cancellationToken)
    {
        var policy = PolicyOf(purpose);
        var userId = user.RequireUserId();
        if (ownerId is { } owner)
        {
            await EnsureCanAttachAsync(policy, owner, cancellationToken);
            var count = await db.Files.CountAsync(f => f.Purpose == purpose && f.OwnerId == owner, cancellationToken);
            if (count >= policy.Purpose.MaxFilesPerOwner)
            {
                throw new ValidationFailedException(FileField, string.Format(CultureInfo.CurrentCulture, text["TooManyFiles"], policy.Purpose.MaxFilesPerOwner));
            }
        }

        // The SecurityAdmin's content policies (AU-5) narrow the purpose's own rules, never widen them.
        var rules = contentPolicies.FirstOrDefault() is { } contentRules ? await contentRules.ForUploadAsync(user.Roles, cancellationToken) : null;
        var allowedKinds = policy.Purpose.AllowedKinds
            .Where(k => rules?.AllowedExtensions is not { } extensions || FileNames.Extensions(k).Any(e => extensions.Contains(e.TrimStart('.'), StringComparer.OrdinalIgnoreCase)))
            .ToList();
        var maxBytes = rules?.MaxBytes is { } policyMax ? Math.Min(policyMax, policy.Purpose.MaxBytes) : policy.Purpose.MaxBytes;
        var bytes = await ReadBoundedAsync(content, maxBytes, cancellationToken);
        var kind = ContentSniffer.Detect(bytes);
        if (kind is null || !allowedKinds.Contains(kind.Value))
        {
            throw new ValidationFailedException(FileField, string.Format(CultureInfo.CurrentCulture, text["TypeNotAllowed"], string.Join(", ", allowedKinds.SelectMany(FileNames.Extensions))));
        }

        var name = FileNames.Sanitise(fileName, kind.Value);
        var store = stores.First(s => s.Location == options.Value.Store);
        var file = StoredFile.Create(
            purpose, ownerId, name, kind.Value, ContentSniffer.ContentType(kind.Value, name), bytes.Length,
            Convert.ToHexStringLower(SHA256.HashData(bytes)), store.Location, userId, user.UserName ?? "", clock.UtcNow);

        await store.WriteAsync(file.Id, bytes, cancellationToken);
        db.Files.Add(file);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            // No record, no bytes: a disk blob written for a record that failed to save is removed at once.
            if (store.Location == BlobLocation.Disk)
            {
                await store.DeleteAsync([file.Id], CancellationToken.None);
            }

            throw;
        }

        logger.LogInformation("Stored file {FileId} ({Purpose}, {Size} bytes, {Kind}) for owner {OwnerId}", file.Id, purpose, file.SizeBytes, file.Kind, ownerId);
        return file.ToInfo();
    }

    public async Task AttachAsync(string purpose, Guid ownerId, IReadOnlyCollection<Guid> fileIds, CancellationToken cancellationToken)
    {
        var policy = PolicyOf(purpose);
        var userId = user.RequireUserId();
        await EnsureCanAttachAsync(policy, ownerId, cancellationToken);
        var files = await db.Files.Where(f => fileIds.Contains(f.Id) && f.Purpose == purpose && f.OwnerId == null && f.UploadedById == userId).ToListAsync(cancellationToken);
        if (files.Count != fileIds.Distinct().Count())
        {
            throw new NotFoundException("files.file_not_found", text["FileNotFound"]);
        }

        var existing = await db.Files.CountAsync(f => f.Purpose == purpose && f.OwnerId == ownerId, cancellationToken);
        if (existing + files.Count > policy.Purpose.MaxFilesPerOwner)
        {
            throw new ValidationFailedException(FileField, string.Format(CultureInfo.CurrentCulture, text["TooManyFiles"], policy.Purpose.MaxFilesPerOwner));
        }

        foreach (var file in files)
        {
            file.AttachTo(ownerId, clock.UtcNow);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<StoredFileInfo>> ListAsync(string purpose, IReadOnlyCollection<Guid> ownerIds, CancellationToken cancellationToken)
    {
        if (ownerIds.Count == 0)
        {
            return [];
        }

        var files = await db.Files.AsNoTracking()
            .Where(f => f.Purpose == purpose && f.OwnerId != null && ownerIds.Contains(f.OwnerId.Value))
            .ToListAsync(cancellationToken);
        return files.OrderBy(f => f.CreatedAtUtc).ThenBy(f => f.Id).Select(f => f.ToInfo()).ToList();
    }

    public async Task<FileDownload?> OpenAsync(Guid fileId, CancellationToken cancellationToken)
    {
        if (!user.IsAuthenticated)
        {
            return null;
        }

        var file = await db.Files.AsNoTracking().FirstOrDefaultAsync(f => f.Id == fileId, cancellationToken);
        if (file is null || !await CanReadAsync(file, cancellationToken))
        {
            return null;
        }

        var stream = await stores.First(s => s.Location == file.Location).OpenAsync(file.Id, cancellationToken);
        if (stream is null)
        {
            logger.LogError("File {FileId} has a record but no bytes in the {Location} store", file.Id, file.Location);
            return null;
        }

        return new FileDownload(file.ToInfo(), stream);
    }

    private async Task<bool> CanReadAsync(StoredFile file, CancellationToken cancellationToken)
    {
        if (file.OwnerId is not { } owner)
        {
            // A pending upload is its uploader's alone.
            return file.UploadedById == user.UserId;
        }

        var policy = policies.FirstOrDefault(p => p.Purpose.Name == file.Purpose);
        return policy is not null && await policy.GetAccessAsync(owner, cancellationToken) != FileOwnerAccess.None;
    }

    private async Task EnsureCanAttachAsync(IFileAccessPolicy policy, Guid ownerId, CancellationToken cancellationToken)
    {
        switch (await policy.GetAccessAsync(ownerId, cancellationToken))
        {
            case FileOwnerAccess.None:
                throw new NotFoundException("files.owner_not_found", text["OwnerNotFound"]);
            case FileOwnerAccess.Read:
                throw new ForbiddenException("files.attach_forbidden", text["AttachForbidden"]);
        }
    }

    private IFileAccessPolicy PolicyOf(string purpose) =>
        policies.FirstOrDefault(p => p.Purpose.Name == purpose)
        ?? throw new InvalidOperationException($"No IFileAccessPolicy is registered for the file purpose '{purpose}'.");

    /// <summary>Reads at most one byte more than the limit, so an oversize upload is refused without buffering all of it.</summary>
    private async Task<byte[]> ReadBoundedAsync(Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes)
            {
                throw new ValidationFailedException(FileField, string.Format(CultureInfo.CurrentCulture, text["TooLarge"], FormatSize(maxBytes)));
            }
        }

        if (buffer.Length == 0)
        {
            throw new ValidationFailedException(FileField, text["Empty"]);
        }

        return buffer.ToArray();
    }

    internal static string FormatSize(long bytes) => bytes >= 1024 * 1024
        ? (bytes / 1024d / 1024d).ToString("0.#", CultureInfo.InvariantCulture) + " MB"
        : (bytes / 1024d).ToString("0.#", CultureInfo.InvariantCulture) + " KB";
}
