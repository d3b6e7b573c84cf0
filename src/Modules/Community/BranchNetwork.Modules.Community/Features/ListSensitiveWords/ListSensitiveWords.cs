using BranchNetwork.Modules.Community.Features.Shared;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.SharedKernel.Authorization;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Community.Features.ListSensitiveWords;

/// <summary>敏感词 (CM-4): the community's sensitive words, filtered by a text they contain, paged; the Moderator role.</summary>
[AllowedRoles(BankRoles.Moderator)]
internal sealed record ListSensitiveWordsQuery(string? Search, int? Page, int? PageSize) : IQuery<PagedResult<SensitiveWordView>>;

internal sealed class ListSensitiveWordsHandler(CommunityDbContext db) : IQueryHandler<ListSensitiveWordsQuery, PagedResult<SensitiveWordView>>
{
    public async ValueTask<PagedResult<SensitiveWordView>> Handle(ListSensitiveWordsQuery query, CancellationToken cancellationToken)
    {
        if (query.Search is { Length: > SensitiveWord.MaxLength })
        {
            throw DomainText.Invalid("search", "SearchTooLong", SensitiveWord.MaxLength);
        }

        var (page, pageSize) = Paging.Normalize(query.Page, query.PageSize);
        var words = db.SensitiveWords.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var search = query.Search.Trim();
            words = words.Where(w => w.Word.Contains(search));
        }

        var total = await words.CountAsync(cancellationToken);
        var rows = await words.OrderBy(w => w.Word).ThenBy(w => w.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new PagedResult<SensitiveWordView>([.. rows.Select(SensitiveWordView.Of)], page, pageSize, total);
    }
}

internal static class ListSensitiveWordsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/moderation/words", async Task<Ok<PagedResult<SensitiveWordView>>> (string? search, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListSensitiveWordsQuery(search, page, pageSize), ct)))
            .WithName("ListCommunitySensitiveWords")
            .WithSummary("敏感词: the sensitive words with their action (block, hold, mask), paged (Moderator, CM-4).");
}
