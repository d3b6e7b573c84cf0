using System.Globalization;
using BranchNetwork.Modules.Assessment.Resources;
using BranchNetwork.Modules.Identity.Contracts;
using Microsoft.Extensions.Localization;

namespace BranchNetwork.Modules.Assessment.Features.Shared;

internal sealed record ProgressInput(Guid SubBranchId, Guid IndicatorId, DateOnly Date, decimal Value);

internal sealed record ProgressEntryDto(Guid Id, Guid SubBranchId, Guid IndicatorId, DateOnly Date, decimal Value, ProgressSource Source, string EnteredByName, DateTime EnteredAt, Guid? SupersedesEntryId, string? Reason);

internal sealed record RecordProgressResult(int Recorded, IReadOnlyList<ProgressEntryDto> Entries);

/// <summary>Appends progress entries (typed or imported) after checking scope, status, cells and dates of every one.</summary>
internal sealed class ProgressWriter(AssessmentDbContext db, AssessmentAccess access, IClock clock, IStringLocalizer<AssessmentText> text)
{
    /// <summary>Checks scope, status, cells and dates of every entry; throws before anything is written.</summary>
    public async Task<List<ProgressEntry>> AppendAsync(Guid schemeId, IReadOnlyList<ProgressInput> inputs, ProgressSource source, Func<int, string> fieldOf, CancellationToken ct)
    {
        // An entry is an append; only the cell's current-value projection can meet another save of the same cell (a head
        // and the supervisor, or an import, at the same moment). The figure is not refused for that: the cells are read
        // again and it is applied on top of the other save (ADR 0008).
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await AppendOnceAsync(schemeId, inputs, source, fieldOf, ct);
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxAttempts)
            {
                db.ChangeTracker.Clear();
                // Spread the savers that met, so the next round has one winner rather than the same meeting again.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 25) * attempt), ct);
            }
        }
    }

    private const int MaxAttempts = 10;

    private async Task<List<ProgressEntry>> AppendOnceAsync(Guid schemeId, IReadOnlyList<ProgressInput> inputs, ProgressSource source, Func<int, string> fieldOf, CancellationToken ct)
    {
        access.User.EnsureAnyRole(BankRoles.HeadOfficeSupervisor, BankRoles.SubBranchHead);
        var scheme = await access.VisibleSchemeAsync(schemeId, ct);
        scheme.EnsureAcceptsProgress();

        var supervisor = access.IsSupervisor;
        var own = supervisor ? null : await access.OwnSubBranchAsync(ct);
        var indicators = scheme.Indicators.ToDictionary(i => i.IndicatorId);
        var subIds = inputs.Select(i => i.SubBranchId).Distinct().ToList();
        var cells = await db.Targets.Where(t => t.SchemeId == scheme.Id && subIds.Contains(t.SubBranchId)).ToDictionaryAsync(t => (t.SubBranchId, t.IndicatorId), ct);
        var today = BankCalendar.Today(clock);
        var errors = new Dictionary<string, string[]>();
        for (var n = 0; n < inputs.Count; n++)
        {
            var input = inputs[n];
            if (!supervisor && input.SubBranchId != own)
            {
                // Another sub-branch's sheet is not this user's business; say nothing about it.
                throw new NotFoundException("assessment.sheet_not_found", text["SheetNotFound"]);
            }

            if (!cells.ContainsKey((input.SubBranchId, input.IndicatorId)) || !indicators.TryGetValue(input.IndicatorId, out var indicator))
            {
                errors[fieldOf(n) + ".indicatorId"] = [text["IndicatorNotInScheme"]];
                continue;
            }

            if (!supervisor && !indicator.AllowSubBranchEntry)
            {
                throw new ForbiddenException("assessment.entry_by_head_office", string.Format(CultureInfo.CurrentCulture, text["IndicatorHeadOfficeEntry"], indicator.Name));
            }

            if (indicator.DataSource == IndicatorDataSource.Computed && source != ProgressSource.Computed)
            {
                errors[fieldOf(n) + ".indicatorId"] = [text["IndicatorComputed"]];
            }

            // Write-offs add to the cumulative actual; a typed or imported cumulative value would reset their sum.
            if (indicator.DataSource == IndicatorDataSource.Tasks)
            {
                errors[fieldOf(n) + ".indicatorId"] = [text["IndicatorFromTasks"]];
            }

            if (input.Date < scheme.StartDate || input.Date > scheme.EndDate)
            {
                errors[fieldOf(n) + ".date"] = [string.Format(CultureInfo.CurrentCulture, text["DateOutsidePeriod"], scheme.StartDate, scheme.EndDate)];
            }
            else if (input.Date > today)
            {
                errors[fieldOf(n) + ".date"] = [text["DateInFuture"]];
            }
        }

        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }

        var entries = new List<ProgressEntry>(inputs.Count);
        var name = access.User.DisplayName ?? "";
        foreach (var input in inputs.OrderBy(i => i.Date))
        {
            var entry = new ProgressEntry
            {
                SchemeId = scheme.Id,
                SubBranchId = input.SubBranchId,
                IndicatorId = input.IndicatorId,
                Date = input.Date,
                Value = input.Value,
                Source = source,
                EnteredById = access.User.RequireUserId(),
                EnteredByName = name,
                EnteredAtUtc = clock.UtcNow,
            };
            db.ProgressEntries.Add(entry);
            cells[(input.SubBranchId, input.IndicatorId)].Project(entry, indicators[input.IndicatorId]);
            entries.Add(entry);
        }

        await db.SaveChangesAsync(ct);
        return entries;
    }

    public static ProgressEntryDto ToDto(ProgressEntry e) =>
        new(e.Id, e.SubBranchId, e.IndicatorId, e.Date, e.Value, e.Source, e.EnteredByName, e.EnteredAtUtc, e.SupersedesEntryId, e.Reason);
}

/// <summary>A cell's progress history, newest entry first, a keyset page at a time (it grows with every entry and correction).</summary>
internal static class ProgressHistory
{
    public const int FirstPageSize = 50;

    public static IQueryable<ProgressEntry> After(IQueryable<ProgressEntry> entries, string? after)
    {
        if (Keyset.Parse(after) is var (at, id))
        {
            entries = entries.Where(e => e.EnteredAtUtc < at || (e.EnteredAtUtc == at && e.Id.CompareTo(id) < 0));
        }

        return entries.OrderByDescending(e => e.EnteredAtUtc).ThenByDescending(e => e.Id);
    }

    public static KeysetPage<ProgressEntryDto> Page(IReadOnlyList<ProgressEntryDto> fetched, int size) =>
        Keyset.Page(fetched, size, e => (e.EnteredAt, e.Id));
}
