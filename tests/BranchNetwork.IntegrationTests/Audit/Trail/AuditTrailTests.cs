using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BranchNetwork.Host.Shell;
using BranchNetwork.Infrastructure.Auditing;
using BranchNetwork.IntegrationTests.Assessment;
using BranchNetwork.IntegrationTests.Identity;
using BranchNetwork.Modules.Assessment.Data;
using BranchNetwork.Modules.Assessment.Features.EvaluateWarnings;
using BranchNetwork.Modules.Audit.Domain;
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
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

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

        string targetId;
        using (var scope = app.Services.CreateScope())
        {
            var assessment = scope.ServiceProvider.GetRequiredService<AssessmentDbContext>();
            targetId = (await assessment.Targets.SingleAsync(t => t.SchemeId == scheme.Id && t.SubBranchId == subBranch && t.IndicatorId == indicator)).Id.ToString();
        }

        var target = await WaitForAsync(
            app,
            q => q.Where(r => r.Module == "Assessment" && r.EntityType == "Target" && r.EntityId == targetId && r.Operation == AuditOperations.Update),
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
        Assert.Equal("AssessmentScheme", published.EntityType);
        await AssertActorAsync(published, "taskadmin", "TaskAdmin");
        Assert.NotEqual(target.CorrelationId, published.CorrelationId);
    }

    [Fact]
    public async Task A_role_granted_by_the_security_admin_and_a_user_disabled_are_recorded()
    {
        app.EnsureAvailable();
        var admin = await app.ClientForAsync("admin");
        var userId = await TokenFlowTests.FindUserAsync(admin, "staff0802");
        var security = await app.ClientForAsync("security");
        Assert.Equal(HttpStatusCode.OK, (await security.PostAsJsonAsync($"/api/identity/users/{userId}/roles", new { role = "Moderator" })).StatusCode);

        string moderatorId;
        using (var scope = app.Services.CreateScope())
        {
            moderatorId = (await scope.ServiceProvider.GetRequiredService<IdentityDbContext>().Roles.SingleAsync(r => r.Name == "Moderator")).Id.ToString();
        }

        var grant = await WaitForAsync(
            app,
            q => q.Where(r => r.Module == "Identity" && r.EntityType == "IdentityUserRole" && r.Operation == AuditOperations.Create && r.Changes!.Contains(userId) && r.Changes.Contains(moderatorId)),
            "the role grant in the trail");
        Assert.Equal(userId, Fields(grant)["UserId"].After);
        Assert.Equal(moderatorId, Fields(grant)["RoleId"].After);
        await AssertActorAsync(grant, "security", "SecurityAdmin");

        var disabled = await admin.PostAsync($"/api/identity/users/{userId}/disable", null);
        Assert.True(disabled.IsSuccessStatusCode, disabled.StatusCode.ToString());
        var record = await WaitForAsync(
            app,
            q => q.Where(r => r.Module == "Identity" && r.EntityType == "BankUser" && r.EntityId == userId && r.Operation == AuditOperations.Update && r.Changes!.Contains("\"IsActive\"")),
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
        var userId = await TokenFlowTests.FindUserAsync(admin, "staff0702");
        var reset = await admin.PostJsonAsync($"/api/identity/users/{userId}/reset-password", new { newPassword = "Another#Pass2026" });
        Assert.True(reset.IsSuccessStatusCode, reset.StatusCode.ToString());
        await app.TokenAsync("staff0702", "Another#Pass2026");

        // The reset is there: the auditor sees that the password changed, not what it is.
        var record = await WaitForAsync(
            app,
            q => q.Where(r => r.Module == "Identity" && r.EntityType == "BankUser" && r.EntityId == userId && r.Operation == AuditOperations.Update && r.Changes!.Contains("\"PasswordHash\"")),
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
            Assert.DoesNotContain(entry.EntityType, new[] { "OpenIddictEntityFrameworkCoreToken", "OpenIddictEntityFrameworkCoreAuthorization", "IdentitySignInThrottle", "SignInThrottle" });
            Assert.NotEqual("DataProtectionKey", entry.EntityType);
        }
    }

    [Fact]
    public async Task A_change_whose_commit_fails_leaves_no_trail_record_and_no_outbox_row()
    {
        app.EnsureAvailable();
        var admin = await app.ClientForAsync("admin");
        var userId = await TokenFlowTests.FindUserAsync(admin, "staff0602");
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
        var later = await TokenFlowTests.FindUserAsync(admin, "staff0502");
        Assert.True((await admin.PostAsync($"/api/identity/users/{later}/disable", null)).IsSuccessStatusCode);
        await WaitForAsync(app, q => q.Where(r => r.EntityType == "BankUser" && r.EntityId == later && r.Operation == AuditOperations.Update && r.Changes!.Contains("\"IsActive\"")), "the later change in the trail");

        Assert.Empty(await RecordsAsync(app, q => q.Where(r => r.EntityId == userId && r.Operation == AuditOperations.Update && r.Changes!.Contains("\"IsActive\""))));
        using var scope = app.Services.CreateScope();
        var identity = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        Assert.True((await identity.Users.AsNoTracking().SingleAsync(u => u.Id == Guid.Parse(userId))).IsActive);
        var events = (await identity.OutboxMessages.AsNoTracking().Where(m => m.Type.Contains(".AuditTrailRecorded,")).Select(m => m.Payload).ToListAsync())
            .Select(p => JsonSerializer.Deserialize<AuditTrailRecorded>(p, Web)!)
            .ToList();
        Assert.NotEmpty(events);
        Assert.DoesNotContain(events.SelectMany(e => e.Changes), c => c.EntityId == userId && c.Operation == AuditOperations.Update && c.Changes.Contains("\"IsActive\"", StringComparison.Ordinal));
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

        // A sub-branch behind time progress: the warnings job opens a warning, through the host's job runner (as Hangfire runs it).
        var scheme = await AssessmentApi.PublishedSchemeAsync(app, [("存款", 100m, false)]);
        var supervisor = await app.ClientForAsync("supervisor");
        foreach (var code in scheme.SubBranches.Keys)
        {
            Assert.True((await supervisor.RecordAsync(scheme, code, "存款", AssessmentApi.Today(app), code == "SB03" ? 30m : 60m)).IsSuccessStatusCode);
        }

        using (var scope = app.Services.CreateScope())
        {
            await ActivatorUtilities.CreateInstance<ModuleJobs>(scope.ServiceProvider).RunAsync(EvaluateWarningsJob.Id, CancellationToken.None);
        }

        var warning = await WaitForAsync(
            app,
            q => q.Where(r => r.Module == "Assessment" && r.EntityType == "Warning" && r.Operation == AuditOperations.Create && r.Changes!.Contains(scheme.Id.ToString())),
            "the job's warning in the trail");
        Assert.Equal((AuditActorKind.Job, EvaluateWarningsJob.Id, (Guid?)null), (warning.ActorKind, warning.ActorName, warning.ActorUserId));
        Assert.Equal(scheme.SubBranches["SB03"].ToString(), Fields(warning)["SubBranchId"].After);
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
