using BranchNetwork.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace BranchNetwork.UnitTests.Platform;

/// <summary>
/// A database out of connections answers 503 with Retry-After, not 500 (the CI failure of 2026-12-04: a burst of 120
/// calls on a server allowing 100 connections): what counts as "at capacity" and what does not.
/// </summary>
public sealed class DatabaseErrorsTests
{
    [Theory]
    [InlineData(PostgresErrorCodes.TooManyConnections, true)]
    [InlineData(PostgresErrorCodes.CannotConnectNow, true)]
    [InlineData(PostgresErrorCodes.UniqueViolation, false)]
    [InlineData(PostgresErrorCodes.UndefinedTable, false)]
    public void A_postgres_refusal_for_want_of_connections_is_at_capacity_and_other_errors_are_not(string sqlState, bool atCapacity)
    {
        var refusal = new PostgresException("refused", "FATAL", "FATAL", sqlState);

        Assert.Equal(atCapacity, DatabaseErrors.IsAtCapacity(refusal));
        // EF wraps what the provider threw.
        Assert.Equal(atCapacity, DatabaseErrors.IsAtCapacity(new DbUpdateException("save failed", refusal)));
    }

    [Fact]
    public void The_pool_running_out_of_time_is_at_capacity_and_a_plain_failure_is_not()
    {
        Assert.True(DatabaseErrors.IsAtCapacity(new NpgsqlException("The connection pool has been exhausted", new TimeoutException())));
        Assert.False(DatabaseErrors.IsAtCapacity(new InvalidOperationException("Sequence contains no elements")));
        Assert.False(DatabaseErrors.IsAtCapacity(new NpgsqlException("Exception while reading from stream")));
    }
}
