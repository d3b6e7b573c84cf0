using System.Globalization;
using BranchNetwork.Modules.Audit.Features.Shared;
using BranchNetwork.Modules.Audit.Resources;
using BranchNetwork.Modules.Identity.Contracts;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace BranchNetwork.Modules.Audit.Features.GetEntityHistory;

/// <summary>
/// One entity's full history (AU-4): every trail record of module + entity type + id, oldest first (chain order),
/// each with its fields before and after. Keyset pages over the chain position; no window, the entity's own index
/// bounds the read. The view is itself recorded in the trail.
/// </summary>
[AllowedRoles(BankRoles.Auditor)]
internal sealed record GetEntityHistoryQuery(string? Module, string? EntityType, string? EntityId, string? After, int? PageSize) : IQuery<KeysetPage<TrailRecordDto>>;

internal sealed class GetEntityHistoryValidator : AbstractValidator<GetEntityHistoryQuery>
{
    public GetEntityHistoryValidator(IStringLocalizer<AuditText> text)
    {
        RuleFor(q => q.Module).NotEmpty().WithMessage(text["EntityRequired"]).MaximumLength(AuditRecord.ModuleMaxLength).WithMessage(text["FilterTooLong", AuditRecord.ModuleMaxLength]);
        RuleFor(q => q.EntityType).NotEmpty().WithMessage(text["EntityRequired"]).MaximumLength(AuditRecord.EntityTypeMaxLength).WithMessage(text["FilterTooLong", AuditRecord.EntityTypeMaxLength]);
        RuleFor(q => q.EntityId).NotEmpty().WithMessage(text["EntityRequired"]).MaximumLength(AuditRecord.EntityIdMaxLength).WithMessage(text["FilterTooLong", AuditRecord.EntityIdMaxLength]);
    }
}

internal sealed class GetEntityHistoryHandler(AuditDbContext db, AuditorActions actions, IStringLocalizer<AuditText> text, IOrganisationDirectory directory)
    : IQueryHandler<GetEntityHistoryQuery, KeysetPage<TrailRecordDto>>
{
    public async ValueTask<KeysetPage<TrailRecordDto>> Handle(GetEntityHistoryQuery query, CancellationToken cancellationToken)
    {
        var (module, type, id) = (query.Module!.Trim(), query.EntityType!.Trim(), query.EntityId!.Trim());
        var size = Paging.NormalizeSize(query.PageSize);
        var list = string.Join('|', "audit.entity-history", module, type, id);
        var after = PageCursor.Decode(query.After, list, 1);
        var records = db.AuditRecords.AsNoTracking().Where(r => r.Module == module && r.EntityType == type && r.EntityId == id);
        if (after is not null)
        {
            var seq = long.TryParse(after.Text(0), NumberStyles.None, CultureInfo.InvariantCulture, out var s)
                ? s
                : throw new ValidationFailedException(PageCursor.Field, text["BadCursor"]);
            records = records.Where(r => r.Seq > seq);
        }

        var rows = await records.OrderBy(r => r.Seq).Take(size + 1).ToListAsync(cancellationToken);
        var page = KeysetPage.From(rows, size, last => PageCursor.Encode(list, last.Seq));
        await actions.RecordAsync(AuditOperations.View, type, id, new { view = "EntityHistory", module, entityType = type, entityId = id }, page.Items.Count, cancellationToken);
        return await TrailRecordDto.PageAsync(page, directory, cancellationToken);
    }
}

internal static class GetEntityHistoryEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/trail/entity", async Task<Ok<KeysetPage<TrailRecordDto>>> (
                    string? module, string? entityType, string? entityId, string? after, int? pageSize, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetEntityHistoryQuery(module, entityType, entityId, after, pageSize), ct)))
            .WithName("GetEntityHistory")
            .WithSummary("One entity's full history, oldest first, with before/after: module, entityType and entityId required; keyset pages (Auditor). Recorded as the auditor's View.");
}
