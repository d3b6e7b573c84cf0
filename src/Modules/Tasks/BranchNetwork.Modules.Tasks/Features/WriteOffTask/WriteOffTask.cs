using BranchNetwork.Infrastructure.Outbox;
using BranchNetwork.Modules.Files.Contracts;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Tasks.Contracts;
using BranchNetwork.Modules.Tasks.Features.Shared;
using BranchNetwork.SharedKernel.Authorization;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Tasks.Features.WriteOffTask;

/// <summary>
/// 核销 (TK-2): an assignee records the actual quantity, a note and optionally an evidence file uploaded to the task.
/// The task's <see cref="Entity.Version"/> guards against a second writer: of two concurrent write-offs one wins and
/// the other gets 409. The written-off quantity goes to the assessment module (which decides whether the indicator
/// takes task progress) and the sub-branch's open team boards are nudged, both in the same save.
/// </summary>
[AnySignedInUser]
internal sealed record WriteOffTaskCommand(Guid TaskId, decimal ActualQuantity, string? Note, Guid? EvidenceFileId, long Version) : ICommand<TaskView>;

internal sealed class WriteOffTaskValidator : AbstractValidator<WriteOffTaskCommand>
{
    public WriteOffTaskValidator()
    {
        RuleFor(c => c.ActualQuantity).GreaterThanOrEqualTo(0).WithMessage(_ => DomainText.Get("QuantityNegative"));
        RuleFor(c => c.Note).MaximumLength(WeeklyTask.NoteMaxLength).Must(WeekTasks.IsPlainText).WithMessage(_ => DomainText.Get("NoControlCharacters"));
    }
}

internal sealed class WriteOffTaskHandler(TasksDbContext db, TasksAccess access, IOrganisationDirectory directory, IFileStore files, OutboxProcessor outbox, IClock clock)
    : ICommandHandler<WriteOffTaskCommand, TaskView>
{
    public async ValueTask<TaskView> Handle(WriteOffTaskCommand command, CancellationToken cancellationToken)
    {
        var task = await db.ReadableTaskAsync(access, command.TaskId, cancellationToken);
        var (byId, byName) = await access.CallerAsync(directory, cancellationToken);
        if (!task.IsAssignedTo(byId))
        {
            throw new ForbiddenException("tasks.not_assignee", DomainText.Get("NotAssignee"));
        }

        if (command.EvidenceFileId is { } fileId
            && (await files.ListAsync(WeekTasks.EvidencePurpose.Name, [task.Id], cancellationToken)).All(f => f.Id != fileId))
        {
            throw new ValidationFailedException("evidenceFileId", DomainText.Get("EvidenceNotOfTask"));
        }

        db.Entry(task).Property(t => t.Version).OriginalValue = command.Version;
        task.WriteOff(command.ActualQuantity, command.Note, command.EvidenceFileId, byId, byName, clock);
        db.TaskHistory.Add(TaskHistoryEntry.Of(task, TaskEventKind.WrittenOff, byName, $"{command.ActualQuantity} {task.Unit}", clock));
        db.AddIntegrationEvent(new WeeklyTaskWrittenOff(
            Guid.CreateVersion7(), clock.UtcNow, task.Id, task.SchemeId, task.SubBranchId, task.IndicatorId, BankCalendar.Today(clock), command.ActualQuantity, byId, byName));
        db.SignalBoard(task.SubBranchId, clock);
        await db.SaveChangesAsync(cancellationToken);
        outbox.Wake();
        return WeekTasks.ToView(task, BankCalendar.Today(clock));
    }
}

internal static class WriteOffTaskEndpoint
{
    internal sealed record WriteOffTaskBody(decimal ActualQuantity, string? Note, Guid? EvidenceFileId, long Version);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/tasks/{id:guid}/write-off", async Task<Ok<TaskView>> (Guid id, WriteOffTaskBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new WriteOffTaskCommand(id, body.ActualQuantity, body.Note, body.EvidenceFileId, body.Version), ct)))
            .WithName("WriteOffTask")
            .WithSummary("Writes off (核销) an open task with the actual quantity, a note and optionally an evidence file uploaded to it (an assignee; the task's version guards concurrent write-offs).");
}

