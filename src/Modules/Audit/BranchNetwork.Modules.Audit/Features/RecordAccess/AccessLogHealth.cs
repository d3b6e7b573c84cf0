using System.Diagnostics.Metrics;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BranchNetwork.Modules.Audit.Features.RecordAccess;

/// <summary>
/// The access log's counters (ADR 0025) as metrics of the meter <c>BranchNetwork.Audit</c>:
/// <c>branchnet.access_log.dropped</c> (entries lost for good; must stay 0), <c>branchnet.access_log.spilled</c>,
/// <c>branchnet.access_log.replayed</c> and <c>branchnet.access_log.buffered</c>.
/// </summary>
internal sealed class AccessLogMetrics
{
    public const string MeterName = "BranchNetwork.Audit";

    public AccessLogMetrics(IMeterFactory meters, AccessLogBuffer buffer, AccessLogSpill spill)
    {
        var meter = meters.Create(MeterName);
        meter.CreateObservableCounter("branchnet.access_log.dropped", () => buffer.DroppedTotal, "{entry}", "Access-log entries lost: the buffer and the spill file were both full, or the database refused the row");
        meter.CreateObservableCounter("branchnet.access_log.spilled", () => buffer.SpilledTotal, "{entry}", "Access-log entries written to the local spill file");
        meter.CreateObservableCounter("branchnet.access_log.replayed", () => spill.ReplayedTotal, "{entry}", "Spilled access-log entries stored in the database");
        meter.CreateObservableUpDownCounter("branchnet.access_log.buffered", () => buffer.Buffered, "{entry}", "Access-log entries waiting in memory");
    }
}

/// <summary>
/// Part of <c>/health/ready</c>: Degraded (still HTTP 200: the node serves) while spilled entries wait for the database
/// or once any entry was dropped, with the counters as data for a health UI.
/// </summary>
internal sealed class AccessLogHealthCheck(AccessLogBuffer buffer, AccessLogSpill spill) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>
        {
            ["dropped"] = buffer.DroppedTotal,
            ["spilled"] = buffer.SpilledTotal,
            ["replayed"] = spill.ReplayedTotal,
            ["buffered"] = buffer.Buffered,
        };
        var result = buffer.DroppedTotal > 0
            ? HealthCheckResult.Degraded($"{buffer.DroppedTotal} access-log entries were dropped since start", data: data)
            : spill.HasPending
                ? HealthCheckResult.Degraded("Access-log entries wait in the spill file for the database", data: data)
                : HealthCheckResult.Healthy(data: data);
        return Task.FromResult(result);
    }
}
