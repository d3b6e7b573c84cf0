using BranchNetwork.Modules.Assessment.Contracts;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Resources.Features.Shared;
using BranchNetwork.Modules.Tasks.Contracts;
using BranchNetwork.SharedKernel.Authorization;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Resources.Features.CreateRequest;

/// <summary>
/// RR-1: a sub-branch head or department manager starts a draft request of a kind — people (persons for days), money
/// (yuan under a budget category) or material (item, quantity, unit) — with a title, justification, needed-by date and
/// optional links to an indicator of the sub-branch's current sheet and a measure of its work plan. Only the requester
/// sees the draft until it is submitted.
/// </summary>
[AllowedRoles(BankRoles.SubBranchHead, BankRoles.DepartmentManager)]
internal sealed record CreateResourceRequestCommand(
    ResourceKind Kind,
    string Title,
    string Justification,
    decimal? Quantity,
    int? DurationDays,
    string? ItemName,
    string? Unit,
    decimal? Amount,
    string? BudgetCategory,
    DateOnly NeededBy,
    Guid? IndicatorId,
    Guid? MeasureId) : ICommand<ResourceRequestDetail>, IRequestFields;

internal sealed class CreateResourceRequestValidator : RequestFieldRules<CreateResourceRequestCommand>
{
    public CreateResourceRequestValidator(IClock clock)
        : base(clock) =>
        RuleFor(c => c.Kind).IsInEnum().WithMessage(_ => DomainText.Get("KindInvalid"));
}

internal sealed class CreateResourceRequestHandler(
    ResourcesDbContext db, ResourcesAccess access, IOrganisationDirectory directory, IAssessmentSheets sheets, IWorkPlanMeasures measures, IClock clock)
    : ICommandHandler<CreateResourceRequestCommand, ResourceRequestDetail>
{
    public async ValueTask<ResourceRequestDetail> Handle(CreateResourceRequestCommand command, CancellationToken cancellationToken)
    {
        var subBranchId = await access.OwnSubBranchAsync(cancellationToken)
            ?? throw new ForbiddenException("resources.no_sub_branch", DomainText.Get("NoSubBranch"));
        var subBranch = await directory.FindUnitAsync(subBranchId, cancellationToken);
        var me = await access.MeAsync(cancellationToken);
        var today = BankCalendar.Today(clock);
        var (indicator, measure) = await RequestViews.ResolveLinksAsync(sheets, measures, subBranchId, command.IndicatorId, command.MeasureId, today, cancellationToken);
        var content = new RequestContent(
            command.Title, command.Justification, command.Quantity, command.Unit, command.DurationDays, command.ItemName,
            command.Amount, command.BudgetCategory, command.NeededBy, indicator, measure);
        var request = ResourceRequest.Draft(command.Kind, content, me, subBranchId, subBranch?.Name ?? "", today, clock.UtcNow);
        db.Requests.Add(request);
        await db.SaveChangesAsync(cancellationToken);
        return RequestViews.Detail(request, access, clock.UtcNow);
    }
}

internal static class CreateRequestEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/requests", async Task<Created<ResourceRequestDetail>> (CreateResourceRequestCommand body, ISender sender, CancellationToken ct) =>
            {
                var created = await sender.Send(body, ct);
                return TypedResults.Created($"/api/resources/requests/{created.Id}", created);
            })
            .WithName("CreateResourceRequest")
            .WithSummary("Starts a draft resource request (people, money or material) for the caller's sub-branch (SubBranchHead, DepartmentManager).");
}
