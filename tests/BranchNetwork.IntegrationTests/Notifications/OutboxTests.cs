using System.Net;
using BranchNetwork.Modules.Notifications.Data;
using BranchNetwork.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace BranchNetwork.IntegrationTests.Notifications;

[Trait("Spec", "NT-1")]
public sealed class OutboxTests
{
    [Fact]
    public async Task An_event_committed_before_a_crash_is_delivered_exactly_once_by_the_next_process_despite_a_failing_handler()
    {
        await using var database = new TestDatabase();
        await database.CreateAsync();
        if (database.Unavailable is { } reason)
        {
            TestEnvironment.Unavailable(reason);
        }

        // The first process publishes with its outbox processor stopped, then dies before delivering.
        var first = new SiblingApp(database, new Dictionary<string, string?> { ["Outbox:Enabled"] = "false" });
        await first.InitializeAsync();
        var supervisor = await first.ClientForAsync("supervisor");
        Assert.Equal(HttpStatusCode.Created, (await supervisor.AnnounceAsync("断电恢复测试", role: "SubBranchHead")).StatusCode);
        await Task.Delay(1000);
        Assert.DoesNotContain("断电恢复测试", await (await first.ClientForAsync("head01")).TitlesAsync());
        await first.DisposeAsync();

        // The next process on the same database delivers, although the handler fails once.
        var failOnce = new FailingInboxWrites(failures: 1);
        await using var second = new SiblingApp(database, new Dictionary<string, string?>(), s => s.AddSingleton<IInterceptor>(failOnce));
        await second.InitializeAsync();

        var head01 = await second.ClientForAsync("head01");
        await Eventually.WaitAsync(() => head01.TitlesAsync(), t => t.Contains("断电恢复测试"), "delivery after restart", passing: second.Clock);
        Assert.Equal(1, failOnce.Thrown);

        using var scope = second.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        // The module's outbox also carries the audit trail of its changes (AU-2): this test follows the announcement's event.
        var message = await db.OutboxMessages.SingleAsync(m => m.Type.Contains(".AnnouncementPublished,"));
        Assert.NotNull(message.ProcessedAtUtc);
        Assert.Equal(1, message.Attempts);
        Assert.Equal(8, await db.Notifications.CountAsync(n => n.SourceEventId == message.Id));

        // Redelivery (a crash after handling but before marking processed) changes nothing.
        message.ProcessedAtUtc = null;
        message.NextAttemptAtUtc = second.Clock.UtcNow.AddDays(-1);
        await db.SaveChangesAsync();
        await Eventually.WaitAsync(async () => (await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == message.Id)).ProcessedAtUtc, p => p is not null, "redelivery");
        Assert.Equal(8, await db.Notifications.CountAsync(n => n.SourceEventId == message.Id));
        Assert.Single(await head01.TitlesAsync(), t => t == "断电恢复测试");
    }
}

public sealed class ParkingFactory : BranchNetworkFactory
{
    public FailingInboxWrites AlwaysFailing { get; } = new(failures: int.MaxValue);

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Outbox:MaxAttempts"] = "2" };

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddSingleton<IInterceptor>(AlwaysFailing));
    }
}

[Trait("Spec", "NT-1")]
public sealed class PoisonMessageTests(ParkingFactory app) : IClassFixture<ParkingFactory>
{
    [Fact]
    public async Task A_message_that_always_fails_is_parked_and_shown_to_the_system_admin_only()
    {
        app.EnsureAvailable();
        await (await app.ClientForAsync("supervisor")).AnnounceAsync("永远失败", role: "Auditor");

        var admin = await app.ClientForAsync("admin");
        var parked = await Eventually.WaitAsync(
            async () => await (await admin.GetAsync("/api/platform/outbox/parked")).JsonAsync(),
            p => p.GetArrayLength() > 0,
            "the message to be parked",
            passing: app.Clock);

        Assert.Equal("Notifications", parked[0].GetProperty("module").GetString());
        Assert.Equal(2, parked[0].GetProperty("attempts").GetInt32());
        Assert.Contains("Injected failure", parked[0].GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientForAsync("supervisor")).GetAsync("/api/platform/outbox/parked")).StatusCode);
    }
}
