using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Resources.Features.Shared;
using BranchNetwork.SharedKernel.Authorization;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Resources.Features.PreviewRoute;

/// <summary>A person who will decide (or be copied) at a step of the preview.</summary>
internal sealed record RoutePreviewPerson(Guid UserId, string Name);

/// <summary>One step of the route preview, in order: its name, mode, approvers, CC recipients and time limit.</summary>
internal sealed record RoutePreviewStep(
    int Index, string Name, StepMode Mode, IReadOnlyList<RoutePreviewPerson> Approvers, IReadOnlyList<RoutePreviewPerson> Cc, int DueWorkingDays, bool IsLeaderStep);

/// <summary>Who will decide a request of this kind and amount, in which order (审批流程预览).</summary>
internal sealed record ResourceRoutePreview(ResourceKind Kind, decimal? Amount, IReadOnlyList<RoutePreviewStep> Steps);

/// <summary>
/// RR-2: the route preview before submitting — the steps a request of <see cref="Kind"/> (and, for money, of
/// <see cref="Amount"/>) will follow, with approver names in order, including the leader's step above the threshold; or
/// the steps an existing request would follow if submitted now (<see cref="RequestId"/>). A route nobody can decide is
/// refused with 409 <c>resources.route_without_approvers</c>, as submitting it would be.
/// </summary>
[AllowedRoles(BankRoles.SubBranchHead, BankRoles.DepartmentManager, BankRoles.HeadOfficeSupervisor, BankRoles.Auditor)]
internal sealed record PreviewResourceRouteQuery(string? Kind, decimal? Amount, Guid? RequestId) : IQuery<ResourceRoutePreview>;

internal sealed class PreviewResourceRouteHandler(ResourcesDbContext db, ResourcesAccess access, ResourceSteps steps)
    : IQueryHandler<PreviewResourceRouteQuery, ResourceRoutePreview>
{
    public async ValueTask<ResourceRoutePreview> Handle(PreviewResourceRouteQuery query, CancellationToken cancellationToken)
    {
        ResourceKind kind;
        decimal? amount;
        if (query.RequestId is { } id)
        {
            var request = await db.Requests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw ResourcesAccess.RequestNotFound();
            await access.EnsureCanReadAsync(request, cancellationToken);
            (kind, amount) = (request.Kind, request.Amount);
        }
        else
        {
            kind = string.IsNullOrEmpty(query.Kind) || char.IsDigit(query.Kind[0]) || query.Kind[0] == '-'
                || !Enum.TryParse<ResourceKind>(query.Kind, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed)
                ? throw new ValidationFailedException("kind", DomainText.Get("KindInvalid"))
                : parsed;
            if (query.Amount is { } value && (value <= 0 || value > ApprovalRoute.MaxAmount))
            {
                throw new ValidationFailedException("amount", DomainText.Get("AmountInvalid"));
            }

            amount = kind == ResourceKind.Money ? query.Amount : null;
        }

        var planned = await steps.PlanAsync(kind, amount, cancellationToken);
        if (planned is null || planned.Count == 0 || planned.Any(s => s.Approvers.Count == 0))
        {
            throw new ConflictException("resources.route_without_approvers", DomainText.Get("RouteWithoutApprovers"));
        }

        return new ResourceRoutePreview(kind, amount, [.. planned.Select((s, i) => new RoutePreviewStep(
            i,
            s.Name,
            s.Mode,
            [.. s.Approvers.Select(p => new RoutePreviewPerson(p.UserId, p.Name))],
            [.. s.Cc.Select(p => new RoutePreviewPerson(p.UserId, p.Name))],
            s.DueWorkingDays,
            s.IsLeaderStep))]);
    }
}

internal static class PreviewRouteEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/route-preview", async Task<Ok<ResourceRoutePreview>> (string? kind, decimal? amount, Guid? requestId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new PreviewResourceRouteQuery(kind, amount, requestId), ct)))
            .WithName("PreviewResourceRoute")
            .WithSummary("The steps a request of ?kind= (and ?amount= for money) would follow, approvers by name in order, the leader's step above the threshold; or ?requestId= for an existing request. 409 when nobody could decide.");
}
