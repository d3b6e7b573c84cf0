using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace BranchNetwork.Modules.Audit.Features.Shared;

/// <summary>
/// The settings of the chains' tamper evidence (AU-3) and retention (AU-4), section <c>Audit</c>.
/// Keys are never stored in the database: whoever can write to it must not be able to sign a checkpoint.
/// </summary>
internal sealed class AuditChainOptions
{
    public const string Section = "Audit";

    /// <summary>The minimum retention the law asks for (网络安全法 art. 21: six months).</summary>
    public const int MinimumRetentionDays = 180;

    /// <summary>Checkpoint keys by key id, each a base64 key of at least 32 bytes (e.g. <c>Audit__CheckpointKeys__k2026=…</c>).</summary>
    public Dictionary<string, string> CheckpointKeys { get; set; } = [];

    /// <summary>The key that signs new checkpoints; the others only verify old ones (rotation). Optional with one key.</summary>
    public string? CheckpointSigningKeyId { get; set; }

    /// <summary>How often the checkpoint job runs (minutes, 1–59).</summary>
    public int CheckpointMinutes { get; set; } = 10;

    /// <summary>When the daily verification runs (cron, in <see cref="VerifyTimeZone"/>).</summary>
    public string VerifyCron { get; set; } = "0 2 * * *";

    public string? VerifyTimeZone { get; set; }

    public int RetentionDays { get; set; } = 400;

    /// <summary>When the daily archive job runs (cron, in <see cref="VerifyTimeZone"/>).</summary>
    public string ArchiveCron { get; set; } = "30 3 * * *";

    /// <summary>Where archived records are written (relative to the working directory unless rooted).</summary>
    public string ArchiveFolder { get; set; } = "data/audit-archive";

    /// <summary>Why the options cannot run, or null when they can.</summary>
    public string? Problem()
    {
        if (CheckpointKeys.Count == 0)
        {
            return "Audit:CheckpointKeys is not configured: the signed checkpoints of the audit chains (AU-3) need a key that is "
                + "not in the database. Set e.g. Audit__CheckpointKeys__k1=<base64 of 32 random bytes> (openssl rand -base64 32).";
        }

        foreach (var (id, key) in CheckpointKeys)
        {
            if (id.Length is 0 or > ChainCheckpoint.KeyIdMaxLength)
            {
                return $"Audit:CheckpointKeys: the key id '{id}' must have 1 to {ChainCheckpoint.KeyIdMaxLength} characters.";
            }

            if (Decode(key) is not { Length: >= 32 })
            {
                return $"Audit:CheckpointKeys:{id} must be base64 of at least 32 bytes.";
            }
        }

        if (CheckpointSigningKeyId is { Length: > 0 } signing ? !CheckpointKeys.ContainsKey(signing) : CheckpointKeys.Count > 1)
        {
            return "Audit:CheckpointSigningKeyId must name one of Audit:CheckpointKeys (required when there are several).";
        }

        if (CheckpointMinutes is < 1 or > 59)
        {
            return "Audit:CheckpointMinutes must be between 1 and 59.";
        }

        if (RetentionDays < MinimumRetentionDays)
        {
            return $"Audit:RetentionDays is {RetentionDays}; the law requires at least {MinimumRetentionDays} days.";
        }

        return null;
    }

    internal static byte[]? Decode(string? base64)
    {
        if (string.IsNullOrWhiteSpace(base64))
        {
            return null;
        }

        try
        {
            return Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException)
        {
            return null;
        }
    }
}

/// <summary>Refuses to start with settings that cannot protect the chains (no key, retention below the legal minimum).</summary>
internal sealed class AuditChainOptionsValidator : IValidateOptions<AuditChainOptions>
{
    public ValidateOptionsResult Validate(string? name, AuditChainOptions options) =>
        options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}

/// <summary>
/// Signs and checks chain checkpoints with HMAC-SHA256 (AU-3). The newest key signs; every configured key still
/// verifies, so a key can be rotated without invalidating the checkpoints it signed.
/// </summary>
internal sealed class CheckpointSigner
{
    private readonly Dictionary<string, byte[]> keys;

    public CheckpointSigner(IOptions<AuditChainOptions> options)
    {
        var value = options.Value;
        if (value.Problem() is { } problem)
        {
            throw new InvalidOperationException(problem);
        }

        keys = value.CheckpointKeys.ToDictionary(k => k.Key, k => AuditChainOptions.Decode(k.Value)!, StringComparer.Ordinal);
        SigningKeyId = value.CheckpointSigningKeyId is { Length: > 0 } id ? id : keys.Keys.Single();
    }

    public string SigningKeyId { get; }

    public string Sign(string content) => Sign(keys[SigningKeyId], content);

    /// <summary>Whether the checkpoint was signed by one of the configured keys (an unknown key id is not).</summary>
    public bool IsGenuine(ChainCheckpoint checkpoint) =>
        keys.TryGetValue(checkpoint.KeyId, out var key)
        && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Sign(key, checkpoint.SignedContent())),
            Encoding.ASCII.GetBytes(checkpoint.Signature));

    public ChainCheckpoint Checkpoint(string chain, long seq, string hash, DateTime timeUtc) =>
        ChainCheckpoint.Create(chain, seq, hash, timeUtc, SigningKeyId, Sign);

    private static string Sign(byte[] key, string content) => Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(content)));
}
