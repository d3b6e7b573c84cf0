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

namespace BranchNetwork.Modules.Tasks.Features.GetSupervisionDetail;

/// <summary>
/// Head office drills into one sub-branch's week (TK-4): its plan state, every task of the week (of the scheme, or of
/// every scheme when none is given) with assignees and whether it is overdue, and the week's prompts. 404 for an unknown sub-branch.
/// </summary>
[AllowedRoles(BankRoles.HeadOfficeSupervisor, BankRoles.TaskAdmin, BankRoles.Auditor)]
internal sealed record GetSupervisionDetailQuery(Guid SubBranchId, Guid? SchemeId, int? Year, int? Week) : IQuery<SupervisionDetailDto>;

internal sealed record SupervisedTaskDto(
    Guid Id,
    string Title,
    string MeasureTitle,
    IReadOnlyList<string> Assignees,
    decimal Quantity,
    string Unit,
    decimal? ActualQuantity,
    WeeklyTaskState State,
    DateOnly DueDate,
    bool Overdue);

internal sealed record SupervisionDetailDto(
    Guid SubBranchId,
    string SubBranchCode,
    string SubBranchName,
    SupervisionSchemeDto? Scheme,
    Guid? PlanId,
    SupervisedPlanState PlanState,
    int Year,
    int Week,
    DateOnly WeekStart,
    DateOnly WeekEnd,
    DateOnly Today,
    IReadOnlyList<SupervisedTaskDto> Tasks,
    IReadOnlyList<PromptDto> Prompts);

internal sealed class GetSupervisionDetailValidator : AbstractValidator<GetSupervisionDetailQuery>
{
    public GetSupervisionDetailValidator() =>
        RuleFor(q => q.Week).Must((q, _) => SupervisionWeek.IsAcceptable(q.Year, q.Week)).WithMessage(_ => DomainText.Get("Sv_WeekInvalid"));
}

internal sealed class GetSupervisionDetailHandler(TasksDbContext db, TasksAccess access, IAssessmentSheets sheets, IOrganisationDirectory directory, IClock clock)
    : IQueryHandler<GetSupervisionDetailQuery, SupervisionDetailDto>
{
    public async ValueTask<SupervisionDetailDto> Handle(GetSupervisionDetailQuery query, CancellationToken cancellationToken)
    {
        access.User.EnsureAnyRole(BankRoles.HeadOfficeSupervisor, BankRoles.TaskAdmin, BankRoles.Auditor);
        var unit = await directory.FindUnitAsync(query.SubBranchId, cancellationToken);
        if (unit is not { Kind: OrgUnitKind.SubBranch })
        {
            throw new NotFoundException("tasks.sub_branch_not_found", DomainText.Get("Sv_SubBranchNotFound"));
        }

        var week = SupervisionWeek.Resolve(query.Year, query.Week, clock);
        var today = BankCalendar.Today(clock);
        var (_, scheme) = await SupervisionWeek.SchemesAsync(sheets, query.SchemeId, cancellationToken);
        var tasks = db.Tasks.AsNoTracking().Where(t => t.SubBranchId == unit.Id && t.WeekStart == week.Start);
        if (query.SchemeId is not null && scheme is not null)
        {
            tasks = tasks.Where(t => t.SchemeId == scheme.Id);
        }

        var loaded = await tasks.Include(t => t.Assignees).OrderBy(t => t.DueDate).ThenBy(t => t.MeasureTitle).ThenBy(t => t.Title).ThenBy(t => t.Id)
            .ToListAsync(cancellationToken);
        var plan = scheme is null
            ? null
            : await db.Plans.AsNoTracking().Where(p => p.SchemeId == scheme.Id && p.SubBranchId == unit.Id)
                .Select(p => new { p.Id, p.State }).FirstOrDefaultAsync(cancellationToken);
        var prompts = await PromptProjection.OfWeekAsync(db, unit.Id, week.Start, cancellationToken);
        return new SupervisionDetailDto(
            unit.Id, unit.Code, unit.Name, scheme, plan?.Id, SupervisionWeek.Of(plan?.State),
            week.Year, week.Number, week.Start, week.End, today,
            [.. loaded.Select(t => new SupervisedTaskDto(
                t.Id, t.Title, t.MeasureTitle, [.. t.Assignees.Select(a => a.UserName).Order(StringComparer.Ordinal)],
                t.Quantity, t.Unit, t.ActualQuantity, t.State, t.DueDate, t.IsOverdue(today)))],
            prompts);
    }
}

internal static class GetSupervisionDetailEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/supervision/{subBranchId:guid}", async Task<Ok<SupervisionDetailDto>> (Guid subBranchId, Guid? schemeId, int? year, int? week, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetSupervisionDetailQuery(subBranchId, schemeId, year, week), ct)))
            .WithName("GetSupervisionDetail")
            .WithSummary("One sub-branch's week for head office: plan state, tasks with assignees and overdue flags, prompts (supervisor, task admin, auditor).");
}
