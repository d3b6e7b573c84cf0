namespace BranchNetwork.Modules.Identity.Domain;

/// <summary>
/// Failed sign-ins for one user name from one client address, or from every address (<see cref="AnyAddress"/>).
/// Kept for any name typed, existing or not, so a lockout says nothing about whether the account exists (ADR 0017).
/// </summary>
internal sealed class SignInThrottle
{
    public const int AccountKeyMaxLength = 256;
    public const int AddressKeyMaxLength = 64;

    /// <summary>The account-wide row: failures from all addresses together (the distributed guesser's ceiling).</summary>
    public const string AnyAddress = "*";

    public SignInThrottle(string accountKey, string addressKey)
    {
        AccountKey = accountKey;
        AddressKey = addressKey;
    }

    private SignInThrottle()
    {
    }

    public string AccountKey { get; private set; } = "";

    public string AddressKey { get; private set; } = "";

    /// <summary>Failures since the last lockout, success or quiet spell.</summary>
    public int Failures { get; private set; }

    /// <summary>Lockouts in a row without a success: each one lasts twice as long as the one before.</summary>
    public int Lockouts { get; private set; }

    public DateTime? LastFailureAtUtc { get; private set; }

    public DateTime? LockedUntilUtc { get; private set; }

    /// <summary>When the right password last came from this address: the account-wide ceiling spares such addresses.</summary>
    public DateTime? LastSucceededAtUtc { get; private set; }

    public bool IsLocked(DateTime nowUtc) => LockedUntilUtc > nowUtc;

    public bool SucceededSince(DateTime sinceUtc) => LastSucceededAtUtc >= sinceUtc;

    /// <summary>Counts a failure; the <paramref name="limit"/>th in a row locks for <paramref name="lockFor"/>, doubled per lockout in a row, at most <paramref name="maxLock"/>.</summary>
    public void Failed(DateTime nowUtc, int limit, TimeSpan lockFor, TimeSpan maxLock, TimeSpan forgetAfter)
    {
        if (LastFailureAtUtc is { } last && nowUtc - last > forgetAfter)
        {
            Failures = 0;
        }

        Failures++;
        LastFailureAtUtc = nowUtc;
        if (Failures >= limit)
        {
            var factor = Math.Pow(2, Math.Min(Lockouts, 16));
            var duration = TimeSpan.FromTicks((long)Math.Min(lockFor.Ticks * factor, maxLock.Ticks));
            LockedUntilUtc = nowUtc + duration;
            Lockouts++;
            Failures = 0;
        }
    }

    public void Succeeded(DateTime nowUtc)
    {
        Failures = 0;
        Lockouts = 0;
        LockedUntilUtc = null;
        LastSucceededAtUtc = nowUtc;
    }
}
