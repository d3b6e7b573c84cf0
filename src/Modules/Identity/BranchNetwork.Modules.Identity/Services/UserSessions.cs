using System.Collections.Concurrent;
using System.Security.Claims;
using BranchNetwork.Modules.Identity.Contracts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace BranchNetwork.Modules.Identity.Services;

/// <summary>
/// Per node: each user's active flag and security stamp, cached so a request costs a dictionary look-up,
/// not a database round-trip; a disable or reset on any node clears the entry (see <see cref="SessionRevocationListener"/>)
/// and makes every watcher of that user check again (ADR 0017).
/// </summary>
internal sealed class UserSessions(
    IServiceScopeFactory scopes,
    IOptions<IdentityOptions> identityOptions,
    SessionRevocationChannel channel,
    DirectoryVersion directory,
    ILogger<UserSessions> logger) : IUserSessions
{
    /// <summary>A safety net only: revocations clear entries at once; this bounds a missed one.</summary>
    private static readonly long CacheForMs = (long)TimeSpan.FromMinutes(1).TotalMilliseconds;

    private const int CheckAttempts = 5;

    private readonly ConcurrentDictionary<Guid, State> states = new();
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<Watcher, byte>> watchers = new();
    private long generation;

    public ValueTask<bool> IsCurrentAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default) =>
        IsCurrentAsync(principal, fresh: false, cancellationToken);

    /// <param name="principal">The session's user.</param>
    /// <param name="fresh">
    /// Read the database, not the cache. The re-checks of a live page (after a revocation, and every 30 s) use it:
    /// they are rare, and must never meet a state cached just before the change they are meant to see.
    /// </param>
    /// <param name="cancellationToken">Cancels the read.</param>
    internal async ValueTask<bool> IsCurrentAsync(ClaimsPrincipal principal, bool fresh, CancellationToken cancellationToken)
    {
        if (!TryGetUserId(principal, out var userId))
        {
            // Not a person (an integration's client credentials): nothing to end here.
            return true;
        }

        var state = await StateAsync(userId, fresh, cancellationToken);
        if (state is not { Active: true })
        {
            return false;
        }

        // Cookies carry the stamp; access tokens do not (their entries are revoked instead).
        var stamp = principal.FindFirst(identityOptions.Value.ClaimsIdentity.SecurityStampClaimType)?.Value;
        return stamp is null || string.Equals(stamp, state.Stamp, StringComparison.Ordinal);
    }

    /// <summary>
    /// A bearer token stands while its user is active and its entry is valid. The entry is read once per user state
    /// (at most a minute) and remembered with that state, so the revocations that clear the state — a disable or a
    /// password reset here, a revocation row read from another node — make the next call read the entry again (ADR 0024).
    /// </summary>
    internal async ValueTask<bool> IsTokenCurrentAsync(ClaimsPrincipal principal, string tokenId, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(principal.FindFirst(Claims.Subject)?.Value, out var userId))
        {
            // An integration's client-credentials token: no user to hang it on and rare, so its entry is read every time.
            return await IsTokenEntryValidAsync(tokenId, cancellationToken);
        }

        var before = Interlocked.Read(ref generation);
        var state = await StateAsync(userId, fresh: false, cancellationToken);
        if (state is not { Active: true })
        {
            return false;
        }

        if (state.Tokens.ContainsKey(tokenId))
        {
            return true;
        }

        if (!await IsTokenEntryValidAsync(tokenId, cancellationToken))
        {
            return false;
        }

        // A revocation that arrived while we read may have been missed by this read: do not keep it then.
        if (Interlocked.Read(ref generation) == before)
        {
            state.Tokens.TryAdd(tokenId, 0);
        }

        return true;
    }

    private async ValueTask<bool> IsTokenEntryValidAsync(string tokenId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var tokens = scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>();
        var token = await tokens.FindByIdAsync(tokenId, cancellationToken);
        // A JWT whose entry holds a reference id is a leaked reference token's payload: refused, as OpenIddict does.
        return token is not null
            && await tokens.HasStatusAsync(token, Statuses.Valid, cancellationToken)
            && string.IsNullOrEmpty(await tokens.GetReferenceIdAsync(token, cancellationToken));
    }

    public IDisposable Watch(ClaimsPrincipal principal, Action onEnded)
    {
        if (!TryGetUserId(principal, out var userId))
        {
            return NoWatch.Instance;
        }

        var watcher = new Watcher(this, userId, principal, onEnded);
        watchers.GetOrAdd(userId, _ => new ConcurrentDictionary<Watcher, byte>())[watcher] = 0;
        return watcher;
    }

    /// <summary>
    /// The user's sessions ended on this node (a disable or a password reset, saved with its revocation row): forget the
    /// state here and tell the other nodes at once through Redis when configured; the row is their fallback (ADR 0028).
    /// </summary>
    public void Ended(Guid userId)
    {
        Changed(userId);
        channel.Publish(userId);
    }

    /// <summary>The user's sign-in state changed (here or on another node): forget it and let every watcher check again.</summary>
    public void Changed(Guid userId)
    {
        Interlocked.Increment(ref generation);
        // What was kept about the user (their own summary, ADR 0031) goes with their session state.
        directory.Moved();
        states.TryRemove(userId, out _);
        if (watchers.TryGetValue(userId, out var ofUser))
        {
            foreach (var watcher in ofUser.Keys)
            {
                _ = CheckAsync(watcher);
            }
        }
    }

    private async Task CheckAsync(Watcher watcher)
    {
        // A busy database must not let a disabled user's open page live on until the next periodic check.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (!await IsCurrentAsync(watcher.Principal, fresh: true, CancellationToken.None))
                {
                    logger.LogInformation("The session of user {UserId} ended: closing a live page or connection", watcher.UserId);
                    watcher.End();
                }

                return;
            }
            catch (Exception e) when (attempt < CheckAttempts)
            {
                logger.LogWarning(e, "Could not check the session of user {UserId} (attempt {Attempt}); trying again", watcher.UserId, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(250 << attempt));
            }
            catch (Exception e)
            {
                logger.LogError(e, "Could not check the session of user {UserId}; the periodic check will", watcher.UserId);
                return;
            }
        }
    }

    private async ValueTask<State?> StateAsync(Guid userId, bool fresh, CancellationToken cancellationToken)
    {
        var now = Environment.TickCount64;
        if (!fresh && states.TryGetValue(userId, out var cached) && now - cached.LoadedAt < CacheForMs)
        {
            return cached;
        }

        var before = Interlocked.Read(ref generation);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        var row = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.IsActive, u.SecurityStamp })
            .FirstOrDefaultAsync(cancellationToken);
        var state = row is null ? null : new State(row.IsActive, row.SecurityStamp, now);
        // A revocation that arrived while we read may have been missed by this read: do not keep it then.
        if (state is not null && Interlocked.Read(ref generation) == before)
        {
            states[userId] = state;
        }

        return state;
    }

    private static bool TryGetUserId(ClaimsPrincipal principal, out Guid userId)
    {
        userId = Guid.Empty;
        return principal.Identity?.IsAuthenticated == true && Guid.TryParse(principal.FindFirst("sub")?.Value, out userId);
    }

    private void Remove(Watcher watcher)
    {
        if (watchers.TryGetValue(watcher.UserId, out var ofUser))
        {
            ofUser.TryRemove(watcher, out _);
            if (ofUser.IsEmpty)
            {
                watchers.TryRemove(new KeyValuePair<Guid, ConcurrentDictionary<Watcher, byte>>(watcher.UserId, ofUser));
            }
        }
    }

    /// <summary>The user's flag and stamp, and the ids of the access tokens whose entries were read valid with them.</summary>
    private sealed record State(bool Active, string? Stamp, long LoadedAt)
    {
        public ConcurrentDictionary<string, byte> Tokens { get; } = new(StringComparer.Ordinal);
    }

    private sealed class Watcher(UserSessions owner, Guid userId, ClaimsPrincipal principal, Action onEnded) : IDisposable
    {
        private int ended;

        public Guid UserId => userId;

        public ClaimsPrincipal Principal => principal;

        public void End()
        {
            if (Interlocked.Exchange(ref ended, 1) == 0)
            {
                owner.Remove(this);
                onEnded();
            }
        }

        public void Dispose() => owner.Remove(this);
    }

    private sealed class NoWatch : IDisposable
    {
        public static readonly NoWatch Instance = new();

        public void Dispose()
        {
        }
    }
}
