using BranchNetwork.Infrastructure.Outbox;
using BranchNetwork.Infrastructure.Text;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Notifications.Contracts;
using BranchNetwork.Modules.Tasks.Features.Shared;
using BranchNetwork.SharedKernel.Authorization;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Tasks.Features.WritePrompt;

/// <summary>
/// 督导提示 (TK-4): a head-office supervisor prompts a sub-branch about one task of a week, or about the whole week.
/// The task's assignees (a week prompt: the sub-branch's heads) are notified live, in the same transaction.
/// </summary>
[AllowedRoles(BankRoles.HeadOfficeSupervisor)]
internal sealed record WritePromptCommand(Guid SubBranchId, int Year, int Week, Guid? TaskId, string Text) : ICommand<PromptDto>;

internal sealed class WritePromptValidator : AbstractValidator<WritePromptCommand>
{
    public WritePromptValidator()
    {
        RuleFor(c => c.SubBranchId).NotEmpty();
        RuleFor(c => c.Week).Must((c, w) => TaskWeek.IsValid(c.Year, w)).WithMessage(_ => DomainText.Get("Sv_WeekInvalid"));
        // A prompt may run over several lines; any other control character or a text-direction control is refused.
        RuleFor(c => c.Text).NotEmpty().MaximumLength(SupervisionPrompt.TextMaxLength)
            .Must(t => t is null || (!TextGuard.HasBidiControl(t) && !t.Any(ch => char.IsControl(ch) && ch is not ('\n' or '\r' or '\t'))))
            .WithMessage(_ => TextRules.BidiControlMessage);
    }
}

internal sealed class WritePromptHandler(TasksDbContext db, TasksAccess access, IOrganisationDirectory directory, OutboxProcessor outbox, IClock clock)
    : ICommandHandler<WritePromptCommand, PromptDto>
{
    public async ValueTask<PromptDto> Handle(WritePromptCommand command, CancellationToken cancellationToken)
    {
        access.User.EnsureAnyRole(BankRoles.HeadOfficeSupervisor);
        var unit = await directory.FindUnitAsync(command.SubBranchId, cancellationToken);
        if (unit is not { Kind: OrgUnitKind.SubBranch })
        {
            throw new NotFoundException("tasks.sub_branch_not_found", DomainText.Get("Sv_SubBranchNotFound"));
        }

        var week = new TaskWeek(command.Year, command.Week);
        WeeklyTask? task = null;
        if (command.TaskId is { } taskId)
        {
            task = await db.Tasks.Include(t => t.Assignees)
                .FirstOrDefaultAsync(t => t.Id == taskId && t.SubBranchId == unit.Id && t.WeekStart == week.Start, cancellationToken)
                ?? throw new NotFoundException("tasks.task_not_found", DomainText.Get("Sv_TaskNotFound"));
        }

        var author = access.User.DisplayName ?? "";
        var prompt = SupervisionPrompt.Write(unit.Id, week, task?.Id, command.Text, access.User.RequireUserId(), author, clock);
        db.Prompts.Add(prompt);
        IReadOnlyList<Guid> recipients;
        string link;
        if (task is not null)
        {
            db.TaskHistory.Add(TaskHistoryEntry.Of(task, TaskEventKind.Prompted, author, prompt.Text, clock));
            recipients = [.. task.Assignees.Select(a => a.UserId)];
            link = "/tasks/my-week";
        }
        else
        {
            recipients = await directory.ListActiveUserIdsAsync(unit.Id, BankRoles.SubBranchHead, cancellationToken);
            link = "/tasks/team";
        }

        if (recipients.Count > 0)
        {
            var subject = task?.Title ?? week.ToString();
            db.AddIntegrationEvent(new NotificationsRequested(
                Guid.CreateVersion7(),
                clock.UtcNow,
                TasksModule.TextPrefix,
                [new NotificationItem(
                    [.. recipients.Distinct()],
                    LocalizedText.Of($"{TasksModule.TextPrefix}:Sv_Notify_PromptTitle", subject),
                    LocalizedText.Of($"{TasksModule.TextPrefix}:Sv_Notify_Text", prompt.Text.Length <= 500 ? prompt.Text : prompt.Text[..497] + "…"),
                    link)]));
        }

        await db.SaveChangesAsync(cancellationToken);
        outbox.Wake();
        return new PromptDto(prompt.Id, prompt.SubBranchId, prompt.WeekStart, prompt.TaskId, task?.Title, prompt.Text, prompt.AuthorName, prompt.WrittenAtUtc);
    }
}

internal static class WritePromptEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/prompts", async Task<Created<PromptDto>> (WritePromptCommand command, ISender sender, CancellationToken ct) =>
            {
                var prompt = await sender.Send(command, ct);
                return TypedResults.Created($"/api/tasks/prompts?subBranchId={prompt.SubBranchId}", prompt);
            })
            .WithName("WritePrompt")
            .WithSummary("A supervision prompt (督导提示) on a task or on a sub-branch's week; notifies the task's assignees or the sub-branch head (supervisor).");
}
