namespace BranchNetwork.Modules.Community.Data;

/// <summary>The moderation area's tables (CM-3, CM-4).</summary>
internal sealed partial class CommunityDbContext
{
    public DbSet<SensitiveWord> SensitiveWords => Set<SensitiveWord>();

    public DbSet<Sanction> Sanctions => Set<Sanction>();

    public DbSet<ContentReport> Reports => Set<ContentReport>();

    public DbSet<ModerationAction> ModerationActions => Set<ModerationAction>();

    public DbSet<PseudonymResolution> PseudonymResolutions => Set<PseudonymResolution>();
}
