namespace BranchNetwork.SharedKernel;

/// <summary>
/// The largest HTTP body the endpoint sending this request accepts, in bytes, when it legitimately needs more than
/// the platform default (ADR 0018): an upload, an import, a large grid. The endpoint convention turns it into
/// endpoint metadata; everything else is held to the small default.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
public sealed class RequestBodyLimitAttribute(long maxBytes) : Attribute
{
    /// <summary>Room for multipart boundaries and part headers around an uploaded file.</summary>
    public const long MultipartOverhead = 64 * 1024;

    public long MaxBytes { get; } = maxBytes;
}
