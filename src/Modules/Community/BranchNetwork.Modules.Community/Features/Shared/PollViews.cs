using BranchNetwork.Infrastructure.Outbox;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Notifications.Contracts;

namespace BranchNetwork.Modules.Community.Features.Shared;

/// <summary>An option of a poll as a reader sees it: the count only when the rule allows it, voters only for a named poll.</summary>
internal sealed record PollOptionView(Guid Id, string Text, int? Count, IReadOnlyList<string>? Voters);

/// <summary>What the caller may do with the poll.</summary>
internal sealed record PollPermissions(bool Vote, bool Close);

/// <summary>
/// A thread's poll (CM-2): the question and its options, whether it is open, the caller's own ballot, and the counts only
/// when the rule allows (on vote: once the caller voted or the poll closed; on close: once it closed; moderators only:
/// the board's moderators and the poll's author). For a named poll the board's readers see who chose each option (at
/// most <see cref="PollViews.VotersShown"/> names an option); for an anonymous poll nobody ever does, moderators included.
/// </summary>
internal sealed record PollView(
    Guid Id,
    Guid ThreadId,
    string Question,
    bool IsMultipleChoice,
    int MaxChoices,
    bool IsAnonymous,
    PollResultsVisibility ResultsVisibility,
    DateTime? ClosesAtUtc,
    bool IsClosed,
    bool ResultsVisible,
    int? BallotCount,
    IReadOnlyList<Guid> MyChoices,
    IReadOnlyList<PollOptionView> Options,
    PollPermissions Permissions);

/// <summary>Reads a poll for the caller and tells open pages when it changed; shared by the polls area's slices.</summary>
internal sealed class PollViews(CommunityDbContext db, CommunityAccess access, IOrganisationDirectory directory, IClock clock)
{
    public const int VotersShown = 50;

    /// <summary>The live topic a thread page's poll listens for.</summary>
    public static string Topic(Guid pollId) => $"community:poll:{pollId}";

    /// <summary>The poll of a thread the caller reads, with its options (404 when the thread has none).</summary>
    public async Task<(Board Board, BoardThread Thread, Poll Poll)> ReadableAsync(Guid pollId, CancellationToken ct)
    {
        var poll = await db.Polls.Include(p => p.Options).FirstOrDefaultAsync(p => p.Id == pollId, ct) ?? throw NotFound();
        var (board, thread) = await access.ReadableThreadAsync(poll.ThreadId, ct);
        return (board, thread, poll);
    }

    public static NotFoundException NotFound() => new("community.poll_not_found", DomainText.Get("PollNotFound"));

    /// <summary>The author of the thread, or a moderator of its board, manages its poll (create, close).</summary>
    public bool Manages(Board board, BoardThread thread) => thread.AuthorId == access.UserId || board.IsModerator(access.UserId);

    public async Task<PollView> ViewAsync(Board board, BoardThread thread, Poll poll, CancellationToken ct)
    {
        var me = access.UserId;
        var now = clock.UtcNow;
        var closed = poll.IsClosedAt(now);
        var mine = await db.PollBallots.AsNoTracking().Where(b => b.PollId == poll.Id && b.UserId == me)
            .SelectMany(b => b.Choices.Select(c => c.OptionId)).ToListAsync(ct);
        var moderates = board.IsModerator(me) || poll.CreatedById == me;
        var visible = poll.ResultsVisibility switch
        {
            PollResultsVisibility.OnVote => closed || mine.Count > 0 || moderates,
            PollResultsVisibility.OnClose => closed || moderates,
            _ => moderates,
        };

        Dictionary<Guid, int> counts = [];
        int? ballots = null;
        Dictionary<Guid, List<string>> voters = [];
        if (visible)
        {
            // Computed from the stored choices: whatever votes came at once, none is lost or counted twice.
            counts = await db.PollChoices.AsNoTracking().Where(c => c.PollId == poll.Id)
                .GroupBy(c => c.OptionId).Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
            ballots = await db.PollBallots.AsNoTracking().CountAsync(b => b.PollId == poll.Id, ct);
            if (!poll.IsAnonymous)
            {
                voters = await VotersAsync(poll, ct);
            }
        }

        var canVote = !closed && mine.Count == 0 && !access.IsAuditor && thread.IsPublished;
        return new PollView(
            poll.Id, poll.ThreadId, poll.Question, poll.IsMultipleChoice, poll.MaxChoices, poll.IsAnonymous, poll.ResultsVisibility, poll.ClosesAtUtc,
            closed, visible, ballots, mine,
            [.. poll.Options.OrderBy(o => o.Position).Select(o => new PollOptionView(
                o.Id, o.Text, visible ? counts.GetValueOrDefault(o.Id) : null, visible && !poll.IsAnonymous ? voters.GetValueOrDefault(o.Id) ?? [] : null))],
            new PollPermissions(canVote, !closed && Manages(board, thread)));
    }

    /// <summary>The names of the voters per option of a named poll, earliest first, at most <see cref="VotersShown"/> an option.</summary>
    private async Task<Dictionary<Guid, List<string>>> VotersAsync(Poll poll, CancellationToken ct)
    {
        var rows = new List<(Guid OptionId, Guid UserId)>();
        foreach (var option in poll.Options)
        {
            var users = await (from c in db.PollChoices
                               where c.PollId == poll.Id && c.OptionId == option.Id
                               join b in db.PollBallots on c.BallotId equals b.Id
                               orderby b.AtUtc, b.Id
                               select b.UserId).Take(VotersShown).ToListAsync(ct);
            rows.AddRange(users.Select(u => (option.Id, u)));
        }

        var names = rows.Count == 0 ? new Dictionary<Guid, string>() : await directory.GetDisplayNamesAsync([.. rows.Select(r => r.UserId).Distinct()], ct);
        return rows.GroupBy(r => r.OptionId).ToDictionary(g => g.Key, g => g.Select(r => names.GetValueOrDefault(r.UserId, "")).ToList());
    }

    /// <summary>A live nudge to the pages open on the thread: every connection of the board's audience re-reads the poll.</summary>
    public async Task SignalAsync(Board board, Poll poll, CancellationToken ct)
    {
        var units = await access.OwnUnitsAsync(ct);
        var unit = board.AudienceUnitId ?? (units.Count > 0 ? units[^1] : Guid.Empty);
        if (unit != Guid.Empty)
        {
            db.AddIntegrationEvent(new LiveSignalRequested(Guid.CreateVersion7(), clock.UtcNow, unit, Topic(poll.Id)));
        }

        // The board's moderators may sit outside its audience (a sub-branch board moderated from head office).
        foreach (var moderator in board.Moderators.Select(m => m.UserId).Distinct())
        {
            db.AddIntegrationEvent(new UserLiveSignalRequested(Guid.CreateVersion7(), clock.UtcNow, moderator, Topic(poll.Id)));
        }
    }
}
