using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Tasks.Features.Shared;
using BranchNetwork.SharedKernel.Authorization;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Tasks.Features.CarryOverTask;

/// <summary>TK-2: a manager of the sub-branch moves an open task to the next week with a reason; the new task keeps the series and its history.</summary>
[AllowedRoles(BankRoles.SubBranchHead, BankRoles.DepartmentManager, BankRoles.AccountingSupervisor)]
internal sealed record CarryOverTaskCommand(Guid TaskId, string Reason) : ICommand<TaskView>;

internal sealed class CarryOverTaskValidator : AbstractValidator<CarryOverTaskCommand>
{
    public CarryOverTaskValidator() =>
        RuleFor(c => c.Reason).NotEmpty().WithMessage(_ => DomainText.Get("ReasonRequired")).MaximumLength(TaskHistoryEntry.DetailMaxLength).Must(WeekTasks.IsPlainText).WithMessage(_ => DomainText.Get("NoControlCharacters"));
}

internal sealed class CarryOverTaskHandler(TasksDbContext db, TasksAccess access, IOrganisationDirectory directory, IClock clock)
    : ICommandHandler<CarryOverTaskCommand, TaskView>
{
    public async ValueTask<TaskView> Handle(CarryOverTaskCommand command, CancellationToken cancellationToken)
    {
        var task = await db.ManagedTaskAsync(access, command.TaskId, cancellationToken);
        var (byId, byName) = await access.CallerAsync(directory, cancellationToken);
        var next = task.CarryOver(command.Reason, byId, byName, clock);
        db.Tasks.Add(next);
        db.TaskHistory.Add(TaskHistoryEntry.Of(task, TaskEventKind.CarriedOver, byName, command.Reason, clock));
        db.SignalBoard(task.SubBranchId, clock);
        await db.SaveChangesAsync(cancellationToken);
        return WeekTasks.ToView(next, BankCalendar.Today(clock));
    }
}

internal static class CarryOverTaskEndpoint
{
    internal sealed record CarryOverTaskBody(string Reason);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/tasks/{id:guid}/carry-over", async Task<Ok<TaskView>> (Guid id, CarryOverTaskBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new CarryOverTaskCommand(id, body.Reason), ct)))
            .WithName("CarryOverTask")
            .WithSummary("Carries an open task over to the next week with a reason and answers the new week's task (a manager of its sub-branch).");
}
