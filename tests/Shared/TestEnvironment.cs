namespace BranchNetwork.Testing;

/// <summary>
/// What the test run may use, from environment variables (README): the database provider, and
/// Redis / Chromium for the tests that need them. Missing services skip with a printed reason,
/// unless BRANCHNET_REQUIRE_ALL=1 (CI), where a skip would hide a gap and fails instead.
/// </summary>
public static class TestEnvironment
{
    public static string Provider => Environment.GetEnvironmentVariable("BRANCHNET_TEST_PROVIDER") is { Length: > 0 } p ? p : "Sqlite";

    public static string? PostgresConnectionString => Environment.GetEnvironmentVariable("BRANCHNET_TEST_POSTGRES");

    public static string? SqlServerConnectionString => Environment.GetEnvironmentVariable("BRANCHNET_TEST_SQLSERVER");

    public static string? RedisConnectionString => Environment.GetEnvironmentVariable("BRANCHNET_TEST_REDIS");

    public static string? ChromiumPath =>
        Environment.GetEnvironmentVariable("BRANCHNET_CHROMIUM") is { Length: > 0 } path ? path
        : File.Exists("/usr/bin/chromium") ? "/usr/bin/chromium" : null;

    public static bool RequireAll => Environment.GetEnvironmentVariable("BRANCHNET_REQUIRE_ALL") == "1";

    /// <summary>Skips the current test with a reason, or fails it when everything is required.</summary>
    public static void Unavailable(string reason)
    {
        Console.WriteLine($"[BranchNetwork tests] {reason}");
        if (RequireAll)
        {
            Assert.Fail($"BRANCHNET_REQUIRE_ALL=1 but: {reason}");
        }

        Assert.Skip(reason);
    }
}
