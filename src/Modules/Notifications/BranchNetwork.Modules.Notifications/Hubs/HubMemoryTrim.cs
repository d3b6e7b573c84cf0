using System.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BranchNetwork.Modules.Notifications.Hubs;

/// <summary>
/// Gives a wave of closed hub connections' memory back to the machine (ADR 0029). A connection lives for hours, so its
/// objects reach the oldest generation; once the pages close (the end of the working day, a node drained) nothing
/// allocates any more, no full collection comes, and the node keeps the memory of connections it no longer has: measured,
/// it even grew for minutes afterwards. So once at least <c>Notifications:MemoryTrim:AfterClosedConnections</c> connections
/// have closed and none closed for <c>Notifications:MemoryTrim:QuietSeconds</c>, one aggressive full collection compacts the
/// heap and returns its free regions. One shared check for the node, no timer per connection; 0 turns it off.
/// </summary>
internal sealed class HubMemoryTrim(IConfiguration configuration, ILogger<HubMemoryTrim> logger) : BackgroundService
{
    private int closedSinceTrim;
    private int closedSinceCheck;

    private int Threshold => configuration.GetValue("Notifications:MemoryTrim:AfterClosedConnections", 500);

    private TimeSpan Quiet => TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Notifications:MemoryTrim:QuietSeconds", 5)));

    /// <summary>A hub connection closed.</summary>
    public void Closed()
    {
        Interlocked.Increment(ref closedSinceTrim);
        Interlocked.Increment(ref closedSinceCheck);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (Threshold <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(Quiet);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                // Still closing: the wave is not over, and collecting now would only have to be done again.
                if (Interlocked.Exchange(ref closedSinceCheck, 0) > 0 || Volatile.Read(ref closedSinceTrim) < Threshold)
                {
                    continue;
                }

                var closed = Interlocked.Exchange(ref closedSinceTrim, 0);
                var before = GC.GetGCMemoryInfo().TotalCommittedBytes;
                GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                logger.LogInformation(
                    "{Closed} hub connections closed: memory trimmed, GC committed {Before} MB -> {After} MB",
                    closed,
                    before / (1024 * 1024),
                    GC.GetGCMemoryInfo().TotalCommittedBytes / (1024 * 1024));
            }
        }
        catch (OperationCanceledException)
        {
            // The node is stopping.
        }
    }
}
