using System.Net;
using BranchNetwork.Modules.Audit.Domain;
using BranchNetwork.Modules.Audit.Features.VerifyChain;
using BranchNetwork.Modules.Identity.Data;
using BranchNetwork.Modules.Notifications.Data;
using BranchNetwork.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BranchNetwork.IntegrationTests.Audit.Chain;

/// <summary>AU-3 through the API: an auditor verifies a chain (and the verification is recorded); the daily job alerts on a break.</summary>
[Trait("Spec", "AU-3")]
public sealed class ChainVerificationApiTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    private readonly ChainLab lab = new(app);

    [Fact]
    public async Task An_auditor_verifies_the_trail_and_the_verification_is_recorded_in_it()
    {
        app.EnsureAvailable();
        var auditor = await app.ClientForAsync("auditor");
        await lab.CheckpointAsync();

        var response = await auditor.GetAsync("/api/audit/chains/trail/verify");
        var body = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(body.GetProperty("intact").GetBoolean(), body.ToString());
        var recorded = await lab.WithDbAsync(db => db.AuditRecords.Where(r => r.Operation == "Verify" && r.ActorName == "auditor").ToListAsync());
        var record = Assert.Single(recorded);
        Assert.Equal("Audit", record.Module);
        Assert.Contains("intact", record.Detail, StringComparison.Ordinal);

        var checkpoints = await (await auditor.GetAsync("/api/audit/checkpoints")).JsonAsync();
        Assert.Contains(checkpoints.EnumerateArray(), c => c.GetProperty("signature").GetString()!.Length == 64 && c.GetProperty("algorithm").GetString() == "HMAC-SHA256");
    }

    [Fact]
    public async Task An_unknown_chain_or_a_reversed_window_is_a_400()
    {
        app.EnsureAvailable();
        var auditor = await app.ClientForAsync("auditor");
        Assert.Equal(HttpStatusCode.BadRequest, (await auditor.GetAsync("/api/audit/chains/payroll/verify")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await auditor.GetAsync("/api/audit/chains/access/verify?from=2026-05-02T00:00:00Z&to=2026-05-01T00:00:00Z")).StatusCode);
    }

}

/// <summary>AU-3: the daily verification raises a security alert on a break (its own app: the break stays).</summary>
[Trait("Spec", "AU-3")]
public sealed class ChainAlertTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    private readonly ChainLab lab = new(app);

    [Fact]
    public async Task The_daily_verification_alerts_every_auditor_and_security_administrator_of_a_break()
    {
        app.EnsureAvailable();
        await lab.AppendAsync(1, app.Clock.UtcNow);
        await lab.SqlOnChainAsync(ChainNames.Trail, "UPDATE {0} SET \"Detail\" = 'nothing happened' WHERE \"Seq\" = 1");

        using (var scope = app.Services.CreateScope())
        {
            var results = await scope.ServiceProvider.GetRequiredService<VerifyChainsJob>().RunAsync(CancellationToken.None);
            Assert.False(results.Single(r => r.Chain == ChainNames.Trail).Intact);
        }

        var recipients = await UserIdsAsync("auditor", "security");
        var alerted = await Eventually.WaitAsync(
            () => WithNotificationsAsync(db => db.Notifications.Where(n => n.Kind == "audit" && n.TitleKey == "audit:ChainBroken_Title").Select(n => n.RecipientId).ToListAsync()),
            ids => recipients.All(ids.Contains),
            "the alert in the auditor's and the security administrator's inbox",
            timeoutMs: 60_000);
        Assert.DoesNotContain((await UserIdsAsync("admin")).Single(), alerted);
    }

    private async Task<List<Guid>> UserIdsAsync(params string[] names)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IdentityDbContext>().Users.Where(u => names.Contains(u.UserName!)).Select(u => u.Id).ToListAsync();
    }

    private async Task<T> WithNotificationsAsync<T>(Func<NotificationsDbContext, Task<T>> read)
    {
        using var scope = app.Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<NotificationsDbContext>());
    }
}
