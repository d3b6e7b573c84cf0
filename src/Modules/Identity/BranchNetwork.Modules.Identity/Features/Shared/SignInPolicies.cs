namespace BranchNetwork.Modules.Identity.Features.Shared;

/// <summary>The rate-limit policy shared by every sign-in door: the token endpoint and the sign-in form.</summary>
internal static class SignInPolicies
{
    public const string RateLimit = "sign-in";
}
