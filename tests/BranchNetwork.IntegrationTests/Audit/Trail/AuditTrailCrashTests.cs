using System.Net;
using System.Net.Http.Json;
using BranchNetwork.Host;
using BranchNetwork.IntegrationTests.Platform.Crash;
using BranchNetwork.Testing;

namespace BranchNetwork.IntegrationTests.Audit.Trail;

/// <summary>
/// Issue 10, AU-2 with the crash harness of ADR 0019: the real Host is killed between the commit of a change and the
/// delivery of its trail event, or after the trail was appended but before the outbox marked the event; a restarted
/// Host delivers, and the trail has the change exactly once.
/// </summary>
[Trait("Spec", "AU-2")]
public sealed class AuditTrailCrashTests
{
    // Every module's outbox (schema = the module's name in lower case): a module's seeding left out here would deliver its
    // trail event to the dying host while it starts, and kill it before the test's own change (the CI failure of 2026-12-04).
    private static readonly string[] Outboxes =
        [.. ModuleCatalog.Modules.Select(m => $"{m.Name.ToLowerInvariant()}.{m.Name}OutboxMessages")];

    [Fact]
    public async Task A_change_committed_just_before_the_process_dies_reaches_the_trail_once_after_restart()
    {
        await using var database = await DatabaseAsync();
        var title = "Trail crash after commit " + Guid.NewGuid().ToString("N")[..8];

        await using (var dying = await HostProcess.StartAsync(database, new Dictionary<string, string> { ["Faults:ExitAfterCommit"] = "AnnouncementPublished" }))
        {
            using var supervisor = await dying.ClientForAsync("supervisor");
            await PublishExpectingDeathAsync(supervisor, title);
            await dying.WaitForExitAsync();
            Assert.True(dying.Output.Contains("Fault point", StringComparison.Ordinal), dying.Output);
        }

        // The announcement and its trail event are committed together; the trail has nothing of it yet.
        Assert.Equal(1, await PendingTrailEventsAsync(database, title));
        Assert.Equal(0, await RecordsOfAsync(database, title));

        await using var restarted = await HostProcess.StartAsync(database, new Dictionary<string, string>());
        await Eventually.WaitAsync(() => PendingTrailEventsAsync(database, null), pending => pending == 0, "every trail event delivered after the restart", timeoutMs: 60_000);
        Assert.Equal(1, await RecordsOfAsync(database, title));
        Assert.Equal(0, await DuplicateRecordsAsync(database));
    }

    [Fact]
    public async Task A_trail_event_whose_records_were_appended_just_before_the_process_died_adds_nothing_when_redelivered()
    {
        await using var database = await DatabaseAsync();
        var title = "Trail crash after handlers " + Guid.NewGuid().ToString("N")[..8];

        // First everything the seeding left pending is delivered, so the next trail event is this test's change.
        await using (var settled = await HostProcess.StartAsync(database, new Dictionary<string, string>()))
        {
            await Eventually.WaitAsync(() => PendingTrailEventsAsync(database, null), pending => pending == 0, "the seeding's trail delivered", timeoutMs: 60_000);
        }

        var before = await TrailCountAsync(database);
        await using (var dying = await HostProcess.StartAsync(database, new Dictionary<string, string> { ["Faults:ExitAfterHandlers"] = "AuditTrailRecorded", ["Outbox:LeaseSeconds"] = "1" }))
        {
            using var supervisor = await dying.ClientForAsync("supervisor");
            await PublishExpectingDeathAsync(supervisor, title);
            await dying.WaitForExitAsync();
            Assert.True(dying.Output.Contains("Fault point", StringComparison.Ordinal), dying.Output);
        }

        // Some trail event was appended (records and processed-message row committed) but never marked delivered.
        Assert.True(await TrailCountAsync(database) > before, "the handler had appended before the process died");

        await using var restarted = await HostProcess.StartAsync(database, new Dictionary<string, string>());
        await Eventually.WaitAsync(() => PendingTrailEventsAsync(database, null), pending => pending == 0, "every trail event delivered after the restart", timeoutMs: 60_000);
        Assert.Equal(1, await RecordsOfAsync(database, title));
        Assert.Equal(0, await DuplicateRecordsAsync(database));
    }

    private static async Task<TestDatabase> DatabaseAsync()
    {
        var database = new TestDatabase();
        await database.CreateAsync();
        if (database.Unavailable is { } reason)
        {
            await database.DisposeAsync();
            TestEnvironment.Unavailable(reason);
        }

        return database;
    }

    private static async Task PublishExpectingDeathAsync(HttpClient supervisor, string title)
    {
        try
        {
            var response = await supervisor.PostAsJsonAsync("/api/notifications/announcements", new { title, body = "留痕测试", unitId = (Guid?)null, role = "SubBranchHead" });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }
        catch (HttpRequestException)
        {
            // The fault point killed the process before the answer went out.
        }
    }

    private static string Table(TestDatabase database, string qualified)
    {
        var (schema, table) = (qualified.Split('.')[0], qualified.Split('.')[1]);
        return DatabaseProbe.Table(database, schema, table);
    }

    /// <summary>Trail events not yet delivered, in every module's outbox (with <paramref name="text"/> in their payload, when given).</summary>
    private static async Task<long> PendingTrailEventsAsync(TestDatabase database, string? text)
    {
        long pending = 0;
        foreach (var outbox in Outboxes)
        {
            var filter = text is null ? "" : $" AND \"Payload\" LIKE '%{text}%'";
            pending += await DatabaseProbe.CountAsync(database, $"SELECT count(*) FROM {Table(database, outbox)} WHERE \"ProcessedAtUtc\" IS NULL AND \"ParkedAtUtc\" IS NULL AND \"Type\" LIKE '%.AuditTrailRecorded,%'{filter}");
        }

        return pending;
    }

    private static Task<long> TrailCountAsync(TestDatabase database) =>
        DatabaseProbe.CountAsync(database, $"SELECT count(*) FROM {DatabaseProbe.Table(database, "audit", "AuditRecords")}");

    /// <summary>The trail records of the announcement titled <paramref name="title"/> (its creation).</summary>
    private static Task<long> RecordsOfAsync(TestDatabase database, string title) =>
        DatabaseProbe.CountAsync(database, $"SELECT count(*) FROM {DatabaseProbe.Table(database, "audit", "AuditRecords")} WHERE \"EntityType\" = 'Announcement' AND \"Changes\" LIKE '%{title}%'");

    /// <summary>Records identical in everything but their position: what a redelivered event would leave.</summary>
    private static Task<long> DuplicateRecordsAsync(TestDatabase database) =>
        DatabaseProbe.CountAsync(database, $"SELECT count(*) FROM (SELECT 1 AS d FROM {DatabaseProbe.Table(database, "audit", "AuditRecords")} GROUP BY \"TimeUtc\", \"Module\", \"EntityType\", \"EntityId\", \"Operation\", \"CorrelationId\", \"Changes\" HAVING count(*) > 1) dup");
}
