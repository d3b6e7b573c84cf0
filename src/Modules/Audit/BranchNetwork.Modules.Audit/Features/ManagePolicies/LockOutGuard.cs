using System.Net;
using BranchNetwork.Modules.Audit.Features.Shared;
using BranchNetwork.Modules.Audit.Resources;
using BranchNetwork.Modules.Identity.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;

namespace BranchNetwork.Modules.Audit.Features.ManagePolicies;

/// <summary>
/// Policies must never lock out every SecurityAdmin (AU-5): a change that restricts (create, update, enable) is
/// refused with 409 <c>audit.policy_lockout</c> when, with the change applied, (a) the acting SecurityAdmin could not
/// sign in and reach the policy administration from their current address now, or (b) no active SecurityAdmin — by
/// the roles each holds — could reach it from that address at any quarter hour of the next 14 days (a window on
/// non-working days only, a window that never reopens). Break-glass for what slips past: ADR 0023.
/// </summary>
internal sealed class LockOutGuard(
    AccessPolicyCache cache,
    ICurrentUser currentUser,
    IHttpContextAccessor http,
    IOrganisationDirectory directory,
    IClock clock,
    BankCalendar calendar,
    IStringLocalizer<AuditText> text)
{
    /// <summary>What a SecurityAdmin must reach to undo a policy: sign-in, the policy API and page, the Blazor circuit.</summary>
    internal static readonly string[] AdministrationPaths =
    [
        "/account/login", "/connect/token", "/api/audit/policies", "/api/audit/policies/00000000-0000-0000-0000-000000000001",
        "/api/audit/policies/00000000-0000-0000-0000-000000000001/enable", "/api/audit/policies/00000000-0000-0000-0000-000000000001/disable",
        "/audit/policies", "/_blazor", "/_blazor/negotiate",
    ];

    private static readonly TimeSpan Horizon = TimeSpan.FromDays(14);
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(15);

    public async Task EnsureNoLockOutAsync(CompiledPolicy changed, CancellationToken cancellationToken)
    {
        if (changed.Kind == AccessPolicyKind.Content)
        {
            return;
        }

        var policies = (await cache.GetAsync(cancellationToken)).Where(p => p.Id != changed.Id).Append(changed).ToList();
        var address = http.HttpContext?.Connection.RemoteIpAddress;
        var now = clock.UtcNow;
        if (!Reaches(policies, [.. currentUser.Roles], now, address))
        {
            throw Refusal();
        }

        var admins = new List<IReadOnlyList<string>>();
        foreach (var id in await directory.ListActiveUserIdsAsync(null, BankRoles.SecurityAdmin, cancellationToken))
        {
            if (await directory.FindUserAsync(id, cancellationToken) is { IsActive: true } admin)
            {
                admins.Add(admin.Roles);
            }
        }

        var someoneCanReach = admins.Any(roles =>
        {
            for (var at = now; at < now + Horizon; at += Step)
            {
                if (Reaches(policies, [.. roles], at, address))
                {
                    return true;
                }
            }

            return false;
        });
        if (!someoneCanReach)
        {
            throw Refusal();
        }
    }

    internal bool Reaches(IReadOnlyList<CompiledPolicy> policies, IReadOnlyCollection<string> roles, DateTime utc, IPAddress? address) =>
        AdministrationPaths.All(path => CompiledPolicy.FirstRefusing(policies, path, roles, utc, calendar, address) is null);

    private ConflictException Refusal() => new("audit.policy_lockout", text["PolicyLockOut"]);
}
