namespace BranchNetwork.SharedKernel;

/// <summary>Records carry an app-managed version so optimistic concurrency works the same on SQLite, PostgreSQL and SQL Server.</summary>
public interface IVersioned
{
    long Version { get; set; }
}

public abstract class Entity : IVersioned
{
    public Guid Id { get; protected set; } = Guid.CreateVersion7();

    public long Version { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }
}
