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
    public const string BehindUnits = "BehindUnits";
    public const string DraftSchemes = "DraftSchemes";
}

/// <summary>
/// The assessment home cards (SPEC §9) in one read: a sub-branch head's standing on the newest published sheet
/// (score and rank, as on the results page), the supervisor's count of sub-branches behind on the newest published
/// scheme, the task admin's draft schemes. Each card is filled only for a user holding its role.
/// </summary>
[AllowedRoles(BankRoles.SubBranchHead, BankRoles.HeadOfficeSupervisor, BankRoles.TaskAdmin)]
[BoundedList("one figure per home card the module contributes")]
internal sealed record GetHomeFiguresQuery(IReadOnlyCollection<string> CardKeys) : IQuery<IReadOnlyList<HomeFigure>>;

internal sealed class GetHomeFiguresHandler(
    AssessmentDbContext db,
    ICurrentUser currentUser,
    IOrgScope orgScope,
    SchemeResultsReader results,
    IStringLocalizer<AssessmentUiText> text)
    : IQueryHandler<GetHomeFiguresQuery, IReadOnlyList<HomeFigure>>
{
    public async ValueTask<IReadOnlyList<HomeFigure>> Handle(GetHomeFiguresQuery query, CancellationToken cancellationToken)
    {
        currentUser.EnsureAnyRole(BankRoles.SubBranchHead, BankRoles.HeadOfficeSupervisor, BankRoles.TaskAdmin);
        var figures = new List<HomeFigure>();
        if (query.CardKeys.Contains(AssessmentHomeCards.SheetStanding) && currentUser.IsInRole(BankRoles.SubBranchHead))
        {
            figures.Add(await SheetStandingAsync(cancellationToken));
        }

        if (query.CardKeys.Contains(AssessmentHomeCards.BehindUnits) && currentUser.IsInRole(BankRoles.HeadOfficeSupervisor))
        {
            figures.Add(await BehindUnitsAsync(cancellationToken));
        }

        if (query.CardKeys.Contains(AssessmentHomeCards.DraftSchemes) && currentUser.IsInRole(BankRoles.TaskAdmin))
        {
            var drafts = await db.Schemes.CountAsync(s => s.Status == SchemeStatus.Draft, cancellationToken);
            var published = await db.Schemes.CountAsync(s => s.Status == SchemeStatus.Published, cancellationToken);
            figures.Add(new HomeFigure(AssessmentHomeCards.DraftSchemes, Count(drafts), Format("Card_DraftSchemes_Caption", published), "/assessment"));
        }

        return figures;
    }

    private async Task<HomeFigure> SheetStandingAsync(CancellationToken ct)
    {
        var own = await orgScope.GetOwnSubBranchIdAsync(ct);
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
        var standing = await results.ReadAsync(scheme, ct);
        var row = standing.Rows.First(r => r.SubBranchId == own);
        return new HomeFigure(
            AssessmentHomeCards.SheetStanding,
            row.Total.ToString("0.##", CultureInfo.InvariantCulture),
            Format("Card_SheetStanding_Caption", scheme.Name, row.Rank, standing.Rows.Count),
            $"/assessment/schemes/{scheme.Id}/sheets/{own}");
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
            $"/assessment/schemes/{scheme.Id}");
    }

    private Task<AssessmentScheme> LoadAsync(Guid schemeId, CancellationToken ct) =>
        db.Schemes.AsNoTracking().Include(s => s.Indicators.OrderBy(i => i.SortOrder)).SingleAsync(s => s.Id == schemeId, ct);

    private string Format(string key, params object[] args) => string.Format(CultureInfo.CurrentCulture, text[key], args);

    private static string Count(int value) => value.ToString("#,0", CultureInfo.InvariantCulture);
}
