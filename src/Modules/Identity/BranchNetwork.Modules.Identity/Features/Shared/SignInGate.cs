using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace BranchNetwork.Modules.Identity.Features.Shared;

/// <summary>How many failures lock whom, and for how long (configuration section <c>Identity:SignInThrottle</c>; ADR 0017).</summary>
internal sealed class SignInThrottleOptions
{
    public const string Section = "Identity:SignInThrottle";

    /// <summary>Failures in a row from one address that lock that address out of the account.</summary>
    public int AddressFailures { get; set; } = 5;

    /// <summary>Failures from all addresses together that lock the account for every address that has not signed in to it lately.</summary>
    public int AccountFailures { get; set; } = 50;

    public TimeSpan LockFor { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan MaxLockFor { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Failures older than this are forgotten.</summary>
    public TimeSpan ForgetAfter { get; set; } = TimeSpan.FromHours(1);

    /// <summary>An address the right password came from within this time is spared by the account-wide lock.</summary>
    public TimeSpan TrustAddressFor { get; set; } = TimeSpan.FromDays(30);
}

internal enum SignInVerdict
{
    /// <summary>Wrong password or unknown user: one answer for both.</summary>
    Invalid,

    /// <summary>Too many failures for this name from this address (or from everywhere): said for any name, existing or not.</summary>
    Locked,

    /// <summary>The right password for a disabled account: only someone who knows the password learns the account exists.</summary>
    Disabled,

    Succeeded,
}

/// <summary>
/// The verdict, the user when the password was right, and why and whose account was tried (for the access log only,
/// which only auditors read; never for the caller).
/// </summary>
internal sealed record SignInCheck(SignInVerdict Verdict, BankUser? User, string Reason, Guid? TriedUserId = null);

/// <summary>
/// The password check of both sign-in doors (the token endpoint and the sign-in form). Every name costs
/// the same: one hash verification (against a dummy hash when the name is unknown), one look-up of the
/// user and the throttle rows; a locked name costs no hash at all, existing or not. Lockout is per name and
/// client address, with an account-wide ceiling that spares addresses the user signed in from (ADR 0017).
/// </summary>
internal sealed class SignInGate(
    UserManager<BankUser> users,
    IPasswordHasher<BankUser> hasher,
    IdentityDbContext db,
    IClock clock,
    IOptions<SignInThrottleOptions> options)
{
    private static readonly BankUser NoOne = new() { UserName = "-" };
    private static string? dummyHash;

    public async Task<SignInCheck> CheckAsync(string? userName, string? password, IPAddress? address, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.UtcNow;
        var name = userName ?? "";
        var accountKey = AccountKey(name);
        var addressKey = AddressKey(address);
        var rows = await db.SignInThrottles
            .Where(t => t.AccountKey == accountKey && (t.AddressKey == addressKey || t.AddressKey == SignInThrottle.AnyAddress))
            .ToListAsync(cancellationToken);
        var fromHere = rows.FirstOrDefault(r => r.AddressKey == addressKey);
        var everywhere = rows.FirstOrDefault(r => r.AddressKey == SignInThrottle.AnyAddress);

        if (fromHere?.IsLocked(now) == true || (everywhere?.IsLocked(now) == true && fromHere?.SucceededSince(now - settings.TrustAddressFor) != true))
        {
            return new SignInCheck(SignInVerdict.Locked, null, "locked out");
        }

        var user = await users.FindByNameAsync(name);
        if (!await VerifyAsync(user, password ?? ""))
        {
            Fail(fromHere ?? Add(accountKey, addressKey), now, settings.AddressFailures, settings);
            Fail(everywhere ?? Add(accountKey, SignInThrottle.AnyAddress), now, settings.AccountFailures, settings);
            await SaveAsync(cancellationToken);
            return new SignInCheck(SignInVerdict.Invalid, null, user is null ? "unknown user" : "wrong password", user?.Id);
        }

        if (!user!.IsActive)
        {
            return new SignInCheck(SignInVerdict.Disabled, user, "account disabled");
        }

        (fromHere ?? Add(accountKey, addressKey)).Succeeded(now);
        await SaveAsync(cancellationToken);
        return new SignInCheck(SignInVerdict.Succeeded, user, "password");
    }

    /// <summary>IPv4 as is; IPv6 by its /64, which one subscriber usually holds whole (else each address would be a fresh start).</summary>
    internal static string AddressKey(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    private string AccountKey(string userName)
    {
        var normalised = users.NormalizeName(userName) ?? "";
        return normalised.Length <= SignInThrottle.AccountKeyMaxLength ? normalised : normalised[..SignInThrottle.AccountKeyMaxLength];
    }

    private async Task<bool> VerifyAsync(BankUser? user, string password)
    {
        if (user?.PasswordHash is not { } hash)
        {
            // The same hash work as for a real account, so the time taken does not tell whether the name exists.
            hasher.VerifyHashedPassword(NoOne, DummyHash(), password);
            return false;
        }

        var result = hasher.VerifyHashedPassword(user, hash, password);
        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.PasswordHash = hasher.HashPassword(user, password);
            await users.UpdateAsync(user);
        }

        return result != PasswordVerificationResult.Failed;
    }

    private string DummyHash() => dummyHash ??= hasher.HashPassword(NoOne, Convert.ToHexString(RandomNumberGenerator.GetBytes(16)));

    private SignInThrottle Add(string accountKey, string addressKey)
    {
        var row = new SignInThrottle(accountKey, addressKey);
        db.SignInThrottles.Add(row);
        return row;
    }

    private static void Fail(SignInThrottle row, DateTime now, int limit, SignInThrottleOptions settings) =>
        row.Failed(now, limit, settings.LockFor, settings.MaxLockFor, settings.ForgetAfter);

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two attempts for the same name and address at once both added the row: one count is lost, the answer stands.
            db.ChangeTracker.Clear();
        }
    }
}
