using BranchNetwork.Infrastructure.Persistence;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.WorkLogs.Features.Shared;
using BranchNetwork.SharedKernel.Authorization;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.WorkLogs.Features.ReadLog;

/// <summary>A template field of the log (its copy at the start) with the value written, null when left empty.</summary>
internal sealed record ReadLogField(string Key, string Label, TemplateFieldType Type, string? Unit, string? Value);

internal sealed record ReadLogLine(Guid TaskId, string TaskTitle, decimal Quantity, string Unit, string? Note);

internal sealed record LogAmendmentView(string Text, DateTime AddedAtUtc);

internal sealed record LogCommentView(Guid Id, Guid AuthorId, string AuthorName, string Text, DateTime WrittenAtUtc);

/// <summary>A reader's receipt: who opened the log first when, and when last.</summary>
internal sealed record LogReadView(Guid ReaderId, string Name, DateTime FirstReadAtUtc, DateTime LastReadAtUtc);

/// <summary>
/// A daily log as its readers see it. <see cref="Reads"/> only for the author and the log's supervisors (null for anyone
/// else): who read it is the author's to know, not the other readers'.
/// </summary>
internal sealed record LogDetail(
    Guid Id,
    DateOnly Day,
    Guid AuthorId,
    string AuthorName,
    Guid SubBranchId,
    LogState State,
    LogTimeliness? Timeliness,
    DateTime? SubmittedAtUtc,
    DateTime LastSavedAtUtc,
    string? TemplateName,
    string? Done,
    string? Problems,
    string? Plan,
    bool SharedWithTeam,
    IReadOnlyList<ReadLogField> Fields,
    IReadOnlyList<ReadLogLine> Lines,
    IReadOnlyList<LogAttachment> Attachments,
    IReadOnlyList<LogAmendmentView> Amendments,
    IReadOnlyList<LogCommentView> Comments,
    int Likes,
    bool LikedByMe,
    IReadOnlyList<string> LikedBy,
    bool IsMine,
    IReadOnlyList<LogReadView>? Reads);

/// <summary>
/// WL-3: opens a log. Someone other than the author opening a submitted log leaves a read receipt (已读): the first
/// time tells the author's open pages at once (live signal on <c>worklogs:log:&lt;id&gt;</c>), later times only move
/// the last read. A command, as it records the receipt; the auditor reads logs through the audit module, not here.
/// </summary>
[AllowedRoles(BankRoles.Staff, BankRoles.SubBranchHead, BankRoles.DepartmentManager, BankRoles.AccountingSupervisor, BankRoles.HeadOfficeSupervisor)]
internal sealed record ReadLogCommand(Guid LogId) : ICommand<LogDetail>;

internal sealed class ReadLogHandler(WorkLogsDbContext db, ReadingLogs reading, IClock clock) : ICommandHandler<ReadLogCommand, LogDetail>
{
    public async ValueTask<LogDetail> Handle(ReadLogCommand command, CancellationToken cancellationToken)
    {
        var access = reading.Access;
        var me = access.User.RequireUserId();
        var log = await db.Logs.AsNoTracking()
            .Include(l => l.Lines).Include(l => l.FieldValues).Include(l => l.Amendments)
            .AsSplitQuery()
            .FirstOrDefaultAsync(l => l.Id == command.LogId, cancellationToken) ?? throw WorkLogsAccess.LogNotFound();
        await access.EnsureCanReadAsync(log, cancellationToken);

        if (log.AuthorId != me && log.State == LogState.Submitted)
        {
            await RecordReadAsync(log, me, cancellationToken);
        }

        var seesReads = log.AuthorId == me || await access.SupervisesSubBranchAsync(log.SubBranchId, cancellationToken);
        var reads = seesReads
            ? (await db.Reads.AsNoTracking().Where(r => r.LogId == log.Id).ToListAsync(cancellationToken))
                .OrderBy(r => r.FirstReadAtUtc).ThenBy(r => r.ReaderName, StringComparer.Ordinal)
                .Select(r => new LogReadView(r.ReaderId, r.ReaderName, r.FirstReadAtUtc, r.LastReadAtUtc)).ToList()
            : null;
        var comments = (await db.Comments.AsNoTracking().Where(c => c.LogId == log.Id).ToListAsync(cancellationToken))
            .OrderBy(c => c.WrittenAtUtc).ThenBy(c => c.Id)
            .Select(c => new LogCommentView(c.Id, c.AuthorId, c.AuthorName, c.Text, c.WrittenAtUtc)).ToList();
        var likes = (await db.Likes.AsNoTracking().Where(l => l.LogId == log.Id).ToListAsync(cancellationToken)).OrderBy(l => l.LikedAtUtc).ToList();
        var values = log.FieldValues.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);

        return new LogDetail(
            log.Id,
            log.Day,
            log.AuthorId,
            log.AuthorName,
            log.SubBranchId,
            log.State,
            log.Timeliness,
            log.SubmittedAtUtc,
            log.LastSavedAtUtc,
            log.TemplateName,
            log.Done,
            log.Problems,
            log.Plan,
            log.SharedWithTeam,
            [.. log.TemplateFields.Select(f => new ReadLogField(f.Key, f.Label, f.Type, f.Unit, values.GetValueOrDefault(f.Key)))],
            [.. log.Lines.OrderBy(l => l.TaskTitle, StringComparer.Ordinal).Select(l => new ReadLogLine(l.TaskId, l.TaskTitle, l.Quantity, l.Unit, l.Note))],
            log.Attachments,
            [.. log.Amendments.OrderBy(a => a.AddedAtUtc).Select(a => new LogAmendmentView(a.Text, a.AddedAtUtc))],
            comments,
            likes.Count,
            likes.Any(l => l.UserId == me),
            [.. likes.Select(l => l.UserName)],
            log.AuthorId == me,
            reads);
    }

    private async Task RecordReadAsync(DailyLog log, Guid me, CancellationToken ct)
    {
        var receipt = await db.Reads.FirstOrDefaultAsync(r => r.LogId == log.Id && r.ReaderId == me, ct);
        if (receipt is not null)
        {
            receipt.ReadAgain(clock.UtcNow);
            await db.SaveChangesAsync(ct);
            return;
        }

        db.Reads.Add(new LogRead(log.Id, me, await reading.MyNameAsync(ct), clock.UtcNow));
        reading.SignalAuthor(log);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            // The same reader opened it twice at once (two tabs): the other request recorded the first read and told the author.
            db.ChangeTracker.Clear();
        }
    }
}

internal static class ReadLogEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/logs/{id:guid}", async Task<Ok<LogDetail>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ReadLogCommand(id), ct)))
            .WithName("ReadWorkLog")
            .WithSummary("A daily log with its task lines, fields, amendments, comments and likes; a reader's first read is recorded and the author told live (WL-3).");
}
