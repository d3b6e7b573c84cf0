using BranchNetwork.Modules.Tasks.Contracts;

namespace BranchNetwork.Modules.Tasks.Features.Shared;

/// <summary>The Tasks module's answer to <see cref="IAssignedTasks"/> (for the WorkLogs module's task lines).</summary>
internal sealed class AssignedTasks(TasksDbContext db) : IAssignedTasks
{
    public async Task<IReadOnlyList<AssignedTaskInfo>> ListForWeekAsync(Guid userId, DateOnly day, CancellationToken cancellationToken = default)
    {
        var weekStart = TaskWeek.Of(day).Start;
        // Ordered before the projection: a record's constructor cannot be ordered by in SQL.
        return await Project(db.Tasks.AsNoTracking().Where(t => t.WeekStart == weekStart && t.Assignees.Any(a => a.UserId == userId))
                .OrderBy(t => t.DueDate).ThenBy(t => t.Title))
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AssignedTaskInfo>> FindAssignedAsync(Guid userId, IReadOnlyCollection<Guid> taskIds, CancellationToken cancellationToken = default)
    {
        if (taskIds.Count == 0)
        {
            return [];
        }

        var ids = taskIds.Distinct().ToList();
        return await Project(db.Tasks.AsNoTracking().Where(t => ids.Contains(t.Id) && t.Assignees.Any(a => a.UserId == userId)))
            .ToListAsync(cancellationToken);
    }

    private static IQueryable<AssignedTaskInfo> Project(IQueryable<WeeklyTask> tasks) =>
        tasks.Select(t => new AssignedTaskInfo(t.Id, t.SubBranchId, t.Title, t.MeasureTitle, t.Quantity, t.Unit, t.WeekStart, t.DueDate, t.State == WeeklyTaskState.Open));
}
