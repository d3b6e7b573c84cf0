using BranchNetwork.Modules.Assessment.Contracts;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Tasks.Features.Shared;
using BranchNetwork.SharedKernel.Authorization;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Tasks.Features.GetSupervision;

/// <summary>
/// Head office's overview (TK-4): for every sub-branch, its plan's state for the scheme and its week — tasks, done,
/// completion rate, overdue — weakest first. Two aggregate queries whatever the number of sub-branches.
/// </summary>
[AllowedRoles(BankRoles.HeadOfficeSupervisor, BankRoles.TaskAdmin, BankRoles.Auditor)]
internal sealed record GetSupervisionQuery(Guid? SchemeId, int? Year, int? Week) : IQuery<SupervisionOverviewDto>;

/// <summary>One sub-branch's line. <see cref="CompletionRate"/> is done ÷ tasks (cancelled ones not counted), null without tasks.</summary>
internal sealed record SupervisionRowDto(
    Guid SubBranchId,
    string SubBranchCode,
    string SubBranchName,
    Guid? PlanId,
    SupervisedPlanState PlanState,
    int Tasks,
    int Done,
    decimal? CompletionRate,
    int Overdue);

internal sealed record SupervisionOverviewDto(
    SupervisionSchemeDto? Scheme,
    IReadOnlyList<SupervisionSchemeDto> Schemes,
    int Year,
    int Week,
    DateOnly WeekStart,
    DateOnly WeekEnd,
    DateOnly Today,
    IReadOnlyList<SupervisionRowDto> Rows);

internal sealed class GetSupervisionValidator : AbstractValidator<GetSupervisionQuery>
{
    public GetSupervisionValidator() =>
        RuleFor(q => q.Week).Must((q, _) => SupervisionWeek.IsAcceptable(q.Year, q.Week)).WithMessage(_ => DomainText.Get("Sv_WeekInvalid"));
}

internal sealed class GetSupervisionHandler(TasksDbContext db, TasksAccess access, IAssessmentSheets sheets, IOrganisationDirectory directory, IClock clock)
    : IQueryHandler<GetSupervisionQuery, SupervisionOverviewDto>
{
    public async ValueTask<SupervisionOverviewDto> Handle(GetSupervisionQuery query, CancellationToken cancellationToken)
    {
        access.User.EnsureAnyRole(BankRoles.HeadOfficeSupervisor, BankRoles.TaskAdmin, BankRoles.Auditor);
        var week = SupervisionWeek.Resolve(query.Year, query.Week, clock);
        var today = BankCalendar.Today(clock);
        var (schemes, scheme) = await SupervisionWeek.SchemesAsync(sheets, query.SchemeId, cancellationToken);
        if (scheme is null)
        {
            return new SupervisionOverviewDto(null, schemes, week.Year, week.Number, week.Start, week.End, today, []);
        }

        var subBranches = (await directory.ListSubBranchesAsync(cancellationToken)).Where(u => !u.IsRetired).ToList();
        var figures = await WeekFigures.ReadAsync(db, scheme.Id, week.Start, today, cancellationToken);
        var plans = await db.Plans.AsNoTracking().Where(p => p.SchemeId == scheme.Id)
            .Select(p => new { p.SubBranchId, p.Id, p.State })
            .ToDictionaryAsync(p => p.SubBranchId, cancellationToken);

        var rows = subBranches.Select(u =>
            {
                var f = figures.GetValueOrDefault(u.Id);
                var plan = plans.GetValueOrDefault(u.Id);
                return new SupervisionRowDto(
                    u.Id, u.Code, u.Name, plan?.Id, SupervisionWeek.Of(plan?.State),
                    f?.Tasks ?? 0, f?.Done ?? 0, f is { Tasks: > 0 } ? Math.Round((decimal)f.Done / f.Tasks, 4) : null, f?.Overdue ?? 0);
            })
            // Weakest first: no tasks at all, then the lowest rate, then the most overdue.
            .OrderBy(r => r.CompletionRate ?? -1m).ThenByDescending(r => r.Overdue).ThenBy(r => r.PlanState).ThenBy(r => r.SubBranchCode, StringComparer.Ordinal)
            .ToList();
        return new SupervisionOverviewDto(scheme, schemes, week.Year, week.Number, week.Start, week.End, today, rows);
    }
}

/// <summary>A sub-branch's counts for one scheme's week.</summary>
internal sealed record WeekFigure(Guid SubBranchId, int Tasks, int Done, int Overdue);

/// <summary>The overview's aggregate: one GROUP BY over the scheme's week (index SchemeId, WeekStart, SubBranchId, State, DueDate).</summary>
internal static class WeekFigures
{
    public static async Task<Dictionary<Guid, WeekFigure>> ReadAsync(TasksDbContext db, Guid schemeId, DateOnly weekStart, DateOnly today, CancellationToken ct) =>
        await db.Tasks.AsNoTracking()
            .Where(t => t.SchemeId == schemeId && t.WeekStart == weekStart && t.State != WeeklyTaskState.Cancelled)
            .GroupBy(t => t.SubBranchId)
            .Select(g => new WeekFigure(
                g.Key,
                g.Count(),
                g.Count(t => t.State == WeeklyTaskState.Done),
                g.Count(t => t.State == WeeklyTaskState.Open && t.DueDate < today)))
            .ToDictionaryAsync(f => f.SubBranchId, ct);
}

internal static class GetSupervisionEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/supervision", async Task<Ok<SupervisionOverviewDto>> (Guid? schemeId, int? year, int? week, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetSupervisionQuery(schemeId, year, week), ct)))
            .WithName("GetSupervision")
            .WithSummary("Head office's overview of one scheme's week: per sub-branch plan state, tasks, completion rate and overdue tasks, weakest first (supervisor, task admin, auditor).");
}
