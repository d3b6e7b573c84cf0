namespace BranchNetwork.IntegrationTests.Security;

/// <summary>The Tasks module's plans area in the authorisation matrix: its rows (columns as <see cref="AuthorizationMatrix.Callers"/>) and requests.</summary>
internal static class TasksPlansMatrix
{
    public static readonly MatrixRow[] Rows = [];

    public static readonly IReadOnlyDictionary<string, Func<MatrixWorld, Task<HttpRequestMessage>>> Requests =
        new Dictionary<string, Func<MatrixWorld, Task<HttpRequestMessage>>>();
}
