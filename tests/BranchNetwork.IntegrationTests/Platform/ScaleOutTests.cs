using System.Net;
using BranchNetwork.Infrastructure.Outbox;
using BranchNetwork.IntegrationTests.Identity;
using BranchNetwork.IntegrationTests.Notifications;
using BranchNetwork.Modules.Identity.Data;
using BranchNetwork.Modules.Notifications.Contracts;
using BranchNetwork.Modules.Notifications.Data;
using BranchNetwork.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BranchNetwork.IntegrationTests.Platform;

/// <summary>Issue 8 item 8: several nodes on one database (outbox lease, shared Data Protection keys, pruning).</summary>
public sealed class ScaleOutTests(TwoNodes nodes) : IClassFixture<TwoNodes>
{
    private const int Events = 500;

    private void EnsureAvailable()
    {
        if (nodes.Database.Unavailable is { } reason)
        {
            TestEnvironment.Unavailable(reason);
        }
    }

    [Fact]
    [Trait("Spec", "NT-1")]
    public async Task Five_hundred_events_are_delivered_exactly_once_by_two_nodes_sharing_the_outbox()
    {
        EnsureAvailable();
        var recipient = await UserIdAsync("head02");
        var eventIds = new List<Guid>();
        using (var scope = nodes.A.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
            for (var i = 0; i < Events; i++)
            {
                var id = Guid.CreateVersion7();
                eventIds.Add(id);
                db.AddIntegrationEvent(new NotificationsRequested(id, nodes.A.Clock.UtcNow, "scale-out",
                    [new NotificationItem([recipient], LocalizedText.Of("scaleout:Title", $"{i}"), LocalizedText.Of("scaleout:Body"), null)]));
            }

            // One commit: both nodes find all 500 due at once and race for them.
            await db.SaveChangesAsync();
        }

        await Eventually.WaitAsync(
            async () => await CountAsync(nodes.A, db => db.OutboxMessages.CountAsync(m => eventIds.Contains(m.Id) && m.ProcessedAtUtc != null)),
            processed => processed == Events,
            "every event delivered",
            timeoutMs: 180_000);

        // What the recipient observes: one inbox entry per event.
        Assert.Equal(Events, await CountAsync(nodes.B, db => db.Notifications.CountAsync(n => eventIds.Contains(n.SourceEventId))));
        // And no event was delivered twice, though both nodes delivered.
        var deliveries = nodes.Deliveries.Where(d => eventIds.Contains(d.MessageId)).ToList();
        Assert.Equal(Events, deliveries.Count);
        Assert.Equal(Events, deliveries.Select(d => d.MessageId).Distinct().Count());
        Assert.Contains(deliveries, d => d.Node == "A");
        Assert.Contains(deliveries, d => d.Node == "B");
        Assert.Equal(0, await CountAsync(nodes.A, db => db.OutboxMessages.CountAsync(m => eventIds.Contains(m.Id) && (m.Attempts > 0 || m.LockedBy != null))));
    }

    [Fact]
    [Trait("Spec", "ORG-4")]
    public async Task A_cookie_signed_in_on_node_A_opens_a_page_on_node_B()
    {
        EnsureAvailable();
        using var browserOnA = nodes.A.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var login = await CookieSignIn.LoginAsync(browserOnA, "head01", BranchNetworkFactory.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var cookies = login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Where(c => c.StartsWith("branchnet.auth", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(cookies);

        using var browserOnB = nodes.B.CreateAnonymousClient();
        Assert.Equal(HttpStatusCode.Redirect, (await browserOnB.GetAsync("/")).StatusCode);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", string.Join("; ", cookies));
        var home = await browserOnB.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("支行01行长", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // The key ring is the database's, the same for both nodes (and for the next process after a restart).
        using var scope = nodes.B.Services.CreateScope();
        Assert.NotEmpty(await scope.ServiceProvider.GetRequiredService<IdentityDbContext>().DataProtectionKeys.ToListAsync());
    }

    [Fact]
    [Trait("Spec", "NT-1")]
    public async Task Processed_messages_older_than_the_retention_are_pruned_and_newer_or_undelivered_ones_kept()
    {
        EnsureAvailable();
        var processor = nodes.A.Services.GetRequiredService<OutboxProcessor>();
        var outbox = nodes.A.Services.GetServices<ModuleOutbox>().Single(o => o.Module == "Notifications");
        Assert.Equal(TimeSpan.FromDays(7), processor.Retention);
        var now = nodes.A.Clock.UtcNow;
        var old = Message(now.AddDays(-30), processed: now.AddDays(-8));
        var recent = Message(now.AddDays(-30), processed: now.AddDays(-6));
        var parked = Message(now.AddDays(-30), processed: null, parked: now.AddDays(-20));
        await CountAsync(nodes.A, async db =>
        {
            db.OutboxMessages.AddRange(old, recent, parked);
            return await db.SaveChangesAsync();
        });

        Assert.True(await processor.PruneAsync(outbox, CancellationToken.None) >= 1);

        var left = await CountAsync(nodes.A, db => db.OutboxMessages.Where(m => m.Id == old.Id || m.Id == recent.Id || m.Id == parked.Id).Select(m => m.Id).ToListAsync());
        Assert.DoesNotContain(old.Id, left);
        Assert.Contains(recent.Id, left);
        Assert.Contains(parked.Id, left);
    }

    private static OutboxMessage Message(DateTime occurred, DateTime? processed, DateTime? parked = null) => new()
    {
        Id = Guid.CreateVersion7(),
        Type = "Pruning.Test, Pruning",
        Payload = "{}",
        OccurredAtUtc = occurred,
        NextAttemptAtUtc = occurred,
        ProcessedAtUtc = processed,
        ParkedAtUtc = parked,
    };

    private async Task<Guid> UserIdAsync(string userName)
    {
        using var scope = nodes.A.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IdentityDbContext>().Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
    }

    private static async Task<T> CountAsync<T>(SiblingApp node, Func<NotificationsDbContext, Task<T>> query)
    {
        using var scope = node.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<NotificationsDbContext>());
    }
}
