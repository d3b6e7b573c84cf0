using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.WorkLogs.Features.Shared;
using BranchNetwork.SharedKernel.Authorization;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.WorkLogs.Features.GetSubmissions;

/// <summary>
/// The day's submissions (WL-2): for one sub-branch, every member (everyone active in it, head and managers included)
/// with how they stand — 按时 / 迟交 / 未交 / 待提交 (before the cut-off) — and when they submitted; for head office
/// without a sub-branch, one line per sub-branch with its counts. <see cref="Day"/> is yyyy-MM-dd (today when empty).
/// </summary>
[AllowedRoles(BankRoles.SubBranchHead, BankRoles.DepartmentManager, BankRoles.AccountingSupervisor, BankRoles.HeadOfficeSupervisor)]
[BoundedList("one sub-branch's members, or one line per sub-branch")]
internal sealed record GetSubmissionsQuery(string? Day, Guid? SubBranchId) : IQuery<SubmissionsDto>;

/// <summary>A member's day; <see cref="LogId"/> only once submitted (the readers' link), <see cref="HasDraft"/> when a draft waits.</summary>
internal sealed record SubmissionRowDto(
    Guid UserId,
    string DisplayName,
    string? Position,
    Guid UnitId,
    SubmissionStatus Status,
    bool HasDraft,
    DateTime? SubmittedAtUtc,
    Guid? LogId);

internal sealed record SubBranchSubmissionsDto(Guid SubBranchId, string Code, string Name, SubmissionCounts Counts);

/// <summary>
/// <see cref="SubBranch"/> and <see cref="Members"/> for one sub-branch; <see cref="SubBranches"/> for head office's
/// view (every sub-branch, most missing first). <see cref="IsWorkingDay"/> false: nobody is expected that day.
/// </summary>
internal sealed record SubmissionsDto(
    DateOnly Day,
    DateOnly Today,
    bool IsWorkingDay,
    DateTime CutOffAtUtc,
    DateTime ClosesAtUtc,
    bool PastCutOff,
    bool Closed,
    SubmissionCounts Totals,
    SubBranchInfoDto? SubBranch,
    IReadOnlyList<SubmissionRowDto> Members,
    IReadOnlyList<SubBranchSubmissionsDto> SubBranches);

internal sealed record SubBranchInfoDto(Guid Id, string Code, string Name);

internal sealed class GetSubmissionsValidator : AbstractValidator<GetSubmissionsQuery>
{
    public GetSubmissionsValidator(IClock clock) =>
        RuleFor(q => q.Day)
            .Must(d => string.IsNullOrEmpty(d) || TrackingScope.TryParseDay(d, out _)).WithMessage(_ => DomainText.Get("Tracking_DayInvalid"))
            .Must(d => !TrackingScope.TryParseDay(d, out var day) || day <= BankCalendar.Today(clock)).WithMessage(_ => DomainText.Get("Tracking_DayInFuture"))
            .WithName(_ => DomainText.Get("Tracking_Field_Day"));
}

