using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Tasks.Features.Shared;
using BranchNetwork.SharedKernel.Authorization;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Tasks.Features.CancelTask;

/// <summary>TK-2: a manager of the sub-branch cancels an open task with a reason (a recurring series ends with it).</summary>
[AllowedRoles(BankRoles.SubBranchHead, BankRoles.DepartmentManager, BankRoles.AccountingSupervisor)]
internal sealed record CancelTaskCommand(Guid TaskId, string Reason) : ICommand<TaskView>;

internal sealed class CancelTaskValidator : AbstractValidator<CancelTaskCommand>
{
    public CancelTaskValidator() =>
        RuleFor(c => c.Reason).NotEmpty().WithMessage(_ => DomainText.Get("ReasonRequired")).MaximumLength(TaskHistoryEntry.DetailMaxLength).Must(WeekTasks.IsPlainText).WithMessage(_ => DomainText.Get("NoControlCharacters"));
}

internal sealed class CancelTaskHandler(TasksDbContext db, TasksAccess access, IOrganisationDirectory directory, IClock clock)
    : ICommandHandler<CancelTaskCommand, TaskView>
{
    public async ValueTask<TaskView> Handle(CancelTaskCommand command, CancellationToken cancellationToken)
    {
        var task = await db.ManagedTaskAsync(access, command.TaskId, cancellationToken);
        var (byId, byName) = await access.CallerAsync(directory, cancellationToken);
        task.Cancel(command.Reason, byId, byName, clock);
        db.TaskHistory.Add(TaskHistoryEntry.Of(task, TaskEventKind.Cancelled, byName, command.Reason, clock));
        db.SignalBoard(task.SubBranchId, clock);
        await db.SaveChangesAsync(cancellationToken);
        return WeekTasks.ToView(task, BankCalendar.Today(clock));
    }
}

internal static class CancelTaskEndpoint
{
    internal sealed record CancelTaskBody(string Reason);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/tasks/{id:guid}/cancel", async Task<Ok<TaskView>> (Guid id, CancelTaskBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new CancelTaskCommand(id, body.Reason), ct)))
            .WithName("CancelTask")
            .WithSummary("Cancels an open task with a reason (a manager of its sub-branch); a recurring series gets no further occurrence.");
}
