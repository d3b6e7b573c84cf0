using BranchNetwork.Modules.Assessment.Features.Shared;
using BranchNetwork.Modules.Assessment.Resources;
using BranchNetwork.Modules.Files.Contracts;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;


namespace BranchNetwork.Modules.Assessment.Features.GetAppeal;

/// <summary>One appeal with its trail: head office, or the sub-branch it belongs to.</summary>
[AnySignedInUser]
internal sealed record GetAppealQuery(Guid AppealId) : IQuery<AppealDto>;

internal sealed class GetAppealHandler(AssessmentDbContext db, AssessmentAccess access, IFileStore files, IStringLocalizer<AssessmentText> text) : IQueryHandler<GetAppealQuery, AppealDto>
{
    public async ValueTask<AppealDto> Handle(GetAppealQuery query, CancellationToken cancellationToken)
    {
        access.User.RequireUserId();
        var appeal = await AppealProjection.Project(db, db.Appeals.AsNoTracking().Where(a => a.Id == query.AppealId)).FirstOrDefaultAsync(cancellationToken);
        if (appeal is null || !await access.CanSeeSubBranchAsync(appeal.SubBranchId, cancellationToken))
        {
            throw new NotFoundException("assessment.appeal_not_found", text["AppealNotFound"]);
        }

        return appeal with { Attachments = (await AppealEvidence.ListAsync(files, [appeal.Id], cancellationToken))[appeal.Id].ToList() };
    }
}

internal static class GetAppealEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/appeals/{id:guid}", async Task<Ok<AppealDto>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetAppealQuery(id), ct)))
            .WithName("GetAppeal").WithSummary("One appeal with its trail (own sub-branch, or head office).");
}
