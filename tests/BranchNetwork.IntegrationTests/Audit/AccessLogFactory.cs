using System.Net;
using System.Text.Json;
using BranchNetwork.Testing;

namespace BranchNetwork.IntegrationTests.Audit;

/// <summary>The app with the access log flushed every 100 ms, so tests see entries quickly.</summary>
public class AccessLogFactory : BranchNetworkFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["AccessLog:FlushIntervalMilliseconds"] = "100",
    };
}

/// <summary>Reads the access log through the auditor's API, waiting for the batch writer.</summary>
internal static class AccessLogApi
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    public static async Task<JsonElement> PageAsync(HttpClient auditor, string query)
    {
        var response = await auditor.GetAsync("/api/audit/access-log?" + query);
        var body = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {body}");
        return body;
    }

    public static async Task<List<JsonElement>> ItemsAsync(HttpClient auditor, string query) =>
        (await PageAsync(auditor, query)).GetProperty("items").EnumerateArray().ToList();

    /// <summary>
    /// Polls until an entry matching <paramref name="match"/> shows up (up to ~10 s), then returns the
    /// newest such entry. Batches are written in order, so everything logged before it is readable too.
    /// </summary>
    public static async Task<JsonElement> WaitForAsync(HttpClient auditor, string query, Func<JsonElement, bool> match) =>
        (await WaitUntilAsync(auditor, query, entries => entries.Any(match))).First(match);

    /// <summary>Polls until the entries of <paramref name="query"/> (newest first, up to 200) satisfy <paramref name="done"/>.</summary>
    public static async Task<List<JsonElement>> WaitUntilAsync(HttpClient auditor, string query, Func<List<JsonElement>, bool> done)
    {
        var deadline = DateTime.UtcNow + Patience;
        List<JsonElement> last;
        do
        {
            last = await ItemsAsync(auditor, query + "&pageSize=200");
            if (done(last))
            {
                return last;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Fail($"The access log for '{query}' did not show what was expected within {Patience.TotalSeconds} s; saw {last.Count}: {string.Join(" | ", last.Take(5))}");
        return last;
    }

    public static string? Str(this JsonElement entry, string property) =>
        entry.GetProperty(property).ValueKind == JsonValueKind.Null ? null : entry.GetProperty(property).GetString();

    public static string[] Roles(this JsonElement entry) =>
        entry.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray();

    public static string Utc(DateTime time) => Uri.EscapeDataString(time.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture));
}
