using System.Net;
using System.Net.Http.Json;
using BranchNetwork.IntegrationTests.Platform.Crash;
using BranchNetwork.Testing;

namespace BranchNetwork.IntegrationTests.Platform;

/// <summary>
/// Issue 9, crash safety (ADR 0019): the real Host in a child process is killed at a fault point between the
/// commit of a change and the delivery of its integration event, or right after it answered five writes, then
/// started again on the same database. Events are delivered exactly once; answered writes are in the access log.
/// </summary>
[Trait("Spec", "NT-1")]
public sealed class CrashSafetyTests
{
    private const string Event = "AnnouncementPublished";

    [Fact]
    public async Task An_announcement_committed_just_before_the_process_dies_reaches_the_inbox_exactly_once_after_restart()
    {
        await using var database = await DatabaseAsync();
        var title = "Crash after commit " + Guid.NewGuid().ToString("N")[..8];

        await using (var dying = await HostProcess.StartAsync(database, new Dictionary<string, string> { ["Faults:ExitAfterCommit"] = Event }))
        {
            using var supervisor = await dying.ClientForAsync("supervisor");
            await PublishExpectingDeathAsync(supervisor, title);
            await dying.WaitForExitAsync();
            Assert.True(dying.Output.Contains("Fault point", StringComparison.Ordinal), dying.Output);
        }

        // Committed but never delivered: the event is still pending in the outbox, no inbox has it yet.
        Assert.Equal(1, await PendingAsync(database, title));
        Assert.Equal(0, await InboxRowsAsync(database, title));

        await using var restarted = await HostProcess.StartAsync(database, new Dictionary<string, string>());
        await AssertDeliveredOnceAsync(restarted, database, title);
    }

    [Fact]
    public async Task An_event_whose_handlers_ran_just_before_the_process_died_is_not_delivered_twice_after_restart()
    {
        await using var database = await DatabaseAsync();
        var title = "Crash after handlers " + Guid.NewGuid().ToString("N")[..8];

        // A short lease: the dead process's claim on the message runs out quickly, so the restart redelivers it.
        await using (var dying = await HostProcess.StartAsync(database, new Dictionary<string, string> { ["Faults:ExitAfterHandlers"] = Event, ["Outbox:LeaseSeconds"] = "1" }))
        {
            using var supervisor = await dying.ClientForAsync("supervisor");
            await PublishExpectingDeathAsync(supervisor, title);
            await dying.WaitForExitAsync();
            Assert.True(dying.Output.Contains("Fault point", StringComparison.Ordinal), dying.Output);
        }

        // The handler's rows are committed, but the message is not marked processed: a restart delivers it again.
        Assert.Equal(1, await PendingAsync(database, title));
        var delivered = await InboxRowsAsync(database, title);
        Assert.True(delivered > 0, "the handler had stored the notifications before the process died");

        await using var restarted = await HostProcess.StartAsync(database, new Dictionary<string, string>());
        await AssertDeliveredOnceAsync(restarted, database, title);
        Assert.Equal(delivered, await InboxRowsAsync(database, title));
    }

