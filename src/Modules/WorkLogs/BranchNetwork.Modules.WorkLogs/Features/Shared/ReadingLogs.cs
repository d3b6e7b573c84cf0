using BranchNetwork.Infrastructure.Outbox;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Notifications.Contracts;

namespace BranchNetwork.Modules.WorkLogs.Features.Shared;

/// <summary>Whether the caller likes a log, and how many do (the answer of a like and of taking it back).</summary>
internal sealed record LikeState(Guid LogId, bool Liked, int Count);

/// <summary>
/// What the reading area's slices share (WL-3): loading a log the caller may read (404 otherwise, its existence not
/// disclosed), the caller's display name for receipts, comments and likes, and the live topic of a log.
/// </summary>
internal sealed class ReadingLogs(WorkLogsDbContext db, WorkLogsAccess access, IOrganisationDirectory directory, IClock clock)
{
    public const string NotificationKind = "worklogs";

    public WorkLogsAccess Access => access;

    /// <summary>The topic a log's page listens to: its author's page re-reads the receipts and comments on it.</summary>
    public static string Topic(Guid logId) => $"worklogs:log:{logId}";

    public static LocalizedText Text(string key, params string[] args) => LocalizedText.Of($"{WorkLogsModule.TextPrefix}:{key}", args);

    /// <summary>The log (without its children), if the caller may read it; else 404 <c>worklogs.log_not_found</c>.</summary>
    public async Task<DailyLog> ReadableAsync(Guid logId, CancellationToken ct)
    {
        var log = await db.Logs.AsNoTracking().FirstOrDefaultAsync(l => l.Id == logId, ct) ?? throw WorkLogsAccess.LogNotFound();
        await access.EnsureCanReadAsync(log, ct);
        return log;
    }

    /// <summary>The caller as others see them (DisplayName, never the login name), cut to what the tables hold.</summary>
    public async Task<string> MyNameAsync(CancellationToken ct)
    {
        var me = access.User.RequireUserId();
        var name = (await directory.FindUserAsync(me, ct))?.DisplayName ?? access.User.UserName ?? "";
        return name.Length <= LogRead.NameMaxLength ? name : name[..LogRead.NameMaxLength];
    }

    /// <summary>Tells the author's open pages (any device) that something happened on the log; nothing is stored.</summary>
    public void SignalAuthor(DailyLog log) =>
        db.AddIntegrationEvent(new UserLiveSignalRequested(Guid.CreateVersion7(), clock.UtcNow, log.AuthorId, Topic(log.Id)));

    public async Task<LikeState> LikeStateAsync(Guid logId, CancellationToken ct)
    {
        var me = access.User.RequireUserId();
        var likes = await db.Likes.AsNoTracking().Where(l => l.LogId == logId).Select(l => l.UserId).ToListAsync(ct);
        return new LikeState(logId, likes.Contains(me), likes.Count);
    }
}
