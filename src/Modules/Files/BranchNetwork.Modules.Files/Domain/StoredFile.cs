using BranchNetwork.Modules.Files.Contracts;

namespace BranchNetwork.Modules.Files.Domain;

/// <summary>Where a file's bytes live; kept per file so a change of <c>Files:Store</c> leaves older files readable.</summary>
internal enum BlobLocation
{
    Disk = 1,
    Database = 2,
}

/// <summary>
/// One uploaded file: its purpose and owner (a record of the owning module), the sanitised name, the type found
/// in its content, size and hash. Without an owner it is a pending upload of its uploader until attached.
/// </summary>
internal sealed class StoredFile : Entity
{
    public const int PurposeMaxLength = 64;
    public const int ContentTypeMaxLength = 100;
    public const int UploaderNameMaxLength = 256;
    public const int Sha256Length = 64;

    private StoredFile()
    {
    }

    public string Purpose { get; private set; } = "";

    public Guid? OwnerId { get; private set; }

    public string FileName { get; private set; } = "";

    public string ContentType { get; private set; } = "";

    public FileKind Kind { get; private set; }

    public long SizeBytes { get; private set; }

    public string Sha256 { get; private set; } = "";

    public BlobLocation Location { get; private set; }

    public Guid UploadedById { get; private set; }

    public string UploadedByName { get; private set; } = "";

    public DateTime? AttachedAtUtc { get; private set; }

    public static StoredFile Create(
        string purpose, Guid? ownerId, string fileName, FileKind kind, string contentType, long sizeBytes, string sha256,
        BlobLocation location, Guid uploadedById, string uploadedByName, DateTime nowUtc) => new()
        {
            // A random (v4) id, not the time-ordered default: the id is the only handle on a file, so it must not be guessable.
            Id = Guid.NewGuid(),
            Purpose = purpose,
            OwnerId = ownerId,
            AttachedAtUtc = ownerId is null ? null : nowUtc,
            FileName = fileName,
            Kind = kind,
            ContentType = contentType,
            SizeBytes = sizeBytes,
            Sha256 = sha256,
            Location = location,
            UploadedById = uploadedById,
            UploadedByName = uploadedByName.Length > UploaderNameMaxLength ? uploadedByName[..UploaderNameMaxLength] : uploadedByName,
        };

    public bool IsPending => OwnerId is null;

    /// <summary>A pending upload joins its owner once; an attached file never moves to another owner.</summary>
    public void AttachTo(Guid ownerId, DateTime nowUtc)
    {
        if (OwnerId is not null)
        {
            throw new InvalidOperationException($"File {Id} is already attached.");
        }

        OwnerId = ownerId;
        AttachedAtUtc = nowUtc;
    }

    public StoredFileInfo ToInfo() => new(Id, Purpose, OwnerId, FileName, ContentType, Kind, SizeBytes, UploadedByName, CreatedAtUtc);
}

/// <summary>The bytes of a file kept in the database (<c>Files:Store</c> = <c>Database</c>): one row, one blob, never indexed.</summary>
internal sealed class StoredFileContent
{
    private StoredFileContent()
    {
    }

    public StoredFileContent(Guid fileId, byte[] content)
    {
        FileId = fileId;
        Content = content;
    }

    public Guid FileId { get; private set; }

    public byte[] Content { get; private set; } = [];
}
