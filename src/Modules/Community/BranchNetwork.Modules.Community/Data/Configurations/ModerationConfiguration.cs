using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BranchNetwork.Modules.Community.Data.Configurations;

internal sealed class SensitiveWordConfiguration : IEntityTypeConfiguration<SensitiveWord>
{
    public void Configure(EntityTypeBuilder<SensitiveWord> b)
    {
        b.ToTable("SensitiveWords");
        b.HasKey(x => x.Id);
        b.Property(x => x.Word).HasMaxLength(SensitiveWord.MaxLength).IsRequired();
        b.Property(x => x.Normalized).HasMaxLength(SensitiveWord.MaxLength * 3).IsRequired();
        b.HasIndex(x => x.Normalized).IsUnique();
    }
}

internal sealed class SanctionConfiguration : IEntityTypeConfiguration<Sanction>
{
    public void Configure(EntityTypeBuilder<Sanction> b)
    {
        b.ToTable("Sanctions");
        b.HasKey(x => x.Id);
        b.Property(x => x.Reason).HasMaxLength(Sanction.ReasonMaxLength).IsRequired();
        b.Property(x => x.TargetName).HasMaxLength(BoardModerator.NameMaxLength).IsRequired();
        b.Property(x => x.ByName).HasMaxLength(BoardModerator.NameMaxLength).IsRequired();
        b.HasOne<Board>().WithMany().HasForeignKey(x => x.BoardId).OnDelete(DeleteBehavior.Restrict);

        // The ban check of every post: the user's sanctions, newest end first.
        b.HasIndex(x => new { x.UserId, x.Kind, x.EndsAtUtc });
        b.HasIndex(x => new { x.BoardId, x.EndsAtUtc });
    }
}

internal sealed class ContentReportConfiguration : IEntityTypeConfiguration<ContentReport>
{
    public void Configure(EntityTypeBuilder<ContentReport> b)
    {
        b.ToTable("ContentReports");
        b.HasKey(x => x.Id);
        b.Property(x => x.Reason).HasMaxLength(ContentReport.ReasonMaxLength).IsRequired();
        b.HasOne<Board>().WithMany().HasForeignKey(x => x.BoardId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<BoardThread>().WithMany().HasForeignKey(x => x.ThreadId).OnDelete(DeleteBehavior.Restrict);

        // One open report per reader and item: null once resolved (a unique key ignores nulls on every provider).
        b.HasIndex(x => new { x.OpenTargetId, x.ReporterId }).IsUnique();
        b.HasIndex(x => new { x.BoardId, x.State, x.CreatedAtUtc });
        b.HasIndex(x => new { x.TargetId, x.State });
    }
}

internal sealed class ModerationActionConfiguration : IEntityTypeConfiguration<ModerationAction>
{
    public void Configure(EntityTypeBuilder<ModerationAction> b)
    {
        b.ToTable("ModerationActions");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Subject).HasMaxLength(ModerationAction.TextMaxLength).IsRequired();
        b.Property(x => x.TargetName).HasMaxLength(BoardModerator.NameMaxLength);
        b.Property(x => x.Reason).HasMaxLength(Sanction.ReasonMaxLength);
        b.Property(x => x.ActorName).HasMaxLength(BoardModerator.NameMaxLength).IsRequired();
        b.HasOne<Board>().WithMany().HasForeignKey(x => x.BoardId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.BoardId, x.AtUtc });
        b.HasIndex(x => x.AtUtc);
    }
}

internal sealed class PseudonymResolutionConfiguration : IEntityTypeConfiguration<PseudonymResolution>
{
    public void Configure(EntityTypeBuilder<PseudonymResolution> b)
    {
        b.ToTable("PseudonymResolutions");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.AuditorName).HasMaxLength(BoardModerator.NameMaxLength).IsRequired();
        b.Property(x => x.Pseudonym).HasMaxLength(Pseudonym.MaxLength).IsRequired();
        b.Property(x => x.Reason).HasMaxLength(PseudonymResolution.ReasonMaxLength).IsRequired();
        b.HasOne<Board>().WithMany().HasForeignKey(x => x.BoardId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.AtUtc);
    }
}
