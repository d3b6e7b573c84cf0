using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace BranchNetwork.Testing;

/// <summary>The suite's own promises (issue 8, item 11): a stopped clock, and databases copied from one migrated template.</summary>
public sealed class TestSuiteRulesTests
{
    [Fact]
    public async Task The_test_clock_stands_still_until_a_test_moves_it()
    {
        var clock = new TestClock();
        var first = clock.UtcNow;
        await Task.Delay(50);

        Assert.Equal(TestClock.Start, first);
        Assert.Equal(first, clock.UtcNow);
        Assert.Equal(new DateTimeOffset(first), clock.GetUtcNow());

        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(TestClock.Start.AddHours(1), clock.UtcNow);
        Assert.Equal(clock.UtcNow, clock.GetUtcNow().UtcDateTime);
    }

    [Fact]
    public async Task A_new_test_database_already_has_the_schema_and_is_a_copy_of_its_own()
    {
        await using var first = new TestDatabase();
        await first.CreateAsync();
        if (first.Unavailable is { } reason || first.Provider is not ("Sqlite" or "PostgreSql"))
        {
            Assert.Skip(first.Unavailable ?? $"No template on {first.Provider}.");
            return;
        }

        await using var second = new TestDatabase();
        await second.CreateAsync();

        // Migrated before any app started on it: the tables are there, copied from the template.
        Assert.True(await ScalarAsync(first, TablesQuery(first)) > 10);
        Assert.Equal(await ScalarAsync(first, TablesQuery(first)), await ScalarAsync(second, TablesQuery(second)));

        // A copy, not a shared file or database: a table made in one is not in the other.
        await ScalarAsync(first, "CREATE TABLE suite_probe (id INTEGER)");
        Assert.Equal(await ScalarAsync(second, TablesQuery(second)) + 1, await ScalarAsync(first, TablesQuery(first)));
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
    }

    private static string TablesQuery(TestDatabase database) => database.Provider == "Sqlite"
        ? "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
        : "SELECT count(*) FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')";

    private static async Task<long> ScalarAsync(TestDatabase database, string sql)
    {
        await using DbConnection connection = database.Provider == "Sqlite"
            ? new SqliteConnection(database.ConnectionString)
            : new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return sql.StartsWith("CREATE", StringComparison.Ordinal)
            ? await command.ExecuteNonQueryAsync()
            : Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
