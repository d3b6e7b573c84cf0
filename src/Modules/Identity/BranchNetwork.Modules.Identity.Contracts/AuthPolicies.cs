namespace BranchNetwork.Modules.Identity.Contracts;

/// <summary>Authorisation policies every module uses for its endpoints (defined by the Identity module).</summary>
public static class AuthPolicies
{
    /// <summary>/api/*: OpenIddict bearer tokens only (a cookie never opens the API).</summary>
    public const string Api = "api";

    /// <summary>The real-time hub: OpenIddict tokens (query string for WebSockets) or the web UI's cookie.</summary>
    public const string Hub = "hub";
}
