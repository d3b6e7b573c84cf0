namespace BranchNetwork.Modules.Files.Contracts;

/// <summary>
/// The platform's file store (ADR 0014). A module saves a file for one of its purposes and an owner (its own
/// record's id), lists an owner's files and opens one. Every save and every open is authorised by the
/// <see cref="IFileAccessPolicy"/> the owning module registers for the purpose; the type is checked by content.
/// </summary>
public interface IFileStore
{
    /// <summary>
    /// Checks the caller may attach to <paramref name="ownerId"/> (404 when they may not see it, 403 when they
    /// may only read it), then the size and the type by content (400 on the field <c>file</c>), and stores the
    /// file under a random id with a sanitised name. Without an owner the file is a pending upload: only its
    /// uploader sees it, <see cref="AttachAsync"/> links it later, and it is deleted as an orphan when that
    /// does not happen in time.
    /// </summary>
    Task<StoredFileInfo> SaveAsync(string purpose, Guid? ownerId, string fileName, Stream content, CancellationToken cancellationToken);

    /// <summary>Links the caller's own pending uploads of <paramref name="purpose"/> to an owner (checked as for a save).</summary>
    Task AttachAsync(string purpose, Guid ownerId, IReadOnlyCollection<Guid> fileIds, CancellationToken cancellationToken);

    /// <summary>
    /// The files of several owners, oldest first, without content. The owning module calls it after its own
    /// scope check on those owners; a purpose caps the files per owner, so the list is bounded.
    /// </summary>
    Task<IReadOnlyList<StoredFileInfo>> ListAsync(string purpose, IReadOnlyCollection<Guid> ownerIds, CancellationToken cancellationToken);

    /// <summary>The file with its content, or null when it does not exist or the purpose's policy refuses the caller.</summary>
    Task<FileDownload?> OpenAsync(Guid fileId, CancellationToken cancellationToken);
}

/// <summary>
/// Implemented by the module that owns a purpose: who may read an owner's files and who may attach to it.
/// Registered in DI as <c>IFileAccessPolicy</c>; one policy per purpose.
/// </summary>
public interface IFileAccessPolicy
{
    FilePurpose Purpose { get; }

    /// <summary>What the current user may do with the files of <paramref name="ownerId"/>.</summary>
    Task<FileOwnerAccess> GetAccessAsync(Guid ownerId, CancellationToken cancellationToken);
}

public enum FileOwnerAccess
{
    /// <summary>Not even told the owner exists: reads and attaches answer 404.</summary>
    None,

    /// <summary>May download the owner's files; an attach answers 403.</summary>
    Read,

    /// <summary>May download and attach.</summary>
    ReadAndAttach,
}

/// <summary>What a module stores under one name: a size limit, the types it accepts (checked by content) and a cap per owner.</summary>
/// <param name="Name">Stable id, <c>module.thing</c>, e.g. <c>assessment.appeal</c> (at most 64 characters).</param>
public sealed record FilePurpose(string Name, long MaxBytes, IReadOnlyList<FileKind> AllowedKinds, int MaxFilesPerOwner);

/// <summary>The types the store recognises by their first bytes (or, for text, by being valid UTF-8 without NULs).</summary>
public enum FileKind
{
    Pdf,
    Png,
    Jpeg,
    Xlsx,
    Docx,
    Text,
}

/// <summary>A stored file without its content. <see cref="DownloadPath"/> opens it for a signed-in page; the API has <c>/api/files/{id}</c>.</summary>
public sealed record StoredFileInfo(
    Guid Id,
    string Purpose,
    Guid? OwnerId,
    string FileName,
    string ContentType,
    FileKind Kind,
    long SizeBytes,
    string UploadedByName,
    DateTime UploadedAtUtc)
{
    public string DownloadPath => $"/files/{Id}";

    public string ApiPath => $"/api/files/{Id}";
}

/// <summary>An opened file; the caller disposes <see cref="Content"/>.</summary>
public sealed record FileDownload(StoredFileInfo File, Stream Content);
