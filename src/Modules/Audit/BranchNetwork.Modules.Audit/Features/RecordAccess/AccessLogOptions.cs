namespace BranchNetwork.Modules.Audit.Features.RecordAccess;

/// <summary>Settings of the access-log buffer (configuration section <c>AccessLog</c>).</summary>
internal sealed class AccessLogOptions
{
    public const string Section = "AccessLog";

    /// <summary>The most entries written in one database round trip.</summary>
    public const int BatchSize = 500;

    /// <summary>How often buffered entries are written (a full batch is written at once).</summary>
    public int FlushIntervalMilliseconds { get; set; } = 1000;

    /// <summary>Entries held in memory before the oldest are dropped (and counted).</summary>
    public int Capacity { get; set; } = 10_000;

    public TimeSpan FlushInterval => TimeSpan.FromMilliseconds(Math.Clamp(FlushIntervalMilliseconds, 10, 60_000));

    public int EffectiveCapacity => Math.Max(Capacity, BatchSize);
}
