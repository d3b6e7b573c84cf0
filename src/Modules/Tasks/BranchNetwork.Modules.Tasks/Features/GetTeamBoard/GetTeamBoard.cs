using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Tasks.Features.Shared;
using BranchNetwork.SharedKernel.Authorization;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Tasks.Features.GetTeamBoard;

/// <summary>One assignee's week: tasks assigned (cancelled ones excepted), done, rate in percent.</summary>
internal sealed record BoardPerson(Guid UserId, string UserName, string Name, int Assigned, int Done, int Overdue, decimal Rate);

/// <summary>One measure's week: planned and written-off quantities, tasks, done, rate in percent.</summary>
internal sealed record BoardMeasure(Guid MeasureId, string Title, string Unit, decimal PlannedQuantity, decimal ActualQuantity, int Tasks, int Done, decimal Rate);

/// <summary>A member of the sub-branch, for the new-task dialog's assignee list.</summary>
internal sealed record BoardMember(Guid UserId, string UserName, string Name);

/// <summary>An approved measure the managers may split into tasks.</summary>
internal sealed record BoardMeasureChoice(Guid MeasureId, string Title, string SchemeName);

internal sealed record TeamBoard(
    Guid SubBranchId,
    int Year,
    int Week,
    DateOnly Start,
    DateOnly End,
    bool IsClosedWeek,
    bool CanManage,
    int Total,
    int Done,
    int Overdue,
    decimal Rate,
    IReadOnlyList<BoardPerson> ByPerson,
    IReadOnlyList<BoardMeasure> ByMeasure,
    IReadOnlyList<TaskView> Tasks,
    IReadOnlyList<BoardMember> Members,
    IReadOnlyList<BoardMeasureChoice> Measures);

/// <summary>
/// TK-3: a sub-branch's week at a glance — by person and by measure with completion rates, overdue tasks — for the
/// managers of that sub-branch and head office's readers. Rates count every task of the week but cancelled ones.
/// </summary>
[AllowedRoles(BankRoles.SubBranchHead, BankRoles.DepartmentManager, BankRoles.AccountingSupervisor, BankRoles.HeadOfficeSupervisor, BankRoles.TaskAdmin, BankRoles.Auditor)]
internal sealed record GetTeamBoardQuery(Guid? SubBranchId, int? Year, int? Week) : IQuery<TeamBoard>;

