namespace BranchNetwork.Modules.Identity.Services;

/// <summary>
/// Per node: a number that moves whenever something a signed-in user's own summary is made of may have changed — a
/// user, a unit, a role or a role assignment saved through the Identity context on this node, or a session ended here
/// or on another node. Readers that keep such summaries tag them with the number they started reading at and drop
/// them once it moves (ADR 0031).
/// </summary>
internal sealed class DirectoryVersion
{
    private long current;

    public long Current => Interlocked.Read(ref current);

    public void Moved() => Interlocked.Increment(ref current);
}
