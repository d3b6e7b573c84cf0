namespace BranchNetwork.Modules.Audit.Contracts;

/// <summary>How a sign-in attempt ended (AU-1).</summary>
public enum SignInOutcome
{
    /// <summary>A session or token was issued.</summary>
    Succeeded = 0,

    /// <summary>Unknown user, wrong password, disabled account, rejected second factor, …</summary>
    Failed = 1,

    /// <summary>The account is (or has just become) locked after repeated failures.</summary>
    LockedOut = 2,
}

/// <summary>
/// The access log (AU-1), for other modules: records sign-in outcomes next to the requests the
/// Audit module records by itself. Never throws and never waits on the database: inside a request the
/// entry is held and written with the request's own entry just before the response is sent (so it
/// survives a crash, ADR 0019); outside a request it is buffered and written in a batch.
/// </summary>
public interface IAccessLog
{
    /// <param name="userName">The name the user typed (may be unknown to the system).</param>
    /// <param name="userId">The account, when the name matched one.</param>
    /// <param name="outcome">How the attempt ended.</param>
    /// <param name="detail">A short, non-secret reason, e.g. <c>web: wrong password</c>. Never a password or code.</param>
    void RecordSignIn(string userName, Guid? userId, SignInOutcome outcome, string? detail);
}
