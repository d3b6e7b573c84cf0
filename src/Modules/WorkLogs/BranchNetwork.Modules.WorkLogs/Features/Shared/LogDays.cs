using System.Globalization;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Tasks.Contracts;

namespace BranchNetwork.Modules.WorkLogs.Features.Shared;

/// <summary>A field of the log's template with what the author filled in (null when empty).</summary>
internal sealed record LogFieldView(string Key, string Label, TemplateFieldType Type, bool Required, IReadOnlyList<string>? Choices, string? Unit, string? Value);

/// <summary>A task line of the log: the weekly task linked and the quantity done that day.</summary>
internal sealed record LogLineView(Guid TaskId, string TaskTitle, decimal Quantity, string Unit, string? Note);

/// <summary>A task of the author's ISO week, offered on the form to link with a quantity.</summary>
internal sealed record WeekTaskView(Guid TaskId, string Title, string MeasureTitle, decimal Quantity, string Unit, DateOnly DueDate, bool IsOpen);

internal sealed record AmendmentView(string Text, DateTime AddedAtUtc);

/// <summary>
/// The caller's log of one day as the form shows it: <see cref="State"/> is "New" before the first save. Times are UTC;
/// <see cref="IsClosed"/> says the day only takes amendments now.
/// </summary>
internal sealed record LogDayView(
    Guid? Id,
    DateOnly Day,
    string State,
    LogTimeliness? Timeliness,
    long? Version,
    Guid? TemplateId,
    string? TemplateName,
    string? Done,
    string? Problems,
    string? Plan,
    bool SharedWithTeam,
    IReadOnlyList<LogFieldView> Fields,
    IReadOnlyList<LogLineView> Lines,
    IReadOnlyList<WeekTaskView> WeekTasks,
    IReadOnlyList<LogAttachment> Attachments,
    IReadOnlyList<AmendmentView> Amendments,
    DateTime? LastSavedAtUtc,
    DateTime? SubmittedAtUtc,
    DateTime CutOffAtUtc,
    DateTime ClosesAtUtc,
    bool IsClosed,
    bool IsWorkingDay);

/// <summary>The logs area's shared rules: the day in the path, who writes, which template applies, the form's view.</summary>
internal static class LogDays
{
    public const string NewState = "New";

    /// <summary>The day of a path (yyyy-MM-dd); anything else is a 400 on <c>day</c>.</summary>
    public static DateOnly ParseDay(string? day) =>
        DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) && parsed.Year is >= 2000 and <= 2100
            ? parsed
            : throw new ValidationFailedException("day", DomainText.Get("Logs_DayInvalid"));

    /// <summary>Only members of a sub-branch write logs: head office has none to write (403 <c>worklogs.no_sub_branch</c>).</summary>
    public static async Task<Guid> RequireSubBranchAsync(WorkLogsAccess access, CancellationToken ct) =>
        await access.OwnSubBranchAsync(ct) ?? throw new ForbiddenException("worklogs.no_sub_branch", DomainText.Get("Logs_NoSubBranch"));

    public static async Task<(LogAuthor Author, string? Position)> AuthorAsync(WorkLogsAccess access, IOrganisationDirectory directory, CancellationToken ct)
    {
        var subBranch = await RequireSubBranchAsync(access, ct);
        var me = access.User.RequireUserId();
        var user = await directory.FindUserAsync(me, ct) ?? throw new ForbiddenException("worklogs.no_sub_branch", DomainText.Get("Logs_NoSubBranch"));
        var name = user.DisplayName.Length > DailyLog.NameMaxLength ? user.DisplayName[..DailyLog.NameMaxLength] : user.DisplayName;
        return (new LogAuthor(me, name, subBranch, user.UnitId), user.Position);
    }

    /// <summary>The active template of the position, else the default one (no position), else none.</summary>
    public static async Task<LogTemplate?> TemplateForAsync(WorkLogsDbContext db, string? position, CancellationToken ct)
    {
        var active = await db.Templates.AsNoTracking()
            .Where(t => !t.IsRetired && (t.Position == null || (position != null && t.Position == position)))
            .ToListAsync(ct);
        return active.OrderBy(t => t.Position is null ? 1 : 0).ThenBy(t => t.CreatedAtUtc).FirstOrDefault();
    }

    public static Task<DailyLog?> FindAsync(WorkLogsDbContext db, Guid authorId, DateOnly day, bool withParts, CancellationToken ct)
    {
        IQueryable<DailyLog> logs = db.Logs;
        if (withParts)
        {
            logs = logs.Include(l => l.Lines).Include(l => l.FieldValues).Include(l => l.Amendments).AsSplitQuery();
        }

        return logs.FirstOrDefaultAsync(l => l.AuthorId == authorId && l.Day == day, ct);
    }

    public static LogDayView ToView(
        DailyLog? log, DateOnly day, LogTemplate? template, IReadOnlyList<AssignedTaskInfo> weekTasks, LogWindow window, BankCalendar calendar, IClock clock)
    {
        var fields = log?.TemplateFields ?? template?.Fields ?? [];
        var values = log?.FieldValues.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal) ?? [];
        return new LogDayView(
            log?.Id,
            day,
            log is null ? NewState : log.State.ToString(),
            log?.Timeliness,
            log?.Version,
            log is null ? template?.Id : log.TemplateId,
            log is null ? template?.Name : log.TemplateName,
            log?.Done,
            log?.Problems,
            log?.Plan,
            log?.SharedWithTeam ?? false,
            [.. fields.Select(f => new LogFieldView(f.Key, f.Label, f.Type, f.Required, f.Choices, f.Unit, values.GetValueOrDefault(f.Key)))],
            [.. (log?.Lines ?? []).Select(l => new LogLineView(l.TaskId, l.TaskTitle, l.Quantity, l.Unit, l.Note))],
            [.. weekTasks.Select(t => new WeekTaskView(t.TaskId, t.Title, t.MeasureTitle, t.Quantity, t.Unit, t.DueDate, t.IsOpen))],
            log?.Attachments ?? [],
            [.. (log?.Amendments ?? []).OrderBy(a => a.AddedAtUtc).Select(a => new AmendmentView(a.Text, a.AddedAtUtc))],
            log?.LastSavedAtUtc,
            log?.SubmittedAtUtc,
            window.CutOffUtc(day),
            window.ClosesAtUtc(day),
            window.IsClosed(day, clock.UtcNow),
            calendar.IsWorkingDay(day));
    }
}
