namespace BranchNetwork.Modules.Audit.Domain;

/// <summary>
/// Records 1…<see cref="LastSeq"/> of a chain were moved to an archive file and removed (retention, AU-4). The chain
/// now legitimately starts after <see cref="LastSeq"/>, its first record pointing back to <see cref="LastHash"/>;
/// that hash is the one of a signed checkpoint (<see cref="CheckpointId"/>), so the anchor itself cannot be moved
/// by someone who can write to the database but holds no checkpoint key.
/// </summary>
internal sealed class ChainArchive
{
    public const int FileNameMaxLength = 128;

    private ChainArchive()
    {
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public string Chain { get; private init; } = "";

    public long FirstSeq { get; private init; }

    public long LastSeq { get; private init; }

    public string LastHash { get; private init; } = "";

    public Guid CheckpointId { get; private init; }

    public string FileName { get; private init; } = "";

    public long RecordCount { get; private init; }

    public DateTime ArchivedAtUtc { get; private init; }

    public static ChainArchive Create(string chain, long firstSeq, long lastSeq, string lastHash, Guid checkpointId, string fileName, DateTime archivedAtUtc) =>
        new()
        {
            Chain = chain,
            FirstSeq = firstSeq,
            LastSeq = lastSeq,
            LastHash = lastHash,
            CheckpointId = checkpointId,
            FileName = fileName,
            RecordCount = lastSeq - firstSeq + 1,
            ArchivedAtUtc = ChainHash.ToMicroseconds(archivedAtUtc),
        };
}
