using BranchNetwork.Modules.Assessment.Features.Shared;
using BranchNetwork.Modules.Files.Contracts;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;


namespace BranchNetwork.Modules.Assessment.Features.ListAppeals;

/// <summary>
/// Appeals, newest first, a keyset page at a time: head office sees all; a sub-branch only its own (they are private
/// to it). Send <c>next</c> back as <c>after</c> for the following page.
/// </summary>
[AnySignedInUser]
internal sealed record ListAppealsQuery(Guid? SchemeId, AppealStatus? Status, Guid? SubBranchId = null, string? After = null, int? PageSize = null) : IQuery<KeysetPage<AppealDto>>;

internal sealed class ListAppealsHandler(AssessmentDbContext db, AssessmentAccess access, IFileStore files) : IQueryHandler<ListAppealsQuery, KeysetPage<AppealDto>>
{
    public async ValueTask<KeysetPage<AppealDto>> Handle(ListAppealsQuery query, CancellationToken cancellationToken)
    {
        access.User.RequireUserId();
        var size = Keyset.Size(query.PageSize);
        var appeals = db.Appeals.AsNoTracking();
        if (!access.IsHeadOfficeRole)
        {
            var own = await access.OwnSubBranchAsync(cancellationToken);
            if (own is null)
            {
                return new KeysetPage<AppealDto>([], null);
            }

            appeals = appeals.Where(a => a.SubBranchId == own.Value);
        }

        if (query.SchemeId is { } schemeId)
        {
            appeals = appeals.Where(a => a.SchemeId == schemeId);
        }

        if (query.SubBranchId is { } subBranchId)
        {
            appeals = appeals.Where(a => a.SubBranchId == subBranchId);
        }

        if (query.Status is { } status)
        {
            appeals = appeals.Where(a => a.Status == status);
        }

        var fetched = await AppealProjection.Project(db, Keyset.After(appeals, query.After)).Take(size + 1).ToListAsync(cancellationToken);
        var page = Keyset.Page(fetched, size, a => (a.FiledAt, a.Id));
        var attachments = await AppealEvidence.ListAsync(files, page.Items.Select(a => a.Id).ToList(), cancellationToken);
        return page with { Items = page.Items.Select(a => a with { Attachments = attachments[a.Id].ToList() }).ToList() };
    }
}

internal static class ListAppealsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/appeals", async Task<Ok<KeysetPage<AppealDto>>> (Guid? schemeId, AppealStatus? status, Guid? subBranchId, string? after, int? pageSize, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListAppealsQuery(schemeId, status, subBranchId, after, pageSize), ct)))
            .WithName("ListAppeals").WithSummary("Appeals in the caller's scope, newest first; ?after=<next>&pageSize= (at most 200).");
}
