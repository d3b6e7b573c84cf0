using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using BranchNetwork.Host.Shell;
using BranchNetwork.IntegrationTests.Assessment;
using BranchNetwork.IntegrationTests.Identity;
using BranchNetwork.Modules.Audit.Domain;
using BranchNetwork.Modules.Files.Contracts;
using BranchNetwork.Modules.Files.Data;
using BranchNetwork.Modules.Files.Domain;
using BranchNetwork.Modules.Files.Jobs;
using BranchNetwork.Modules.Files.Storage;
using BranchNetwork.Modules.Identity.Data;
using BranchNetwork.Modules.Identity.Domain;
using BranchNetwork.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using static BranchNetwork.IntegrationTests.Audit.Trail.TrailProbe;

namespace BranchNetwork.IntegrationTests.Audit.Trail;

/// <summary>An app whose next commit of a change to one chosen user fails, after every statement of the save ran.</summary>
public sealed class TrailFactory : BranchNetworkFactory
{
    internal FailingCommit FailingCommit { get; } = new();

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddSingleton<IInterceptor>(FailingCommit));
    }
}

/// <summary>Refuses the commit of the transaction that saves a change to <see cref="UserId"/>: the change and its outbox rows were written, then rolled back.</summary>
internal sealed class FailingCommit : DbTransactionInterceptor
{
    public Guid? UserId { get; set; }

    public int Thrown { get; private set; }

    public override ValueTask<InterceptionResult> TransactionCommittingAsync(System.Data.Common.DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (UserId is { } id && eventData.Context?.ChangeTracker.Entries<BankUser>().Any(e => e.Entity.Id == id && e.State == EntityState.Modified) == true)
        {
            Thrown++;
            throw new InvalidOperationException("Injected failure at commit.");
        }

        return base.TransactionCommittingAsync(transaction, eventData, result, cancellationToken);
    }
}

/// <summary>Issue 10, AU-2: every state change of every module is in the audit trail, captured in the save and delivered by the outbox.</summary>
[Trait("Spec", "AU-2")]
public sealed class AuditTrailTests(TrailFactory app) : IClassFixture<TrailFactory>
{
    [Fact]
    public async Task Changing_a_target_and_publishing_a_scheme_are_recorded_with_who_before_after_and_the_transition()
    {
        app.EnsureAvailable();
        var scheme = await AssessmentApi.PublishedSchemeAsync(app, [("存款", 100m, false)], target: 40m, publish: false);
        var taskAdmin = await app.ClientForAsync("taskadmin");
        var subBranch = scheme.SubBranches["SB01"];
        var indicator = scheme.Indicators["存款"];
        var changed = await taskAdmin.PutAsJsonAsync($"/api/assessment/schemes/{scheme.Id}/targets", new { cells = new[] { new { subBranchId = subBranch, indicatorId = indicator, value = 55m } } });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);

        var target = await WaitForAsync(
            app,
            q => q.Where(r => r.Module == "Assessment" && r.Operation == AuditOperations.Update && r.Changes!.Contains("\"Value\"") && r.Changes.Contains(subBranch.ToString())),
            "the target change in the trail");
        var value = Fields(target)["Value"];
        Assert.Equal(40m, decimal.Parse(value.Before!, CultureInfo.InvariantCulture));
        Assert.Equal(55m, decimal.Parse(value.After!, CultureInfo.InvariantCulture));
        await AssertActorAsync(target, "taskadmin", "TaskAdmin");
        Assert.False(string.IsNullOrEmpty(target.CorrelationId));

