using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BranchNetwork.Modules.Community.Data.Configurations;

internal sealed class BoardThreadConfiguration : IEntityTypeConfiguration<BoardThread>
{
    public void Configure(EntityTypeBuilder<BoardThread> b)
    {
        b.ToTable("Threads");
        b.HasKey(x => x.Id);
        b.Property(x => x.Title).HasMaxLength(BoardThread.TitleMaxLength).IsRequired();
        b.Property(x => x.Body).HasMaxLength(BoardThread.BodyMaxLength * 2).IsRequired();
        b.Property(x => x.BodyText).HasMaxLength(BoardThread.BodyMaxLength).IsRequired();
        b.Property(x => x.AuthorName).HasMaxLength(BoardModerator.NameMaxLength).IsRequired();
        b.Property(x => x.Pseudonym).HasMaxLength(Pseudonym.MaxLength);
        b.Property(x => x.ModerationReason).HasMaxLength(BoardThread.ReasonMaxLength);
        b.Ignore(x => x.IsAnonymous);
        b.Ignore(x => x.IsQuestion);
        b.Ignore(x => x.IsPublished);
        b.HasOne<Board>().WithMany().HasForeignKey(x => x.BoardId).OnDelete(DeleteBehavior.Restrict);

        // A board's lists: newest activity first (keyset on activity, id), pinned on top.
        b.HasIndex(x => new { x.BoardId, x.State, x.IsArchived, x.LastActivityAtUtc, x.Id });
        b.HasIndex(x => new { x.State, x.LastActivityAtUtc, x.Id });
        b.HasIndex(x => new { x.AuthorId, x.State });
        b.HasIndex(x => new { x.SubjectKind, x.SubjectId });
        b.HasIndex(x => new { x.ExpiresAtUtc });
    }
}

internal sealed class ReplyConfiguration : IEntityTypeConfiguration<Reply>
{
    public void Configure(EntityTypeBuilder<Reply> b)
    {
        b.ToTable("Replies");
        b.HasKey(x => x.Id);
        b.Property(x => x.Body).HasMaxLength(Reply.BodyMaxLength * 2).IsRequired();
        b.Property(x => x.BodyText).HasMaxLength(Reply.BodyMaxLength).IsRequired();
        b.Property(x => x.AuthorName).HasMaxLength(BoardModerator.NameMaxLength).IsRequired();
        b.Property(x => x.Pseudonym).HasMaxLength(Pseudonym.MaxLength);
        b.Property(x => x.ModerationReason).HasMaxLength(BoardThread.ReasonMaxLength);
        b.Ignore(x => x.IsAnonymous);
        b.HasOne<BoardThread>().WithMany().HasForeignKey(x => x.ThreadId).OnDelete(DeleteBehavior.Restrict);

        // A thread's replies in order (keyset on creation, id).
        b.HasIndex(x => new { x.ThreadId, x.State, x.CreatedAtUtc, x.Id });
        b.HasIndex(x => new { x.AuthorId, x.State });
        b.HasIndex(x => new { x.BoardId, x.State });
    }
}

internal sealed class PostRevisionConfiguration : IEntityTypeConfiguration<PostRevision>
{
    public void Configure(EntityTypeBuilder<PostRevision> b)
    {
        b.ToTable("PostRevisions");
        b.HasKey(x => x.Id);
        b.Property(x => x.Title).HasMaxLength(BoardThread.TitleMaxLength);
        b.Property(x => x.Body).HasMaxLength(BoardThread.BodyMaxLength * 2).IsRequired();
        b.HasIndex(x => new { x.ThreadId, x.ReplyId, x.EditedAtUtc });
    }
}

internal sealed class ThreadTagConfiguration : IEntityTypeConfiguration<ThreadTag>
{
    public void Configure(EntityTypeBuilder<ThreadTag> b)
    {
        b.ToTable("ThreadTags");
        b.HasKey(x => x.Id);
        b.Property(x => x.Tag).HasMaxLength(ThreadTag.MaxLength).IsRequired();
        b.HasIndex(x => new { x.ThreadId, x.Tag }).IsUnique();
        b.HasIndex(x => x.Tag);
    }
}

internal sealed class LikeConfiguration : IEntityTypeConfiguration<Like>
{
    public void Configure(EntityTypeBuilder<Like> b)
    {
        b.ToTable("Likes");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.TargetId, x.UserId }).IsUnique();
        b.HasIndex(x => new { x.ThreadId, x.UserId });
    }
}

internal sealed class FavouriteConfiguration : IEntityTypeConfiguration<Favourite>
{
    public void Configure(EntityTypeBuilder<Favourite> b)
    {
        b.ToTable("Favourites");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.ThreadId, x.UserId }).IsUnique();
        b.HasIndex(x => new { x.UserId, x.AtUtc });
    }
}

internal sealed class ThreadViewConfiguration : IEntityTypeConfiguration<ThreadView>
{
    public void Configure(EntityTypeBuilder<ThreadView> b)
    {
        b.ToTable("ThreadViews");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.ThreadId, x.UserId, x.Day }).IsUnique();
    }
}
