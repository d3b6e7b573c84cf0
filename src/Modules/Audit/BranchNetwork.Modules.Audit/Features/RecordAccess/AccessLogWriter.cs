using BranchNetwork.Modules.Audit.Features.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BranchNetwork.Modules.Audit.Features.RecordAccess;

/// <summary>
/// Writes buffered access-log entries in batches (AU-1): every <c>AccessLog:FlushIntervalMilliseconds</c>,
/// or at once when a full batch of <see cref="AccessLogOptions.BatchSize"/> is waiting; on shutdown it
/// writes what remains. Each batch is one append to the access-log chain (one transaction) in a fresh scope. A failure is
/// logged, never thrown.
/// </summary>
internal sealed class AccessLogWriter(
    AccessLogBuffer buffer,
    IServiceScopeFactory scopes,
    IOptions<AccessLogOptions> options,
    ILogger<AccessLogWriter> logger) : BackgroundService
{
    private static readonly TimeSpan ShutdownFlushLimit = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.FlushInterval;
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
        }

        using var limit = new CancellationTokenSource(ShutdownFlushLimit);
        await FlushAsync(limit.Token);
    }

    /// <summary>Writes everything buffered now, batch by batch.</summary>
    internal async Task FlushAsync(CancellationToken cancellationToken)
    {
        try
        {
            var dropped = buffer.TakeDropped();
            if (dropped > 0)
            {
                logger.LogWarning("Access log buffer was full: {Dropped} oldest entries dropped ({Total} since start)", dropped, buffer.DroppedTotal);
            }

            var batch = new List<AccessLogEntry>(AccessLogOptions.BatchSize);
            while (!cancellationToken.IsCancellationRequested)
            {
                batch.Clear();
                while (batch.Count < AccessLogOptions.BatchSize && buffer.Reader.TryRead(out var entry))
                {
                    batch.Add(entry);
                }

                if (batch.Count == 0)
                {
                    return;
                }

                await WriteAsync(batch, cancellationToken);
            }
        }
        catch (Exception e)
        {
            logger.LogError(e, "Writing the access log failed");
        }
    }

    private async Task WriteAsync(List<AccessLogEntry> batch, CancellationToken cancellationToken)
    {
        try
        {
            await SaveAsync(batch, cancellationToken);
        }
        catch (DbUpdateException e)
        {
            // The database refused a row (not the connection): keep every entry it accepts.
            logger.LogError(e, "Writing {Count} access-log entries failed; writing them one by one", batch.Count);
            var lost = 0;
            foreach (var entry in batch)
            {
                try
                {
                    await SaveAsync([entry], cancellationToken);
                }
                catch (DbUpdateException)
                {
                    lost++;
                }
            }

            if (lost > 0)
            {
                logger.LogError("{Lost} access-log entries could not be written and were dropped", lost);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Writing {Count} access-log entries failed; they were dropped", batch.Count);
        }
    }

    private async Task SaveAsync(IReadOnlyCollection<AccessLogEntry> entries, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AuditDbContext>();
        await ChainAppender.AppendAsync(db, ChainNames.AccessLog, [.. entries], cancellationToken);
    }
}
