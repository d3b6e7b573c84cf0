namespace BranchNetwork.Modules.Community.Features.Shared;

/// <summary>
/// What follows when a thread or reply becomes visible — on posting in a post-review board, on a moderator's approval
/// in a pre-review one: the integration event (CM-1 countable acts), notifications to the people it mentions and to the
/// thread's author for a reply, and the live signal to open pages. Adds to the caller's save (the outbox), never saves.
/// Owned by the threads area.
/// </summary>
internal sealed class PublicationNotifier(CommunityDbContext db)
{
    public Task ThreadPublishedAsync(Board board, BoardThread thread, CancellationToken ct)
    {
        _ = (db, board, thread, ct);
        return Task.CompletedTask;
    }

    public Task ReplyPublishedAsync(Board board, BoardThread thread, Reply reply, CancellationToken ct)
    {
        _ = (db, board, thread, reply, ct);
        return Task.CompletedTask;
    }
}
