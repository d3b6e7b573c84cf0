using BranchNetwork.Modules.Audit.Features.Shared;
using BranchNetwork.Modules.Audit.Resources;
using BranchNetwork.Modules.Identity.Contracts;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace BranchNetwork.Modules.Audit.Features.SearchTrail;

/// <summary>
/// Searches the audit trail (AU-4), newest first. Auditors only. A window (from, to; at most 31 days) is required;
/// user is an id or an exact user name; unit, module, entity type, entity id and operation are exact. Keyset paging:
/// <paramref name="After"/> is the previous page's <c>nextCursor</c>, valid only with the same filters. The search is
/// itself recorded in the trail.
/// </summary>
[AllowedRoles(BankRoles.Auditor)]
internal sealed record SearchTrailQuery(
    string? User, Guid? Unit, string? Module, string? EntityType, string? EntityId, string? Operation, DateTime? From, DateTime? To, string? After, int? PageSize)
    : IQuery<KeysetPage<TrailRecordDto>>;

internal sealed class SearchTrailValidator : AbstractValidator<SearchTrailQuery>
{
    public SearchTrailValidator(IStringLocalizer<AuditText> text)
    {
        RuleFor(q => q.User).MaximumLength(AuditRecord.ActorNameMaxLength).WithMessage(text["FilterTooLong", AuditRecord.ActorNameMaxLength]);
        RuleFor(q => q.Module).MaximumLength(AuditRecord.ModuleMaxLength).WithMessage(text["FilterTooLong", AuditRecord.ModuleMaxLength]);
        RuleFor(q => q.EntityType).MaximumLength(AuditRecord.EntityTypeMaxLength).WithMessage(text["FilterTooLong", AuditRecord.EntityTypeMaxLength]);
        RuleFor(q => q.EntityId).MaximumLength(AuditRecord.EntityIdMaxLength).WithMessage(text["FilterTooLong", AuditRecord.EntityIdMaxLength]);
        RuleFor(q => q.Operation).MaximumLength(AuditRecord.OperationMaxLength).WithMessage(text["FilterTooLong", AuditRecord.OperationMaxLength]);
    }
}

internal sealed class SearchTrailHandler(AuditDbContext db, AuditorActions actions, IStringLocalizer<AuditText> text, IOrganisationDirectory directory)
    : IQueryHandler<SearchTrailQuery, KeysetPage<TrailRecordDto>>
{
    public async ValueTask<KeysetPage<TrailRecordDto>> Handle(SearchTrailQuery query, CancellationToken cancellationToken)
    {
        var filter = TrailFilter.Create(query.User, query.Unit, query.Module, query.EntityType, query.EntityId, query.Operation, query.From, query.To, text);
        var size = Paging.NormalizeSize(query.PageSize);
        var list = filter.ListKey();
        var after = PageCursor.Decode(query.After, list, 2);
        var records = filter.Apply(db.AuditRecords.AsNoTracking());
        if (after is not null)
        {
            var (time, id) = (after.Time(0), after.Id(1));
            records = records.Where(r => r.TimeUtc < time || (r.TimeUtc == time && r.Id.CompareTo(id) < 0));
        }

        var rows = await records
            .OrderByDescending(r => r.TimeUtc)
            .ThenByDescending(r => r.Id)
            .Take(size + 1)
            .ToListAsync(cancellationToken);
        var page = KeysetPage.From(rows, size, last => PageCursor.Encode(list, last.TimeUtc, last.Id));
        await actions.RecordAsync(AuditOperations.Search, "AuditTrail", null, new { filter = filter.Describe(), nextPage = query.After is not null }, page.Items.Count, cancellationToken);
        return await TrailRecordDto.PageAsync(page, directory, cancellationToken);
    }
}

internal static class SearchTrailEndpoint
{
    /// <summary>Only GET: nobody changes or deletes audit records through the application.</summary>
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/trail", async Task<Ok<KeysetPage<TrailRecordDto>>> (
                    string? user, Guid? unit, string? module, string? entityType, string? entityId, string? operation, DateTime? from, DateTime? to, string? after, int? pageSize, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new SearchTrailQuery(user, unit, module, entityType, entityId, operation, from, to, after, pageSize), ct)))
            .WithName("SearchTrail")
            .WithSummary("The audit trail, newest first: from and to (UTC, at most 31 days) required; user (id or name), unit, module, entityType, entityId, operation; keyset pages: pass nextCursor as after (Auditor). Recorded as the auditor's Search.");
}
