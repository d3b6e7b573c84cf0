using System.Net.Http.Json;
using System.Text.Json;
using BranchNetwork.Testing;

namespace BranchNetwork.IntegrationTests.Community.Polls;

/// <summary>Calls of the polls endpoints for the tests.</summary>
internal static class PollsApi
{
    public static object Poll(
        string question = "本季度最需要的培训？", string[]? options = null, bool multiple = false, int? maxChoices = null, bool anonymous = false,
        string visibility = "OnVote", DateTime? closesAtUtc = null) =>
        new { question, options = options ?? ["产品知识", "营销技巧", "合规风控"], multipleChoice = multiple, maxChoices, anonymous, resultsVisibility = visibility, closesAtUtc };

    public static Task<HttpResponseMessage> CreateAsync(HttpClient client, Guid threadId, object body) => client.PostAsJsonAsync($"/api/community/threads/{threadId}/poll", body);

    public static async Task<JsonElement> CreatedAsync(HttpClient client, Guid threadId, object body)
    {
        var response = await CreateAsync(client, threadId, body);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    public static Task<HttpResponseMessage> VoteAsync(HttpClient client, Guid pollId, params Guid[] optionIds) =>
        client.PostAsJsonAsync($"/api/community/polls/{pollId}/votes", new { optionIds });

    public static Task<HttpResponseMessage> CloseAsync(HttpClient client, Guid pollId) => client.PostAsync($"/api/community/polls/{pollId}/close", null);

    public static async Task<JsonElement> GetAsync(HttpClient client, Guid threadId)
    {
        var response = await client.GetAsync($"/api/community/threads/{threadId}/poll");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    public static Guid Option(JsonElement poll, int index) => poll.GetProperty("options")[index].GetProperty("id").GetGuid();

    public static int? Count(JsonElement poll, int index) =>
        poll.GetProperty("options")[index].GetProperty("count") is { ValueKind: JsonValueKind.Number } c ? c.GetInt32() : null;
}
