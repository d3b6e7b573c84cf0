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

namespace BranchNetwork.Modules.Audit.Features.ExportAccessLog;

/// <summary>
/// The filtered access log as CSV or xlsx (AU-4), newest first, at most <see cref="AuditExportFile.RowCap"/> rows, with
/// the access-log chain's verification and last checkpoint in the header. Same filters and window as the list; the
/// export is recorded in the trail.
/// </summary>
[AllowedRoles(BankRoles.Auditor)]
internal sealed record ExportAccessLogQuery(
    string? User, Guid? UserId, Guid? Unit, string? Path, string? Route, int? Status, string? Outcome, DateTime? From, DateTime? To, string? Format)
    : IQuery<AuditFile>;

internal sealed class ExportAccessLogValidator : AbstractValidator<ExportAccessLogQuery>
{
    public const int FilterMaxLength = 256;

    public ExportAccessLogValidator(IStringLocalizer<AuditText> text)
    {
        RuleFor(q => q.User).MaximumLength(FilterMaxLength).WithMessage(text["FilterTooLong", FilterMaxLength]);
        RuleFor(q => q.Path).MaximumLength(FilterMaxLength).WithMessage(text["FilterTooLong", FilterMaxLength]);
        RuleFor(q => q.Route).MaximumLength(FilterMaxLength).WithMessage(text["FilterTooLong", FilterMaxLength]);
        RuleFor(q => q.Status).InclusiveBetween(100, 599).When(q => q.Status is not null).WithMessage(text["StatusRange"]);
    }
}

internal sealed class ExportAccessLogHandler(AuditDbContext db, ChainVerifier verifier, AuditorActions actions, CurrentUser currentUser, IClock clock, IStringLocalizer<AuditText> text)
    : IQueryHandler<ExportAccessLogQuery, AuditFile>
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "Seq", "TimeUtc", "Kind", "UserId", "UserName", "Roles", "UnitId", "Ip", "Method", "RouteTemplate", "Path", "Status", "DurationMs", "Detail", "Hash",
    ];

    public async ValueTask<AuditFile> Handle(ExportAccessLogQuery query, CancellationToken cancellationToken)
    {
        var format = AuditExportFile.RequireFormat(query.Format, text);
        var filter = AccessFilter.Create(query.User, query.UserId, query.Unit, query.Path, query.Route, query.Status, query.Outcome, query.From, query.To, clock.UtcNow, text);
        var rows = await filter.Apply(db.AccessLogEntries.AsNoTracking())
            .OrderByDescending(e => e.TimeUtc)
            .ThenByDescending(e => e.Id)
            .Take(AuditExportFile.RowCap + 1)
            .ToListAsync(cancellationToken);
        var truncated = rows.Count > AuditExportFile.RowCap;
        if (truncated)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        var chain = await verifier.VerifyAsync(ChainNames.AccessLog, cancellationToken);
        var header = AuditExportFile.Header("access log", clock.UtcNow, currentUser.UserName, filter.Describe(), rows.Count, truncated, chain);
        var file = await AuditExportFile.WriteAsync(
            format,
            $"access-log-{clock.UtcNow:yyyyMMddHHmmss}",
            header,
            Columns,
            rows.Select(e => new object?[]
            {
                e.Seq, e.TimeUtc, e.Kind, e.UserId, e.UserName, e.Roles, e.UnitId, e.Ip, e.Method, e.RouteTemplate, e.Path, e.Status, e.DurationMs, e.Detail, e.Hash,
            }),
            cancellationToken);
        await actions.RecordAsync(AuditOperations.Export, "AccessLog", null, new { filter = filter.Describe(), format, truncated }, rows.Count, cancellationToken);
        return file;
    }
}

internal static class ExportAccessLogEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/access-log/export", async Task<FileContentHttpResult> (
                    string? user, Guid? userId, Guid? unit, string? path, string? route, int? status, string? outcome, DateTime? from, DateTime? to, string? format, ISender sender, CancellationToken ct) =>
                {
                    var file = await sender.Send(new ExportAccessLogQuery(user, userId, unit, path, route, status, outcome, from, to, format), ct);
                    return TypedResults.File(file.Content, file.ContentType, file.FileName);
                })
            .WithName("ExportAccessLog")
            .WithSummary("The filtered access log as CSV (default) or xlsx (?format=xlsx), at most 100,000 rows, the chain's verification and last checkpoint in the header; same filters as GET /access-log (Auditor). Recorded as the auditor's Export.");
}
