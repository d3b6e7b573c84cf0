using System.Net;
using System.Text.Json;
using BranchNetwork.Testing;

namespace BranchNetwork.IntegrationTests.Platform;

/// <summary>Reads a keyset-paged list through its API the way a client does: page after page by <c>nextCursor</c>.</summary>
internal static class PagingApi
{
    /// <summary>Every item of the list at <paramref name="url"/>, walking the cursors to the end (bounded, so a loop cannot hang a test).</summary>
    public static async Task<List<JsonElement>> AllItemsAsync(this HttpClient client, string url, int pageSize = 200, int maxPages = 100)
    {
        var items = new List<JsonElement>();
        string? cursor = null;
        for (var pages = 0; pages < maxPages; pages++)
        {
            var page = await client.PageAsync(url, cursor, pageSize);
            items.AddRange(page.GetProperty("items").EnumerateArray());
            cursor = page.GetProperty("nextCursor").GetString();
            if (cursor is null)
            {
                return items;
            }
        }

        Assert.Fail($"{url} had more than {maxPages} pages");
        return items;
    }

    public static async Task<JsonElement> PageAsync(this HttpClient client, string url, string? after, int pageSize)
    {
        var separator = url.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        var response = await client.GetAsync($"{url}{separator}pageSize={pageSize}" + (after is null ? "" : "&after=" + Uri.EscapeDataString(after)));
        var body = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {body}");
        return body;
    }
}