internal sealed class GetTeamBoardHandler(TasksDbContext db, TasksAccess access, IOrganisationDirectory directory, IClock clock) : IQueryHandler<GetTeamBoardQuery, TeamBoard>
{
    public async ValueTask<TeamBoard> Handle(GetTeamBoardQuery query, CancellationToken cancellationToken)
    {
        var subBranchId = query.SubBranchId ?? await access.OwnSubBranchAsync(cancellationToken)
            ?? throw new NotFoundException("tasks.sub_branch_not_found", DomainText.Get("TaskNotFound"));
        var manages = await access.ManagesTasksOfAsync(subBranchId, cancellationToken);
        if (!manages && !access.IsHeadOfficeReader)
        {
            throw new NotFoundException("tasks.sub_branch_not_found", DomainText.Get("TaskNotFound"));
        }

        var today = BankCalendar.Today(clock);
        var week = WeekQuery.Resolve(query.Year, query.Week, clock);
        var tasks = await db.Tasks.AsNoTracking().Include(t => t.Assignees)
            .Where(t => t.SubBranchId == subBranchId && t.WeekStart == week.Start)
            .ToListAsync(cancellationToken);
        var counted = tasks.Where(t => t.State != WeeklyTaskState.Cancelled).ToList();
        var members = await MembersAsync(subBranchId, tasks, cancellationToken);

        var byPerson = counted
            .SelectMany(t => t.Assignees.Select(a => (Task: t, Assignee: a)))
            .GroupBy(x => x.Assignee.UserId)
            .Select(g =>
            {
                var done = g.Count(x => x.Task.State == WeeklyTaskState.Done);
                var member = members.GetValueOrDefault(g.Key);
                return new BoardPerson(g.Key, member?.UserName ?? "", member?.Name ?? g.First().Assignee.UserName, g.Count(), done,
                    g.Count(x => x.Task.IsOverdue(today)), WeekQuery.Rate(done, g.Count()));
            })
            .OrderBy(p => p.Rate).ThenBy(p => p.UserName, StringComparer.Ordinal)
            .ToList();
        var byMeasure = counted
            .GroupBy(t => t.MeasureId)
            .Select(g =>
            {
                var done = g.Count(t => t.State == WeeklyTaskState.Done);
                return new BoardMeasure(g.Key, g.First().MeasureTitle, g.First().Unit, g.Sum(t => t.Quantity), g.Sum(t => t.ActualQuantity ?? 0m), g.Count(), done, WeekQuery.Rate(done, g.Count()));
            })
            .OrderBy(m => m.Title, StringComparer.Ordinal)
            .ToList();
        var totalDone = counted.Count(t => t.State == WeeklyTaskState.Done);
        var measures = manages ? await ApprovedMeasuresAsync(subBranchId, cancellationToken) : [];
        return new TeamBoard(
            subBranchId, week.Year, week.Number, week.Start, week.End, week.End < today, manages,
            counted.Count, totalDone, counted.Count(t => t.IsOverdue(today)), WeekQuery.Rate(totalDone, counted.Count),
            byPerson, byMeasure,
            [.. tasks.OrderBy(t => t.State).ThenBy(t => t.DueDate).ThenBy(t => t.Title, StringComparer.Ordinal).Select(t => WeekTasks.ToView(t, today))],
            manages ? [.. members.Values.OrderBy(m => m.UserName, StringComparer.Ordinal)] : [],
            measures);
    }

    /// <summary>
    /// The sub-branch's active members (and anyone assigned this week), by id, with their sign-in names for the board: the
    /// members in one directory query, then one lookup each only for an assignee no longer among them (moved or disabled).
    /// </summary>
    private async Task<Dictionary<Guid, BoardMember>> MembersAsync(Guid subBranchId, IReadOnlyList<WeeklyTask> tasks, CancellationToken ct)
    {
        var members = (await directory.ListActiveMembersAsync([subBranchId], ct))
            .GroupBy(m => m.UserId)
            .ToDictionary(g => g.Key, g => new BoardMember(g.Key, g.First().UserName, g.First().DisplayName));
        foreach (var id in tasks.SelectMany(t => t.Assignees).Select(a => a.UserId).Distinct().Where(id => !members.ContainsKey(id)).ToList())
        {
            if (await directory.FindUserAsync(id, ct) is { } user)
            {
                members[id] = new BoardMember(user.Id, user.UserName, user.DisplayName);
            }
        }

        return members;
    }

    private async Task<IReadOnlyList<BoardMeasureChoice>> ApprovedMeasuresAsync(Guid subBranchId, CancellationToken ct) =>
        await (from plan in db.Plans.AsNoTracking()
               join measure in db.Measures.AsNoTracking() on plan.Id equals measure.PlanId
               where plan.SubBranchId == subBranchId && plan.State == PlanState.Approved
               orderby plan.SchemeName, measure.Title
               select new BoardMeasureChoice(measure.Id, measure.Title, plan.SchemeName))
            .ToListAsync(ct);
}

internal static class GetTeamBoardEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/team-board", async Task<Ok<TeamBoard>> (Guid? subBranchId, int? year, int? week, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetTeamBoardQuery(subBranchId, year, week), ct)))
            .WithName("GetTeamBoard")
            .WithSummary("A sub-branch's week (?subBranchId= default own, ?year=&week= default current): by person and by measure with completion rates, overdue count (its managers and head office's readers).");
}
