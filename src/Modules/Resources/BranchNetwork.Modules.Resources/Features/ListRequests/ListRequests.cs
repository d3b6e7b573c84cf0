using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Resources.Features.Shared;
using BranchNetwork.SharedKernel.Authorization;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Resources.Features.ListRequests;

/// <summary>A request in a list: what, from whom, asked and granted, where it stands.</summary>
internal sealed record ResourceRequestListItem(
    Guid Id,
    ResourceKind Kind,
    RequestState State,
    string Title,
    string SubBranchName,
    string RequesterName,
    decimal? Quantity,
    string? Unit,
    string? ItemName,
    decimal? Amount,
    decimal? Granted,
    DateOnly NeededBy,
    DateTime CreatedAtUtc,
    DateTime? SubmittedAtUtc,
    DateTime LastActionAtUtc);

/// <summary>
/// RR-1: requests newest first, one keyset page at a time, filtered by state and kind. A sub-branch's heads and managers
/// see their sub-branch's submitted requests and their own drafts; head office's supervisors and the auditor see every
/// submitted request (and nobody's drafts but their own). Staff and other roles 403.
/// </summary>
[AllowedRoles(BankRoles.SubBranchHead, BankRoles.DepartmentManager, BankRoles.HeadOfficeSupervisor, BankRoles.Auditor)]
internal sealed record ListResourceRequestsQuery(string? State, string? Kind, string? After, int? PageSize) : IQuery<KeysetPage<ResourceRequestListItem>>;

internal sealed class ListResourceRequestsHandler(ResourcesDbContext db, ResourcesAccess access)
    : IQueryHandler<ListResourceRequestsQuery, KeysetPage<ResourceRequestListItem>>
{
    private const string List = "resources.requests";

    public async ValueTask<KeysetPage<ResourceRequestListItem>> Handle(ListResourceRequestsQuery query, CancellationToken cancellationToken)
    {
        var state = Parse<RequestState>(query.State, "state");
        var kind = Parse<ResourceKind>(query.Kind, "kind");
        var size = Paging.NormalizeSize(query.PageSize);
        var after = PageCursor.Decode(query.After, List, 2);
        var me = access.User.RequireUserId();
        var requests = db.Requests.AsNoTracking().Where(r => r.State != RequestState.Draft || r.RequesterId == me);
        if (!access.ReadsAll)
        {
            var own = await access.OwnSubBranchAsync(cancellationToken);
            requests = own is { } subBranch ? requests.Where(r => r.SubBranchId == subBranch) : requests.Where(r => r.RequesterId == me);
        }

        if (state is { } s)
        {
            requests = requests.Where(r => r.State == s);
        }

        if (kind is { } k)
        {
            requests = requests.Where(r => r.Kind == k);
        }

        if (after is not null)
        {
            var (time, id) = (after.Time(0), after.Id(1));
            requests = requests.Where(r => r.CreatedAtUtc < time || (r.CreatedAtUtc == time && r.Id.CompareTo(id) < 0));
        }

        var items = await requests
            .OrderByDescending(r => r.CreatedAtUtc)
            .ThenByDescending(r => r.Id)
            .Take(size + 1)
            .Select(r => new ResourceRequestListItem(
                r.Id, r.Kind, r.State, r.Title, r.SubBranchName, r.RequesterName, r.Quantity, r.Unit, r.ItemName, r.Amount, r.Granted,
                r.NeededBy, r.CreatedAtUtc, r.SubmittedAtUtc, r.LastActionAtUtc))
            .ToListAsync(cancellationToken);
        return KeysetPage.From(items, size, last => PageCursor.Encode(List, last.CreatedAtUtc, last.Id));
    }

    private static T? Parse<T>(string? text, string field)
        where T : struct, Enum =>
        string.IsNullOrEmpty(text) ? null
        : Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) && !char.IsDigit(text[0]) && text[0] != '-'
            ? value
            : throw new ValidationFailedException(field, DomainText.Get(field == "state" ? "StateInvalid" : "KindInvalid"));
}

internal static class ListRequestsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/requests", async Task<Ok<KeysetPage<ResourceRequestListItem>>> (string? state, string? kind, string? after, int? pageSize, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListResourceRequestsQuery(state, kind, after, pageSize), ct)))
            .WithName("ListResourceRequests")
            .WithSummary("Requests newest first (?state=, ?kind=), one keyset page at a time: the caller's sub-branch's, or all submitted ones for head office's supervisors and the auditor.");
}
