using System.Text.Json.Nodes;
using BranchNetwork.IntegrationTests.WorkLogs.Reading;
using BranchNetwork.Testing;

namespace BranchNetwork.IntegrationTests.BadInput;

/// <summary>
/// The WorkLogs module's reading area in the bad-input suite: its objects (kept in <see cref="BadInputWorld.Area"/>) and write rows.
/// head01 comments on and likes staff0105's submitted log of today.
/// </summary>
internal static class WorkLogsReadingBadInput
{
    public static IReadOnlyDictionary<string, Func<BadInputWorld, WriteOperation>> Rows { get; } =
        new Dictionary<string, Func<BadInputWorld, WriteOperation>>(StringComparer.Ordinal)
        {
            ["POST /api/worklogs/logs/{id}/comments"] = w =>
                new("head01", WriteOperations.PathIds(("id", (Guid)w.Area["reading.log"])), InputKind.Json, new JsonObject { ["text"] = "坏输入点评" }),
            ["PUT /api/worklogs/logs/{id}/like"] = w => new("head01", WriteOperations.PathIds(("id", (Guid)w.Area["reading.log"])), InputKind.None),
            ["DELETE /api/worklogs/logs/{id}/like"] = w => new("head01", WriteOperations.PathIds(("id", (Guid)w.Area["reading.log"])), InputKind.None),
        };

    public static async Task SeedAsync(BranchNetworkFactory app, BadInputWorld world) =>
        world.Area["reading.log"] = await ReadingData.LogAsync(app, await ReadingData.WriterAsync(app, "staff0105"), spec: new LogSpec("坏输入日志：柜面业务8笔"));
}
