using BranchNetwork.Modules.Tasks.Contracts;
using BranchNetwork.Modules.WorkLogs.Features.Shared;
using BranchNetwork.SharedKernel.Authorization;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.WorkLogs.Features.AmendLog;

/// <summary>
/// WL-4: after the day closes the author adds a 补充说明 to the submitted log; the original stays unchanged and the
/// amendment is shown with its time. Readers who are not the author are refused (403); others learn nothing (404).
/// </summary>
[AnySignedInUser]
internal sealed record AmendLogCommand(Guid LogId, string Text) : ICommand<LogDayView>;

internal sealed class AmendLogValidator : AbstractValidator<AmendLogCommand>
{
    public AmendLogValidator() =>
        RuleFor(c => c.Text).NotEmpty().WithMessage(_ => DomainText.Get("Logs_AmendmentEmpty"))
            .MaximumLength(LogAmendment.TextMaxLength).WithMessage(_ => DomainText.Format("Logs_AmendmentTooLong", LogAmendment.TextMaxLength))
            .Must(LogTexts.IsFreeText).WithMessage(_ => DomainText.Get("Logs_NoControlCharacters"))
            .Must(t => t is null || !BranchNetwork.SharedKernel.TextGuard.HasBidiControl(t)).WithMessage(_ => DomainText.Get("Logs_NoControlCharacters"));
}

internal sealed class AmendLogHandler(
    WorkLogsDbContext db, WorkLogsAccess access, IAssignedTasks tasks, WorkLogSettings settings, BankCalendar calendar, IClock clock)
    : ICommandHandler<AmendLogCommand, LogDayView>
{
    public async ValueTask<LogDayView> Handle(AmendLogCommand command, CancellationToken cancellationToken)
    {
        await LogDays.RequireSubBranchAsync(access, cancellationToken);
        var log = await db.Logs.Include(l => l.Lines).Include(l => l.FieldValues).Include(l => l.Amendments).AsSplitQuery()
            .FirstOrDefaultAsync(l => l.Id == command.LogId, cancellationToken) ?? throw WorkLogsAccess.LogNotFound();
        await access.EnsureCanReadAsync(log, cancellationToken);
        if (log.AuthorId != access.User.RequireUserId())
        {
            throw new ForbiddenException("worklogs.not_author", DomainText.Get("Logs_NotAuthor"));
        }

        db.Amendments.Add(log.Amend(command.Text, settings.Window, clock));
        await db.SaveChangesAsync(cancellationToken);
        var week = await tasks.ListForWeekAsync(log.AuthorId, log.Day, cancellationToken);
        return LogDays.ToView(log, log.Day, null, week, settings.Window, calendar, clock);
    }
}

internal static class AmendLogEndpoint
{
    internal sealed record AmendLogBody(string Text);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/logs/{id:guid}/amendments", async Task<Ok<LogDayView>> (Guid id, AmendLogBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new AmendLogCommand(id, body.Text), ct)))
            .WithName("AmendLog")
            .WithSummary("Adds a 补充说明 to the caller's submitted log after its day has closed; the original is kept (the author only).");
}
