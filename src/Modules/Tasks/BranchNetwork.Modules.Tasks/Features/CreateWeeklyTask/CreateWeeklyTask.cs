using BranchNetwork.Infrastructure.Text;
using BranchNetwork.Modules.Assessment.Contracts;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Tasks.Features.Shared;
using BranchNetwork.SharedKernel.Authorization;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Tasks.Features.CreateWeeklyTask;

/// <summary>
/// TK-2: a manager of the sub-branch (head, department manager, accounting supervisor) splits a measure of its
/// approved work plan into a task for an ISO week of the scheme period, for active members of the sub-branch.
/// </summary>
[AllowedRoles(BankRoles.SubBranchHead, BankRoles.DepartmentManager, BankRoles.AccountingSupervisor)]
internal sealed record CreateWeeklyTaskCommand(
    int Year,
    int Week,
    Guid MeasureId,
    string Title,
    decimal Quantity,
    string Unit,
    IReadOnlyList<Guid> AssigneeIds,
    DateOnly DueDate,
    TaskRecurrence Recurrence,
    DateOnly? RecursUntil) : ICommand<TaskView>;

internal sealed class CreateWeeklyTaskValidator : AbstractValidator<CreateWeeklyTaskCommand>
{
    public CreateWeeklyTaskValidator()
    {
        RuleFor(c => c.MeasureId).NotEmpty();
        RuleFor(c => c.Title).NotEmpty().MaximumLength(WeeklyTask.TitleMaxLength).NoControlCharacters();
        RuleFor(c => c.Quantity).GreaterThan(0).WithMessage(_ => DomainText.Get("QuantityPositive"));
        RuleFor(c => c.Unit).NotEmpty().MaximumLength(WeeklyTask.UnitMaxLength).NoControlCharacters();
        RuleFor(c => c.AssigneeIds).NotNull().Must(a => a is { Count: > 0 and <= WeeklyTask.MaxAssignees } && a.All(id => id != Guid.Empty))
            .WithMessage(_ => DomainText.Get("TaskNeedsAssignee"));
        RuleFor(c => c.Recurrence).IsInEnum();
    }
}

internal sealed class CreateWeeklyTaskHandler(TasksDbContext db, TasksAccess access, IAssessmentSheets sheets, IOrganisationDirectory directory, IClock clock)
    : ICommandHandler<CreateWeeklyTaskCommand, TaskView>
{
    public async ValueTask<TaskView> Handle(CreateWeeklyTaskCommand command, CancellationToken cancellationToken)
    {
        var measure = await db.Measures.AsNoTracking().FirstOrDefaultAsync(m => m.Id == command.MeasureId, cancellationToken);
        var plan = measure is null ? null : await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == measure.PlanId, cancellationToken);
        if (measure is null || plan is null || !await access.CanReadSubBranchAsync(plan.SubBranchId, cancellationToken))
        {
            throw new NotFoundException("tasks.measure_not_found", DomainText.Get("MeasureNotFound"));
        }

        if (!await access.ManagesTasksOfAsync(plan.SubBranchId, cancellationToken))
        {
            throw new ForbiddenException("tasks.not_task_manager", DomainText.Get("NotTaskManager"));
        }

        if (plan.State != PlanState.Approved)
        {
            throw new ConflictException("tasks.plan_not_approved", DomainText.Get("PlanNotApproved"));
        }

        if (!TaskWeek.IsValid(command.Year, command.Week))
        {
            throw new ValidationFailedException("week", DomainText.Get("WeekInvalid"));
        }

        var week = new TaskWeek(command.Year, command.Week);
        var sheet = await sheets.FindAsync(plan.SchemeId, plan.SubBranchId, cancellationToken);
        if (sheet is null || !week.Overlaps(sheet.StartDate, sheet.EndDate))
        {
            throw new ValidationFailedException("week", DomainText.Get("WeekOutsidePeriod"));
        }

        var assignees = await MembersAsync(plan.SubBranchId, command.AssigneeIds, cancellationToken);
        var (byId, byName) = await access.CallerAsync(directory, cancellationToken);
        var task = WeeklyTask.Create(
            new NewTask(plan.Id, measure.Id, measure.Title, plan.SchemeId, plan.SubBranchId, measure.IndicatorId, week, command.Title, command.Quantity, command.Unit,
                command.DueDate, command.Recurrence, command.RecursUntil, assignees),
            byId,
            byName);
        db.Tasks.Add(task);
        db.TaskHistory.Add(TaskHistoryEntry.Of(task, TaskEventKind.Created, byName, null, clock));
        db.SignalBoard(task.SubBranchId, clock);
        await db.SaveChangesAsync(cancellationToken);
        return WeekTasks.ToView(task, BankCalendar.Today(clock));
    }

    /// <summary>The assignees' names from the directory; each must be an active user of the sub-branch or one of its teams.</summary>
    private async Task<IReadOnlyList<(Guid UserId, string Name)>> MembersAsync(Guid subBranchId, IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        var units = (await directory.GetUnitAndDescendantsAsync(subBranchId, ct)).Append(subBranchId).ToHashSet();
        var members = new List<(Guid, string)>();
        foreach (var id in ids.Distinct())
        {
            var user = await directory.FindUserAsync(id, ct);
            if (user is not { IsActive: true } || !units.Contains(user.UnitId))
            {
                throw new ValidationFailedException("assigneeIds", DomainText.Get("AssigneeNotMember"));
            }

            members.Add((user.Id, user.DisplayName.Length > TaskAssignee.NameMaxLength ? user.DisplayName[..TaskAssignee.NameMaxLength] : user.DisplayName));
        }

        return members;
    }
}

internal static class CreateWeeklyTaskEndpoint
{
    internal sealed record CreateWeeklyTaskBody(
        Guid MeasureId,
        string Title,
        decimal Quantity,
        string Unit,
        IReadOnlyList<Guid> AssigneeIds,
        DateOnly DueDate,
        TaskRecurrence Recurrence,
        DateOnly? RecursUntil);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/weeks/{year:int}/{week:int}/tasks", async Task<Created<TaskView>> (int year, int week, CreateWeeklyTaskBody body, ISender sender, CancellationToken ct) =>
            {
                var task = await sender.Send(
                    new CreateWeeklyTaskCommand(year, week, body.MeasureId, body.Title, body.Quantity, body.Unit, body.AssigneeIds, body.DueDate, body.Recurrence, body.RecursUntil),
                    ct);
                return TypedResults.Created($"/api/tasks/tasks/{task.Id}", task);
            })
            .WithName("CreateWeeklyTask")
            .WithSummary("Splits an approved plan measure into a task for ISO week {year}-W{week} (head, department manager or accounting supervisor of the plan's sub-branch).");
}