    [Fact]
    [Trait("Spec", "AU-1")]
    public async Task Five_writes_answered_just_before_a_kill_are_all_in_the_access_log_after_restart()
    {
        await using var database = await DatabaseAsync();
        var prefix = "Logged write " + Guid.NewGuid().ToString("N")[..8];
        var paths = new List<string>();

        // A flush interval of a minute: whatever is still only buffered when the process dies is lost.
        await using (var host = await HostProcess.StartAsync(database, new Dictionary<string, string> { ["AccessLog:FlushIntervalMilliseconds"] = "60000" }))
        {
            using var supervisor = await host.ClientForAsync("supervisor");
            for (var i = 1; i <= 5; i++)
            {
                var response = await PublishAsync(supervisor, $"{prefix} {i}");
                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                paths.Add(response.Headers.Location!.OriginalString);
            }

            await host.KillAsync();
        }

        await using var restarted = await HostProcess.StartAsync(database, new Dictionary<string, string>());
        using var auditor = await restarted.ClientForAsync("auditor");
        var log = await (await auditor.GetAsync("/api/audit/access-log?user=supervisor&path=/api/notifications/announcements&pageSize=100")).JsonAsync();
        var writes = log.GetProperty("items").EnumerateArray()
            .Where(e => e.GetProperty("method").GetString() == "POST" && e.GetProperty("status").GetInt32() == 201)
            .ToList();
        Assert.Equal(5, writes.Count);

        // The supervisor's sign-in (the token request) is a sign-in outcome: written before its answer too.
        var signIns = await (await auditor.GetAsync("/api/audit/access-log?user=supervisor&path=/connect/token&pageSize=100")).JsonAsync();
        Assert.Contains(signIns.GetProperty("items").EnumerateArray(), e => e.GetProperty("kind").GetString() == "SignIn");
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

    private static Task<HttpResponseMessage> PublishAsync(HttpClient supervisor, string title) =>
        supervisor.PostAsJsonAsync("/api/notifications/announcements", new { title, body = "网点检查通知", unitId = (Guid?)null, role = "SubBranchHead" });

    /// <summary>The process may die before or after it answers: the commit is what counts, and the test reads it from the database.</summary>
    private static async Task PublishExpectingDeathAsync(HttpClient supervisor, string title)
    {
        try
        {
            var response = await PublishAsync(supervisor, title);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }
        catch (HttpRequestException)
        {
            // The fault point killed the process before the answer went out.
        }
    }

    private static Task<long> PendingAsync(TestDatabase database, string title) =>
        DatabaseProbe.CountAsync(database, $"SELECT count(*) FROM {DatabaseProbe.Table(database, "notifications", "NotificationsOutboxMessages")} WHERE \"ProcessedAtUtc\" IS NULL AND {OfEvent(title)}");

    /// <summary>The outbox row of this test's announcement (the title is in its payload).</summary>
    private static string OfEvent(string title) => $"\"Type\" LIKE '%.{Event},%' AND \"Payload\" LIKE '%{title}%'";

    private static Task<long> InboxRowsAsync(TestDatabase database, string title) =>
        DatabaseProbe.CountAsync(database, $"SELECT count(*) FROM {DatabaseProbe.Table(database, "notifications", "Notifications")} WHERE \"Title\" = '{title}'");

    /// <summary>Waits for the outbox to mark the event processed, then checks the announcement and head01's inbox hold it once.</summary>
    private static async Task AssertDeliveredOnceAsync(HostProcess host, TestDatabase database, string title)
    {
        await Eventually.WaitAsync(() => PendingAsync(database, title), pending => pending == 0, "the event marked processed after the restart", timeoutMs: 60_000);

        using var head = await host.ClientForAsync("head01");
        var inbox = await (await head.GetAsync("/api/notifications?pageSize=100")).JsonAsync();
        Assert.Single(inbox.GetProperty("items").EnumerateArray(), i => i.GetProperty("title").GetString() == title);

        using var supervisor = await host.ClientForAsync("supervisor");
        var announcements = await (await supervisor.GetAsync("/api/notifications/announcements?pageSize=100")).JsonAsync();
        Assert.Single(announcements.GetProperty("items").EnumerateArray(), a => a.GetProperty("title").GetString() == title);

        // One processed-message record for the one handler of the event: the dedupe that made redelivery harmless.
        Assert.Equal(1, await DatabaseProbe.CountAsync(
            database,
            $"SELECT count(*) FROM {DatabaseProbe.Table(database, "notifications", "NotificationsProcessedMessages")} p JOIN {DatabaseProbe.Table(database, "notifications", "NotificationsOutboxMessages")} m ON p.\"MessageId\" = m.\"Id\" WHERE {OfEvent(title)}"));
    }
}
