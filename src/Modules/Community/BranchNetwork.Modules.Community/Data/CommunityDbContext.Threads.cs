namespace BranchNetwork.Modules.Community.Data;

/// <summary>The threads area's own tables.</summary>
internal sealed partial class CommunityDbContext
{
    public DbSet<PostMention> Mentions => Set<PostMention>();
}
