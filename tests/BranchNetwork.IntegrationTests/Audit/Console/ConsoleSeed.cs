using System.Globalization;
using System.Net;
using System.Text.Json;
using BranchNetwork.Modules.Audit.Data;
using BranchNetwork.Modules.Audit.Domain;
using BranchNetwork.Modules.Audit.Features.Shared;
using BranchNetwork.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BranchNetwork.IntegrationTests.Audit.Console;

/// <summary>
/// Puts trail records and access-log entries straight into their chains (through the one appender the app uses),
/// so the console's tests do not depend on the capture; and reads the console's API.
/// </summary>
internal static class ConsoleSeed
{
    public static string Tag() => "T" + Guid.NewGuid().ToString("N")[..10];

    public static AuditRecord Record(
        DateTime timeUtc, string module, string entityType = "Target", string? entityId = "e1", string operation = "Update",
        string? actorName = "seed.user", Guid? actorUserId = null, Guid? actorUnitId = null, string? changes = null) =>
        AuditRecord.Create(
            timeUtc, AuditActorKind.User, actorUserId, actorName, "HeadOfficeSupervisor", actorUnitId, module, entityType, entityId, operation, "trace-" + module, changes, null);

    public static AccessLogEntry Access(DateTime timeUtc, string userName, Guid? userId, Guid? unitId, string method, string route, string path, int status, AccessLogKind kind = AccessLogKind.Request) =>
        AccessLogEntry.Create(timeUtc, kind, userId, userName, ["Staff"], unitId, "10.0.0.1", method, route, path, status, 3, null);

    public static async Task TrailAsync(BranchNetworkFactory app, params AuditRecord[] records)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AuditDbContext>();
        await ChainAppender.AppendAsync(db, ChainNames.Trail, records, CancellationToken.None);
    }

    public static async Task AccessLogAsync(BranchNetworkFactory app, params AccessLogEntry[] entries)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AuditDbContext>();
        await ChainAppender.AppendAsync(db, ChainNames.AccessLog, entries, CancellationToken.None);
    }

    public static string Utc(DateTime time) => Uri.EscapeDataString(time.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));

    public static async Task<JsonElement> OkAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var body = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {body}");
        return body;
    }

    public static async Task<List<JsonElement>> ItemsAsync(HttpClient client, string url) =>
        [.. (await OkAsync(client, url)).GetProperty("items").EnumerateArray()];

    /// <summary>Walks every page of a keyset list to its end.</summary>
    public static async Task<List<JsonElement>> AllPagesAsync(HttpClient client, string url, int pageSize)
    {
        var all = new List<JsonElement>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await OkAsync(client, $"{url}&pageSize={pageSize}" + (cursor is null ? "" : "&after=" + Uri.EscapeDataString(cursor)));
            all.AddRange(page.GetProperty("items").EnumerateArray());
            cursor = page.GetProperty("nextCursor").ValueKind == JsonValueKind.String ? page.GetProperty("nextCursor").GetString() : null;
            Assert.True(++pages < 1000, "the cursors never end");
        }
        while (cursor is not null);
        return all;
    }

    public static string? Str(this JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
