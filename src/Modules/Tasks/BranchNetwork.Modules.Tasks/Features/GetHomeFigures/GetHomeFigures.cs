using System.Globalization;
using BranchNetwork.Modules.Assessment.Contracts;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Tasks.Features.Shared;
using BranchNetwork.SharedKernel.Authorization;
using BranchNetwork.SharedKernel.Modules;
using Mediator;

namespace BranchNetwork.Modules.Tasks.Features.GetHomeFigures;

internal static class TasksHomeCards
{
    public const string PlanState = "TasksPlanState";
    public const string TeamOverdue = "TasksTeamOverdue";
    public const string PlansToReview = "TasksPlansToReview";
    public const string MyWeek = "TasksMyWeek";

    /// <summary>Everyone who belongs to a sub-branch has tasks of their own.</summary>
    public static readonly string[] SubBranchMembers = [BankRoles.Staff, BankRoles.SubBranchHead, BankRoles.DepartmentManager, BankRoles.AccountingSupervisor];
}

/// <summary>
/// The Tasks home cards (SPEC §9) in one read, each filled only for a holder of its role: the sub-branch head's plan
/// state on the newest issued sheet and the team's overdue tasks, the supervisor's plans waiting for review, every
/// sub-branch member's own tasks this week (remaining / all). Nothing to count is a figure too ("0"), with a caption saying so.
/// </summary>
[AllowedRoles(BankRoles.Staff, BankRoles.SubBranchHead, BankRoles.DepartmentManager, BankRoles.AccountingSupervisor, BankRoles.HeadOfficeSupervisor)]
[BoundedList("one figure per home card the module contributes")]
internal sealed record GetHomeFiguresQuery(IReadOnlyCollection<string> CardKeys) : IQuery<IReadOnlyList<HomeFigure>>;

internal sealed class GetHomeFiguresHandler(TasksDbContext db, TasksAccess access, IAssessmentSheets sheets, IClock clock)
    : IQueryHandler<GetHomeFiguresQuery, IReadOnlyList<HomeFigure>>
{
    public async ValueTask<IReadOnlyList<HomeFigure>> Handle(GetHomeFiguresQuery query, CancellationToken cancellationToken)
    {
        var user = access.User;
        var figures = new List<HomeFigure>();
        var today = BankCalendar.Today(clock);
        var week = TaskWeek.Of(today);
        var own = TasksHomeCards.SubBranchMembers.Any(user.IsInRole) ? await access.OwnSubBranchAsync(cancellationToken) : null;

        if (query.CardKeys.Contains(TasksHomeCards.PlanState) && user.IsInRole(BankRoles.SubBranchHead))
        {
            figures.Add(await PlanStateAsync(own, cancellationToken));
        }

        if (query.CardKeys.Contains(TasksHomeCards.TeamOverdue) && user.IsInRole(BankRoles.SubBranchHead))
        {
            var (overdue, thisWeek) = own is { } sb
                ? (await db.Tasks.CountAsync(t => t.SubBranchId == sb && t.State == WeeklyTaskState.Open && t.DueDate < today, cancellationToken),
                   await db.Tasks.CountAsync(t => t.SubBranchId == sb && t.WeekStart == week.Start && t.State != WeeklyTaskState.Cancelled, cancellationToken))
                : (0, 0);
            figures.Add(new HomeFigure(
                TasksHomeCards.TeamOverdue,
                Count(overdue),
                overdue == 0 ? DomainText.Get("Card_TeamOverdue_Zero") : DomainText.Format("Card_TeamOverdue_Caption", thisWeek),
                "/tasks/team"));
        }

        if (query.CardKeys.Contains(TasksHomeCards.PlansToReview) && user.IsInRole(BankRoles.HeadOfficeSupervisor))
        {
            var waiting = await db.Plans.CountAsync(p => p.State == PlanState.Submitted, cancellationToken);
            figures.Add(new HomeFigure(
                TasksHomeCards.PlansToReview,
                Count(waiting),
                DomainText.Get(waiting == 0 ? "Card_PlansToReview_Zero" : "Card_PlansToReview_Caption"),
                "/tasks/plans"));
        }

        if (query.CardKeys.Contains(TasksHomeCards.MyWeek) && TasksHomeCards.SubBranchMembers.Any(user.IsInRole) && user.UserId is { } me)
        {
            var mine = await db.Tasks.Where(t => t.WeekStart == week.Start && t.State != WeeklyTaskState.Cancelled && t.Assignees.Any(a => a.UserId == me))
                .GroupBy(_ => 1)
                .Select(g => new { All = g.Count(), Remaining = g.Count(t => t.State == WeeklyTaskState.Open) })
                .FirstOrDefaultAsync(cancellationToken);
            figures.Add(mine is null || mine.All == 0
                ? new HomeFigure(TasksHomeCards.MyWeek, "0", DomainText.Get("Card_MyWeek_Zero"), "/tasks/my-week")
                : new HomeFigure(TasksHomeCards.MyWeek, $"{Count(mine.Remaining)} / {Count(mine.All)}", DomainText.Get("Card_MyWeek_Caption"), "/tasks/my-week"));
        }

        return figures;
    }

    private async Task<HomeFigure> PlanStateAsync(Guid? own, CancellationToken ct)
    {
        var sheet = own is { } sb
            ? (await sheets.ListForSubBranchAsync(sb, ct)) is var list && list.Count > 0
                ? list.FirstOrDefault(s => s.State == SchemeState.Published) ?? list[0]
                : null
            : null;
        if (sheet is null)
        {
            return new HomeFigure(TasksHomeCards.PlanState, DomainText.Get("Sv_Plan_None"), DomainText.Get("Card_PlanState_None"), "/tasks/plans");
        }

        var plan = await db.Plans.AsNoTracking().Where(p => p.SchemeId == sheet.SchemeId && p.SubBranchId == sheet.SubBranchId)
            .Select(p => new { p.Id, p.State }).FirstOrDefaultAsync(ct);
        var state = SupervisionWeek.Of(plan?.State);
        return new HomeFigure(
            TasksHomeCards.PlanState,
            DomainText.Get($"Sv_Plan_{state}"),
            DomainText.Format("Card_PlanState_Caption", sheet.SchemeName),
            "/tasks/plans");
    }

    private static string Count(int value) => value.ToString("#,0", CultureInfo.InvariantCulture);
}
