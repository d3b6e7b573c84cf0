namespace BranchNetwork.Modules.Audit.Features.RecordAccess;

/// <summary>Settings of the access log (configuration section <c>AccessLog</c>; defaults in appsettings.json, ADR 0025).</summary>
internal sealed class AccessLogOptions
{
    public const string Section = "AccessLog";

    /// <summary>Left out when nothing is configured: probes, the framework's and packages' files, the circuit hub, the icon.</summary>
    public static readonly string[] DefaultSkipPathPrefixes = ["/health", "/_framework", "/_content", "/_blazor", "/favicon.ico"];

    /// <summary>Static assets by extension, left out when nothing is configured.</summary>
    public static readonly string[] DefaultSkipExtensions =
    [
        ".css", ".js", ".mjs", ".map", ".png", ".jpg", ".jpeg", ".gif", ".svg", ".ico", ".webp", ".avif",
        ".woff", ".woff2", ".ttf", ".otf", ".eot", ".wasm", ".br", ".gz",
    ];

    /// <summary>How often buffered entries are written (a full batch is written at once).</summary>
    public int FlushIntervalMilliseconds { get; set; } = 1000;

    /// <summary>Entries held in memory; beyond this they go to the spill file (nothing is dropped while the disk takes it).</summary>
    public int Capacity { get; set; } = 20_000;

    /// <summary>The most entries written in one transaction (one COPY on PostgreSQL, one prepared statement on SQLite).</summary>
    public int BatchSize { get; set; } = 2000;

    /// <summary>Where entries go when the buffer is full or the database refuses them; relative paths are under the content root.</summary>
    public string SpillDirectory { get; set; } = "data/access-log-spill";

    /// <summary>False logs health probes and static files too (for a diagnosis); refused and failed ones are always logged.</summary>
    public bool SkipHealthAndStaticFiles { get; set; } = true;

    /// <summary>Path prefixes (whole segments) not logged; null means <see cref="DefaultSkipPathPrefixes"/>.</summary>
    public string[]? SkipPathPrefixes { get; set; }

    /// <summary>File extensions (of the last segment) not logged; null means <see cref="DefaultSkipExtensions"/>.</summary>
    public string[]? SkipExtensions { get; set; }

    public TimeSpan FlushInterval => TimeSpan.FromMilliseconds(Math.Clamp(FlushIntervalMilliseconds, 10, 60_000));

    public int EffectiveBatchSize => Math.Clamp(BatchSize, 1, 10_000);

    /// <summary>At least a few entries (tests use a tiny buffer to force the spill), at most a million.</summary>
    public int EffectiveCapacity => Math.Clamp(Capacity, 4, 1_000_000);

    /// <summary>The writer is woken early once this many entries wait.</summary>
    public int WakeAt => Math.Max(1, Math.Min(EffectiveBatchSize, EffectiveCapacity / 2));
}
