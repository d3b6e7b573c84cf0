using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BranchNetwork.Modules.Community.Data.Configurations;

internal sealed class BoardConfiguration : IEntityTypeConfiguration<Board>
{
    public void Configure(EntityTypeBuilder<Board> b)
    {
        b.ToTable("Boards");
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(Board.NameMaxLength).IsRequired();
        b.Property(x => x.Description).HasMaxLength(Board.DescriptionMaxLength).IsRequired();
        b.Property(x => x.Rules).HasMaxLength(Board.RulesMaxLength).IsRequired();
        b.Property(x => x.WelcomeMessage).HasMaxLength(Board.WelcomeMaxLength).IsRequired();
        b.HasMany(x => x.Moderators).WithOne().HasForeignKey(x => x.BoardId).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(x => x.Moderators).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasIndex(x => new { x.IsArchived, x.SortOrder });
    }
}

internal sealed class BoardModeratorConfiguration : IEntityTypeConfiguration<BoardModerator>
{
    public void Configure(EntityTypeBuilder<BoardModerator> b)
    {
        b.ToTable("BoardModerators");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Name).HasMaxLength(BoardModerator.NameMaxLength).IsRequired();
        b.HasIndex(x => new { x.BoardId, x.UserId }).IsUnique();
        b.HasIndex(x => x.UserId);
    }
}

internal sealed class BoardMemberConfiguration : IEntityTypeConfiguration<BoardMember>
{
    public void Configure(EntityTypeBuilder<BoardMember> b)
    {
        b.ToTable("BoardMembers");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.BoardId, x.UserId }).IsUnique();
        b.HasIndex(x => new { x.UserId, x.IsFollowing });
    }
}

internal sealed class PseudonymConfiguration : IEntityTypeConfiguration<Pseudonym>
{
    public void Configure(EntityTypeBuilder<Pseudonym> b)
    {
        b.ToTable("Pseudonyms");
        b.HasKey(x => x.Id);
        b.Property(x => x.Alias).HasMaxLength(Pseudonym.MaxLength).IsRequired();
        b.HasIndex(x => new { x.BoardId, x.UserId }).IsUnique();
        b.HasIndex(x => new { x.BoardId, x.Alias }).IsUnique();
    }
}
