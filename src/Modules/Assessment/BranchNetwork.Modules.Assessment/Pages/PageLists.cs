using BranchNetwork.Infrastructure.Web;
using BranchNetwork.Modules.Assessment.Features.ListIndicators;
using BranchNetwork.Modules.Assessment.Features.Shared;

namespace BranchNetwork.Modules.Assessment.Pages;

/// <summary>Lists a page needs whole, read page by page through the same paged queries the API offers.</summary>
internal static class PageLists
{
    /// <summary>The indicator library (tens of entries), every page of it: pickers must offer all of them.</summary>
    public static async Task<List<IndicatorDto>> AllIndicatorsAsync(this IPageSender sender, bool includeRetired)
    {
        var all = new List<IndicatorDto>();
        PagedResult<IndicatorDto> page;
        var n = 0;
        do
        {
            page = await sender.Send(new ListIndicatorsQuery(includeRetired, ++n, Paging.MaxPageSize));
            all.AddRange(page.Items);
        }
        while (all.Count < page.TotalCount && page.Items.Count > 0);
        return all;
    }
}
