namespace BranchNetwork.Infrastructure.Auditing;

/// <summary>
/// Who acts when no user does, for the trail: the job runner names the job, the outbox processor the message it
/// delivers (its id is the correlation of what the handlers change). Flows with the async context into every scope
/// the job or handler creates.
/// </summary>
public static class AuditScope
{
    private static readonly AsyncLocal<State?> Current = new();

    /// <summary>The running scheduled job's id, or null.</summary>
    public static string? JobId => Current.Value?.JobId;

    /// <summary>The outbox message being delivered, or null.</summary>
    public static Guid? MessageId => Current.Value?.MessageId;

    /// <summary>Attributes what runs until disposal to the scheduled job <paramref name="jobId"/>.</summary>
    public static IDisposable Job(string jobId) => Enter(new State(jobId, Current.Value?.MessageId));

    /// <summary>Correlates what runs until disposal with the outbox message <paramref name="messageId"/>.</summary>
    public static IDisposable Message(Guid messageId) => Enter(new State(Current.Value?.JobId, messageId));

    private static Restore Enter(State state)
    {
        var previous = Current.Value;
        Current.Value = state;
        return new Restore(previous);
    }

    private sealed record State(string? JobId, Guid? MessageId);

    private sealed class Restore(State? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
