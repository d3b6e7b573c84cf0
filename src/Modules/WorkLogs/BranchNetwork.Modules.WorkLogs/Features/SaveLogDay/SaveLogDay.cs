using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Tasks.Contracts;
using BranchNetwork.Modules.WorkLogs.Features.Shared;
using BranchNetwork.SharedKernel.Authorization;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.WorkLogs.Features.SaveLogDay;

/// <summary>A task line as the form sends it: the task and today's quantity; the title and unit come from the task.</summary>
internal sealed record LogLineInput(Guid TaskId, decimal Quantity, string? Note);

/// <summary>
/// WL-1: saves the caller's log of a day — the draft on first save (autosave), then edits until the day closes, also
/// after submitting. Task lines must link the caller's own tasks. <see cref="Version"/> is optional: the autosave sends
/// the version it read, so two open forms never overwrite each other silently.
/// </summary>
[AnySignedInUser]
internal sealed record SaveLogDayCommand(
    string Day,
    string? Done,
    string? Problems,
    string? Plan,
    bool SharedWithTeam,
    IReadOnlyDictionary<string, string?>? Fields,
    IReadOnlyList<LogLineInput>? Lines,
    long? Version) : ICommand<LogDayView>;

internal sealed class SaveLogDayValidator : AbstractValidator<SaveLogDayCommand>
{
    public const decimal QuantityMax = 1_000_000_000m;

    public SaveLogDayValidator()
    {
        RuleFor(c => c.Done).MaximumLength(DailyLog.TextMaxLength).WithMessage(_ => DomainText.Format("TextTooLong", DailyLog.TextMaxLength))
            .Must(LogTexts.IsFreeText).WithMessage(_ => DomainText.Get("Logs_NoControlCharacters"));
        RuleFor(c => c.Problems).MaximumLength(DailyLog.TextMaxLength).WithMessage(_ => DomainText.Format("TextTooLong", DailyLog.TextMaxLength))
            .Must(LogTexts.IsFreeText).WithMessage(_ => DomainText.Get("Logs_NoControlCharacters"));
        RuleFor(c => c.Plan).MaximumLength(DailyLog.TextMaxLength).WithMessage(_ => DomainText.Format("TextTooLong", DailyLog.TextMaxLength))
            .Must(LogTexts.IsFreeText).WithMessage(_ => DomainText.Get("Logs_NoControlCharacters"));
        RuleFor(c => c.Fields).Must(f => f is null || f.Count <= LogTemplate.MaxFields).WithMessage(_ => DomainText.Format("TooManyFields", LogTemplate.MaxFields));
        RuleFor(c => c.Lines).Must(l => l is null || l.Count <= DailyLog.MaxLines).WithMessage(_ => DomainText.Format("TooManyLines", DailyLog.MaxLines));
        RuleForEach(c => c.Lines).ChildRules(line =>
        {
            line.RuleFor(l => l.TaskId).NotEmpty().WithMessage(_ => DomainText.Get("Logs_TaskNotYours"));
            line.RuleFor(l => l.Quantity).InclusiveBetween(0m, QuantityMax).WithMessage(_ => DomainText.Get("QuantityNegative"));
            line.RuleFor(l => l.Note).MaximumLength(DailyLog.LineNoteMaxLength).WithMessage(_ => DomainText.Format("Logs_NoteTooLong", DailyLog.LineNoteMaxLength))
                .Must(LogTexts.IsPlainText).WithMessage(_ => DomainText.Get("Logs_NoControlCharacters"));
        });
        RuleFor(c => c.Version).GreaterThan(0).When(c => c.Version is not null);
    }
}

