namespace BranchNetwork.IntegrationTests.Security;

/// <summary>
/// The WorkLogs module's reading area in the authorisation matrix: its rows (columns as <see cref="AuthorizationMatrix.Callers"/>) and
/// requests. From docs/modules/worklogs.md, "Authorisation".
/// </summary>
internal static class WorkLogsReadingMatrix
{
    public static readonly MatrixRow[] Rows = [];

    public static readonly IReadOnlyDictionary<string, Func<MatrixWorld, Task<HttpRequestMessage>>> Requests =
        new Dictionary<string, Func<MatrixWorld, Task<HttpRequestMessage>>>();
}
