using System.Data.Common;
using BranchNetwork.Testing;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace BranchNetwork.IntegrationTests.Platform.Crash;

/// <summary>Reads a module's tables of a database a child Host owns (the test has no DbContext of its own there).</summary>
internal static class DatabaseProbe
{
    /// <summary>A table's name in SQL: schema-qualified on PostgreSQL, bare on SQLite (no schemas).</summary>
    public static string Table(TestDatabase database, string schema, string table) =>
        database.Provider == "Sqlite" ? $"\"{table}\"" : $"\"{schema}\".\"{table}\"";

    public static async Task<long> CountAsync(TestDatabase database, string sql)
    {
        await using DbConnection connection = database.Provider == "Sqlite"
            ? new SqliteConnection(database.ConnectionString + ";Pooling=False")
            : new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
