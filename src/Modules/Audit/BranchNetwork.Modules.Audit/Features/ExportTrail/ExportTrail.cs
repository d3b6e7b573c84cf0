using BranchNetwork.Infrastructure.Web;
using BranchNetwork.Modules.Audit.Features.Shared;
using BranchNetwork.Modules.Audit.Resources;
using BranchNetwork.Modules.Identity.Contracts;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace BranchNetwork.Modules.Audit.Features.ExportTrail;

/// <summary>
/// The filtered trail as CSV or xlsx (AU-4), newest first, at most <see cref="AuditExportFile.RowCap"/> rows, with the
/// trail chain's verification and last checkpoint in the file's header. Same filters and limits as the search; the
/// export is itself recorded in the trail.
/// </summary>
[AllowedRoles(BankRoles.Auditor)]
internal sealed record ExportTrailQuery(
    string? User, Guid? Unit, string? Module, string? EntityType, string? EntityId, string? Operation, DateTime? From, DateTime? To, string? Format)
    : IQuery<AuditFile>;

internal sealed class ExportTrailValidator : AbstractValidator<ExportTrailQuery>
{
    public ExportTrailValidator(IStringLocalizer<AuditText> text)
    {
        RuleFor(q => q.User).MaximumLength(AuditRecord.ActorNameMaxLength).WithMessage(text["FilterTooLong", AuditRecord.ActorNameMaxLength]);
        RuleFor(q => q.Module).MaximumLength(AuditRecord.ModuleMaxLength).WithMessage(text["FilterTooLong", AuditRecord.ModuleMaxLength]);
        RuleFor(q => q.EntityType).MaximumLength(AuditRecord.EntityTypeMaxLength).WithMessage(text["FilterTooLong", AuditRecord.EntityTypeMaxLength]);
        RuleFor(q => q.EntityId).MaximumLength(AuditRecord.EntityIdMaxLength).WithMessage(text["FilterTooLong", AuditRecord.EntityIdMaxLength]);
        RuleFor(q => q.Operation).MaximumLength(AuditRecord.OperationMaxLength).WithMessage(text["FilterTooLong", AuditRecord.OperationMaxLength]);
    }
}

internal sealed class ExportTrailHandler(AuditDbContext db, ChainVerifier verifier, AuditorActions actions, CurrentUser currentUser, IClock clock, IStringLocalizer<AuditText> text)
    : IQueryHandler<ExportTrailQuery, AuditFile>
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "Seq", "TimeUtc", "ActorKind", "ActorUserId", "ActorName", "ActorRoles", "ActorUnitId", "Module", "EntityType", "EntityId",
        "Operation", "CorrelationId", "Changes", "Detail", "Hash",
    ];

    public async ValueTask<AuditFile> Handle(ExportTrailQuery query, CancellationToken cancellationToken)
    {
        var format = AuditExportFile.RequireFormat(query.Format, text);
        var filter = TrailFilter.Create(query.User, query.Unit, query.Module, query.EntityType, query.EntityId, query.Operation, query.From, query.To, text);
        var rows = await filter.Apply(db.AuditRecords.AsNoTracking())
            .OrderByDescending(r => r.TimeUtc)
            .ThenByDescending(r => r.Id)
            .Take(AuditExportFile.RowCap + 1)
            .ToListAsync(cancellationToken);
        var truncated = rows.Count > AuditExportFile.RowCap;
        if (truncated)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        var chain = await verifier.VerifyAsync(ChainNames.Trail, cancellationToken);
        var header = AuditExportFile.Header("audit trail", clock.UtcNow, currentUser.UserName, filter.Describe(), rows.Count, truncated, chain);
        var file = await AuditExportFile.WriteAsync(
            format,
            $"audit-trail-{clock.UtcNow:yyyyMMddHHmmss}",
            header,
            Columns,
            rows.Select(r => new object?[]
            {
                r.Seq, r.TimeUtc, r.ActorKind, r.ActorUserId, r.ActorName, r.ActorRoles, r.ActorUnitId, r.Module, r.EntityType, r.EntityId,
                r.Operation, r.CorrelationId, r.Changes, r.Detail, r.Hash,
            }),
            cancellationToken);
        await actions.RecordAsync(AuditOperations.Export, "AuditTrail", null, new { filter = filter.Describe(), format, truncated }, rows.Count, cancellationToken);
        return file;
    }
}

internal static class ExportTrailEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/trail/export", async Task<FileContentHttpResult> (
                    string? user, Guid? unit, string? module, string? entityType, string? entityId, string? operation, DateTime? from, DateTime? to, string? format, ISender sender, CancellationToken ct) =>
                {
                    var file = await sender.Send(new ExportTrailQuery(user, unit, module, entityType, entityId, operation, from, to, format), ct);
                    return TypedResults.File(file.Content, file.ContentType, file.FileName);
                })
            .WithName("ExportTrail")
            .WithSummary("The filtered trail as CSV (default) or xlsx (?format=xlsx), at most 100,000 rows, the chain's verification and last checkpoint in the header; same filters as GET /trail (Auditor). Recorded as the auditor's Export.");
}
