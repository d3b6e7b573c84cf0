using System.Globalization;
using static BranchNetwork.IntegrationTests.Security.Expect;

namespace BranchNetwork.IntegrationTests.Security;

/// <summary>
/// The WorkLogs module's tracking area in the authorisation matrix: its rows (columns as <see cref="AuthorizationMatrix.Callers"/>) and
/// requests. From docs/modules/worklogs.md, "Authorisation".
/// </summary>
internal static class WorkLogsTrackingMatrix
{
    /// <summary>
    /// 支行01's submissions and rates: its head and managers, and head office's supervisors; another sub-branch's head
    /// learns nothing of it (404); staff and every other role may never (403), the auditor included (WL-2, ORG-3).
    /// </summary>
    private static readonly Expect[] Sb01Trackers = [E401, E403, Ok, E404, Ok, Ok, E403, E403, E403, E403, E403];

    public static readonly MatrixRow[] Rows =
    [
        new("GET /api/worklogs/submissions", Sb01Trackers),
        new("GET /api/worklogs/rates", Sb01Trackers),
    ];

    public static readonly IReadOnlyDictionary<string, Func<MatrixWorld, Task<HttpRequestMessage>>> Requests =
        new Dictionary<string, Func<MatrixWorld, Task<HttpRequestMessage>>>
        {
            ["GET /api/worklogs/submissions"] = w => Get(string.Create(CultureInfo.InvariantCulture, $"/api/worklogs/submissions?day={w.Today:yyyy-MM-dd}&subBranchId={w.Sb01}")),
            ["GET /api/worklogs/rates"] = w => Get(string.Create(CultureInfo.InvariantCulture, $"/api/worklogs/rates?month={w.Today:yyyy-MM}&subBranchId={w.Sb01}")),
        };

    private static Task<HttpRequestMessage> Get(string url) => Task.FromResult(new HttpRequestMessage(HttpMethod.Get, url));
}
