using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BranchNetwork.Modules.Community.Data.Configurations;

internal sealed class PollConfiguration : IEntityTypeConfiguration<Poll>
{
    public void Configure(EntityTypeBuilder<Poll> b)
    {
        b.ToTable("Polls");
        b.HasKey(x => x.Id);
        b.Property(x => x.Question).HasMaxLength(Poll.QuestionMaxLength).IsRequired();
        b.HasOne<BoardThread>().WithMany().HasForeignKey(x => x.ThreadId).OnDelete(DeleteBehavior.Restrict);

        // One poll a thread.
        b.HasIndex(x => x.ThreadId).IsUnique();
        b.HasMany(x => x.Options).WithOne().HasForeignKey(o => o.PollId).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(x => x.Options).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class PollOptionConfiguration : IEntityTypeConfiguration<PollOption>
{
    public void Configure(EntityTypeBuilder<PollOption> b)
    {
        b.ToTable("PollOptions");
        b.HasKey(x => x.Id);
        b.Property(x => x.Text).HasMaxLength(Poll.OptionMaxLength).IsRequired();
        b.HasIndex(x => new { x.PollId, x.Position }).IsUnique();
    }
}

internal sealed class PollBallotConfiguration : IEntityTypeConfiguration<PollBallot>
{
    public void Configure(EntityTypeBuilder<PollBallot> b)
    {
        b.ToTable("PollBallots");
        b.HasKey(x => x.Id);
        b.HasOne<Poll>().WithMany().HasForeignKey(x => x.PollId).OnDelete(DeleteBehavior.Restrict);

        // One ballot per user and poll, even for two votes at the same instant: the second insert fails (409).
        b.HasIndex(x => new { x.PollId, x.UserId }).IsUnique();
        b.HasMany(x => x.Choices).WithOne().HasForeignKey(c => c.BallotId).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(x => x.Choices).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class PollChoiceConfiguration : IEntityTypeConfiguration<PollChoice>
{
    public void Configure(EntityTypeBuilder<PollChoice> b)
    {
        b.ToTable("PollChoices");
        b.HasKey(x => x.Id);
        b.HasOne<PollOption>().WithMany().HasForeignKey(x => x.OptionId).OnDelete(DeleteBehavior.Restrict);

        // The counts: choices per option of a poll.
        b.HasIndex(x => new { x.PollId, x.OptionId });
        b.HasIndex(x => new { x.BallotId, x.OptionId }).IsUnique();
    }
}

internal sealed class SearchGramConfiguration : IEntityTypeConfiguration<SearchGram>
{
    public void Configure(EntityTypeBuilder<SearchGram> b)
    {
        b.ToTable("SearchGrams");

        // The key is the lookup: a query's grams, then the posts holding them; a post's rows are found by its own grams.
        b.HasKey(x => new { x.Gram, x.PostId });
        b.Property(x => x.Gram).HasMaxLength(SearchGram.GramMaxLength).IsRequired();
        b.HasIndex(x => x.PostId);
    }
}

internal sealed class DiscussionLinkConfiguration : IEntityTypeConfiguration<DiscussionLink>
{
    public void Configure(EntityTypeBuilder<DiscussionLink> b)
    {
        b.ToTable("DiscussionLinks");
        b.HasKey(x => x.Id);
        b.HasOne<BoardThread>().WithMany().HasForeignKey(x => x.ThreadId).OnDelete(DeleteBehavior.Restrict);

        // One discussion per subject, even for two first opens at the same instant.
        b.HasIndex(x => new { x.SubjectKind, x.SubjectId }).IsUnique();
    }
}

internal sealed class SystemBoardConfiguration : IEntityTypeConfiguration<SystemBoard>
{
    public void Configure(EntityTypeBuilder<SystemBoard> b)
    {
        b.ToTable("SystemBoards");
        b.HasKey(x => x.Id);
        b.Property(x => x.Key).HasMaxLength(SystemBoard.KeyMaxLength).IsRequired();
        b.HasIndex(x => x.Key).IsUnique();
        b.HasOne<Board>().WithMany().HasForeignKey(x => x.BoardId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ActivitySeenConfiguration : IEntityTypeConfiguration<ActivitySeen>
{
    public void Configure(EntityTypeBuilder<ActivitySeen> b)
    {
        b.ToTable("ActivitySeen");
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.UserId).IsUnique();
    }
}
