namespace BranchNetwork.IntegrationTests.Security;

/// <summary>
/// The Resources module's approvals area in the authorisation matrix: its rows (columns as <see cref="AuthorizationMatrix.Callers"/>) and
/// requests. From docs/modules/resources.md, "Authorisation".
/// </summary>
internal static class ResourcesApprovalsMatrix
{
    public static readonly MatrixRow[] Rows = [];

    public static readonly IReadOnlyDictionary<string, Func<MatrixWorld, Task<HttpRequestMessage>>> Requests =
        new Dictionary<string, Func<MatrixWorld, Task<HttpRequestMessage>>>();
}
