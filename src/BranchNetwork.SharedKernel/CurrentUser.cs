namespace BranchNetwork.SharedKernel;

/// <summary>The signed-in user of the current request or Blazor circuit.</summary>
public interface ICurrentUser
{
    bool IsAuthenticated { get; }

    Guid? UserId { get; }

    string? UserName { get; }

    /// <summary>The name colleagues know the user by (分行督导), stored wherever a record names its author; the sign-in name when there is none.</summary>
    string? DisplayName => UserName;

    IReadOnlyCollection<string> Roles { get; }

    bool IsInRole(string role);

    /// <summary>The user's id, or a <see cref="Errors.ForbiddenException"/> when nobody is signed in.</summary>
    Guid RequireUserId();
}
