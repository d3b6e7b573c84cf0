using BranchNetwork.Infrastructure.Outbox;
using BranchNetwork.Infrastructure.Persistence;

namespace BranchNetwork.Modules.Community.Data;

/// <summary>
/// The Community module's data, in schema <c>community</c>. Each area keeps its tables' mapping in its own file under
/// <c>Data/Configurations</c> (boards and threads, polls, moderation, search); this class only puts them together.
/// </summary>
internal sealed partial class CommunityDbContext(DbContextOptions<CommunityDbContext> options, IClock clock)
    : DbContext(options), IOutboxDbContext, IProcessedMessagesDbContext
{
    public const string Schema = "community";
    public const string Module = "Community";

    public DbSet<Board> Boards => Set<Board>();

    public DbSet<BoardModerator> BoardModerators => Set<BoardModerator>();

    public DbSet<BoardMember> Members => Set<BoardMember>();

    public DbSet<BoardThread> Threads => Set<BoardThread>();

    public DbSet<Reply> Replies => Set<Reply>();

    public DbSet<PostRevision> Revisions => Set<PostRevision>();

    public DbSet<ThreadTag> Tags => Set<ThreadTag>();

    public DbSet<Like> Likes => Set<Like>();

    public DbSet<Favourite> Favourites => Set<Favourite>();

    public DbSet<ThreadView> Views => Set<ThreadView>();

    public DbSet<Pseudonym> Pseudonyms => Set<Pseudonym>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<ProcessedMessage> ProcessedMessages => Set<ProcessedMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CommunityDbContext).Assembly);
        modelBuilder.AddOutbox(Module);
        modelBuilder.AddProcessedMessages(Module);
        ModuleModel.Apply(modelBuilder, this, Schema);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BeforeSave();
        ModuleModel.StampChanges(ChangeTracker, clock.UtcNow);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>Work an area does in every save of threads and replies (the search index keeps its grams in step).</summary>
    partial void BeforeSave();
}
