using System.Net.Http.Json;
using System.Text.Json;
using BranchNetwork.Testing;

namespace BranchNetwork.IntegrationTests.Notifications;

internal static class NotificationApi
{
    public static async Task<JsonElement> InboxAsync(this HttpClient client) => await (await client.GetAsync("/api/notifications")).JsonAsync();

    public static async Task<int> UnreadAsync(this HttpClient client) =>
        (await (await client.GetAsync("/api/notifications/unread-count")).JsonAsync()).GetProperty("count").GetInt32();

    public static async Task<List<string>> TitlesAsync(this HttpClient client) =>
        (await client.InboxAsync()).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()!).ToList();

    public static Task<HttpResponseMessage> AnnounceAsync(this HttpClient client, string title, string body = "请各支行按时完成。", Guid? unitId = null, string? role = null) =>
        client.PostAsJsonAsync("/api/notifications/announcements", new { title, body, unitId, role });
}
