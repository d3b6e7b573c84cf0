using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace BranchNetwork.Modules.Audit.Domain;

/// <summary>The two tamper-evident chains of the module (AU-3).</summary>
internal static class ChainNames
{
    /// <summary>The audit trail: every state change of every module (AU-2).</summary>
    public const string Trail = "trail";

    /// <summary>The access log: every request and sign-in outcome (AU-1).</summary>
    public const string AccessLog = "access";

    public const int MaxLength = 16;
}

/// <summary>
/// A record of a hash chain. Its <see cref="Hash"/> covers the hash of the record before it and its own content,
/// so a changed, missing, inserted or moved record breaks the chain where it happened.
/// </summary>
internal interface IChainRecord
{
    /// <summary>Position in the chain: 1, 2, 3 … without gaps; unique (two appends can never take one position).</summary>
    long Seq { get; }

    string PrevHash { get; }

    string Hash { get; }

    /// <summary>The record's content in one canonical form: what the hash covers (every field but the chain's own).</summary>
    string CanonicalContent();

    /// <summary>Places the record at <paramref name="seq"/> after the record whose hash is <paramref name="prevHash"/>.</summary>
    void Seal(long seq, string prevHash);
}

/// <summary>How a chain's hashes are computed: SHA-256 of the previous hash and the record's canonical content.</summary>
internal static class ChainHash
{
    public const int Length = 64;

    /// <summary>What the first record of a chain points back to.</summary>
    public static readonly string Genesis = new('0', Length);

    public static string Of(string prevHash, string canonicalContent) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(prevHash + "\n" + canonicalContent)));

    /// <summary>Joins fields with the unit separator, which cleaned text never contains; null and empty differ.</summary>
    public static string Join(params object?[] fields)
    {
        var text = new StringBuilder();
        foreach (var field in fields)
        {
            text.Append(field switch
            {
                null => "\u2400",
                DateTime time => time.Ticks.ToString(CultureInfo.InvariantCulture),
                double number => number.ToString("R", CultureInfo.InvariantCulture),
                IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                _ => field.ToString(),
            });
            text.Append('\u001f');
        }

        return text.ToString();
    }

    /// <summary>
    /// Times are kept to the microsecond: PostgreSQL stores no finer, and a hash over 100 ns ticks would not
    /// match the value read back.
    /// </summary>
    public static DateTime ToMicroseconds(DateTime utc)
    {
        var value = utc.Kind == DateTimeKind.Utc ? utc : DateTime.SpecifyKind(utc.ToUniversalTime(), DateTimeKind.Utc);
        return new DateTime(value.Ticks - (value.Ticks % 10), DateTimeKind.Utc);
    }
}

/// <summary>
/// The newest record of a chain. Appends lock this row first (one writer at a time, across every app node),
/// then take the next positions from it: no fork (two records at one position) and no gap.
/// </summary>
internal sealed class ChainHead
{
    private ChainHead()
    {
    }

    public string Chain { get; private set; } = "";

    public long Seq { get; private set; }

    public string Hash { get; private set; } = ChainHash.Genesis;

    public static ChainHead Start(string chain) => new() { Chain = chain, Seq = 0, Hash = ChainHash.Genesis };
}

/// <summary>
/// A signed note of a chain's head at a time (AU-3). The signature is an HMAC with a key that is not in the
/// database, so deleting the newest records (truncation) is seen against the last checkpoint, and a checkpoint
/// cannot be forged by someone who can only write to the database.
/// </summary>
internal sealed class ChainCheckpoint
{
    public const int SignatureMaxLength = 128;
    public const int KeyIdMaxLength = 32;

    private ChainCheckpoint()
    {
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public string Chain { get; private init; } = "";

    public long Seq { get; private init; }

    public string Hash { get; private init; } = "";

    public DateTime TimeUtc { get; private init; }

    /// <summary>Which key signed it, so keys can be rotated and old checkpoints still checked.</summary>
    public string KeyId { get; private init; } = "";

    public string Signature { get; private init; } = "";

    public string SignedContent() => ChainHash.Join(Chain, Seq, Hash, TimeUtc, KeyId);

    public static ChainCheckpoint Create(string chain, long seq, string hash, DateTime timeUtc, string keyId, Func<string, string> sign)
    {
        var checkpoint = new ChainCheckpoint
        {
            Chain = chain,
            Seq = seq,
            Hash = hash,
            TimeUtc = ChainHash.ToMicroseconds(timeUtc),
            KeyId = keyId,
        };
        return new ChainCheckpoint
        {
            Id = checkpoint.Id,
            Chain = chain,
            Seq = seq,
            Hash = hash,
            TimeUtc = checkpoint.TimeUtc,
            KeyId = keyId,
            Signature = sign(checkpoint.SignedContent()),
        };
    }

    /// <summary>A checkpoint read back from an archive file, to check its signature there.</summary>
    public static ChainCheckpoint Restore(Guid id, string chain, long seq, string hash, DateTime timeUtc, string keyId, string signature) =>
        new() { Id = id, Chain = chain, Seq = seq, Hash = hash, TimeUtc = timeUtc, KeyId = keyId, Signature = signature };
}
