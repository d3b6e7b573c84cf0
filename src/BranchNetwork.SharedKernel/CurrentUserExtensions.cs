using BranchNetwork.SharedKernel.Errors;

namespace BranchNetwork.SharedKernel;

public static class CurrentUserExtensions
{
    /// <summary>Throws a 403 unless the user holds at least one of <paramref name="roles"/>.</summary>
    public static void EnsureAnyRole(this ICurrentUser user, params string[] roles)
    {
        if (!user.IsAuthenticated)
        {
            throw new ForbiddenException("auth.not_signed_in", "Sign-in required.");
        }

        if (!roles.Any(user.IsInRole))
        {
            throw new ForbiddenException("auth.role_required", $"This action needs one of the roles: {string.Join(", ", roles)}.");
        }
    }
}
