using System.Globalization;
using BranchNetwork.Modules.Assessment.Features.Shared;
using BranchNetwork.Modules.Assessment.Resources;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.SharedKernel.Modules;
using Microsoft.Extensions.Localization;

namespace BranchNetwork.Modules.Assessment.Features.GetHomeFigures;

internal static class AssessmentHomeCards
{
    public const string SheetStanding = "SheetStanding";
    public const string OpenWarnings = "OpenWarnings";
    public const string MyAppeals = "MyAppeals";
    public const string BehindUnits = "BehindUnits";
    public const string UnansweredWarnings = "UnansweredWarnings";
    public const string AppealsToDecide = "AppealsToDecide";
    public const string DraftSchemes = "DraftSchemes";
    public const string TargetsMissing = "TargetsMissing";
    public const string LastImport = "LastImport";

    /// <summary>
    /// A warning left open this many days counts as unanswered on the supervisor's card: a head is expected to answer
    /// within the working week, and three days flags the laggards before the weekly review.
    /// </summary>
    public const int UnansweredAfterDays = 3;

    public const string WarningsLink = "/assessment/warnings";

    public const string ImportsLink = "/assessment/imports";
}

/// <summary>
/// The assessment home cards (SPEC §9) in one read, each filled only for a holder of its role. A sub-branch head (own
/// sub-branch only): the standing on the newest published sheet (score, rank with ties, indicators behind time
/// progress), warnings and prompts waiting to be acknowledged, appeals (申辩) still pending. Head office's supervisor:
/// sub-branches behind on the newest published scheme, warnings unanswered past <see cref="AssessmentHomeCards.UnansweredAfterDays"/>
/// days, appeals to decide. The task admin: draft schemes, the target cells they still miss, and the last import (its
/// errors when it was refused).
/// </summary>
[AllowedRoles(BankRoles.SubBranchHead, BankRoles.HeadOfficeSupervisor, BankRoles.TaskAdmin)]
[BoundedList("one figure per home card the module contributes")]
internal sealed record GetHomeFiguresQuery(IReadOnlyCollection<string> CardKeys) : IQuery<IReadOnlyList<HomeFigure>>;

