using System.Net.Http.Json;
using BranchNetwork.IntegrationTests.WorkLogs.Reading;
using static BranchNetwork.IntegrationTests.Security.Expect;

namespace BranchNetwork.IntegrationTests.Security;

/// <summary>
/// The WorkLogs module's reading area in the authorisation matrix: its rows (columns as <see cref="AuthorizationMatrix.Callers"/>) and
/// requests. From docs/modules/worklogs.md, "Authorisation": a submitted log of staff0104 (支行01, not shared with the team) is
/// read, commented and liked by its author, 支行01's head and managers and head office's supervisors; a colleague (staff0101)
/// and another sub-branch's head learn nothing (404); TaskAdmin, the moderator, the auditor, the system and security
/// administrators never read logs here (403). The month's export is for the sub-branch's managers and the supervisors.
/// </summary>
internal static class WorkLogsReadingMatrix
{
    private static readonly Expect[] Readers = [E401, E404, Ok, E404, Ok, Ok, E403, E403, E403, E403, E403];

    public static readonly MatrixRow[] Rows =
    [
        //                                                                     anon  staff head01 head02 mgr01 superv task  moder audit admin secur
        new("GET /api/worklogs/logs",                                         [E401, Ok,   Ok,    Ok,    Ok,   Ok,    E403, E403, E403, E403, E403], Scoped: true),
        new("GET /api/worklogs/logs/{id}", Readers),
        new("POST /api/worklogs/logs/{id}/comments", Readers),
        new("PUT /api/worklogs/logs/{id}/like", Readers),
        new("DELETE /api/worklogs/logs/{id}/like", Readers),
        new("GET /api/worklogs/export",                                       [E401, E403, Ok,    E404,  Ok,   Ok,    E403, E403, E403, E403, E403]),
    ];

    public static readonly IReadOnlyDictionary<string, Func<MatrixWorld, Task<HttpRequestMessage>>> Requests =
        new Dictionary<string, Func<MatrixWorld, Task<HttpRequestMessage>>>
        {
            ["GET /api/worklogs/logs"] = w => Task.FromResult(new HttpRequestMessage(HttpMethod.Get, "/api/worklogs/logs")),
            ["GET /api/worklogs/logs/{id}"] = async w => new HttpRequestMessage(HttpMethod.Get, $"/api/worklogs/logs/{await LogAsync(w)}"),
            ["POST /api/worklogs/logs/{id}/comments"] = async w =>
                new HttpRequestMessage(HttpMethod.Post, $"/api/worklogs/logs/{await LogAsync(w)}/comments") { Content = JsonContent.Create(new { text = "矩阵点评" }) },
            ["PUT /api/worklogs/logs/{id}/like"] = async w => new HttpRequestMessage(HttpMethod.Put, $"/api/worklogs/logs/{await LogAsync(w)}/like"),
            ["DELETE /api/worklogs/logs/{id}/like"] = async w => new HttpRequestMessage(HttpMethod.Delete, $"/api/worklogs/logs/{await LogAsync(w)}/like"),
            ["GET /api/worklogs/export"] = w => Task.FromResult(new HttpRequestMessage(HttpMethod.Get, $"/api/worklogs/export?subBranchId={w.Sb01}&month={w.Today:yyyy-MM}")),
        };

    /// <summary>staff0104's submitted log of today (支行01, not shared), made once; its id is 支行01's private.</summary>
    private static Task<Guid> LogAsync(MatrixWorld w) =>
        w.OnceAsync(
            "worklogs.reading.log",
            async () => await ReadingData.LogAsync(w.App, await ReadingData.WriterAsync(w.App, "staff0104"), spec: new LogSpec("矩阵日志：走访客户2户")),
            id => [id]);
}
