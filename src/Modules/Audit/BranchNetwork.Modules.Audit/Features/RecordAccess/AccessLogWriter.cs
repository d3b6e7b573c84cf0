using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BranchNetwork.Modules.Audit.Features.RecordAccess;

/// <summary>
/// Writes buffered access-log entries in bulk (AU-1, ADR 0025): every <c>AccessLog:FlushIntervalMilliseconds</c>, or at
/// once when a batch is waiting; each batch of up to <c>AccessLog:BatchSize</c> is one append to the access-log chain
/// (<see cref="AccessLogStore"/>). When the database refuses a batch, it and whatever waits behind it go to the spill
/// file; spilled entries — of this run or of an earlier one — are replayed at start and as soon as a write succeeds
/// again. On shutdown it writes what remains, and spills what it could not write in time. Nothing is thrown; only an
/// entry the disk refused too, or a row the database refuses on its own, is dropped — counted and logged.
/// </summary>
internal sealed class AccessLogWriter(
    AccessLogBuffer buffer,
    AccessLogSpill spill,
    AccessLogStore store,
    AccessLogMetrics metrics,
    IOptions<AccessLogOptions> options,
    ILogger<AccessLogWriter> logger) : BackgroundService
{
    private static readonly TimeSpan ShutdownFlushLimit = TimeSpan.FromSeconds(10);
    private readonly int batchSize = options.Value.EffectiveBatchSize;
    private bool storageDown;

    /// <summary>Held so the counters are published from the start.</summary>
    internal AccessLogMetrics Metrics => metrics;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.FlushInterval;
        // What an earlier run spilled (a full buffer, a database outage, a shutdown cut short) goes first.
        await ReplayAsync(CancellationToken.None);
        while (!stoppingToken.IsCancellationRequested)
        {
            using (var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken))
            {
                var batchReady = buffer.BatchReady;
                await Task.WhenAny(Task.Delay(interval, wait.Token), batchReady);
                await wait.CancelAsync();
            }

            buffer.ResetBatchSignal();
            await FlushAsync(CancellationToken.None);
            if (spill.HasPending)
            {
                await ReplayAsync(CancellationToken.None);
            }
        }

        using var limit = new CancellationTokenSource(ShutdownFlushLimit);
        await FlushAsync(limit.Token);
        SpillRemaining();
    }

    /// <summary>Writes everything buffered now, batch by batch; when the database refuses, the rest is spilled.</summary>
    internal async Task FlushAsync(CancellationToken cancellationToken)
    {
        try
        {
            var dropped = buffer.TakeDropped();
            if (dropped > 0)
            {
                logger.LogError("{Dropped} access-log entries were dropped ({Total} since start): see ADR 0025", dropped, buffer.DroppedTotal);
            }

            var batch = new List<AccessLogEntry>(batchSize);
            while (!cancellationToken.IsCancellationRequested)
            {
                batch.Clear();
                while (batch.Count < batchSize && buffer.Reader.TryRead(out var entry))
                {
                    batch.Add(entry);
                }

                if (batch.Count == 0)
                {
                    return;
                }

                if (!await StoreAsync(batch, cancellationToken))
                {
                    Spill(batch);
                    SpillRemaining();
                    return;
                }
            }
        }
        catch (Exception e)
        {
            logger.LogError(e, "Writing the access log failed");
        }
    }

    /// <summary>Stores the spilled files, oldest first; a file is deleted once all its entries are in the database.</summary>
    private async Task ReplayAsync(CancellationToken cancellationToken)
    {
        try
        {
            foreach (var file in spill.CloseAndList())
            {
                await using var claim = AccessLogSpill.Claim(file);
                if (claim is null)
                {
                    continue;
                }

                var entries = spill.Read(claim, out var torn);
                if (torn > 0)
                {
                    buffer.Dropped(torn);
                }

                var replayed = 0;
                foreach (var chunk in entries.Chunk(batchSize))
                {
                    // A crash between a replay's commit and the file's deletion replays those entries again: skip what is stored.
                    var stored = await store.StoredAsync([.. chunk.Select(e => e.Id)], cancellationToken);
                    var fresh = chunk.Where(e => !stored.Contains(e.Id)).ToList();
                    if (fresh.Count > 0 && !await StoreAsync(fresh, cancellationToken))
                    {
                        return;
                    }

                    replayed += fresh.Count;
                    spill.Replayed(fresh.Count);
                    if (buffer.Buffered >= batchSize)
                    {
                        // Live traffic keeps moving while a large file is replayed.
                        await FlushAsync(cancellationToken);
                    }
                }

                File.Delete(file);
                logger.LogInformation("Replayed {Count} access-log entries from {File}", replayed, file);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            if (!storageDown)
            {
                logger.LogError(e, "Replaying spilled access-log entries failed; they stay in the spill file and are tried again");
            }

            storageDown = true;
        }
    }

    /// <summary>
    /// One append; false when the database is unreachable (the caller spills). When the batch fails but its first
    /// entry alone is stored, the database is up and refuses some row: the rest are tried one by one and the refused
    /// ones are dropped, counted and logged (cleaned entries fit every column, so this is not expected).
    /// </summary>
    private async Task<bool> StoreAsync(List<AccessLogEntry> batch, CancellationToken cancellationToken)
    {
        try
        {
            await store.AppendAsync(batch, cancellationToken);
            if (storageDown)
            {
                logger.LogWarning("The access log is written to the database again");
            }

            storageDown = false;
            return true;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            if (batch.Count > 1 && await TryAppendAsync(batch[0], cancellationToken))
            {
                logger.LogError(e, "Writing {Count} access-log entries failed; writing them one by one", batch.Count);
                var lost = 0;
                foreach (var entry in batch.Skip(1))
                {
                    if (!await TryAppendAsync(entry, cancellationToken))
                    {
                        lost++;
                    }
                }

                if (lost > 0)
                {
                    buffer.Dropped(lost);
                    logger.LogError("{Lost} access-log entries were refused by the database and dropped", lost);
                }

                return true;
            }

            if (!storageDown)
            {
                logger.LogError(e, "The database refused {Count} access-log entries; they go to the spill file until it takes writes again", batch.Count);
            }

            storageDown = true;
            return false;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task<bool> TryAppendAsync(AccessLogEntry entry, CancellationToken cancellationToken)
    {
        try
        {
            await store.AppendAsync([entry], cancellationToken);
            return true;
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private void Spill(List<AccessLogEntry> entries)
    {
        if (!spill.TryAppend(entries))
        {
            buffer.Dropped(entries.Count);
        }
    }

    /// <summary>Moves everything still in memory to the spill file (the database is down, or the app is stopping).</summary>
    private void SpillRemaining()
    {
        var rest = new List<AccessLogEntry>();
        while (buffer.Reader.TryRead(out var entry))
        {
            rest.Add(entry);
            if (rest.Count == batchSize)
            {
                Spill(rest);
                rest.Clear();
            }
        }

        Spill(rest);
    }
}
