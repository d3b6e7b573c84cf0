using Microsoft.EntityFrameworkCore;

namespace BranchNetwork.Infrastructure.Persistence;

/// <summary>Reads what a provider's error means, for the three providers the app runs on.</summary>
public static class DatabaseErrors
{
    /// <summary>
    /// True when a save broke a unique index or primary key: someone saved the same thing a moment
    /// earlier, after this request's own check had passed.
    /// </summary>
    public static bool IsUniqueViolation(DbUpdateException exception) => exception.InnerException switch
    {
        Npgsql.PostgresException postgres => postgres.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        // 2067 SQLITE_CONSTRAINT_UNIQUE, 1555 SQLITE_CONSTRAINT_PRIMARYKEY.
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        // 2601 duplicate key in a unique index, 2627 in a unique or primary key constraint.
        Microsoft.Data.SqlClient.SqlException sqlServer => sqlServer.Number is 2601 or 2627,
        _ => false,
    };

    /// <summary>
    /// True when the database could not take the request now: it has no connection left for it (PostgreSQL's
    /// too_many_connections, the connection pool's wait running out) or it was busy past its timeout (SQLite's
    /// SQLITE_BUSY, SQL Server's pool and login timeouts). The request changed nothing; trying again later will work.
    /// </summary>
    public static bool IsAtCapacity(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case Npgsql.PostgresException postgres when postgres.SqlState is Npgsql.PostgresErrorCodes.TooManyConnections or Npgsql.PostgresErrorCodes.ConfigurationLimitExceeded or Npgsql.PostgresErrorCodes.CannotConnectNow:
                    return true;
                // Npgsql's pool: "The connection pool has been exhausted, either raise 'Max Pool Size' … or 'Timeout'".
                case Npgsql.NpgsqlException npgsql when npgsql.InnerException is TimeoutException:
                    return true;
                // 5 SQLITE_BUSY, 6 SQLITE_LOCKED: another writer held the file past the busy timeout.
                case Microsoft.Data.Sqlite.SqliteException sqlite when sqlite.SqliteErrorCode is 5 or 6:
                    return true;
                case InvalidOperationException pool when pool.Message.Contains("max pool size", StringComparison.OrdinalIgnoreCase):
                    return true;
            }
        }

        return false;
    }
}
