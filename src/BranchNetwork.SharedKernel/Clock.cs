namespace BranchNetwork.SharedKernel;

/// <summary>The one source of "now" (UTC). Tests replace it to control time.</summary>
public interface IClock
{
    DateTime UtcNow { get; }
}

public sealed class SystemClock : IClock
{
    public DateTime UtcNow => DateTime.UtcNow;
}
