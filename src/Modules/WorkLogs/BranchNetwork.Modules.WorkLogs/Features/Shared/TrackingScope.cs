using System.Globalization;
using BranchNetwork.Modules.Identity.Contracts;

namespace BranchNetwork.Modules.WorkLogs.Features.Shared;

/// <summary>
/// How a member stands for one day (WL-2), worst first so that a list sorted by it shows who to chase at the top.
/// Before the cut-off (20:00) a member without a submitted log is <see cref="Pending"/> (待提交: still in time);
/// from the cut-off on, <see cref="Missing"/> (未交) — a late submission before the next morning's close turns it into
/// <see cref="Late"/>. On a day that is not a working day nobody is expected (<see cref="NotRequired"/>), though a log
/// written anyway still shows as on time or late.
/// </summary>
internal enum SubmissionStatus
{
    Missing = 0,
    Pending = 1,
    Late = 2,
    OnTime = 3,
    NotRequired = 4,
}

/// <summary>
/// Who may see the tracking figures (WL-2, ORG-3): the head, department managers and accounting supervisor of a
/// sub-branch see their own; head office's supervisors see every sub-branch. Another sub-branch is not disclosed (404).
/// </summary>
internal static class TrackingScope
{
    /// <summary>The sub-branch asked for, after the access check; null means head office's view of every sub-branch.</summary>
    public static async Task<OrgUnitInfo?> ResolveAsync(WorkLogsAccess access, IOrganisationDirectory directory, Guid? requested, CancellationToken ct)
    {
        if (requested is { } wanted)
        {
            if (!await access.SupervisesSubBranchAsync(wanted, ct))
            {
                throw SubBranchNotFound();
            }

            return await directory.FindUnitAsync(wanted, ct) is { Kind: OrgUnitKind.SubBranch } unit ? unit : throw SubBranchNotFound();
        }

        if (access.IsSupervisor)
        {
            return null;
        }

        var own = await access.OwnSubBranchAsync(ct) ?? throw new ForbiddenException("worklogs.no_sub_branch", DomainText.Get("Tracking_NoSubBranch"));
        return await directory.FindUnitAsync(own, ct) ?? throw SubBranchNotFound();
    }

    public static NotFoundException SubBranchNotFound() => new("worklogs.sub_branch_not_found", DomainText.Get("Tracking_SubBranchNotFound"));

    public static bool TryParseDay(string? text, out DateOnly day) =>
        DateOnly.TryParseExact(text, ChinaTime.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    public static bool TryParseMonth(string? text, out DateOnly firstDay)
    {
        var ok = DateTime.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) && parsed.Year is >= 2000 and <= 2100;
        firstDay = ok ? new DateOnly(parsed.Year, parsed.Month, 1) : default;
        return ok;
    }

    /// <summary>A unit's name for the team columns: a member placed on the sub-branch itself belongs to its office (本部).</summary>
    public static async Task<Dictionary<Guid, string>> TeamNamesAsync(IOrganisationDirectory directory, IEnumerable<Guid> unitIds, IReadOnlyDictionary<Guid, OrgUnitInfo> subBranches, CancellationToken ct)
    {
        var names = new Dictionary<Guid, string>();
        // Teams are few (one or two per sub-branch): one look-up per team shown, never per person.
        foreach (var id in unitIds.Distinct())
        {
            names[id] = subBranches.TryGetValue(id, out var sb)
                ? DomainText.Format("Tracking_Office", sb.Name)
                : (await directory.FindUnitAsync(id, ct))?.Name ?? "—";
        }

        return names;
    }
}

/// <summary>Where a day stands (China time): expected at all, before the cut-off, closed.</summary>
internal sealed record TrackingDay(DateOnly Day, bool IsWorkingDay, DateTime CutOffAtUtc, DateTime ClosesAtUtc, bool PastCutOff, bool Closed)
{
    public static TrackingDay Of(DateOnly day, BankCalendar calendar, LogWindow window, IClock clock) => new(
        day,
        calendar.IsWorkingDay(day),
        window.CutOffUtc(day),
        window.ClosesAtUtc(day),
        clock.UtcNow > window.CutOffUtc(day),
        window.IsClosed(day, clock.UtcNow));

    public SubmissionStatus StatusOf(LogTimeliness? submitted) => submitted switch
    {
        LogTimeliness.OnTime => SubmissionStatus.OnTime,
        LogTimeliness.Late => SubmissionStatus.Late,
        _ when !IsWorkingDay => SubmissionStatus.NotRequired,
        _ when PastCutOff => SubmissionStatus.Missing,
        _ => SubmissionStatus.Pending,
    };
}

/// <summary>A day's counts: expected members, on time, late, missing (from the cut-off), pending (before it).</summary>
internal sealed record SubmissionCounts(int Expected, int OnTime, int Late, int Missing, int Pending)
{
    public int Submitted => OnTime + Late;
}

/// <summary>A sub-branch's submitted logs of a day.</summary>
internal sealed record SubmittedCount(int OnTime, int Late);

/// <summary>Head office's count of the day: one GROUP BY over the day's submitted logs (index Day, State), whatever the number of people.</summary>
internal static class SubmissionFigures
{
    public static async Task<Dictionary<Guid, SubmittedCount>> BySubBranchAsync(WorkLogsDbContext db, DateOnly day, CancellationToken ct) =>
        await db.Logs.AsNoTracking()
            .Where(l => l.Day == day && l.State == LogState.Submitted)
            .GroupBy(l => l.SubBranchId)
            .Select(g => new
            {
                g.Key,
                OnTime = g.Count(l => l.Timeliness == LogTimeliness.OnTime),
                Late = g.Count(l => l.Timeliness == LogTimeliness.Late),
            })
            .ToDictionaryAsync(g => g.Key, g => new SubmittedCount(g.OnTime, g.Late), ct);

    /// <summary>
    /// Whoever of the expected members has not submitted is missing (pending before the cut-off). A log written in the
    /// sub-branch by someone who has left it since still counts as submitted, never below zero missing.
    /// </summary>
    public static SubmissionCounts Counts(TrackingDay when, int members, SubmittedCount? submitted)
    {
        var (onTime, late) = (submitted?.OnTime ?? 0, submitted?.Late ?? 0);
        if (!when.IsWorkingDay)
        {
            return new SubmissionCounts(0, onTime, late, 0, 0);
        }

        var outstanding = Math.Max(0, members - onTime - late);
        return new SubmissionCounts(members, onTime, late, when.PastCutOff ? outstanding : 0, when.PastCutOff ? 0 : outstanding);
    }
}
