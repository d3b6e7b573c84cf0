using System.Globalization;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.WorkLogs.Contracts;
using BranchNetwork.Modules.WorkLogs.Features.Shared;
using BranchNetwork.SharedKernel.Authorization;
using BranchNetwork.SharedKernel.Modules;
using Mediator;

namespace BranchNetwork.Modules.WorkLogs.Features.GetHomeFigures;

internal static class WorkLogsHomeCards
{
    public const string MyToday = "WorkLogsMyToday";
    public const string MissingToday = "WorkLogsMissingToday";
    public const string SubmittedToday = "WorkLogsSubmittedToday";

    public const string TrackingLink = "/worklogs/tracking";

    /// <summary>Everyone who belongs to a sub-branch writes a daily log.</summary>
    public static readonly string[] SubBranchMembers = [BankRoles.Staff, BankRoles.SubBranchHead, BankRoles.DepartmentManager, BankRoles.AccountingSupervisor];
}

/// <summary>
/// The WorkLogs home cards (SPEC §9) in one read, each filled only for a holder of its role: a sub-branch member's own
/// log of today (未填写 / 草稿 / 已提交 · 按时 / 迟交), the head's count of members without a submitted log today, head
/// office's submitted / expected across the branch. A day that is not a working day says so instead of counting.
/// </summary>
[AllowedRoles(BankRoles.Staff, BankRoles.SubBranchHead, BankRoles.DepartmentManager, BankRoles.AccountingSupervisor, BankRoles.HeadOfficeSupervisor)]
[BoundedList("one figure per home card the module contributes")]
internal sealed record GetHomeFiguresQuery(IReadOnlyCollection<string> CardKeys) : IQuery<IReadOnlyList<HomeFigure>>;

internal sealed class GetHomeFiguresHandler(
    WorkLogsDbContext db, WorkLogsAccess access, IOrganisationDirectory directory, BankCalendar calendar, WorkLogSettings settings, IClock clock)
    : IQueryHandler<GetHomeFiguresQuery, IReadOnlyList<HomeFigure>>
{
    public async ValueTask<IReadOnlyList<HomeFigure>> Handle(GetHomeFiguresQuery query, CancellationToken cancellationToken)
    {
        var user = access.User;
        var figures = new List<HomeFigure>();
        var today = TrackingDay.Of(BankCalendar.Today(clock), calendar, settings.Window, clock);
        var cutOff = ChinaTime.FromUtc(today.CutOffAtUtc).ToString("HH:mm", CultureInfo.InvariantCulture);

        if (query.CardKeys.Contains(WorkLogsHomeCards.MyToday) && WorkLogsHomeCards.SubBranchMembers.Any(user.IsInRole) && user.UserId is { } me)
        {
            var mine = await db.Logs.AsNoTracking().Where(l => l.AuthorId == me && l.Day == today.Day)
                .Select(l => new { l.State, l.Timeliness }).FirstOrDefaultAsync(cancellationToken);
            var (value, caption) = mine switch
            {
                { State: LogState.Submitted, Timeliness: LogTimeliness.Late } => ("Card_MyToday_Late", "Card_MyToday_SubmittedCaption"),
                { State: LogState.Submitted } => ("Card_MyToday_OnTime", "Card_MyToday_SubmittedCaption"),
                { State: LogState.Draft } => ("Card_MyToday_Draft", today.PastCutOff ? "Card_MyToday_LateCaption" : "Card_MyToday_DueCaption"),
                null when !today.IsWorkingDay => ("Card_MyToday_None", "Card_NotWorkingDay"),
                _ => ("Card_MyToday_None", today.PastCutOff ? "Card_MyToday_LateCaption" : "Card_MyToday_DueCaption"),
            };
            figures.Add(new HomeFigure(WorkLogsHomeCards.MyToday, DomainText.Get(value), DomainText.Format(caption, cutOff), WorkLogLinks.Today));
        }

        if (query.CardKeys.Contains(WorkLogsHomeCards.MissingToday) && user.IsInRole(BankRoles.SubBranchHead))
        {
            figures.Add(await MissingTodayAsync(today, cutOff, cancellationToken));
        }

        if (query.CardKeys.Contains(WorkLogsHomeCards.SubmittedToday) && access.IsSupervisor)
        {
            var subBranches = (await directory.ListSubBranchesAsync(cancellationToken)).Where(u => !u.IsRetired).Select(u => u.Id).ToList();
            var expected = (await directory.ListActiveMembersAsync(subBranches, cancellationToken)).Count;
            var submitted = (await SubmissionFigures.BySubBranchAsync(db, today.Day, cancellationToken)).Values.Sum(c => c.OnTime + c.Late);
            figures.Add(today.IsWorkingDay
                ? new HomeFigure(WorkLogsHomeCards.SubmittedToday, $"{Count(submitted)} / {Count(expected)}", DomainText.Format("Card_SubmittedToday_Caption", cutOff), WorkLogsHomeCards.TrackingLink)
                : new HomeFigure(WorkLogsHomeCards.SubmittedToday, Count(submitted), DomainText.Get("Card_NotWorkingDay"), WorkLogsHomeCards.TrackingLink));
        }

        return figures;
    }

    private async Task<HomeFigure> MissingTodayAsync(TrackingDay today, string cutOff, CancellationToken ct)
    {
        if (!today.IsWorkingDay)
        {
            return new HomeFigure(WorkLogsHomeCards.MissingToday, "0", DomainText.Get("Card_NotWorkingDay"), WorkLogsHomeCards.TrackingLink);
        }

        if (await access.OwnSubBranchAsync(ct) is not { } own)
        {
            return new HomeFigure(WorkLogsHomeCards.MissingToday, "0", DomainText.Get("Tracking_NoSubBranch"), WorkLogsHomeCards.TrackingLink);
        }

        var members = (await directory.ListActiveMembersAsync([own], ct)).Select(m => m.UserId).ToHashSet();
        var submitted = await db.Logs.AsNoTracking()
            .Where(l => l.SubBranchId == own && l.Day == today.Day && l.State == LogState.Submitted)
            .Select(l => l.AuthorId).ToListAsync(ct);
        var missing = members.Count - submitted.Count(members.Contains);
        var caption = missing == 0 ? DomainText.Get("Card_MissingToday_Zero")
            : today.PastCutOff ? DomainText.Format("Card_MissingToday_Past", members.Count)
            : DomainText.Format("Card_MissingToday_Before", members.Count, cutOff);
        return new HomeFigure(WorkLogsHomeCards.MissingToday, Count(missing), caption, WorkLogsHomeCards.TrackingLink);
    }

    private static string Count(int value) => value.ToString("#,0", CultureInfo.InvariantCulture);
}
