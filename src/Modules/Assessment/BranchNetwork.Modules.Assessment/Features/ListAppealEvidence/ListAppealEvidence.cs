using BranchNetwork.Modules.Assessment.Features.Shared;
using BranchNetwork.Modules.Assessment.Resources;
using BranchNetwork.Modules.Files.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace BranchNetwork.Modules.Assessment.Features.ListAppealEvidence;

/// <summary>An appeal's evidence files (at most <see cref="FilePurpose.MaxFilesPerOwner"/>), and whether the caller may add one.</summary>
internal sealed record AppealEvidenceView(IReadOnlyList<AppealAttachment> Attachments, bool CanAttach, long MaxBytes, int MaxFiles);

/// <summary>For everyone who may read the appeal (its sub-branch, head office); 404 for anyone else.</summary>
[AnySignedInUser]
internal sealed record GetAppealEvidenceQuery(Guid AppealId) : IQuery<AppealEvidenceView>;

internal sealed class GetAppealEvidenceHandler(AppealEvidencePolicy policy, IFileStore files, ICurrentUser user, IStringLocalizer<AppealEvidenceText> text)
    : IQueryHandler<GetAppealEvidenceQuery, AppealEvidenceView>
{
    public async ValueTask<AppealEvidenceView> Handle(GetAppealEvidenceQuery query, CancellationToken cancellationToken)
    {
        user.RequireUserId();
        var access = await policy.GetAccessAsync(query.AppealId, cancellationToken);
        // The policy answers None for an appeal that does not exist as for one the caller may not see.
        if (access == FileOwnerAccess.None)
        {
            throw new NotFoundException("assessment.appeal_not_found", text["AppealNotFound"]);
        }

        var attachments = await AppealEvidence.ListAsync(files, [query.AppealId], cancellationToken);
        return new AppealEvidenceView(
            attachments[query.AppealId].ToList(), access == FileOwnerAccess.ReadAndAttach, AppealEvidence.MaxBytes, AppealEvidence.Purpose.MaxFilesPerOwner);
    }
}

internal static class ListAppealEvidenceEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/appeals/{id:guid}/attachments", async Task<Ok<AppealEvidenceView>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetAppealEvidenceQuery(id), ct)))
            .WithName("ListAppealEvidence").WithSummary("An appeal's evidence files with their download links, and whether the caller may add one.");
}
