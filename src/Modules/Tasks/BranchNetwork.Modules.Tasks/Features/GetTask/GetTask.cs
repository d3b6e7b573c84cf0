using BranchNetwork.Modules.Tasks.Features.Shared;
using BranchNetwork.SharedKernel.Authorization;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Tasks.Features.GetTask;

internal sealed record TaskHistoryLine(Guid TaskId, TaskEventKind Kind, DateTime AtUtc, string ByName, string? Detail);

/// <summary>The task, every task of its series (week by week) and the series' history, oldest first.</summary>
internal sealed record TaskDetail(TaskView Task, IReadOnlyList<TaskView> Series, IReadOnlyList<TaskHistoryLine> History, bool CanManage, bool CanWriteOff);

/// <summary>TK-2: a task with its history across carry-overs and recurrences, for whoever may read its sub-branch.</summary>
[AnySignedInUser]
internal sealed record GetTaskQuery(Guid TaskId) : IQuery<TaskDetail>;

internal sealed class GetTaskHandler(TasksDbContext db, TasksAccess access, IClock clock) : IQueryHandler<GetTaskQuery, TaskDetail>
{
    public async ValueTask<TaskDetail> Handle(GetTaskQuery query, CancellationToken cancellationToken)
    {
        var task = await db.ReadableTaskAsync(access, query.TaskId, cancellationToken);
        var today = BankCalendar.Today(clock);
        var series = await db.Tasks.AsNoTracking().Include(t => t.Assignees)
            .Where(t => t.SeriesId == task.SeriesId)
            .OrderBy(t => t.WeekStart)
            .ToListAsync(cancellationToken);
        var history = await db.TaskHistory.AsNoTracking()
            .Where(h => h.SeriesId == task.SeriesId)
            .Select(h => new TaskHistoryLine(h.TaskId, h.Kind, h.AtUtc, h.ByName, h.Detail))
            .ToListAsync(cancellationToken);
        var me = access.User.UserId;
        return new TaskDetail(
            WeekTasks.ToView(task, today),
            [.. series.Select(t => WeekTasks.ToView(t, today))],
            [.. history.OrderBy(h => h.AtUtc).ThenBy(h => h.Kind)],
            await access.ManagesTasksOfAsync(task.SubBranchId, cancellationToken),
            task.State == WeeklyTaskState.Open && me is { } id && task.IsAssignedTo(id));
    }
}

internal static class GetTaskEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/tasks/{id:guid}", async Task<Ok<TaskDetail>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetTaskQuery(id), ct)))
            .WithName("GetWeeklyTask")
            .WithSummary("A weekly task with every week of its series and the series' history (its sub-branch and head office's readers).");
}
