using BranchNetwork.Modules.Audit.Features.Shared;
using BranchNetwork.Modules.Audit.Resources;
using BranchNetwork.Modules.Identity.Contracts;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace BranchNetwork.Modules.Audit.Features.GetUserTimeline;

/// <summary>What a user did at one moment: a trail record (a change, or an auditor's action) or an access-log entry.</summary>
internal sealed record TimelineItemDto(
    Guid Id,
    DateTime TimeUtc,
    string Source,
    string? UserName,
    string? Operation,
    string? Module,
    string? EntityType,
    string? EntityId,
    int ChangedFields,
    string? Kind,
    string? Method,
    string? Path,
    int? Status,
    string? Ip,
    string? Detail);

/// <summary>
/// A user's activity timeline (AU-4): the trail records they made and their access-log entries in one window (required,
/// at most 31 days), merged by time, newest first, in keyset pages. User is an id or an exact user name. The view is
/// itself recorded in the trail.
/// </summary>
[AllowedRoles(BankRoles.Auditor)]
internal sealed record GetUserTimelineQuery(string? User, DateTime? From, DateTime? To, string? After, int? PageSize) : IQuery<KeysetPage<TimelineItemDto>>;

internal sealed class GetUserTimelineValidator : AbstractValidator<GetUserTimelineQuery>
{
    public GetUserTimelineValidator(IStringLocalizer<AuditText> text) =>
        RuleFor(q => q.User).NotEmpty().WithMessage(text["UserRequired"]).MaximumLength(AuditRecord.ActorNameMaxLength).WithMessage(text["FilterTooLong", AuditRecord.ActorNameMaxLength]);
}

internal sealed class GetUserTimelineHandler(AuditDbContext db, AuditorActions actions, IStringLocalizer<AuditText> text)
    : IQueryHandler<GetUserTimelineQuery, KeysetPage<TimelineItemDto>>
{
    public const string Trail = "Trail";
    public const string Access = "Access";

    public async ValueTask<KeysetPage<TimelineItemDto>> Handle(GetUserTimelineQuery query, CancellationToken cancellationToken)
    {
        var user = query.User!.Trim();
        var (from, to) = AuditWindow.Require(query.From, query.To, text);
        var size = Paging.NormalizeSize(query.PageSize);
        var list = string.Join('|', "audit.timeline", user, from.Ticks, to.Ticks);
        var after = PageCursor.Decode(query.After, list, 2);

        var records = db.AuditRecords.AsNoTracking().Where(r => r.TimeUtc >= from && r.TimeUtc <= to);
        var entries = db.AccessLogEntries.AsNoTracking().Where(e => e.TimeUtc >= from && e.TimeUtc <= to);
        if (Guid.TryParse(user, out var userId))
        {
            records = records.Where(r => r.ActorUserId == userId);
            entries = entries.Where(e => e.UserId == userId);
        }
        else
        {
            records = records.Where(r => r.ActorName == user);
            entries = entries.Where(e => e.UserName == user);
        }

        if (after is not null)
        {
            var (time, id) = (after.Time(0), after.Id(1));
            records = records.Where(r => r.TimeUtc < time || (r.TimeUtc == time && r.Id.CompareTo(id) < 0));
            entries = entries.Where(e => e.TimeUtc < time || (e.TimeUtc == time && e.Id.CompareTo(id) < 0));
        }

        // Each source gives at most a page and one more in the same order; the merge keeps the newest of both.
        var trail = await records.OrderByDescending(r => r.TimeUtc).ThenByDescending(r => r.Id).Take(size + 1).ToListAsync(cancellationToken);
        var access = await entries.OrderByDescending(e => e.TimeUtc).ThenByDescending(e => e.Id).Take(size + 1).ToListAsync(cancellationToken);
        var merged = trail.Select(FromTrail).Concat(access.Select(FromAccess))
            .OrderByDescending(i => i.TimeUtc)
            .ThenByDescending(i => i.Id)
            .Take(size + 1)
            .ToList();
        var page = KeysetPage.From(merged, size, last => PageCursor.Encode(list, last.TimeUtc, last.Id));
        await actions.RecordAsync(AuditOperations.View, "UserTimeline", user, new { view = "UserTimeline", user, from, to }, page.Items.Count, cancellationToken);
        return page;
    }

    private static TimelineItemDto FromTrail(AuditRecord r) => new(
        r.Id, r.TimeUtc, Trail, r.ActorName, r.Operation, r.Module, r.EntityType, r.EntityId, FieldChangeDto.Parse(r.Changes).Count, null, null, null, null, null, r.Detail);

    private static TimelineItemDto FromAccess(AccessLogEntry e) => new(
        e.Id, e.TimeUtc, Access, e.UserName, null, null, null, null, 0, e.Kind.ToString(), e.Method, e.Path, e.Status, e.Ip, e.Detail);
}

internal static class GetUserTimelineEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/timeline", async Task<Ok<KeysetPage<TimelineItemDto>>> (
                    string? user, DateTime? from, DateTime? to, string? after, int? pageSize, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetUserTimelineQuery(user, from, to, after, pageSize), ct)))
            .WithName("GetUserTimeline")
            .WithSummary("One user's activity (trail records and access-log entries) merged by time, newest first: user (id or name), from and to (UTC, at most 31 days) required; keyset pages (Auditor). Recorded as the auditor's View.");
}
