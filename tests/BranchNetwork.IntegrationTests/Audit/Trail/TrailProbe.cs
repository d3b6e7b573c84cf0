using System.Text.Json;
using BranchNetwork.Modules.Audit.Data;
using BranchNetwork.Modules.Audit.Domain;
using BranchNetwork.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BranchNetwork.IntegrationTests.Audit.Trail;

/// <summary>Reads the audit trail straight from the Audit module's context (the trail has no API yet).</summary>
internal static class TrailProbe
{
    public static async Task<List<AuditRecord>> RecordsAsync(BranchNetworkFactory app, Func<IQueryable<AuditRecord>, IQueryable<AuditRecord>> filter)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AuditDbContext>();
        return await filter(db.AuditRecords.AsNoTracking()).OrderBy(r => r.Seq).ToListAsync();
    }

    /// <summary>Waits for the outbox to deliver: the first record the filter finds.</summary>
    public static async Task<AuditRecord> WaitForAsync(BranchNetworkFactory app, Func<IQueryable<AuditRecord>, IQueryable<AuditRecord>> filter, string what) =>
        (await Eventually.WaitAsync(() => RecordsAsync(app, filter), r => r.Count > 0, what, timeoutMs: 30_000))[0];

    /// <summary>The record's changed fields: field → (before, after).</summary>
    public static Dictionary<string, (string? Before, string? After)> Fields(AuditRecord record)
    {
        using var json = JsonDocument.Parse(record.Changes ?? "[]");
        return json.RootElement.EnumerateArray().ToDictionary(
            f => f.GetProperty("field").GetString()!,
            f => (f.GetProperty("before").GetString(), f.GetProperty("after").GetString()));
    }
}
