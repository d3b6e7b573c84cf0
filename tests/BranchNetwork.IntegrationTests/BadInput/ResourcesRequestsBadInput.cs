using BranchNetwork.Testing;

namespace BranchNetwork.IntegrationTests.BadInput;

/// <summary>The Resources module's requests area in the bad-input suite: its objects (kept in <see cref="BadInputWorld.Area"/>) and write rows.</summary>
internal static class ResourcesRequestsBadInput
{
    public static IReadOnlyDictionary<string, Func<BadInputWorld, WriteOperation>> Rows { get; } =
        new Dictionary<string, Func<BadInputWorld, WriteOperation>>(StringComparer.Ordinal);

    public static Task SeedAsync(BranchNetworkFactory app, BadInputWorld world) => Task.CompletedTask;
}
