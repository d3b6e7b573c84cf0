using System.Globalization;
using BranchNetwork.Infrastructure.Outbox;
using BranchNetwork.Modules.Assessment.Contracts;
using BranchNetwork.Modules.Assessment.Features.Shared;
using Microsoft.Extensions.Logging;

namespace BranchNetwork.Modules.Assessment.Features.EvaluateWarnings;

internal sealed record EvaluationResult(int Schemes, int Opened, int Closed);

/// <summary>
/// AS-6: evaluates every published scheme's active rules. Idempotent: at most one open warning per
/// rule × sub-branch × indicator (a unique key enforces it), a warning whose condition cleared is closed,
/// and a new warning notifies the sub-branch head live. Computed indicators are refreshed first.
/// </summary>
internal sealed class WarningEvaluator(
    AssessmentDbContext db,
    SchemeResultsReader reader,
    SheetNotifier notifier,
    OutboxProcessor outbox,
    IEnumerable<IComputedIndicatorSource> sources,
    IClock clock,
    ILogger<WarningEvaluator> logger)
{
    private readonly record struct Condition(Guid RuleId, Guid SubBranchId, Guid? IndicatorId, WarningText Text);

    public async Task<EvaluationResult> EvaluateAsync(CancellationToken ct)
    {
        var schemeIds = await db.Schemes.AsNoTracking().Where(s => s.Status == SchemeStatus.Published).Select(s => s.Id).ToListAsync(ct);
        int opened = 0, closed = 0;
        foreach (var schemeId in schemeIds)
        {
            var (o, c) = await EvaluateSchemeAsync(schemeId, ct);
            opened += o;
            closed += c;
        }

        if (opened > 0)
        {
            outbox.Wake();
        }

        logger.LogInformation("Assessment warnings evaluated: {Schemes} schemes, {Opened} opened, {Closed} closed", schemeIds.Count, opened, closed);
        return new EvaluationResult(schemeIds.Count, opened, closed);
    }

    private async Task<(int Opened, int Closed)> EvaluateSchemeAsync(Guid schemeId, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var scheme = await db.Schemes.AsNoTracking().Include(s => s.Indicators).FirstAsync(s => s.Id == schemeId, ct);
        await RefreshComputedAsync(scheme, ct);
        var results = await reader.ReadAsync(scheme, ct);
        var rules = await db.WarningRules.AsNoTracking().Where(r => r.SchemeId == schemeId && r.IsActive).ToListAsync(ct);
        var names = scheme.Indicators.ToDictionary(i => i.IndicatorId, i => i.Name);
        var today = BankCalendar.Today(clock);
        var conditions = new Dictionary<string, Condition>();
        void Add(Condition c) => conditions[Warning.KeyFor(c.RuleId, c.SubBranchId, c.IndicatorId)] = c;

        var computed = scheme.Indicators.Where(i => i.DataSource == IndicatorDataSource.Computed).Select(i => i.IndicatorId).ToHashSet();
        foreach (var rule in rules)
        {
            foreach (var row in results.Rows)
            {
                switch (rule.Kind)
                {
                    case WarningRuleKind.BehindTimeProgress:
                        foreach (var cell in row.Cells.Where(c => c.Completion < results.TimeProgress - (rule.Threshold / 100m)))
                        {
                            Add(new Condition(rule.Id, row.SubBranchId, cell.IndicatorId, WarningText.Behind(names[cell.IndicatorId], cell.Completion, results.TimeProgress)));
                        }

                        break;
                    case WarningRuleKind.BottomRank when row.Rank > results.Rows.Count - (int)rule.Threshold:
                        Add(new Condition(rule.Id, row.SubBranchId, null, WarningText.BottomRank(row.Rank, results.Rows.Count, row.Total)));
                        break;
                    case WarningRuleKind.NoProgressForDays:
                        foreach (var cell in row.Cells.Where(c => !computed.Contains(c.IndicatorId)))
                        {
                            var since = cell.ActualAsOf ?? scheme.StartDate.AddDays(-1);
                            var days = today.DayNumber - since.DayNumber;
                            if (days >= rule.Threshold)
                            {
                                Add(new Condition(rule.Id, row.SubBranchId, cell.IndicatorId, WarningText.NoProgress(names[cell.IndicatorId], days)));
                            }
                        }

                        break;
                }
            }
        }

        var open = await db.Warnings.Where(w => w.SchemeId == schemeId && w.RuleId != null && w.Status != WarningStatus.Closed).ToListAsync(ct);
        var openKeys = open.Where(w => w.OpenKey is not null).Select(w => w.OpenKey!).ToHashSet();
        var closedCount = 0;
        foreach (var warning in open.Where(w => w.OpenKey is null || !conditions.ContainsKey(w.OpenKey)))
        {
            warning.Close(WarningCloseReason.ConditionCleared, null, clock);
            closedCount++;
        }

        var fresh = conditions.Where(c => !openKeys.Contains(c.Key)).ToList();
        foreach (var (_, condition) in fresh)
        {
            db.Warnings.Add(Warning.Raise(schemeId, condition.RuleId, condition.SubBranchId, condition.IndicatorId, condition.Text));
        }

        // One event for every sub-branch with fresh warnings: the heads of all of them in one directory query. Bodies are
        // resource keys, so each head reads them in their own language: one warning's own text, or how many there are.
        await notifier.ToSubBranchHeadsAsync(
            fresh.GroupBy(f => f.Value.SubBranchId)
                .Select(group => new SubBranchNotice(
                    group.Key,
                    SheetNotifier.Text("NotifyWarningTitle", scheme.Name),
                    group.Count() == 1
                        ? SheetNotifier.Text(group.First().Value.Text.Key, [.. group.First().Value.Text.Args])
                        : SheetNotifier.Text("NotifyWarningsBody", group.Count().ToString(CultureInfo.InvariantCulture)),
                    SheetNotifier.SheetLink(schemeId, group.Key)))
                .ToList(),
            ct);

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException exception)
        {
            // Another evaluation opened the same warnings first (unique open key): its result stands.
            logger.LogWarning(exception, "Concurrent warning evaluation of scheme {SchemeId}; this run's changes were discarded", schemeId);
            db.ChangeTracker.Clear();
            return (0, 0);
        }

        return (fresh.Count, closedCount);
    }

    /// <summary>Records what each computed source reports today, when it differs from the value in force.</summary>
    private async Task RefreshComputedAsync(AssessmentScheme scheme, CancellationToken ct)
    {
        var computed = scheme.Indicators.Where(i => i.DataSource == IndicatorDataSource.Computed && i.ComputedSourceKey is not null).ToList();
        if (computed.Count == 0)
        {
            return;
        }

        var today = BankCalendar.Today(clock);
        var asOf = today > scheme.EndDate ? scheme.EndDate : today;
        if (asOf < scheme.StartDate)
        {
            return;
        }

        var cells = await db.Targets.Where(t => t.SchemeId == scheme.Id).ToListAsync(ct);
        var subIds = cells.Select(c => c.SubBranchId).Distinct().ToList();
        foreach (var indicator in computed)
        {
            var source = sources.FirstOrDefault(s => s.Key == indicator.ComputedSourceKey);
            if (source is null)
            {
                logger.LogWarning("Computed source {Key} of indicator {Code} is not registered", indicator.ComputedSourceKey, indicator.Code);
                continue;
            }

            var values = await source.ComputeAsync(subIds, scheme.StartDate, asOf, ct);
            foreach (var cell in cells.Where(c => c.IndicatorId == indicator.IndicatorId))
            {
                if (!values.TryGetValue(cell.SubBranchId, out var value) || (cell.ActualValue == value && cell.ActualAsOf == asOf))
                {
                    continue;
                }

                var entry = new ProgressEntry
                {
                    SchemeId = scheme.Id,
                    SubBranchId = cell.SubBranchId,
                    IndicatorId = cell.IndicatorId,
                    Date = asOf,
                    Value = value,
                    Source = ProgressSource.Computed,
                    EnteredById = Guid.Empty,
                    EnteredByName = "system",
                    EnteredAtUtc = clock.UtcNow,
                };
                db.ProgressEntries.Add(entry);
                cell.Project(entry, indicator);
            }
        }

        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }
}
