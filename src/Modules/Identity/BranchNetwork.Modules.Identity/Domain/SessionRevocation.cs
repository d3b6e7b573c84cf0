namespace BranchNetwork.Modules.Identity.Domain;

/// <summary>
/// A user's sessions were ended (disabled, password reset). Every node reads new rows every second and
/// drops that user's cached session state, so cookies, circuits and hub connections end on all nodes.
/// </summary>
internal sealed class SessionRevocation
{
    public SessionRevocation(Guid userId, DateTime revokedAtUtc)
    {
        UserId = userId;
        RevokedAtUtc = revokedAtUtc;
    }

    private SessionRevocation()
    {
    }

    /// <summary>Ascending: a node remembers the last one it read.</summary>
    public long Id { get; private set; }

    public Guid UserId { get; private set; }

    public DateTime RevokedAtUtc { get; private set; }
}