        var version = await taskAdmin.VersionAsync(scheme.Id);
        Assert.Equal(HttpStatusCode.OK, (await taskAdmin.PostAsJsonAsync($"/api/assessment/schemes/{scheme.Id}/publish", new { version })).StatusCode);
        var published = await WaitForAsync(
            app,
            q => q.Where(r => r.Module == "Assessment" && r.EntityId == scheme.Id.ToString() && r.Operation == AuditOperations.Transition),
            "the scheme's publication in the trail");
        var fields = Fields(published);
        var state = fields.TryGetValue("Status", out var status) ? status : fields["State"];
        Assert.Equal(("Draft", "Published"), (state.Before, state.After));
        Assert.Equal("Scheme", published.EntityType);
        await AssertActorAsync(published, "taskadmin", "TaskAdmin");
        Assert.NotEqual(target.CorrelationId, published.CorrelationId);
    }

    [Fact]
    public async Task A_role_granted_by_the_security_admin_and_a_user_disabled_are_recorded()
    {
        app.EnsureAvailable();
        var admin = await app.ClientForAsync("admin");
        var userId = await TokenFlowTests.FindUserAsync(admin, "staff0901");
        var security = await app.ClientForAsync("security");
        Assert.Equal(HttpStatusCode.OK, (await security.PostAsJsonAsync($"/api/identity/users/{userId}/roles", new { role = "Moderator" })).StatusCode);

        var grant = await WaitForAsync(
            app,
            q => q.Where(r => r.Module == "Identity" && r.EntityType == "IdentityUserRole" && r.Operation == AuditOperations.Create && r.EntityId!.StartsWith(userId)),
            "the role grant in the trail");
        Assert.Equal(userId, Fields(grant)["UserId"].After);
        Assert.NotNull(Fields(grant)["RoleId"].After);
        await AssertActorAsync(grant, "security", "SecurityAdmin");

        var disabled = await admin.PostAsync($"/api/identity/users/{userId}/disable", null);
        Assert.True(disabled.IsSuccessStatusCode, disabled.StatusCode.ToString());
        var record = await WaitForAsync(
            app,
            q => q.Where(r => r.Module == "Identity" && r.EntityType == "BankUser" && r.EntityId == userId && r.Changes!.Contains("\"IsActive\"")),
            "the disabling in the trail");
        Assert.Equal(("true", "false"), Fields(record)["IsActive"]);
        Assert.Equal(AuditOperations.Update, record.Operation);
        await AssertActorAsync(record, "admin", "SystemAdmin");
    }

    [Fact]
    public async Task No_password_hash_security_stamp_or_token_ever_reaches_the_trail()
    {
        app.EnsureAvailable();
        var admin = await app.ClientForAsync("admin");
        var userId = await TokenFlowTests.FindUserAsync(admin, "staff0902");
        var reset = await admin.PostJsonAsync($"/api/identity/users/{userId}/reset-password", new { newPassword = "Another#Pass2026" });
        Assert.True(reset.IsSuccessStatusCode, reset.StatusCode.ToString());
        await app.TokenAsync("staff0902", "Another#Pass2026");

        // The reset is there: the auditor sees that the password changed, not what it is.
        var record = await WaitForAsync(
            app,
            q => q.Where(r => r.Module == "Identity" && r.EntityType == "BankUser" && r.EntityId == userId && r.Changes!.Contains("\"PasswordHash\"")),
            "the password reset in the trail");
        Assert.Equal(("***", "***"), Fields(record)["PasswordHash"]);

        List<string> secrets;
        using (var scope = app.Services.CreateScope())
        {
            var identity = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
            var users = await identity.Users.AsNoTracking().Select(u => new { u.PasswordHash, u.SecurityStamp, u.ConcurrencyStamp }).ToListAsync();
            var tokens = await identity.UserTokens.AsNoTracking().Select(t => t.Value).ToListAsync();
            secrets = [.. users.SelectMany(u => new[] { u.PasswordHash, u.SecurityStamp, u.ConcurrencyStamp }).Concat(tokens).OfType<string>().Where(s => s.Length >= 16)];
        }

        var trail = await RecordsAsync(app, q => q);
        Assert.NotEmpty(secrets);
        foreach (var entry in trail)
        {
            var text = $"{entry.Changes}|{entry.EntityId}|{entry.Detail}";
            // ASP.NET Identity's V3 password hashes all start so; none may appear, of any user, at any time.
            Assert.DoesNotContain("AQAAAA", text, StringComparison.Ordinal);
            Assert.DoesNotContain(secrets, s => text.Contains(s, StringComparison.Ordinal));
            Assert.DoesNotContain("OpenIddict", entry.EntityType, StringComparison.Ordinal);
            Assert.NotEqual("DataProtectionKey", entry.EntityType);
        }
    }

    [Fact]
    public async Task A_change_whose_commit_fails_leaves_no_trail_record_and_no_outbox_row()
    {
        app.EnsureAvailable();
        var admin = await app.ClientForAsync("admin");
        var userId = await TokenFlowTests.FindUserAsync(admin, "staff0903");
        app.FailingCommit.UserId = Guid.Parse(userId);
        try
        {
            var disabled = await admin.PostAsync($"/api/identity/users/{userId}/disable", null);
            Assert.False(disabled.IsSuccessStatusCode);
        }
        finally
        {
            app.FailingCommit.UserId = null;
        }

        Assert.True(app.FailingCommit.Thrown > 0, "the commit was refused");

        // Then a change that commits, made after: once its record is in, everything before it was delivered too.
        var afterwards = await admin.PostAsync($"/api/identity/users/{await TokenFlowTests.FindUserAsync(admin, "staff0904")}/disable", null);
        Assert.True(afterwards.IsSuccessStatusCode);
        var userId2 = await TokenFlowTests.FindUserAsync(admin, "staff0904");
        await WaitForAsync(app, q => q.Where(r => r.EntityType == "BankUser" && r.EntityId == userId2 && r.Changes!.Contains("\"IsActive\"")), "the later change in the trail");

        Assert.Empty(await RecordsAsync(app, q => q.Where(r => r.EntityId == userId && r.Changes!.Contains("\"IsActive\""))));
        using var scope = app.Services.CreateScope();
        var identity = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        Assert.True((await identity.Users.AsNoTracking().SingleAsync(u => u.Id == Guid.Parse(userId))).IsActive);
        Assert.Equal(0, await identity.OutboxMessages.CountAsync(m => m.Payload.Contains(userId) && m.Payload.Contains("IsActive")));
    }

    [Fact]
    public async Task Changes_made_at_start_up_are_the_systems_and_a_scheduled_jobs_are_the_jobs()
    {
        app.EnsureAvailable();
        var seeded = await WaitForAsync(
            app,
            q => q.Where(r => r.Module == "Identity" && r.EntityType == "BankUser" && r.Operation == AuditOperations.Create && r.Changes!.Contains("\"head01\"")),
            "the seeding of head01 in the trail");
        Assert.Equal((AuditActorKind.System, "system", (Guid?)null), (seeded.ActorKind, seeded.ActorName, seeded.ActorUserId));

        Guid orphan;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FilesDbContext>();
            var file = StoredFile.Create("assessment.appeal", null, "草稿.pdf", FileKind.Pdf, "application/pdf", 3, new string('0', 64), BlobLocation.Disk, Guid.NewGuid(), "head08", DateTime.UtcNow);
            await scope.ServiceProvider.GetRequiredService<DiskBlobStore>().WriteAsync(file.Id, [1, 2, 3], CancellationToken.None);
            db.Files.Add(file);
            await db.SaveChangesAsync();
            orphan = file.Id;
            await db.Files.Where(f => f.Id == orphan).ExecuteUpdateAsync(s => s.SetProperty(f => f.CreatedAtUtc, app.Clock.UtcNow.AddDays(-2)));
        }

        // The way Hangfire runs it: through the host's job runner, which names the job.
        using (var scope = app.Services.CreateScope())
        {
            await ActivatorUtilities.CreateInstance<ModuleJobs>(scope.ServiceProvider).RunAsync(DeleteOrphanFilesJob.Id, CancellationToken.None);
        }

        var deleted = await WaitForAsync(
            app,
            q => q.Where(r => r.Module == "Files" && r.EntityType == "StoredFile" && r.EntityId == orphan.ToString() && r.Operation == AuditOperations.Delete),
            "the sweep's deletion in the trail");
        Assert.Equal((AuditActorKind.Job, DeleteOrphanFilesJob.Id), (deleted.ActorKind, deleted.ActorName));
        Assert.Equal("草稿.pdf", Fields(deleted)["FileName"].Before);
    }

    private async Task AssertActorAsync(AuditRecord record, string userName, string role)
    {
        var admin = await app.ClientForAsync("admin");
        Assert.Equal(AuditActorKind.User, record.ActorKind);
        Assert.Equal(userName, record.ActorName);
        Assert.Equal(Guid.Parse(await TokenFlowTests.FindUserAsync(admin, userName)), record.ActorUserId);
        Assert.Contains(role, record.ActorRoles!.Split(','));
        Assert.NotNull(record.ActorUnitId);
    }
}
