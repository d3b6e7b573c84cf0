using System.Collections.Concurrent;
using BranchNetwork.Modules.Identity.Services;

namespace BranchNetwork.Modules.Identity.Features.GetMe;

/// <summary>
/// Per node: each user's own summary as last read, so the call every client makes on every start and page costs a
/// dictionary look-up. An entry stands while the directory has not moved since its read began (any save of users,
/// units, roles or assignments on this node, any session ended anywhere) and for at most a minute, the bound on a
/// change saved on another node (ADR 0031).
/// </summary>
internal sealed class MeCache(DirectoryVersion directory)
{
    private static readonly long KeepForMs = (long)TimeSpan.FromMinutes(1).TotalMilliseconds;

    private readonly ConcurrentDictionary<Guid, Entry> entries = new();

    /// <summary>The number to tag a read with: take it before the read starts.</summary>
    public long Version => directory.Current;

    public bool TryGet(Guid userId, out MeResponse me)
    {
        if (entries.TryGetValue(userId, out var entry)
            && entry.Version == directory.Current
            && Environment.TickCount64 - entry.ReadAt < KeepForMs)
        {
            me = entry.Me;
            return true;
        }

        me = null!;
        return false;
    }

    /// <param name="userId">Whose summary.</param>
    /// <param name="version">The directory's number taken before the read began: a change saved during the read makes it stale at once.</param>
    /// <param name="me">The summary read.</param>
    public void Keep(Guid userId, long version, MeResponse me) =>
        entries[userId] = new Entry(version, Environment.TickCount64, me);

    private sealed record Entry(long Version, long ReadAt, MeResponse Me);
}
