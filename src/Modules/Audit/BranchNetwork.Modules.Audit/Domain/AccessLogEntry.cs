namespace BranchNetwork.Modules.Audit.Domain;

/// <summary>What an access-log entry records.</summary>
internal enum AccessLogKind
{
    /// <summary>An HTTP request (anonymous, allowed or denied).</summary>
    Request = 0,

    /// <summary>A successful sign-in (web session or token).</summary>
    SignIn = 1,

    /// <summary>A failed sign-in attempt.</summary>
    SignInFailed = 2,

    /// <summary>A sign-in refused because the account is locked.</summary>
    LockedOut = 3,
}

/// <summary>
/// One line of the access log (AU-1). Append-only: the app creates entries and never changes or
/// deletes them (no setter is public, no handler updates, <c>AuditDbContext</c> refuses it).
/// </summary>
internal sealed class AccessLogEntry : IChainRecord
{
    public const int UserNameMaxLength = 64;
    public const int RolesMaxLength = 256;
    public const int IpMaxLength = 64;
    public const int MethodMaxLength = 16;
    public const int RouteTemplateMaxLength = 256;
    public const int PathMaxLength = 512;
    public const int DetailMaxLength = 256;

    private AccessLogEntry()
    {
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    /// <summary>Position in the access-log chain (AU-3), given when the entry is written.</summary>
    public long Seq { get; private set; }

    public string PrevHash { get; private set; } = "";

    public string Hash { get; private set; } = "";

    public DateTime TimeUtc { get; private init; }

    public AccessLogKind Kind { get; private init; }

    public Guid? UserId { get; private init; }

    public string? UserName { get; private init; }

    /// <summary>Comma-separated role names.</summary>
    public string? Roles { get; private init; }

    public Guid? UnitId { get; private init; }

    public string? Ip { get; private init; }

    public string? Method { get; private init; }

    public string? RouteTemplate { get; private init; }

    public string? Path { get; private init; }

    /// <summary>HTTP status of a request; 0 for sign-in entries (they are recorded inside the request).</summary>
    public int Status { get; private init; }

    public double DurationMs { get; private init; }

    public string? Detail { get; private init; }

    public static AccessLogEntry Create(
        DateTime timeUtc,
        AccessLogKind kind,
        Guid? userId,
        string? userName,
        IEnumerable<string>? roles,
        Guid? unitId,
        string? ip,
        string? method,
        string? routeTemplate,
        string? path,
        int status,
        double durationMs,
        string? detail) =>
        new()
        {
            TimeUtc = ChainHash.ToMicroseconds(timeUtc),
            Kind = kind,
            UserId = userId,
            UserName = Clean(userName, UserNameMaxLength),
            Roles = roles is null ? null : Clean(string.Join(',', roles), RolesMaxLength),
            UnitId = unitId,
            Ip = Clean(ip, IpMaxLength),
            Method = Clean(method, MethodMaxLength),
            RouteTemplate = Clean(routeTemplate, RouteTemplateMaxLength),
            Path = Clean(path, PathMaxLength),
            Status = status,
            DurationMs = Math.Round(Math.Max(0, durationMs), 3),
            Detail = Clean(detail, DetailMaxLength),
        };

    /// <summary>An entry read back from the spill file (ADR 0025): the same id and content it had when it was recorded.</summary>
    public static AccessLogEntry Restore(
        Guid id,
        DateTime timeUtc,
        AccessLogKind kind,
        Guid? userId,
        string? userName,
        string? roles,
        Guid? unitId,
        string? ip,
        string? method,
        string? routeTemplate,
        string? path,
        int status,
        double durationMs,
        string? detail) =>
        new()
        {
            Id = id,
            TimeUtc = ChainHash.ToMicroseconds(timeUtc),
            Kind = kind,
            UserId = userId,
            UserName = Clean(userName, UserNameMaxLength),
            Roles = Clean(roles, RolesMaxLength),
            UnitId = unitId,
            Ip = Clean(ip, IpMaxLength),
            Method = Clean(method, MethodMaxLength),
            RouteTemplate = Clean(routeTemplate, RouteTemplateMaxLength),
            Path = Clean(path, PathMaxLength),
            Status = status,
            DurationMs = durationMs,
            Detail = Clean(detail, DetailMaxLength),
        };

    public string CanonicalContent() => ChainHash.Join(
        Id, TimeUtc, (int)Kind, UserId, UserName, Roles, UnitId, Ip, Method, RouteTemplate, Path, Status, DurationMs, Detail);

    public void Seal(long seq, string prevHash)
    {
        Seq = seq;
        PrevHash = prevHash;
        Hash = ChainHash.Of(prevHash, CanonicalContent());
    }

    /// <summary>
    /// Fits text into its column on every provider: NUL removed (PostgreSQL refuses it), cut to the
    /// maximum length without splitting a surrogate pair, empty becomes null.
    /// </summary>
    internal static string? Clean(string? value, int maxLength)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (value.Contains('\0', StringComparison.Ordinal))
        {
            value = value.Replace("\0", "", StringComparison.Ordinal);
        }

        if (value.Length > maxLength)
        {
            var cut = char.IsHighSurrogate(value[maxLength - 1]) ? maxLength - 1 : maxLength;
            value = value[..cut];
        }

        return value.Length == 0 ? null : value;
    }
}
