using BranchNetwork.Modules.Assessment.Data;
using BranchNetwork.Modules.Assessment.Domain;
using BranchNetwork.Modules.Assessment.Services;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace BranchNetwork.Modules.Assessment.Features.GetScheme;

internal sealed record SchemeIndicatorDto(Guid IndicatorId, string Code, string Name, string Unit, decimal Weight, IndicatorDirection Direction, IndicatorDataSource DataSource, ScoringRuleKind RuleKind, bool AllowSubBranchEntry);

internal sealed record WarningRuleDto(Guid Id, WarningRuleKind Kind, decimal Threshold, bool IsActive);

internal sealed record SchemeDetail(
    Guid Id,
    string Name,
    PeriodKind PeriodKind,
    DateOnly StartDate,
    DateOnly EndDate,
    SchemeKind Kind,
    Guid? BusinessLineId,
    SchemeStatus Status,
    decimal ExcellentFrom,
    decimal GoodFrom,
    decimal FairFrom,
    decimal BehindMarginPoints,
    IReadOnlyList<SchemeIndicatorDto> Indicators,
    IReadOnlyList<WarningRuleDto> WarningRules,
    int TargetCount,
    int SheetCount,
    DateTime? PublishedAt,
    DateTime? ClosedAt,
    long Version);

internal sealed class SchemeDetailReader(AssessmentDbContext db)
{
    public async Task<SchemeDetail> ReadAsync(Guid schemeId, CancellationToken ct)
    {
        var scheme = await db.Schemes.AsNoTracking().Include(s => s.Indicators).FirstAsync(s => s.Id == schemeId, ct);
        return await ReadAsync(scheme, ct);
    }

    public async Task<SchemeDetail> ReadAsync(AssessmentScheme scheme, CancellationToken ct)
    {
        var rules = await db.WarningRules.AsNoTracking().Where(r => r.SchemeId == scheme.Id).OrderBy(r => r.Kind).ThenBy(r => r.CreatedAtUtc)
            .Select(r => new WarningRuleDto(r.Id, r.Kind, r.Threshold, r.IsActive)).ToListAsync(ct);
        var targets = await db.Targets.CountAsync(t => t.SchemeId == scheme.Id, ct);
        var sheets = await db.Sheets.CountAsync(s => s.SchemeId == scheme.Id, ct);
        return new SchemeDetail(
            scheme.Id, scheme.Name, scheme.PeriodKind, scheme.StartDate, scheme.EndDate, scheme.Kind, scheme.BusinessLineId, scheme.Status,
            scheme.ExcellentFrom, scheme.GoodFrom, scheme.FairFrom, scheme.BehindMarginPoints,
            scheme.Indicators.OrderBy(i => i.SortOrder)
                .Select(i => new SchemeIndicatorDto(i.IndicatorId, i.Code, i.Name, i.Unit, i.Weight, i.Direction, i.DataSource, i.RuleKind, i.AllowSubBranchEntry)).ToList(),
            rules, targets, sheets, scheme.PublishedAtUtc, scheme.ClosedAtUtc, scheme.Version);
    }
}

internal sealed record GetSchemeQuery(Guid SchemeId) : IQuery<SchemeDetail>;

internal sealed class GetSchemeHandler(AssessmentAccess access, SchemeDetailReader details) : IQueryHandler<GetSchemeQuery, SchemeDetail>
{
    public async ValueTask<SchemeDetail> Handle(GetSchemeQuery query, CancellationToken cancellationToken) =>
        await details.ReadAsync(await access.VisibleSchemeAsync(query.SchemeId, cancellationToken), cancellationToken);
}

internal sealed record SchemeSummary(Guid Id, string Name, PeriodKind PeriodKind, DateOnly StartDate, DateOnly EndDate, SchemeKind Kind, SchemeStatus Status, DateTime? PublishedAt, DateTime? ClosedAt);

/// <summary>Schemes the user may see, newest period first: drafts only for head-office roles.</summary>
internal sealed record ListSchemesQuery(SchemeStatus? Status) : IQuery<IReadOnlyList<SchemeSummary>>;

internal sealed class ListSchemesHandler(AssessmentDbContext db, AssessmentAccess access) : IQueryHandler<ListSchemesQuery, IReadOnlyList<SchemeSummary>>
{
    public async ValueTask<IReadOnlyList<SchemeSummary>> Handle(ListSchemesQuery query, CancellationToken cancellationToken)
    {
        access.User.RequireUserId();
        var schemes = db.Schemes.AsNoTracking();
        if (!access.IsHeadOfficeRole)
        {
            schemes = schemes.Where(s => s.Status != SchemeStatus.Draft);
        }

        if (query.Status is { } status)
        {
            schemes = schemes.Where(s => s.Status == status);
        }

        return await schemes.OrderByDescending(s => s.StartDate).ThenBy(s => s.Name).Take(500)
            .Select(s => new SchemeSummary(s.Id, s.Name, s.PeriodKind, s.StartDate, s.EndDate, s.Kind, s.Status, s.PublishedAtUtc, s.ClosedAtUtc))
            .ToListAsync(cancellationToken);
    }
}

internal static class GetSchemeEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/schemes", async Task<Ok<IReadOnlyList<SchemeSummary>>> (SchemeStatus? status, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListSchemesQuery(status), ct)))
            .WithName("ListSchemes").WithSummary("Assessment schemes visible to the caller (AS-2).");
        api.MapGet("/schemes/{id:guid}", async Task<Ok<SchemeDetail>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetSchemeQuery(id), ct)))
            .WithName("GetScheme").WithSummary("One scheme with its weighted indicators and warning rules.");
    }
}
