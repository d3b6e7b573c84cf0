using BranchNetwork.Modules.Community.Features.Shared;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace BranchNetwork.Modules.Community.Data;

/// <summary>
/// The search index kept in step with the content (CM-1 search): every save that adds, edits or deletes a thread or a
/// reply adds and removes its grams (<see cref="Bigrams"/>) in the same transaction. The grams before the change come
/// from the entry's original values, so nothing is read to update the index. Only titles and bodies are indexed —
/// never an author's name or pseudonym, so an anonymous post is not found by who wrote it. Whether a post is published
/// is checked when searching, so review, rejection and removal need no index change.
/// </summary>
internal sealed partial class CommunityDbContext
{
    public DbSet<SearchGram> SearchGrams => Set<SearchGram>();

    public DbSet<Poll> Polls => Set<Poll>();

    public DbSet<PollOption> PollOptions => Set<PollOption>();

    public DbSet<PollBallot> PollBallots => Set<PollBallot>();

    public DbSet<PollChoice> PollChoices => Set<PollChoice>();

    public DbSet<DiscussionLink> DiscussionLinks => Set<DiscussionLink>();

    public DbSet<SystemBoard> SystemBoards => Set<SystemBoard>();

    public DbSet<ActivitySeen> ActivitySeen => Set<ActivitySeen>();

    partial void BeforeSave()
    {
        var changes = new List<(Guid ThreadId, Guid? ReplyId, Guid BoardId, HashSet<string> Old, HashSet<string> New)>();
        foreach (var entry in ChangeTracker.Entries<BoardThread>())
        {
            if (Grams(entry, t => t.Title + "\n" + t.BodyText, e => Text(e, nameof(BoardThread.Title)) + "\n" + Text(e, nameof(BoardThread.BodyText))) is { } g)
            {
                changes.Add((entry.Entity.Id, null, entry.Entity.BoardId, g.Old, g.New));
            }
        }

        foreach (var entry in ChangeTracker.Entries<Reply>())
        {
            if (Grams(entry, r => r.BodyText, e => Text(e, nameof(Reply.BodyText))) is { } g)
            {
                changes.Add((entry.Entity.ThreadId, entry.Entity.Id, entry.Entity.BoardId, g.Old, g.New));
            }
        }

        foreach (var (threadId, replyId, boardId, old, now) in changes)
        {
            var postId = replyId ?? threadId;
            foreach (var gram in old.Except(now))
            {
                var stub = new SearchGram(threadId, replyId, boardId, gram);
                var tracked = ChangeTracker.Entries<SearchGram>().FirstOrDefault(e => e.Entity.PostId == postId && e.Entity.Gram == gram);
                if (tracked is null)
                {
                    Entry(stub).State = EntityState.Deleted;
                }
            }

            foreach (var gram in now.Except(old))
            {
                SearchGrams.Add(new SearchGram(threadId, replyId, boardId, gram));
            }
        }
    }

    private static (HashSet<string> Old, HashSet<string> New)? Grams<T>(EntityEntry<T> entry, Func<T, string> current, Func<EntityEntry<T>, string> original)
        where T : class => entry.State switch
        {
            EntityState.Added => ([], Bigrams.Of(current(entry.Entity))),
            EntityState.Deleted => (Bigrams.Of(original(entry)), []),
            EntityState.Modified when !string.Equals(original(entry), current(entry.Entity), StringComparison.Ordinal) =>
                (Bigrams.Of(original(entry)), Bigrams.Of(current(entry.Entity))),
            _ => null,
        };

    private static string Text<T>(EntityEntry<T> entry, string property)
        where T : class => entry.Property(property).OriginalValue as string ?? "";
}