internal sealed class GetHomeFiguresHandler(
    AssessmentDbContext db,
    ICurrentUser currentUser,
    IOrgScope orgScope,
    SchemeResultsReader results,
    SchemeCoverage coverage,
    IClock clock,
    IStringLocalizer<AssessmentUiText> text)
    : IQueryHandler<GetHomeFiguresQuery, IReadOnlyList<HomeFigure>>
{
    public async ValueTask<IReadOnlyList<HomeFigure>> Handle(GetHomeFiguresQuery query, CancellationToken cancellationToken)
    {
        currentUser.EnsureAnyRole(BankRoles.SubBranchHead, BankRoles.HeadOfficeSupervisor, BankRoles.TaskAdmin);
        var figures = new List<HomeFigure>();
        bool Wants(string key, string role) => query.CardKeys.Contains(key) && currentUser.IsInRole(role);

        if (currentUser.IsInRole(BankRoles.SubBranchHead))
        {
            // A head's figures are always of their own sub-branch; without one there is nothing of theirs to count.
            var own = await orgScope.GetOwnSubBranchIdAsync(cancellationToken);
            if (Wants(AssessmentHomeCards.SheetStanding, BankRoles.SubBranchHead))
            {
                figures.Add(await SheetStandingAsync(own, cancellationToken));
            }

            if (Wants(AssessmentHomeCards.OpenWarnings, BankRoles.SubBranchHead))
            {
                figures.Add(await OpenWarningsAsync(own, cancellationToken));
            }

            if (Wants(AssessmentHomeCards.MyAppeals, BankRoles.SubBranchHead))
            {
                figures.Add(await MyAppealsAsync(own, cancellationToken));
            }
        }

        if (Wants(AssessmentHomeCards.BehindUnits, BankRoles.HeadOfficeSupervisor))
        {
            figures.Add(await BehindUnitsAsync(cancellationToken));
        }

        if (Wants(AssessmentHomeCards.UnansweredWarnings, BankRoles.HeadOfficeSupervisor))
        {
            figures.Add(await UnansweredWarningsAsync(cancellationToken));
        }

        if (Wants(AssessmentHomeCards.AppealsToDecide, BankRoles.HeadOfficeSupervisor))
        {
            figures.Add(await AppealsToDecideAsync(cancellationToken));
        }

        if (Wants(AssessmentHomeCards.DraftSchemes, BankRoles.TaskAdmin))
        {
            var drafts = await db.Schemes.CountAsync(s => s.Status == SchemeStatus.Draft, cancellationToken);
            var published = await db.Schemes.CountAsync(s => s.Status == SchemeStatus.Published, cancellationToken);
            figures.Add(new HomeFigure(AssessmentHomeCards.DraftSchemes, Count(drafts), Format("Card_DraftSchemes_Caption", published), "/assessment"));
        }

        if (Wants(AssessmentHomeCards.TargetsMissing, BankRoles.TaskAdmin))
        {
            figures.Add(await TargetsMissingAsync(cancellationToken));
        }

        if (Wants(AssessmentHomeCards.LastImport, BankRoles.TaskAdmin))
        {
            figures.Add(await LastImportAsync(cancellationToken));
        }

        return figures;
    }

    private async Task<HomeFigure> SheetStandingAsync(Guid? own, CancellationToken ct)
    {
        var schemeId = own is { } subBranchId
            ? await db.Sheets.AsNoTracking()
                .Where(s => s.SubBranchId == subBranchId)
                .Join(db.Schemes.Where(s => s.Status == SchemeStatus.Published), s => s.SchemeId, s => s.Id, (_, scheme) => scheme)
                .OrderByDescending(s => s.StartDate).ThenByDescending(s => s.Id)
                .Select(s => (Guid?)s.Id)
                .FirstOrDefaultAsync(ct)
            : null;
        if (schemeId is null || own is null)
        {
            return new HomeFigure(AssessmentHomeCards.SheetStanding, "—", text["Card_SheetStanding_None"], "/assessment");
        }

        var scheme = await LoadAsync(schemeId.Value, ct);
        // The sheet alone and its rank, not every sub-branch's cells (as the sheet itself reads it).
        var standing = await results.ReadSheetAsync(scheme, own.Value, ct)
            ?? throw new InvalidOperationException("The scheme was chosen because the sub-branch has a sheet in it.");
        var row = standing.Row;
        var behind = row.Cells.Count(c => c.Behind);
        var rank = Format(standing.Tied ? "Card_SheetStanding_RankTied" : "Card_SheetStanding_Rank", row.Rank, standing.SubBranchCount);
        var caption = Format("Card_SheetStanding_Caption", scheme.Name, rank)
            + Format(behind == 0 ? "Card_SheetStanding_NoneBehind" : "Card_SheetStanding_Behind", behind);
        return new HomeFigure(
            AssessmentHomeCards.SheetStanding,
            row.Total.ToString("0.##", CultureInfo.InvariantCulture),
            caption,
            $"/assessment/schemes/{scheme.Id}/sheets/{own}");
    }

    private async Task<HomeFigure> OpenWarningsAsync(Guid? own, CancellationToken ct)
    {
        var open = own is { } subBranchId
            ? await db.Warnings.AsNoTracking().Where(w => w.SubBranchId == subBranchId && w.Status == WarningStatus.Open)
                .GroupBy(w => w.Kind).Select(g => new { Kind = g.Key, Count = g.Count() }).ToListAsync(ct)
            : [];
        var warnings = open.Where(g => g.Kind == WarningKind.Warning).Sum(g => g.Count);
        var prompts = open.Where(g => g.Kind == WarningKind.Prompt).Sum(g => g.Count);
        var caption = warnings + prompts == 0 ? text["Card_OpenWarnings_Zero"].Value : Format("Card_OpenWarnings_Caption", warnings, prompts);
        return new HomeFigure(AssessmentHomeCards.OpenWarnings, Count(warnings + prompts), caption, AssessmentHomeCards.WarningsLink);
    }

    private async Task<HomeFigure> MyAppealsAsync(Guid? own, CancellationToken ct)
    {
        var pending = own is { } subBranchId
            ? await db.Appeals.AsNoTracking().Where(a => a.SubBranchId == subBranchId && a.Status == AppealStatus.Pending)
                .OrderByDescending(a => a.CreatedAtUtc).Select(a => new { a.SchemeId, a.SubBranchId }).ToListAsync(ct)
            : [];
        var link = pending.Count > 0 ? SheetLink(pending[0].SchemeId, pending[0].SubBranchId) : "/assessment";
        var caption = pending.Count == 0 ? text["Card_MyAppeals_Zero"].Value : text["Card_MyAppeals_Caption"].Value;
        return new HomeFigure(AssessmentHomeCards.MyAppeals, Count(pending.Count), caption, link);
    }

    private async Task<HomeFigure> BehindUnitsAsync(CancellationToken ct)
    {
        var schemeId = await db.Schemes.AsNoTracking().Where(s => s.Status == SchemeStatus.Published)
            .OrderByDescending(s => s.StartDate).ThenByDescending(s => s.Id).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct);
        if (schemeId is null)
        {
            return new HomeFigure(AssessmentHomeCards.BehindUnits, "—", text["Card_BehindUnits_None"], "/assessment");
        }

        var scheme = await LoadAsync(schemeId.Value, ct);
        var standing = await results.ReadAsync(scheme, ct);
        return new HomeFigure(
            AssessmentHomeCards.BehindUnits,
            Count(standing.Rows.Count(r => r.Behind)),
            Format("Card_BehindUnits_Caption", scheme.Name, standing.Rows.Count),
            $"/assessment/schemes/{scheme.Id}",
            Heat(scheme.Id, standing));
    }

    /// <summary>
    /// The supervisor's heat map: each sub-branch behind as a whole, with some indicators behind, or on pace, worst first;
    /// a card shows at most <see cref="HeatCells"/> of them (the rest are on the results page it links to).
    /// </summary>
    private List<HeatCell> Heat(Guid schemeId, SchemeResults standing) =>
        standing.Rows
            .Select(r => (Row: r, Behind: r.Cells.Count(c => c.Behind), Level: r.Behind ? HeatLevel.Behind : r.Cells.Any(c => c.Behind) ? HeatLevel.Watch : HeatLevel.OnPace))
            .OrderByDescending(x => x.Level).ThenByDescending(x => x.Behind).ThenBy(x => x.Row.Rank)
            .Take(HeatCells)
            .Select(x => new HeatCell(
                x.Row.SubBranchName,
                Format("Card_BehindUnits_Heat", x.Row.SubBranchName, (x.Row.Completion * 100m).ToString("0.#", CultureInfo.InvariantCulture), x.Behind, x.Row.Rank),
                x.Level,
                SheetLink(schemeId, x.Row.SubBranchId)))
            .ToList();

    private const int HeatCells = 40;

    private async Task<HomeFigure> UnansweredWarningsAsync(CancellationToken ct)
    {
        var before = clock.UtcNow.AddDays(-AssessmentHomeCards.UnansweredAfterDays);
        var open = await db.Warnings.AsNoTracking().Where(w => w.Status == WarningStatus.Open)
            .GroupBy(_ => 1)
            .Select(g => new { All = g.Count(), Late = g.Count(w => w.CreatedAtUtc <= before) })
            .FirstOrDefaultAsync(ct);
        var (late, all) = (open?.Late ?? 0, open?.All ?? 0);
        var caption = all == 0 ? text["Card_UnansweredWarnings_Zero"].Value : Format("Card_UnansweredWarnings_Caption", AssessmentHomeCards.UnansweredAfterDays, all);
        return new HomeFigure(AssessmentHomeCards.UnansweredWarnings, Count(late), caption, AssessmentHomeCards.WarningsLink);
    }

    private async Task<HomeFigure> AppealsToDecideAsync(CancellationToken ct)
    {
        // Oldest first: the link opens the sheet of the appeal that has waited longest.
        var pending = await db.Appeals.AsNoTracking().Where(a => a.Status == AppealStatus.Pending)
            .OrderBy(a => a.CreatedAtUtc).Select(a => new { a.SchemeId, a.SubBranchId }).ToListAsync(ct);
        var link = pending.Count > 0 ? SheetLink(pending[0].SchemeId, pending[0].SubBranchId) : "/assessment";
        var caption = pending.Count == 0 ? text["Card_AppealsToDecide_Zero"].Value
            : Format("Card_AppealsToDecide_Caption", pending.Select(a => a.SubBranchId).Distinct().Count());
        return new HomeFigure(AssessmentHomeCards.AppealsToDecide, Count(pending.Count), caption, link);
    }

    private async Task<HomeFigure> TargetsMissingAsync(CancellationToken ct)
    {
        // Drafts are few (a handful per period), so each is checked as publishing would: every sub-branch × indicator.
        var drafts = await db.Schemes.AsNoTracking().Include(s => s.Indicators).Where(s => s.Status == SchemeStatus.Draft)
            .OrderBy(s => s.StartDate).ThenBy(s => s.Id).ToListAsync(ct);
        var draftIds = drafts.Select(d => d.Id).ToList();
        var present = (await db.Targets.AsNoTracking().Where(t => draftIds.Contains(t.SchemeId))
                .Select(t => new { t.SchemeId, t.SubBranchId, t.IndicatorId }).ToListAsync(ct))
            .Select(t => (t.SchemeId, t.SubBranchId, t.IndicatorId)).ToHashSet();
        // Every draft covers the sub-branches open today, so one read of the org tree serves them all.
        var subBranches = drafts.Count > 0 ? await coverage.SubBranchesAsync(drafts[0], ct) : [];
        var missing = 0;
        var schemesMissing = 0;
        Guid? first = null;
        foreach (var draft in drafts)
        {
            var gaps = subBranches.Sum(s => draft.Indicators.Count(i => !present.Contains((draft.Id, s.SubBranchId, i.IndicatorId))));
            if (gaps > 0)
            {
                missing += gaps;
                schemesMissing++;
                first ??= draft.Id;
            }
        }

        var caption = missing == 0 ? text["Card_TargetsMissing_Zero"].Value : Format("Card_TargetsMissing_Caption", schemesMissing);
        return new HomeFigure(AssessmentHomeCards.TargetsMissing, Count(missing), caption, first is { } id ? $"/assessment/schemes/{id}/edit" : "/assessment");
    }

    private async Task<HomeFigure> LastImportAsync(CancellationToken ct)
    {
        var last = await db.ImportRuns.AsNoTracking()
            .OrderByDescending(r => r.CreatedAtUtc).ThenByDescending(r => r.Id)
            .Join(db.Schemes, r => r.SchemeId, s => s.Id, (r, s) => new { r.Kind, r.Rows, r.ErrorCount, r.CreatedAtUtc, Scheme = s.Name })
            .FirstOrDefaultAsync(ct);
        if (last is null)
        {
            return new HomeFigure(AssessmentHomeCards.LastImport, "—", text["Card_LastImport_None"], AssessmentHomeCards.ImportsLink);
        }

        var kind = text[$"ImportKind{last.Kind}"].Value;
        var when = ChinaTime.ToDisplay(last.CreatedAtUtc);
        return last.ErrorCount > 0
            ? new HomeFigure(AssessmentHomeCards.LastImport, Count(last.ErrorCount), Format("Card_LastImport_Refused", kind, last.Scheme, when), AssessmentHomeCards.ImportsLink)
            : new HomeFigure(AssessmentHomeCards.LastImport, "0", Format("Card_LastImport_Taken", kind, last.Scheme, when, last.Rows), AssessmentHomeCards.ImportsLink);
    }

    private Task<AssessmentScheme> LoadAsync(Guid schemeId, CancellationToken ct) =>
        db.Schemes.AsNoTracking().Include(s => s.Indicators.OrderBy(i => i.SortOrder)).SingleAsync(s => s.Id == schemeId, ct);

    private static string SheetLink(Guid schemeId, Guid subBranchId) => $"/assessment/schemes/{schemeId}/sheets/{subBranchId}";

    private string Format(string key, params object[] args) => string.Format(CultureInfo.CurrentCulture, text[key], args);

    private static string Count(int value) => value.ToString("#,0", CultureInfo.InvariantCulture);
}
