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

namespace BranchNetwork.Modules.Resources.Features.EditRequest;

/// <summary>
/// RR-1: the requester changes the content of their draft, or of a request returned (退回) to them, as of the version they
/// read (409 when someone changed it since). The kind stays what it was.
/// </summary>
[AllowedRoles(BankRoles.SubBranchHead, BankRoles.DepartmentManager)]
internal sealed record EditResourceRequestCommand(
    Guid RequestId,
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
    Guid? MeasureId,
    long Version) : ICommand<ResourceRequestDetail>, IRequestFields;

internal sealed class EditResourceRequestValidator : RequestFieldRules<EditResourceRequestCommand>
{
    public EditResourceRequestValidator(IClock clock)
        : base(clock) =>
        RuleFor(c => c.Version).GreaterThan(0).WithMessage(_ => DomainText.Get("VersionInvalid"));
}

internal sealed class EditResourceRequestHandler(
    ResourcesDbContext db, ResourcesAccess access, IAssessmentSheets sheets, IWorkPlanMeasures measures, IClock clock)
    : ICommandHandler<EditResourceRequestCommand, ResourceRequestDetail>
{
    public async ValueTask<ResourceRequestDetail> Handle(EditResourceRequestCommand command, CancellationToken cancellationToken)
    {
        var me = await access.MeAsync(cancellationToken);
        var today = BankCalendar.Today(clock);
        var request = await RequestViews.ChangeAsync(db, access, command.RequestId, command.Version, async request =>
        {
            var (indicator, measure) = await RequestViews.ResolveLinksAsync(
                sheets, measures, request.SubBranchId, command.IndicatorId, command.MeasureId, today, cancellationToken);
            var content = new RequestContent(
                command.Title, command.Justification, command.Quantity, command.Unit, command.DurationDays, command.ItemName,
                command.Amount, command.BudgetCategory, command.NeededBy, indicator, measure);
            request.Edit(content, me, today, clock.UtcNow);
        }, cancellationToken);
        return RequestViews.Detail(request, access, clock.UtcNow);
    }
}

internal static class EditRequestEndpoint
{
    internal sealed record EditResourceRequestBody(
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
        Guid? MeasureId,
        long Version);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/requests/{id:guid}", async Task<Ok<ResourceRequestDetail>> (Guid id, EditResourceRequestBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(
                    new EditResourceRequestCommand(id, body.Title, body.Justification, body.Quantity, body.DurationDays, body.ItemName, body.Unit,
                        body.Amount, body.BudgetCategory, body.NeededBy, body.IndicatorId, body.MeasureId, body.Version),
                    ct)))
            .WithName("EditResourceRequest")
            .WithSummary("Changes the caller's draft or returned request as of the version read (409 when it changed since; the requester only).");
}
