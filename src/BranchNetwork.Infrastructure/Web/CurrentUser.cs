using System.Security.Claims;
using BranchNetwork.SharedKernel;
using BranchNetwork.SharedKernel.Errors;
using Microsoft.AspNetCore.Http;

namespace BranchNetwork.Infrastructure.Web;

/// <summary>
/// Holds the principal of the current HTTP request, or of the Blazor circuit (set by the circuit
/// handler), so handlers authorise the same way whichever way they are called.
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor httpContextAccessor) : ICurrentUser
{
    public const string SubjectClaim = "sub";
    public const string NameClaim = "name";
    public const string RoleClaim = "role";

    /// <summary>The display name's claim, issued in the cookie and in access tokens alike (Identity's claims factory).</summary>
    public const string DisplayNameClaim = "display_name";

    private ClaimsPrincipal? circuitPrincipal;

    public ClaimsPrincipal Principal => circuitPrincipal ?? httpContextAccessor.HttpContext?.User ?? new ClaimsPrincipal(new ClaimsIdentity());

    public bool IsAuthenticated => Principal.Identity?.IsAuthenticated == true;

    public Guid? UserId => Guid.TryParse(Principal.FindFirstValue(SubjectClaim) ?? Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public string? UserName => Principal.FindFirstValue(NameClaim) ?? Principal.Identity?.Name;

    public string? DisplayName => Principal.FindFirstValue(DisplayNameClaim) is { Length: > 0 } name ? name : UserName;

    public IReadOnlyCollection<string> Roles =>
        Principal.Claims.Where(c => c.Type is RoleClaim or ClaimTypes.Role).Select(c => c.Value).Distinct().ToArray();

    public bool IsInRole(string role) => IsAuthenticated && Roles.Contains(role, StringComparer.Ordinal);

    public Guid RequireUserId() =>
        IsAuthenticated && UserId is { } id ? id : throw new ForbiddenException("auth.not_signed_in", "Sign-in required.");

    public void SetCircuitPrincipal(ClaimsPrincipal principal) => circuitPrincipal = principal;
}
