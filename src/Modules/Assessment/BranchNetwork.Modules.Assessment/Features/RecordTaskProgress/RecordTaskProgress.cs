using BranchNetwork.Infrastructure.Outbox;
using BranchNetwork.Modules.Tasks.Contracts;

namespace BranchNetwork.Modules.Assessment.Features.RecordTaskProgress;

/// <summary>
/// TK-2 → AS-4: a written-off weekly task adds its quantity to the cumulative actual of the indicator it answers, when
/// that indicator takes task progress, as a new progress entry (source Tasks) that the cell's projection and score
/// follow, like a typed entry. Anything else (a closed scheme, a date outside the period, a sheet or indicator the
/// scheme does not have, another data source) is the work-plan module's business only and changes nothing here.
/// Exactly once per event: the processed-message record is saved with the entry, and the cell's version refuses a
/// concurrent write-off to the same cell, which the outbox then delivers again onto the new sum.
/// </summary>
internal sealed class RecordTaskProgressHandler(AssessmentDbContext db, IClock clock) : INotificationHandler<WeeklyTaskWrittenOff>
{
    private const string Handler = "RecordTaskProgress";

    public async ValueTask Handle(WeeklyTaskWrittenOff notification, CancellationToken cancellationToken)
    {
        if (await db.AlreadyHandledAsync(notification.EventId, Handler, clock.UtcNow, cancellationToken))
        {
            return;
        }

        if (await EntryForAsync(notification, cancellationToken) is { } entry)
        {
            db.ProgressEntries.Add(entry);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The entry the write-off makes, with the cell already projected onto it; null when it does not count here.</summary>
    private async Task<ProgressEntry?> EntryForAsync(WeeklyTaskWrittenOff writeOff, CancellationToken ct)
    {
        if (writeOff.Quantity <= 0m)
        {
            return null;
        }

        var scheme = await db.Schemes.AsNoTracking().Include(s => s.Indicators).FirstOrDefaultAsync(s => s.Id == writeOff.SchemeId, ct);
        if (scheme is not { Status: SchemeStatus.Published }
            || writeOff.WrittenOffOn < scheme.StartDate || writeOff.WrittenOffOn > scheme.EndDate
            || scheme.Line(writeOff.IndicatorId) is not { DataSource: IndicatorDataSource.Tasks } line
            || !await db.Sheets.AnyAsync(s => s.SchemeId == scheme.Id && s.SubBranchId == writeOff.SubBranchId, ct))
        {
            return null;
        }

        var cell = await db.Targets.FirstOrDefaultAsync(t => t.SchemeId == scheme.Id && t.SubBranchId == writeOff.SubBranchId && t.IndicatorId == line.IndicatorId, ct);
        if (cell is null)
        {
            return null;
        }

        var value = (cell.ActualValue ?? 0m) + writeOff.Quantity;
        if (value >= 1_000_000_000_000m)
        {
            // Beyond what a typed entry may hold (RecordProgress's bound): a mistyped quantity, not progress.
            return null;
        }

        var entry = new ProgressEntry
        {
            SchemeId = scheme.Id,
            SubBranchId = writeOff.SubBranchId,
            IndicatorId = line.IndicatorId,
            // Entries are cumulative values: a task written off late (dated before the value in force) still belongs in
            // the running sum, so its entry stands on the later date rather than behind the projection.
            Date = cell.ActualAsOf is { } asOf && asOf > writeOff.WrittenOffOn ? asOf : writeOff.WrittenOffOn,
            Value = value,
            Source = ProgressSource.Tasks,
            EnteredById = writeOff.WrittenOffById,
            EnteredByName = writeOff.WrittenOffByName.Length <= ProgressEntry.NameMaxLength ? writeOff.WrittenOffByName : writeOff.WrittenOffByName[..ProgressEntry.NameMaxLength],
            EnteredAtUtc = clock.UtcNow,
        };
        cell.Project(entry, line);
        return entry;
    }
}
