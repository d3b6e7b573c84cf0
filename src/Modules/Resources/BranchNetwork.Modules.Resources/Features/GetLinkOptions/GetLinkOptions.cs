using BranchNetwork.Modules.Assessment.Contracts;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Resources.Features.Shared;
using BranchNetwork.Modules.Tasks.Contracts;
using BranchNetwork.SharedKernel.Authorization;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Resources.Features.GetLinkOptions;

/// <summary>RR-1: what a request of the caller's sub-branch may link: the indicators of its current sheet and the measures of its work plan.</summary>
[AllowedRoles(BankRoles.SubBranchHead, BankRoles.DepartmentManager)]
[BoundedList("One sheet's indicators and one work plan's measures: tens at most.")]
internal sealed record GetResourceLinkOptionsQuery : IQuery<ResourceLinkOptions>;

internal sealed class GetResourceLinkOptionsHandler(ResourcesAccess access, IAssessmentSheets sheets, IWorkPlanMeasures measures, IClock clock)
    : IQueryHandler<GetResourceLinkOptionsQuery, ResourceLinkOptions>
{
    public async ValueTask<ResourceLinkOptions> Handle(GetResourceLinkOptionsQuery query, CancellationToken cancellationToken)
    {
        var subBranchId = await access.OwnSubBranchAsync(cancellationToken)
            ?? throw new ForbiddenException("resources.no_sub_branch", DomainText.Get("NoSubBranch"));
        return await RequestViews.LinkOptionsAsync(sheets, measures, subBranchId, BankCalendar.Today(clock), cancellationToken);
    }
}

internal static class GetLinkOptionsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/link-options", async Task<Ok<ResourceLinkOptions>> (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetResourceLinkOptionsQuery(), ct)))
            .WithName("GetResourceLinkOptions")
            .WithSummary("The indicators of the caller's sub-branch's current sheet and the measures of its work plan, which a request may link (SubBranchHead, DepartmentManager).");
}
