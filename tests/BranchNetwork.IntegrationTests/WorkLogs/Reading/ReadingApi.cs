using System.Net;
using System.Text.Json;

namespace BranchNetwork.IntegrationTests.WorkLogs.Reading;

/// <summary>The reading area's API as the tests call it.</summary>
internal static class ReadingApi
{
    public static async Task<JsonElement> LogAsync(this HttpClient client, Guid id)
    {
        var response = await client.GetAsync($"/api/worklogs/logs/{id}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET log {id}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<JsonElement> SearchAsync(this HttpClient client, string query)
    {
        var response = await client.GetAsync("/api/worklogs/logs?" + query);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"search {query}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static List<Guid> Ids(this JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid())];

    public static async Task<HttpStatusCode> StatusAsync(this Task<HttpResponseMessage> request) => (await request).StatusCode;
}
