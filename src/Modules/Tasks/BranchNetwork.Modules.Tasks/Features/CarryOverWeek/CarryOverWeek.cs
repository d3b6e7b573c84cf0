using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Tasks.Features.Shared;
using BranchNetwork.SharedKernel.Authorization;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Tasks.Features.CarryOverWeek;

internal sealed record WeekCarriedOver(int Year, int Week, Guid SubBranchId, int Count, IReadOnlyList<Guid> NewTaskIds);

/// <summary>
/// TK-2: a manager carries every unfinished (open) task of a closed week of their sub-branch over to the following
/// week in one action; each task gets its own history line, as if carried over one by one.
/// </summary>
[AllowedRoles(BankRoles.SubBranchHead, BankRoles.DepartmentManager, BankRoles.AccountingSupervisor)]
internal sealed record CarryOverWeekCommand(int Year, int Week, Guid? SubBranchId, string? Reason) : ICommand<WeekCarriedOver>;

internal sealed class CarryOverWeekValidator : AbstractValidator<CarryOverWeekCommand>
{
    public CarryOverWeekValidator() => RuleFor(c => c.Reason).MaximumLength(TaskHistoryEntry.DetailMaxLength).Must(WeekTasks.IsPlainText).WithMessage(_ => DomainText.Get("NoControlCharacters"));
}

internal sealed class CarryOverWeekHandler(TasksDbContext db, TasksAccess access, IOrganisationDirectory directory, IClock clock)
    : ICommandHandler<CarryOverWeekCommand, WeekCarriedOver>
{
    public async ValueTask<WeekCarriedOver> Handle(CarryOverWeekCommand command, CancellationToken cancellationToken)
    {
        var subBranchId = command.SubBranchId ?? await access.OwnSubBranchAsync(cancellationToken)
            ?? throw new NotFoundException("tasks.sub_branch_not_found", DomainText.Get("TaskNotFound"));
        if (!await access.CanReadSubBranchAsync(subBranchId, cancellationToken))
        {
            throw new NotFoundException("tasks.sub_branch_not_found", DomainText.Get("TaskNotFound"));
        }

        if (!await access.ManagesTasksOfAsync(subBranchId, cancellationToken))
        {
            throw new ForbiddenException("tasks.not_task_manager", DomainText.Get("NotTaskManager"));
        }

        if (!TaskWeek.IsValid(command.Year, command.Week))
        {
            throw new ValidationFailedException("week", DomainText.Get("WeekInvalid"));
        }

        var week = new TaskWeek(command.Year, command.Week);
        if (week.End >= BankCalendar.Today(clock))
        {
            throw new ConflictException("tasks.week_not_closed", DomainText.Get("WeekNotClosed"));
        }

        var reason = string.IsNullOrWhiteSpace(command.Reason) ? DomainText.Get("WeekCarryOverReason") : command.Reason.Trim();
        var (byId, byName) = await access.CallerAsync(directory, cancellationToken);
        var open = await db.Tasks.Include(t => t.Assignees)
            .Where(t => t.SubBranchId == subBranchId && t.WeekStart == week.Start && t.State == WeeklyTaskState.Open)
            .ToListAsync(cancellationToken);
        var created = new List<Guid>();
        foreach (var task in open)
        {
            var next = task.CarryOver(reason, byId, byName, clock);
            db.Tasks.Add(next);
            db.TaskHistory.Add(TaskHistoryEntry.Of(task, TaskEventKind.CarriedOver, byName, reason, clock));
            created.Add(next.Id);
        }

        if (open.Count > 0)
        {
            db.SignalBoard(subBranchId, clock);
            await db.SaveChangesAsync(cancellationToken);
        }

        return new WeekCarriedOver(week.Year, week.Number, subBranchId, created.Count, created);
    }
}

internal static class CarryOverWeekEndpoint
{
    internal sealed record CarryOverWeekBody(Guid? SubBranchId, string? Reason);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/weeks/{year:int}/{week:int}/carry-over", async Task<Ok<WeekCarriedOver>> (int year, int week, CarryOverWeekBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new CarryOverWeekCommand(year, week, body.SubBranchId, body.Reason), ct)))
            .WithName("CarryOverWeek")
            .WithSummary("Carries every open task of a closed (past) week of the sub-branch (default: the caller's) over to the next week, each keeping its history (a manager of the sub-branch).");
}
