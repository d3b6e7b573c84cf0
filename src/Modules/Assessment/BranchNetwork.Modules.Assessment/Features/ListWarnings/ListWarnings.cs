using BranchNetwork.Modules.Assessment.Features.Shared;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;


namespace BranchNetwork.Modules.Assessment.Features.ListWarnings;

/// <summary>
/// Warnings and prompts, newest first, a keyset page at a time: head office sees all; anyone else only their own
/// sub-branch's (AS-6). Send <c>next</c> back as <c>after</c> for the following page.
/// </summary>
[AnySignedInUser]
internal sealed record ListWarningsQuery(Guid? SchemeId, Guid? SubBranchId, WarningStatus? Status, string? After = null, int? PageSize = null) : IQuery<KeysetPage<WarningDto>>;

internal sealed class ListWarningsHandler(AssessmentDbContext db, AssessmentAccess access) : IQueryHandler<ListWarningsQuery, KeysetPage<WarningDto>>
{
    public async ValueTask<KeysetPage<WarningDto>> Handle(ListWarningsQuery query, CancellationToken cancellationToken)
    {
        access.User.RequireUserId();
        var size = Keyset.Size(query.PageSize);
        var warnings = db.Warnings.AsNoTracking();
        if (!access.IsHeadOfficeRole)
        {
            var own = await access.OwnSubBranchAsync(cancellationToken);
            if (own is null)
            {
                return new KeysetPage<WarningDto>([], null);
            }

            warnings = warnings.Where(w => w.SubBranchId == own.Value);
        }

        if (query.SchemeId is { } schemeId)
        {
            warnings = warnings.Where(w => w.SchemeId == schemeId);
        }

        if (query.SubBranchId is { } subBranchId)
        {
            warnings = warnings.Where(w => w.SubBranchId == subBranchId);
        }

        if (query.Status is { } status)
        {
            warnings = warnings.Where(w => w.Status == status);
        }

        var fetched = await WarningProjection.Project(db, Keyset.After(warnings, query.After)).Take(size + 1).ToListAsync(cancellationToken);
        return Keyset.Page(fetched, size, w => (w.IssuedAt, w.Id));
    }
}

internal static class ListWarningsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/warnings", async Task<Ok<KeysetPage<WarningDto>>> (Guid? schemeId, Guid? subBranchId, WarningStatus? status, string? after, int? pageSize, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListWarningsQuery(schemeId, subBranchId, status, after, pageSize), ct)))
            .WithName("ListWarnings").WithSummary("Warnings and prompts in the caller's scope, newest first; ?after=<next>&pageSize= (at most 200).");
}
