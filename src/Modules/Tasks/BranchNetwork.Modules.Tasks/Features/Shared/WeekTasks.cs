using BranchNetwork.Infrastructure.Outbox;
using BranchNetwork.Modules.Files.Contracts;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Notifications.Contracts;

namespace BranchNetwork.Modules.Tasks.Features.Shared;

/// <summary>A weekly task as its readers see it (my week, the team board, the task page).</summary>
internal sealed record TaskView(
    Guid Id,
    Guid MeasureId,
    string MeasureTitle,
    Guid SubBranchId,
    int Year,
    int Week,
    string Title,
    decimal Quantity,
    string Unit,
    DateOnly DueDate,
    WeeklyTaskState State,
    TaskRecurrence Recurrence,
    DateOnly? RecursUntil,
    Guid SeriesId,
    Guid? CarriedFromTaskId,
    decimal? ActualQuantity,
    string? Note,
    Guid? EvidenceFileId,
    string? Reason,
    string? ClosedByName,
    DateTime? ClosedAtUtc,
    bool IsOverdue,
    IReadOnlyList<TaskAssigneeView> Assignees,
    long Version);

internal sealed record TaskAssigneeView(Guid UserId, string Name);

/// <summary>What the week area shares between its slices: the task's view, loading with ORG-3, history lines, the live board signal.</summary>
internal static class WeekTasks
{
    /// <summary>The live topic a sub-branch's team board listens to (hub client method "signal").</summary>
    public const string BoardTopic = "tasks.board";

    public const string SystemName = "系统";

    public static readonly FilePurpose EvidencePurpose = new(
        "tasks.evidence",
        10 * 1024 * 1024,
        [FileKind.Pdf, FileKind.Png, FileKind.Jpeg, FileKind.Xlsx, FileKind.Docx, FileKind.Text],
        MaxFilesPerOwner: 10);

    public static TaskView ToView(WeeklyTask task, DateOnly today)
    {
        var week = task.Week;
        return new TaskView(
            task.Id, task.MeasureId, task.MeasureTitle, task.SubBranchId, week.Year, week.Number, task.Title, task.Quantity, task.Unit, task.DueDate,
            task.State, task.Recurrence, task.RecursUntil, task.SeriesId, task.CarriedFromTaskId, task.ActualQuantity, task.Note, task.EvidenceFileId,
            task.Reason, task.ClosedByName, task.ClosedAtUtc, task.IsOverdue(today),
            [.. task.Assignees.Select(a => new TaskAssigneeView(a.UserId, a.UserName))], task.Version);
    }

    public static NotFoundException TaskNotFound() => new("tasks.task_not_found", DomainText.Get("TaskNotFound"));

    /// <summary>The task with its assignees, or 404 when it does not exist or belongs to a sub-branch the caller may not read.</summary>
    public static async Task<WeeklyTask> ReadableTaskAsync(this TasksDbContext db, TasksAccess access, Guid id, CancellationToken ct)
    {
        var task = await db.Tasks.Include(t => t.Assignees).FirstOrDefaultAsync(t => t.Id == id, ct);
        if (task is null || !await access.CanReadSubBranchAsync(task.SubBranchId, ct))
        {
            throw TaskNotFound();
        }

        return task;
    }

    /// <summary>The task for a manager of its sub-branch: 404 when not readable, 403 when readable but not theirs to manage.</summary>
    public static async Task<WeeklyTask> ManagedTaskAsync(this TasksDbContext db, TasksAccess access, Guid id, CancellationToken ct)
    {
        var task = await db.ReadableTaskAsync(access, id, ct);
        if (!await access.ManagesTasksOfAsync(task.SubBranchId, ct))
        {
            throw new ForbiddenException("tasks.not_task_manager", DomainText.Get("NotTaskManager"));
        }

        return task;
    }

    /// <summary>The caller's display name for history lines and "closed by".</summary>
    public static async Task<(Guid Id, string Name)> CallerAsync(this TasksAccess access, IOrganisationDirectory directory, CancellationToken ct)
    {
        var id = access.User.RequireUserId();
        var user = await directory.FindUserAsync(id, ct);
        return (id, user?.DisplayName ?? access.User.UserName ?? id.ToString());
    }

    /// <summary>Asks the notifications module to tell the sub-branch's open team boards to re-read (same save as the change).</summary>
    public static void SignalBoard(this TasksDbContext db, Guid subBranchId, IClock clock) =>
        db.AddIntegrationEvent(new LiveSignalRequested(Guid.CreateVersion7(), clock.UtcNow, subBranchId, BoardTopic));

    /// <summary>Free text (a note, a reason) may break lines, but carries no other control character into history and exports.</summary>
    public static bool IsPlainText(string? text) => text is null || (!TextGuard.HasBidiControl(text) && !text.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'));

    public static TaskWeek CurrentWeek(IClock clock) => TaskWeek.Of(BankCalendar.Today(clock));
}
