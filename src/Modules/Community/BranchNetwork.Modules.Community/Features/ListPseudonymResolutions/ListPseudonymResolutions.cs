using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.SharedKernel.Authorization;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Community.Features.ListPseudonymResolutions;

/// <summary>A past resolution: who resolved which pseudonym, to whom, why and when.</summary>
internal sealed record PseudonymResolutionView(
    Guid Id,
    string AuditorName,
    Guid BoardId,
    string BoardName,
    Guid? ThreadId,
    Guid? ReplyId,
    string Pseudonym,
    Guid ResolvedUserId,
    string ResolvedName,
    string Reason,
    DateTime AtUtc);

/// <summary>The past resolutions of pseudonyms (CM-3), newest first, paged; auditors only.</summary>
[AllowedRoles(BankRoles.Auditor)]
internal sealed record ListPseudonymResolutionsQuery(int? Page, int? PageSize) : IQuery<PagedResult<PseudonymResolutionView>>;

internal sealed class ListPseudonymResolutionsHandler(CommunityDbContext db, IOrganisationDirectory directory)
    : IQueryHandler<ListPseudonymResolutionsQuery, PagedResult<PseudonymResolutionView>>
{
    public async ValueTask<PagedResult<PseudonymResolutionView>> Handle(ListPseudonymResolutionsQuery query, CancellationToken cancellationToken)
    {
        var (page, pageSize) = Paging.Normalize(query.Page, query.PageSize);
        var all = db.PseudonymResolutions.AsNoTracking();
        var total = await all.CountAsync(cancellationToken);
        var rows = await all
            .Join(db.Boards, r => r.BoardId, b => b.Id, (r, b) => new { r, BoardName = b.Name })
            .OrderByDescending(x => x.r.AtUtc).ThenByDescending(x => x.r.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken);
        var names = await directory.GetDisplayNamesAsync([.. rows.Select(x => x.r.ResolvedUserId).Distinct()], cancellationToken);
        var items = rows.Select(x => new PseudonymResolutionView(x.r.Id, x.r.AuditorName, x.r.BoardId, x.BoardName, x.r.ThreadId, x.r.ReplyId, x.r.Pseudonym,
            x.r.ResolvedUserId, names.GetValueOrDefault(x.r.ResolvedUserId, ""), x.r.Reason, x.r.AtUtc)).ToList();
        return new PagedResult<PseudonymResolutionView>(items, page, pageSize, total);
    }
}

internal static class ListPseudonymResolutionsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/anonymity/resolutions", async Task<Ok<PagedResult<PseudonymResolutionView>>> (int? page, int? pageSize, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListPseudonymResolutionsQuery(page, pageSize), ct)))
            .WithName("ListCommunityPseudonymResolutions")
            .WithSummary("匿名溯源记录: past resolutions of pseudonyms, newest first (Auditor only, CM-3).");
}
