using System.Globalization;
using static BranchNetwork.IntegrationTests.Security.Expect;

namespace BranchNetwork.IntegrationTests.Security;

/// <summary>
/// The Resources module's history area in the authorisation matrix: its rows (columns as <see cref="AuthorizationMatrix.Callers"/>) and
/// requests. From docs/modules/resources.md, "Authorisation".
/// </summary>
internal static class ResourcesHistoryMatrix
{
    /// <summary>
    /// 支行01's request statistics: its head and managers, head office's supervisors and the auditor; another
    /// sub-branch's head learns nothing of it (404); staff and every other role may never (403) (RR-3, ORG-3).
    /// </summary>
    private static readonly Expect[] Sb01History = [E401, E403, Ok, E404, Ok, Ok, E403, E403, Ok, E403, E403];

    public static readonly MatrixRow[] Rows =
    [
        new("GET /api/resources/history", Sb01History),
    ];

    public static readonly IReadOnlyDictionary<string, Func<MatrixWorld, Task<HttpRequestMessage>>> Requests =
        new Dictionary<string, Func<MatrixWorld, Task<HttpRequestMessage>>>
        {
            ["GET /api/resources/history"] = w => Get(string.Create(CultureInfo.InvariantCulture, $"/api/resources/history?from={w.Today.AddMonths(-5):yyyy-MM}&to={w.Today:yyyy-MM}&subBranchId={w.Sb01}")),
        };

    private static Task<HttpRequestMessage> Get(string url) => Task.FromResult(new HttpRequestMessage(HttpMethod.Get, url));
}
