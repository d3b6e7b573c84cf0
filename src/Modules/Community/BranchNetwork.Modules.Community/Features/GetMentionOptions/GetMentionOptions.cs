using BranchNetwork.Modules.Community.Features.Shared;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.SharedKernel.Authorization;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Community.Features.GetMentionOptions;

/// <summary>A person or sub-branch the @mention picker offers.</summary>
internal sealed record MentionOption(Guid Id, string Name, string? Detail, bool IsSubBranch);

/// <summary>
/// CM-1 @: the people (of the board's audience) and sub-branches whose name contains <c>q</c>, for the mention picker;
/// at most 20 of each.
/// </summary>
[AnySignedInUser]
[BoundedList("The mention picker: at most 20 people and 20 sub-branches matching what was typed.")]
internal sealed record GetMentionOptionsQuery(Guid BoardId, string? Q) : IQuery<IReadOnlyList<MentionOption>>;

internal sealed class GetMentionOptionsHandler(CommunityAccess access, IOrganisationDirectory directory)
    : IQueryHandler<GetMentionOptionsQuery, IReadOnlyList<MentionOption>>
{
    private const int Cap = 20;

    public async ValueTask<IReadOnlyList<MentionOption>> Handle(GetMentionOptionsQuery query, CancellationToken cancellationToken)
    {
        var board = await access.ReadableBoardAsync(query.BoardId, cancellationToken);
        var q = (query.Q ?? "").Trim();
        if (q.Length > 50)
        {
            throw new ValidationFailedException("q", DomainText.Format("TextTooLong", 50));
        }

        var subBranches = await directory.ListSubBranchesAsync(cancellationToken);
        var root = board.AudienceUnitId ?? subBranches.Select(s => s.ParentId).FirstOrDefault(p => p is not null);
        var people = root is { } unit ? await directory.ListActiveMembersAsync([unit], cancellationToken) : [];
        var me = access.UserId;
        var matches = people
            .Where(p => p.UserId != me && (q.Length == 0 || p.DisplayName.Contains(q, StringComparison.OrdinalIgnoreCase) || p.UserName.Contains(q, StringComparison.OrdinalIgnoreCase)))
            .DistinctBy(p => p.UserId)
            .OrderBy(p => p.DisplayName, StringComparer.Ordinal)
            .Take(Cap)
            .Select(p => new MentionOption(p.UserId, p.DisplayName, p.Position, false));
        var units = subBranches
            .Where(s => !s.IsRetired && (q.Length == 0 || s.Name.Contains(q, StringComparison.OrdinalIgnoreCase) || s.Code.Contains(q, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(s => s.Code, StringComparer.Ordinal)
            .Take(Cap)
            .Select(s => new MentionOption(s.Id, s.Name, s.Code, true));
        return [.. matches, .. units];
    }
}

internal static class GetMentionOptionsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/boards/{id:guid}/mention-options", async Task<Ok<IReadOnlyList<MentionOption>>> (Guid id, string? q, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetMentionOptionsQuery(id, q), ct)))
            .WithName("GetCommunityMentionOptions")
            .WithSummary("The people of a board's audience and the sub-branches whose name contains ?q=, for the @mention picker (at most 20 each).");
}
