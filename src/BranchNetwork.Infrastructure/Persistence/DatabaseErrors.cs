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
}
