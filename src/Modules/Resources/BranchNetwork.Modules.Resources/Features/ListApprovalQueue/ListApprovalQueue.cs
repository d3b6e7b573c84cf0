using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Resources.Features.Shared;
using BranchNetwork.SharedKernel.Authorization;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Resources.Features.ListApprovalQueue;

/// <summary>
/// One request waiting at the caller's step (待我审批): which sub-branch asks for what, how much, at which step, by when,
/// and whether the step is past its due time.
/// </summary>
internal sealed record ResourceApprovalQueueItem(
    Guid RequestId,
    string Title,
    ResourceKind Kind,
    string SubBranchName,
    string RequesterName,
    decimal Asked,
    decimal? Granted,
    string? Unit,
    string? ItemName,
    RequestState State,
    int StepIndex,
    string StepName,
    StepMode Mode,
    DateTime? SubmittedAtUtc,
    DateTime? DueAtUtc,
    bool Overdue,
    long Version);

/// <summary>
/// RR-2 待我审批: the requests whose deciding step waits for the caller — in a one-by-one step only when it is the caller's
/// turn — soonest due first, paged. Head office's supervisors and task admins.
/// </summary>
[AllowedRoles(BankRoles.HeadOfficeSupervisor, BankRoles.TaskAdmin)]
internal sealed record ListApprovalQueueQuery(int? Page, int? PageSize) : IQuery<PagedResult<ResourceApprovalQueueItem>>;

internal sealed class ListApprovalQueueHandler(ResourcesDbContext db, ResourcesAccess access, IClock clock)
    : IQueryHandler<ListApprovalQueueQuery, PagedResult<ResourceApprovalQueueItem>>
{
    public async ValueTask<PagedResult<ResourceApprovalQueueItem>> Handle(ListApprovalQueueQuery query, CancellationToken cancellationToken)
    {
        var me = access.User.RequireUserId();
        var now = clock.UtcNow;
        var waiting =
            from a in db.StepApprovers.AsNoTracking()
            join s in db.Steps.AsNoTracking() on a.StepId equals s.Id
            join r in db.Requests.AsNoTracking() on s.RequestId equals r.Id
            where a.UserId == me && a.Status == ApproverStatus.Waiting
                && s.Outcome == StepOutcome.Pending && s.Round == r.Round && s.Index == r.CurrentStepIndex
                && (r.State == RequestState.Submitted || r.State == RequestState.InReview)
                && (s.Mode != StepMode.OneByOne
                    || !db.StepApprovers.Any(o => o.StepId == s.Id && o.Status == ApproverStatus.Waiting && o.Order < a.Order))
            select new { r, s };
        var (page, pageSize) = Paging.Normalize(query.Page, query.PageSize);

        // A person waits at most once at a step (a transfer or an added signer never names someone already waiting there).
        var total = await waiting.CountAsync(cancellationToken);
        var rows = await waiting
            .OrderBy(x => x.s.DueAtUtc).ThenBy(x => x.r.SubmittedAtUtc).ThenBy(x => x.r.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(x => new
            {
                x.r.Id,
                x.r.Title,
                x.r.Kind,
                x.r.SubBranchName,
                x.r.RequesterName,
                x.r.Amount,
                x.r.Quantity,
                x.r.Granted,
                x.r.Unit,
                x.r.ItemName,
                x.r.State,
                x.s.Index,
                x.s.Name,
                x.s.Mode,
                x.r.SubmittedAtUtc,
                x.s.DueAtUtc,
                x.r.Version,
            })
            .ToListAsync(cancellationToken);
        var items = rows
            .Select(x => new ResourceApprovalQueueItem(
                x.Id, x.Title, x.Kind, x.SubBranchName, x.RequesterName, (x.Kind == ResourceKind.Money ? x.Amount : x.Quantity) ?? 0m, x.Granted,
                x.Unit, x.ItemName, x.State, x.Index, x.Name, x.Mode, x.SubmittedAtUtc, x.DueAtUtc, x.DueAtUtc is { } due && due < now, x.Version))
            .ToList();
        return new PagedResult<ResourceApprovalQueueItem>(items, page, pageSize, total);
    }
}

internal static class ListApprovalQueueEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/approvals", async Task<Ok<PagedResult<ResourceApprovalQueueItem>>> (int? page, int? pageSize, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListApprovalQueueQuery(page, pageSize), ct)))
            .WithName("ListResourceApprovalQueue")
            .WithSummary("待我审批: resource requests waiting at the caller's step, soonest due first, with the overdue flag (RR-2).");
}
