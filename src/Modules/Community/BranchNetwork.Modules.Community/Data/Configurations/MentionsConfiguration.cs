using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BranchNetwork.Modules.Community.Data.Configurations;

internal sealed class PostMentionConfiguration : IEntityTypeConfiguration<PostMention>
{
    public void Configure(EntityTypeBuilder<PostMention> b)
    {
        b.ToTable("PostMentions");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasOne<BoardThread>().WithMany().HasForeignKey(x => x.ThreadId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.ThreadId, x.ReplyId });
        b.HasIndex(x => x.UserId);
    }
}
