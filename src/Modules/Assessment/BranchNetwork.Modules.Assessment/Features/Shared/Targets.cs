using System.Globalization;
using BranchNetwork.Modules.Assessment.Resources;
using BranchNetwork.Modules.Identity.Contracts;
using Microsoft.Extensions.Localization;

namespace BranchNetwork.Modules.Assessment.Features.Shared;

internal sealed record TargetCellInput(Guid SubBranchId, Guid IndicatorId, decimal Value);

internal sealed record SubBranchColumn(Guid SubBranchId, string Code, string Name);

internal sealed record TargetGrid(Guid SchemeId, SchemeStatus Status, IReadOnlyList<SubBranchColumn> SubBranches, IReadOnlyList<TargetGridIndicator> Indicators, IReadOnlyList<TargetCellInput> Cells, int MissingCount);

internal sealed record TargetGridIndicator(Guid IndicatorId, string Code, string Name, string Unit, decimal Weight);

/// <summary>The sub-branches a scheme covers: every active one while it is a draft, the issued sheets once published.</summary>
internal sealed class SchemeCoverage(AssessmentDbContext db, IOrganisationDirectory directory)
{
    public async Task<IReadOnlyList<SubBranchColumn>> SubBranchesAsync(AssessmentScheme scheme, CancellationToken ct)
    {
        if (scheme.Status != SchemeStatus.Draft)
        {
            return await db.Sheets.AsNoTracking().Where(s => s.SchemeId == scheme.Id).OrderBy(s => s.SubBranchCode)
                .Select(s => new SubBranchColumn(s.SubBranchId, s.SubBranchCode, s.SubBranchName)).ToListAsync(ct);
        }

        return (await directory.ListSubBranchesAsync(ct)).Where(u => !u.IsRetired).OrderBy(u => u.Code, StringComparer.Ordinal)
            .Select(u => new SubBranchColumn(u.Id, u.Code, u.Name)).ToList();
    }

    public async Task<TargetGrid> GridAsync(AssessmentScheme scheme, CancellationToken ct)
    {
        var subBranches = await SubBranchesAsync(scheme, ct);
        var cells = await db.Targets.AsNoTracking().Where(t => t.SchemeId == scheme.Id)
            .Select(t => new TargetCellInput(t.SubBranchId, t.IndicatorId, t.Value)).ToListAsync(ct);
        var indicators = scheme.Indicators.OrderBy(i => i.SortOrder).Select(i => new TargetGridIndicator(i.IndicatorId, i.Code, i.Name, i.Unit, i.Weight)).ToList();
        var present = cells.Select(c => (c.SubBranchId, c.IndicatorId)).ToHashSet();
        var missing = subBranches.Sum(s => indicators.Count(i => !present.Contains((s.SubBranchId, i.IndicatorId))));
        return new TargetGrid(scheme.Id, scheme.Status, subBranches, indicators, cells, missing);
    }
}

internal static class TargetWriter
{
    /// <summary>Checks every cell belongs to the scheme, then upserts; errors are keyed by <paramref name="fieldOf"/> so nothing is written unless all are good.</summary>
    public static async Task WriteAsync(
        AssessmentDbContext db,
        AssessmentScheme scheme,
        IReadOnlyList<SubBranchColumn> subBranches,
        IReadOnlyList<TargetCellInput> cells,
        Func<int, string> fieldOf,
        IStringLocalizer<AssessmentText> text,
        CancellationToken ct)
    {
        var subIds = subBranches.Select(s => s.SubBranchId).ToHashSet();
        var indicatorIds = scheme.Indicators.Select(i => i.IndicatorId).ToHashSet();
        var errors = new Dictionary<string, string[]>();
        var seen = new HashSet<(Guid, Guid)>();
        for (var n = 0; n < cells.Count; n++)
        {
            var cell = cells[n];
            if (!subIds.Contains(cell.SubBranchId))
            {
                errors[fieldOf(n) + ".subBranchId"] = [text["SubBranchNotInScheme"]];
            }
            else if (!indicatorIds.Contains(cell.IndicatorId))
            {
                errors[fieldOf(n) + ".indicatorId"] = [text["IndicatorNotInScheme"]];
            }
            else if (!seen.Add((cell.SubBranchId, cell.IndicatorId)))
            {
                errors[fieldOf(n)] = [text["TargetDuplicateCell"]];
            }
        }

        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }

        var existing = await db.Targets.Where(t => t.SchemeId == scheme.Id).ToDictionaryAsync(t => (t.SubBranchId, t.IndicatorId), ct);
        foreach (var cell in cells)
        {
            if (existing.TryGetValue((cell.SubBranchId, cell.IndicatorId), out var target))
            {
                target.Value = cell.Value;
            }
            else
            {
                db.Targets.Add(new Target { SchemeId = scheme.Id, SubBranchId = cell.SubBranchId, IndicatorId = cell.IndicatorId, Value = cell.Value });
            }
        }

        await db.SaveChangesAsync(ct);
    }
}

/// <summary>Reading imported rows: the columns both imports share, and lookups by code or name.</summary>
internal static class ImportLookup
{
    public static readonly string[] SubBranchColumn = ["支行代码", "支行", "支行名称", "SubBranchCode", "SubBranch"];

    public static readonly string[] IndicatorColumn = ["指标代码", "指标", "指标名称", "IndicatorCode", "Indicator"];

    public static SubBranchColumn? SubBranch(IReadOnlyList<SubBranchColumn> subBranches, string key) =>
        subBranches.FirstOrDefault(s => string.Equals(s.Code, key, StringComparison.OrdinalIgnoreCase))
        ?? subBranches.FirstOrDefault(s => string.Equals(s.Name, key, StringComparison.Ordinal));

    public static SchemeIndicator? Indicator(AssessmentScheme scheme, string key) =>
        scheme.Indicators.FirstOrDefault(i => string.Equals(i.Code, key, StringComparison.OrdinalIgnoreCase))
        ?? scheme.Indicators.FirstOrDefault(i => string.Equals(i.Name, key, StringComparison.Ordinal));

    /// <summary>Numbers as bank staff type them: thousands separators and a trailing % are accepted.</summary>
    public static bool TryNumber(string text, out decimal value) =>
        decimal.TryParse(text.Replace(",", "", StringComparison.Ordinal).Replace("，", "", StringComparison.Ordinal).TrimEnd('%').Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out value)
        && value < 1_000_000_000_000m;

    public static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text.Trim(), ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyyMMdd", "yyyy年M月d日"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
