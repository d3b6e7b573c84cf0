using BranchNetwork.Modules.Audit.Resources;
using BranchNetwork.Modules.Identity.Contracts;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace BranchNetwork.Modules.Audit.Features.ListAccessLog;

/// <summary>An access-log entry as the auditor's API and page show it.</summary>
internal sealed record AccessLogEntryDto(
    Guid Id,
    DateTime TimeUtc,
    AccessLogKind Kind,
    Guid? UserId,
    string? UserName,
    IReadOnlyList<string> Roles,
    Guid? UnitId,
    string? Ip,
    string? Method,
    string? RouteTemplate,
    string? Path,
    int Status,
    double DurationMs,
    string? Detail);

/// <summary>
/// Searches the access log (AU-1), newest first. Auditors only. Filters: user name contains,
/// path starts with, exact status, time from/to (UTC, inclusive). Keyset paging (the log grows without
/// bound): <paramref name="After"/> is the previous page's <c>nextCursor</c>, valid only with the same filters.
/// </summary>
[AllowedRoles(BankRoles.Auditor)]
internal sealed record ListAccessLogQuery(string? User, string? Path, int? Status, DateTime? From, DateTime? To, string? After, int? PageSize)
    : IQuery<KeysetPage<AccessLogEntryDto>>;

internal sealed class ListAccessLogValidator : AbstractValidator<ListAccessLogQuery>
{
    public const int FilterMaxLength = 256;

    public ListAccessLogValidator(IStringLocalizer<AuditText> text)
    {
        RuleFor(q => q.User).MaximumLength(FilterMaxLength).WithMessage(text["FilterTooLong", FilterMaxLength]);
        RuleFor(q => q.Path).MaximumLength(FilterMaxLength).WithMessage(text["FilterTooLong", FilterMaxLength]);
        RuleFor(q => q.Status).InclusiveBetween(100, 599).When(q => q.Status is not null).WithMessage(text["StatusRange"]);
        RuleFor(q => q.To)
            .Must((q, to) => ListAccessLogHandler.AsUtc(q.From) <= ListAccessLogHandler.AsUtc(to))
            .When(q => q.From is not null && q.To is not null)
            .WithMessage(text["FromAfterTo"]);
    }
}

internal sealed class ListAccessLogHandler(AuditDbContext db) : IQueryHandler<ListAccessLogQuery, KeysetPage<AccessLogEntryDto>>
{
    public async ValueTask<KeysetPage<AccessLogEntryDto>> Handle(ListAccessLogQuery query, CancellationToken cancellationToken)
    {
        var size = Paging.NormalizeSize(query.PageSize);
        var list = string.Join('|', "audit.access-log", query.User?.Trim(), query.Path?.Trim(), query.Status, AsUtc(query.From)?.Ticks, AsUtc(query.To)?.Ticks);
        var after = PageCursor.Decode(query.After, list, 2);
        var entries = db.AccessLogEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.User))
        {
            var user = query.User.Trim();
            entries = entries.Where(e => e.UserName != null && e.UserName.Contains(user));
        }

        if (!string.IsNullOrWhiteSpace(query.Path))
        {
            var path = query.Path.Trim();
            entries = entries.Where(e => e.Path != null && e.Path.StartsWith(path));
        }

        if (query.Status is { } status)
        {
            entries = entries.Where(e => e.Status == status);
        }

        if (AsUtc(query.From) is { } from)
        {
            entries = entries.Where(e => e.TimeUtc >= from);
        }

        if (AsUtc(query.To) is { } to)
        {
            entries = entries.Where(e => e.TimeUtc <= to);
        }

        if (after is not null)
        {
            var (time, id) = (after.Time(0), after.Id(1));
            entries = entries.Where(e => e.TimeUtc < time || (e.TimeUtc == time && e.Id.CompareTo(id) < 0));
        }

        var rows = await entries
            .OrderByDescending(e => e.TimeUtc)
            .ThenByDescending(e => e.Id)
            .Take(size + 1)
            .ToListAsync(cancellationToken);
        return KeysetPage.From(rows, size, last => PageCursor.Encode(list, last.TimeUtc, last.Id)).Select(ToDto);
    }

    /// <summary>Times without a zone are read as UTC (the log is kept in UTC).</summary>
    internal static DateTime? AsUtc(DateTime? value) => value switch
    {
        null => null,
        { Kind: DateTimeKind.Utc } utc => utc,
        { Kind: DateTimeKind.Local } local => local.ToUniversalTime(),
        var unspecified => DateTime.SpecifyKind(unspecified.Value, DateTimeKind.Utc),
    };

    private static AccessLogEntryDto ToDto(AccessLogEntry e) => new(
        e.Id,
        e.TimeUtc,
        e.Kind,
        e.UserId,
        e.UserName,
        e.Roles is null ? [] : e.Roles.Split(',', StringSplitOptions.RemoveEmptyEntries),
        e.UnitId,
        e.Ip,
        e.Method,
        e.RouteTemplate,
        e.Path,
        e.Status,
        e.DurationMs,
        e.Detail);
}
