using BranchNetwork.Modules.Tasks.Features.Shared;
using BranchNetwork.SharedKernel.Authorization;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Tasks.Features.GetMyWeek;

/// <param name="Total">Tasks of the week assigned to the caller, cancelled ones excepted.</param>
/// <param name="Done">Of those, written off.</param>
/// <param name="Rate">Done / Total in percent (0 when there is nothing to do).</param>
internal sealed record MyWeekTotals(int Total, int Done, int Remaining, int Overdue, decimal Rate);

/// <summary>The caller's tasks of one week: open ones first (by due date), then those closed one way or another.</summary>
internal sealed record MyWeek(int Year, int Week, DateOnly Start, DateOnly End, bool IsCurrent, IReadOnlyList<TaskView> Remaining, IReadOnlyList<TaskView> Done, MyWeekTotals Totals);

/// <summary>TK-3: "my week" — the caller's tasks of an ISO week (default: the current week in China time).</summary>
[AnySignedInUser]
internal sealed record GetMyWeekQuery(int? Year, int? Week) : IQuery<MyWeek>;

internal sealed class GetMyWeekHandler(TasksDbContext db, TasksAccess access, IClock clock) : IQueryHandler<GetMyWeekQuery, MyWeek>
{
    public async ValueTask<MyWeek> Handle(GetMyWeekQuery query, CancellationToken cancellationToken)
    {
        var me = access.User.RequireUserId();
        var today = BankCalendar.Today(clock);
        var week = WeekQuery.Resolve(query.Year, query.Week, clock);
        var tasks = await db.Tasks.AsNoTracking().Include(t => t.Assignees)
            .Where(t => t.WeekStart == week.Start && t.Assignees.Any(a => a.UserId == me))
            .ToListAsync(cancellationToken);
        var views = tasks.OrderBy(t => t.DueDate).ThenBy(t => t.Title, StringComparer.Ordinal).Select(t => WeekTasks.ToView(t, today)).ToList();
        var counted = views.Where(v => v.State != WeeklyTaskState.Cancelled).ToList();
        var done = counted.Count(v => v.State == WeeklyTaskState.Done);
        var remaining = views.Where(v => v.State == WeeklyTaskState.Open).ToList();
        return new MyWeek(
            week.Year, week.Number, week.Start, week.End, week == TaskWeek.Of(today),
            remaining,
            [.. views.Where(v => v.State != WeeklyTaskState.Open)],
            new MyWeekTotals(counted.Count, done, remaining.Count, remaining.Count(v => v.IsOverdue), WeekQuery.Rate(done, counted.Count)));
    }
}

internal static class GetMyWeekEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/my-week", async Task<Ok<MyWeek>> (int? year, int? week, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetMyWeekQuery(year, week), ct)))
            .WithName("GetMyWeek")
            .WithSummary("The caller's tasks of an ISO week (?year=&week=, default the current week, Asia/Shanghai): remaining, done and totals.");
}
