using BranchNetwork.Modules.Audit.Features.Shared;
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
    string? Detail)
{
    /// <summary>The person's name as colleagues know it (分行督导); null for anonymous requests and removed users.</summary>
    public string? DisplayName { get; init; }
}

/// <summary>
/// Searches the access log (AU-1, AU-4), newest first. Auditors only. Filters: user name contains or exact user id,
/// unit, path starts with, exact route template, exact status, outcome class (success, denied, error), and a time
/// window (UTC, inclusive; at most 31 days; without one, the last day). Keyset paging (the log grows without bound):
/// <paramref name="After"/> is the previous page's <c>nextCursor</c>, valid only with the same filters. The search is
/// recorded in the trail.
/// </summary>
[AllowedRoles(BankRoles.Auditor)]
internal sealed record ListAccessLogQuery(string? User, string? Path, int? Status, DateTime? From, DateTime? To, string? After, int? PageSize)
    : IQuery<KeysetPage<AccessLogEntryDto>>
{
    public Guid? UserId { get; init; }

    public Guid? Unit { get; init; }

    public string? Route { get; init; }

    public string? Outcome { get; init; }
}

internal sealed class ListAccessLogValidator : AbstractValidator<ListAccessLogQuery>
{
    public const int FilterMaxLength = 256;

    public ListAccessLogValidator(IStringLocalizer<AuditText> text)
    {
        RuleFor(q => q.User).MaximumLength(FilterMaxLength).WithMessage(text["FilterTooLong", FilterMaxLength]);
        RuleFor(q => q.Path).MaximumLength(FilterMaxLength).WithMessage(text["FilterTooLong", FilterMaxLength]);
        RuleFor(q => q.Route).MaximumLength(FilterMaxLength).WithMessage(text["FilterTooLong", FilterMaxLength]);
        RuleFor(q => q.Status).InclusiveBetween(100, 599).When(q => q.Status is not null).WithMessage(text["StatusRange"]);
    }
}

internal sealed class ListAccessLogHandler(AuditDbContext db, AuditorActions actions, IClock clock, IStringLocalizer<AuditText> text, IOrganisationDirectory directory)
    : IQueryHandler<ListAccessLogQuery, KeysetPage<AccessLogEntryDto>>
{
    public async ValueTask<KeysetPage<AccessLogEntryDto>> Handle(ListAccessLogQuery query, CancellationToken cancellationToken)
    {
        var size = Paging.NormalizeSize(query.PageSize);
        var filter = AccessFilter.Create(query.User, query.UserId, query.Unit, query.Path, query.Route, query.Status, query.Outcome, query.From, query.To, clock.UtcNow, text);

        // A search without a window gets the day up to its first page; the cursor carries that window, so later pages
        // (sent with the same parameters, later) continue the same list rather than a moved one.
        var list = string.Join('|', "audit.access-log", filter.User, filter.UserId, filter.Unit, filter.Path, filter.Route, filter.Status, filter.Outcome, AuditWindow.AsUtc(query.From)?.Ticks, AuditWindow.AsUtc(query.To)?.Ticks);
        var after = PageCursor.Decode(query.After, list, 4);
        if (after is not null)
        {
            filter = filter with { From = after.Time(2), To = after.Time(3) };
        }

        var entries = filter.Apply(db.AccessLogEntries.AsNoTracking());
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
        var page = KeysetPage.From(rows, size, last => PageCursor.Encode(list, last.TimeUtc, last.Id, filter.From, filter.To));
        await actions.RecordAsync(AuditOperations.Search, "AccessLog", null, new { filter = filter.Describe(), nextPage = query.After is not null }, page.Items.Count, cancellationToken);
        var names = await directory.GetDisplayNamesAsync(page.Items.Where(e => e.UserId is not null).Select(e => e.UserId!.Value).ToHashSet(), cancellationToken);
        return page.Select(e => ToDto(e) with { DisplayName = e.UserId is { } id && names.TryGetValue(id, out var name) ? name : null });
    }

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