internal sealed class GetSubmissionsHandler(
    WorkLogsDbContext db, WorkLogsAccess access, IOrganisationDirectory directory, BankCalendar calendar, WorkLogSettings settings, IClock clock)
    : IQueryHandler<GetSubmissionsQuery, SubmissionsDto>
{
    public async ValueTask<SubmissionsDto> Handle(GetSubmissionsQuery query, CancellationToken cancellationToken)
    {
        var today = BankCalendar.Today(clock);
        var day = TrackingScope.TryParseDay(query.Day, out var asked) ? asked : today;
        var subBranch = await TrackingScope.ResolveAsync(access, directory, query.SubBranchId, cancellationToken);
        var when = TrackingDay.Of(day, calendar, settings.Window, clock);
        return subBranch is null
            ? await HeadOfficeAsync(when, today, cancellationToken)
            : await OneSubBranchAsync(when, today, subBranch, cancellationToken);
    }

    private async Task<SubmissionsDto> OneSubBranchAsync(TrackingDay when, DateOnly today, OrgUnitInfo subBranch, CancellationToken ct)
    {
        var members = await directory.ListActiveMembersAsync([subBranch.Id], ct);
        // One read of the sub-branch's logs of the day (index SubBranchId, Day, State): at most one per member.
        var logs = await db.Logs.AsNoTracking()
            .Where(l => l.SubBranchId == subBranch.Id && l.Day == when.Day)
            .Select(l => new { l.Id, l.AuthorId, l.State, l.Timeliness, l.SubmittedAtUtc })
            .ToDictionaryAsync(l => l.AuthorId, ct);
        var rows = members
            .Select(m =>
            {
                var log = logs.GetValueOrDefault(m.UserId);
                var submitted = log is { State: LogState.Submitted };
                return new SubmissionRowDto(
                    m.UserId, m.DisplayName, m.Position, m.UnitId,
                    when.StatusOf(submitted ? log!.Timeliness : null),
                    log is { State: LogState.Draft },
                    submitted ? log!.SubmittedAtUtc : null,
                    submitted ? log!.Id : null);
            })
            .OrderBy(r => r.Status).ThenBy(r => r.SubmittedAtUtc).ThenBy(r => r.DisplayName, StringComparer.Ordinal)
            .ToList();
        var totals = new SubmissionCounts(
            when.IsWorkingDay ? rows.Count : 0,
            rows.Count(r => r.Status == SubmissionStatus.OnTime),
            rows.Count(r => r.Status == SubmissionStatus.Late),
            rows.Count(r => r.Status == SubmissionStatus.Missing),
            rows.Count(r => r.Status == SubmissionStatus.Pending));
        return Dto(when, today, totals, new SubBranchInfoDto(subBranch.Id, subBranch.Code, subBranch.Name), rows, []);
    }

    private async Task<SubmissionsDto> HeadOfficeAsync(TrackingDay when, DateOnly today, CancellationToken ct)
    {
        var subBranches = (await directory.ListSubBranchesAsync(ct)).Where(u => !u.IsRetired).ToList();
        var expected = (await directory.ListActiveMembersAsync([.. subBranches.Select(s => s.Id)], ct))
            .GroupBy(m => m.InUnitId).ToDictionary(g => g.Key, g => g.Count());
        var counts = await SubmissionFigures.BySubBranchAsync(db, when.Day, ct);
        var rows = subBranches
            .Select(s => new SubBranchSubmissionsDto(s.Id, s.Code, s.Name, SubmissionFigures.Counts(when, expected.GetValueOrDefault(s.Id), counts.GetValueOrDefault(s.Id))))
            .OrderByDescending(r => r.Counts.Missing + r.Counts.Pending).ThenBy(r => r.Code, StringComparer.Ordinal)
            .ToList();
        var totals = new SubmissionCounts(
            rows.Sum(r => r.Counts.Expected), rows.Sum(r => r.Counts.OnTime), rows.Sum(r => r.Counts.Late), rows.Sum(r => r.Counts.Missing), rows.Sum(r => r.Counts.Pending));
        return Dto(when, today, totals, null, [], rows);
    }

    private static SubmissionsDto Dto(TrackingDay when, DateOnly today, SubmissionCounts totals, SubBranchInfoDto? subBranch, IReadOnlyList<SubmissionRowDto> members, IReadOnlyList<SubBranchSubmissionsDto> subBranches) =>
        new(when.Day, today, when.IsWorkingDay, when.CutOffAtUtc, when.ClosesAtUtc, when.PastCutOff, when.Closed, totals, subBranch, members, subBranches);
}

internal static class GetSubmissionsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/submissions", async Task<Ok<SubmissionsDto>> (string? day, Guid? subBranchId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetSubmissionsQuery(day, subBranchId), ct)))
            .WithName("GetWorkLogSubmissions")
            .WithSummary("The day's log submissions: each member of a sub-branch on time, late, missing or pending (before the cut-off), missing first; head office without a sub-branch gets one line per sub-branch (its managers, head office supervisors).");
}
