using BranchNetwork.Modules.Assessment.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Assessment.Features.ListComputedSources;

internal sealed record ComputedSourceDto(string Key, string DisplayName);

/// <summary>The sources other modules registered in code: a short, fixed set, so one list.</summary>
[AnySignedInUser]
[BoundedList("sources registered in code: a short fixed set")]
internal sealed record ListComputedSourcesQuery : IQuery<IReadOnlyList<ComputedSourceDto>>;

internal sealed class ListComputedSourcesHandler(IEnumerable<IComputedIndicatorSource> sources) : IQueryHandler<ListComputedSourcesQuery, IReadOnlyList<ComputedSourceDto>>
{
    public ValueTask<IReadOnlyList<ComputedSourceDto>> Handle(ListComputedSourcesQuery query, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<ComputedSourceDto>>(sources.Select(s => new ComputedSourceDto(s.Key, s.DisplayName)).OrderBy(s => s.Key, StringComparer.Ordinal).ToList());
}

internal static class ListComputedSourcesEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/computed-sources", async Task<Ok<IReadOnlyList<ComputedSourceDto>>> (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListComputedSourcesQuery(), ct)))
            .WithName("ListComputedSources").WithSummary("Data sources other modules registered for computed indicators.");
}
