using System.Text.Json;

namespace BranchNetwork.Modules.Audit.Features.Shared;

/// <summary>The header line of an archive file: which records it holds and the signed checkpoint that closes them.</summary>
internal sealed record ArchiveHeader(
    string Format, string Chain, long FirstSeq, long LastSeq, string FirstPrevHash, string Fields, ArchiveCheckpoint Checkpoint);

internal sealed record ArchiveCheckpoint(Guid Id, long Seq, string Hash, DateTime TimeUtc, string KeyId, string Signature);

/// <summary>One archived record: its position, its links and its canonical content (what the hash covers).</summary>
internal sealed record ArchiveLine(long Seq, string PrevHash, string Hash, string Content);

/// <summary>An archive file checked on its own: intact, or the first line where it is not.</summary>
internal sealed record ArchiveVerification(bool Intact, long RecordsChecked, long? BrokenSeq, string? Problem);

/// <summary>
/// Archive files of retention (AU-4), JSON lines: a header with the chain proof (the first record's link and the
/// signed checkpoint of the last record), then one line per record. The file verifies without the database: every
/// hash is recomputed from its content and link, the positions run without a gap, and the last hash is the one the
/// checkpoint signed, so a changed, removed, added or moved line, or a cut-off end, is seen.
/// </summary>
internal static class ChainArchiveFile
{
    public const string Format = "branchnetwork-audit-archive/1";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string FieldsOf(string chain) => chain == ChainNames.Trail
        ? "Id,TimeUtc(ticks),ActorKind,ActorUserId,ActorName,ActorRoles,ActorUnitId,Module,EntityType,EntityId,Operation,CorrelationId,Changes,Detail (separated by U+001F; U+2400 = null)"
        : "Id,TimeUtc(ticks),Kind,UserId,UserName,Roles,UnitId,Ip,Method,RouteTemplate,Path,Status,DurationMs,Detail (separated by U+001F; U+2400 = null)";

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Json);

    public static async Task<ArchiveVerification> VerifyAsync(string path, CheckpointSigner signer, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(path);
        ArchiveHeader? header;
        try
        {
            header = JsonSerializer.Deserialize<ArchiveHeader>(await reader.ReadLineAsync(cancellationToken) ?? "", Json);
        }
        catch (JsonException)
        {
            header = null;
        }

        if (header is null || header.Format != Format || header.Checkpoint is null)
        {
            return new ArchiveVerification(false, 0, null, "The header is missing or unreadable.");
        }

        var c = header.Checkpoint;
        var checkpoint = ChainCheckpoint.Restore(c.Id, header.Chain, c.Seq, c.Hash, c.TimeUtc, c.KeyId, c.Signature);
        if (!signer.IsGenuine(checkpoint) || c.Seq != header.LastSeq)
        {
            return new ArchiveVerification(false, 0, c.Seq, "The checkpoint in the header has no valid signature or does not close the archive.");
        }

        var expectedSeq = header.FirstSeq;
        var expectedPrev = header.FirstPrevHash;
        var count = 0L;
        while (await reader.ReadLineAsync(cancellationToken) is { } text)
        {
            if (text.Length == 0)
            {
                continue;
            }

            ArchiveLine? line;
            try
            {
                line = JsonSerializer.Deserialize<ArchiveLine>(text, Json);
            }
            catch (JsonException)
            {
                line = null;
            }

            if (line is null)
            {
                return new ArchiveVerification(false, count, expectedSeq, $"The line of position {expectedSeq} is unreadable.");
            }

            count++;
            if (line.Seq != expectedSeq)
            {
                return new ArchiveVerification(false, count, expectedSeq, $"Position {expectedSeq} is missing or out of place (found {line.Seq}).");
            }

            if (ChainHash.Of(line.PrevHash, line.Content) != line.Hash)
            {
                return new ArchiveVerification(false, count, line.Seq, $"Record {line.Seq} was changed: its content no longer matches its hash.");
            }

            if (line.PrevHash != expectedPrev)
            {
                return new ArchiveVerification(false, count, line.Seq, $"Record {line.Seq} does not follow record {line.Seq - 1}.");
            }

            expectedPrev = line.Hash;
            expectedSeq++;
        }

        if (expectedSeq - 1 != header.LastSeq || expectedPrev != c.Hash)
        {
            return new ArchiveVerification(false, count, expectedSeq, $"The archive ends at position {expectedSeq - 1}, not at the signed position {header.LastSeq}.");
        }

        return new ArchiveVerification(true, count, null, null);
    }
}
