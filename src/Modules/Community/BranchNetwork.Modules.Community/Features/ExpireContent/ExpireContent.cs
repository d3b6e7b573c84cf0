using Microsoft.Extensions.Logging;

namespace BranchNetwork.Modules.Community.Features.ExpireContent;

/// <summary>What a run did: how many threads it closed or archived.</summary>
internal sealed record ContentExpiryRun(int Expired);

/// <summary>
/// 主题与期限 (CM-4): every hour the published threads whose expiry time passed are closed or archived, as their board's
/// expiry action says (<see cref="BoardThread.Expire"/>, which also clears the time). Idempotent: an expired thread has
/// no expiry time left, so a second run — or one on another node at the same moment, which loses the save on the
/// thread's version — finds nothing to do. Each expiry goes into the moderation record in the same save, as the system's.
/// </summary>
internal sealed class ContentExpiry(CommunityDbContext db, IClock clock, ILogger<ContentExpiry> log)
{
    public const string JobId = "community:expire-content";

    /// <summary>At minute 0 of every hour.</summary>
    public const string Cron = "0 * * * *";

    private const int Batch = 200;

    public async Task<ContentExpiryRun> RunAsync(CancellationToken ct)
    {
        var now = clock.UtcNow;
        var expired = 0;
        var skipped = new HashSet<Guid>();
        while (true)
        {
            db.ChangeTracker.Clear();
            var due = await db.Threads
                .Where(t => t.State == PostState.Published && t.ExpiresAtUtc != null && t.ExpiresAtUtc <= now && !skipped.Contains(t.Id))
                .OrderBy(t => t.ExpiresAtUtc).ThenBy(t => t.Id)
                .Take(Batch)
                .ToListAsync(ct);
            if (due.Count == 0)
            {
                break;
            }

            var boardIds = due.Select(t => t.BoardId).Distinct().ToList();
            var actions = await db.Boards.AsNoTracking().Where(b => boardIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => b.ExpiryAction, ct);
            foreach (var thread in due)
            {
                thread.Expire(actions[thread.BoardId]);
                db.ModerationActions.Add(ModerationAction.Expired(thread, actions[thread.BoardId], now));
            }

            try
            {
                await db.SaveChangesAsync(ct);
                expired += due.Count;
            }
            catch (DbUpdateConcurrencyException e)
            {
                // Another run or a moderator changed some of them: take them one by one next time round.
                log.LogInformation(e, "Content expiry met a concurrent change in a batch of {Count} threads", due.Count);
                expired += await OneByOneAsync([.. due.Select(t => t.Id)], actions, now, skipped, ct);
            }
        }

        return new ContentExpiryRun(expired);
    }

    private async Task<int> OneByOneAsync(IReadOnlyList<Guid> ids, Dictionary<Guid, ExpiryAction> actions, DateTime now, HashSet<Guid> skipped, CancellationToken ct)
    {
        var done = 0;
        foreach (var id in ids)
        {
            db.ChangeTracker.Clear();
            var thread = await db.Threads.FirstOrDefaultAsync(t => t.Id == id && t.State == PostState.Published && t.ExpiresAtUtc != null && t.ExpiresAtUtc <= now, ct);
            if (thread is null)
            {
                continue;
            }

            thread.Expire(actions[thread.BoardId]);
            db.ModerationActions.Add(ModerationAction.Expired(thread, actions[thread.BoardId], now));
            try
            {
                await db.SaveChangesAsync(ct);
                done++;
            }
            catch (DbUpdateConcurrencyException)
            {
                skipped.Add(id);
            }
        }

        return done;
    }
}
