using BranchNetwork.Modules.Assessment.Features.Shared;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;


namespace BranchNetwork.Modules.Assessment.Features.GetScheme;

/// <summary>One scheme with its weighted indicators, warning rules and what the caller may do with it.</summary>
[AnySignedInUser]
internal sealed record GetSchemeQuery(Guid SchemeId) : IQuery<SchemeDetail>;

internal sealed class GetSchemeHandler(AssessmentAccess access, SchemeDetailReader details) : IQueryHandler<GetSchemeQuery, SchemeDetail>
{
    public async ValueTask<SchemeDetail> Handle(GetSchemeQuery query, CancellationToken cancellationToken) =>
        await details.ReadAsync(await access.VisibleSchemeAsync(query.SchemeId, cancellationToken), cancellationToken);
}

internal static class GetSchemeEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/schemes/{id:guid}", async Task<Ok<SchemeDetail>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetSchemeQuery(id), ct)))
            .WithName("GetScheme").WithSummary("One scheme with its weighted indicators, warning rules and the caller's allowed actions.");
}