internal sealed class SaveLogDayHandler(
    WorkLogsDbContext db, WorkLogsAccess access, IOrganisationDirectory directory, IAssignedTasks tasks, WorkLogSettings settings, BankCalendar calendar, IClock clock)
    : ICommandHandler<SaveLogDayCommand, LogDayView>
{
    public async ValueTask<LogDayView> Handle(SaveLogDayCommand command, CancellationToken cancellationToken)
    {
        var day = LogDays.ParseDay(command.Day);
        var (author, position) = await LogDays.AuthorAsync(access, directory, cancellationToken);
        var lines = await LinesAsync(author.UserId, command.Lines ?? [], cancellationToken);
        var window = settings.Window;

        // Two saves of the same day can race (the autosave and a second tab): without a version the later one simply
        // wins, so a lost race — the other created the log first, or changed it — is tried once more against what is there.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var log = await SaveAsync(author, position, day, lines, command, window, cancellationToken);
                var week = await tasks.ListForWeekAsync(author.UserId, day, cancellationToken);
                return LogDays.ToView(log, day, null, week, window, calendar, clock);
            }
            catch (DbUpdateException) when (attempt == 0 && command.Version is null)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<DailyLog> SaveAsync(
        LogAuthor author, string? position, DateOnly day, IReadOnlyList<LogLineDraft> lines, SaveLogDayCommand command, LogWindow window, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var log = await LogDays.FindAsync(db, author.UserId, day, withParts: false, ct);
        if (log is null)
        {
            log = DailyLog.Start(author, day, await LogDays.TemplateForAsync(db, position, ct), window, clock);
            log.Write(Content(command, lines, []), window, clock);
            db.Logs.Add(log);
        }
        else
        {
            if (command.Version is { } version)
            {
                db.Entry(log).Property(l => l.Version).OriginalValue = version;
            }

            log.Write(Content(command, lines, log.Attachments), window, clock);

            // The lines and field values are replaced as a whole: the old rows go first (they were not loaded).
            await db.LogLines.Where(l => l.LogId == log.Id).ExecuteDeleteAsync(ct);
            await db.FieldValues.Where(v => v.LogId == log.Id).ExecuteDeleteAsync(ct);
            db.LogLines.AddRange(log.Lines);
            db.FieldValues.AddRange(log.FieldValues);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return log;
    }

    private static LogContent Content(SaveLogDayCommand command, IReadOnlyList<LogLineDraft> lines, IReadOnlyList<LogAttachment> attachments) =>
        new(command.Done, command.Problems, command.Plan, command.SharedWithTeam, command.Fields ?? new Dictionary<string, string?>(), lines, attachments);

    /// <summary>Each line must link a task assigned to the author (IAssignedTasks); title and unit are copied from it.</summary>
    private async Task<IReadOnlyList<LogLineDraft>> LinesAsync(Guid authorId, IReadOnlyList<LogLineInput> inputs, CancellationToken ct)
    {
        var assigned = (await tasks.FindAssignedAsync(authorId, [.. inputs.Select(l => l.TaskId)], ct)).ToDictionary(t => t.TaskId);
        var drafts = new List<LogLineDraft>();
        for (var i = 0; i < inputs.Count; i++)
        {
            if (!assigned.TryGetValue(inputs[i].TaskId, out var task))
            {
                throw new ValidationFailedException($"lines[{i}].taskId", DomainText.Get("Logs_TaskNotYours"));
            }

            drafts.Add(new LogLineDraft(
                task.TaskId,
                LogTexts.Cut(task.Title, LogTaskLine.TitleMaxLength),
                inputs[i].Quantity,
                LogTexts.Cut(task.Unit, LogTaskLine.UnitMaxLength),
                inputs[i].Note));
        }

        return drafts;
    }
}

internal static class SaveLogDayEndpoint
{
    internal sealed record SaveLogDayBody(
        string? Done,
        string? Problems,
        string? Plan,
        bool SharedWithTeam,
        IReadOnlyDictionary<string, string?>? Fields,
        IReadOnlyList<LogLineInput>? Lines,
        long? Version);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/days/{day}", async Task<Ok<LogDayView>> (string day, SaveLogDayBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(
                    new SaveLogDayCommand(day, body.Done, body.Problems, body.Plan, body.SharedWithTeam, body.Fields, body.Lines, body.Version), ct)))
            .WithName("SaveLogDay")
            .WithSummary("Saves the caller's log of a day (creates the draft on first save, edits until the day closes at 10:00 the next day); lines link the caller's own weekly tasks.");
}
