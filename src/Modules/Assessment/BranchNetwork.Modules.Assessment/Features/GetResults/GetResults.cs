using BranchNetwork.Modules.Assessment.Features.Shared;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;


namespace BranchNetwork.Modules.Assessment.Features.GetResults;

/// <summary>
/// AS-5 / AS-8: every sub-branch ranked, with completion, score, grade and the behind flag. Everyone who can
/// sign in reads a published scheme's ranking: transparency is the point of 评比推优.
/// </summary>
[AnySignedInUser]
internal sealed record GetResultsQuery(Guid SchemeId) : IQuery<SchemeResults>;

internal sealed class GetResultsHandler(AssessmentAccess access, SchemeResultsReader reader) : IQueryHandler<GetResultsQuery, SchemeResults>
{
    public async ValueTask<SchemeResults> Handle(GetResultsQuery query, CancellationToken cancellationToken)
    {
        access.User.RequireUserId();
        var scheme = await access.VisibleSchemeAsync(query.SchemeId, cancellationToken);
        return await reader.ReadAsync(scheme, cancellationToken);
    }
}

internal static class GetResultsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/schemes/{id:guid}/results", async Task<Ok<SchemeResults>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetResultsQuery(id), ct)))
            .WithName("GetResults").WithSummary("All sub-branches of a scheme: completion, score, grade, rank and the behind flag (AS-5, AS-8).");
}
