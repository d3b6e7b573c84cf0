using BranchNetwork.Infrastructure.Auditing;
using BranchNetwork.Infrastructure.Outbox;
using BranchNetwork.Infrastructure.Persistence;
using BranchNetwork.Modules.Identity.Services;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using OpenIddict.EntityFrameworkCore.Models;

namespace BranchNetwork.Modules.Identity.Data;

/// <summary>The Identity module's data: org tree, users, roles and the OpenIddict stores, in schema <c>identity</c>.</summary>
internal sealed class IdentityDbContext(DbContextOptions<IdentityDbContext> options, IClock clock, DirectoryVersion directory)
    : IdentityDbContext<BankUser, BankRole, Guid>(options), IDataProtectionKeyContext, IOutboxDbContext
{
    public const string Schema = "identity";
    public const string Module = "Identity";

    /// <summary>The module's outbox: today the audit trail of its changes (AU-2, ADR 0021).</summary>
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<OrgUnit> OrgUnits => Set<OrgUnit>();

    /// <summary>The Data Protection key ring every node shares (ADR 0013): cookies and antiforgery tokens read on any node.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Failed sign-ins per user name and address, and per user name (ADR 0017).</summary>
    public DbSet<SignInThrottle> SignInThrottles => Set<SignInThrottle>();

    /// <summary>Users whose sessions ended; every node polls it to end them everywhere (ADR 0017).</summary>
    public DbSet<SessionRevocation> SessionRevocations => Set<SessionRevocation>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.UseOpenIddict<Guid>();

        builder.Entity<OrgUnit>(unit =>
        {
            unit.ToTable("OrgUnits");
            unit.HasKey(u => u.Id);
            unit.Property(u => u.Code).HasMaxLength(OrgUnit.CodeMaxLength).IsRequired();
            unit.Property(u => u.Name).HasMaxLength(OrgUnit.NameMaxLength).IsRequired();
            unit.Property(u => u.Kind).HasConversion<int>();
            unit.HasIndex(u => u.Code).IsUnique();
            unit.HasIndex(u => u.ParentId);
            unit.HasOne<OrgUnit>().WithMany().HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<BankUser>(user =>
        {
            user.Property(u => u.DisplayName).HasMaxLength(BankUser.DisplayNameMaxLength).IsRequired();
            user.Property(u => u.Position).HasMaxLength(BankUser.PositionMaxLength);
            user.Property(u => u.PasswordHash).HasMaxLength(256).IsAuditSecret();
            user.Property(u => u.SecurityStamp).HasMaxLength(64).IsAuditSecret();
            user.Property(u => u.ConcurrencyStamp).HasMaxLength(64).IsAuditSecret();
            user.Property(u => u.PhoneNumber).HasMaxLength(32);
            user.HasIndex(u => u.UnitId);
            user.HasOne<OrgUnit>().WithMany().HasForeignKey(u => u.UnitId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<BankRole>(role => role.Property(r => r.ConcurrencyStamp).HasMaxLength(64));
        builder.Entity<IdentityUserClaim<Guid>>(c =>
        {
            c.Property(x => x.ClaimType).HasMaxLength(256);
            c.Property(x => x.ClaimValue).HasMaxLength(1024);
        });
        builder.Entity<IdentityRoleClaim<Guid>>(c =>
        {
            c.Property(x => x.ClaimType).HasMaxLength(256);
            c.Property(x => x.ClaimValue).HasMaxLength(1024);
        });
        builder.Entity<IdentityUserLogin<Guid>>(l =>
        {
            l.Property(x => x.LoginProvider).HasMaxLength(128);
            l.Property(x => x.ProviderKey).HasMaxLength(128);
            l.Property(x => x.ProviderDisplayName).HasMaxLength(256);
        });
        builder.Entity<IdentityUserToken<Guid>>(t =>
        {
            t.Property(x => x.LoginProvider).HasMaxLength(128);
            t.Property(x => x.Name).HasMaxLength(128);
            // The authenticator (TOTP) key and the recovery codes.
            t.Property(x => x.Value).HasMaxLength(1024).IsAuditSecret();
        });
        builder.Entity<DataProtectionKey>(k =>
        {
            k.ToTable("IdentityDataProtectionKeys");
            // Key material, rotated by the framework itself: never in the trail.
            k.IsNotAudited();
            k.Property(x => x.FriendlyName).HasMaxLength(DataProtectionKeyStore.FriendlyNameMaxLength);
            k.Property(x => x.Xml).HasMaxLength(DataProtectionKeyStore.XmlMaxLength);
        });

        builder.Entity<SignInThrottle>(t =>
        {
            t.ToTable("IdentitySignInThrottles");
            // Failure counters of sign-ins: every sign-in outcome is in the access log (AU-1).
            t.IsNotAudited();
            t.HasKey(x => new { x.AccountKey, x.AddressKey });
            t.Property(x => x.AccountKey).HasMaxLength(SignInThrottle.AccountKeyMaxLength);
            t.Property(x => x.AddressKey).HasMaxLength(SignInThrottle.AddressKeyMaxLength);
            t.HasIndex(x => x.LastFailureAtUtc);
        });
        builder.Entity<SessionRevocation>(r =>
        {
            r.ToTable("IdentitySessionRevocations");
            r.HasKey(x => x.Id);
            r.Property(x => x.Id).ValueGeneratedOnAdd();
            r.HasIndex(x => x.RevokedAtUtc);
        });

        // The trail (AU-2): tokens and authorizations come and go with every sign-in and refresh, which the access log
        // records; their payloads are bearer secrets. An API client's secret is masked.
        builder.Entity<OpenIddictEntityFrameworkCoreToken<Guid>>().IsNotAudited();
        builder.Entity<OpenIddictEntityFrameworkCoreAuthorization<Guid>>().IsNotAudited();
        builder.Entity<OpenIddictEntityFrameworkCoreApplication<Guid>>().Property(a => a.ClientSecret).IsAuditSecret();

        builder.AddOutbox(Module);
        ModuleModel.Apply(builder, this, Schema);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ModuleModel.StampChanges(ChangeTracker, clock.UtcNow);
        using var move = new DirectoryMove(ChangesDirectory() ? directory : null);
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        ModuleModel.StampChanges(ChangeTracker, clock.UtcNow);
        using var move = new DirectoryMove(ChangesDirectory() ? directory : null);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <summary>Whether this save touches what a user's own summary is made of (<c>GET /api/me</c>, ADR 0031).</summary>
    private bool ChangesDirectory() =>
        ChangeTracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
            && e.Entity is BankUser or OrgUnit or BankRole or IdentityUserRole<Guid>);

    /// <summary>
    /// Moves the directory once the save is over — also after a failure: whether it committed is not always known (a lost
    /// connection), and a move only costs a re-read.
    /// </summary>
    private readonly struct DirectoryMove(DirectoryVersion? directory) : IDisposable
    {
        public void Dispose() => directory?.Moved();
    }
}
