using BranchNetwork.Modules.Identity.Contracts;

namespace BranchNetwork.Modules.Resources.Features.Shared;

/// <summary>A head-office user who may approve resource requests: id, display name, position and approving roles.</summary>
internal sealed record ResourceApproverCandidate(Guid UserId, string Name, string? Position, IReadOnlyList<string> Roles);

/// <summary>Who may approve: active users at head office (its units and business lines) holding an approving role.</summary>
internal sealed class ApproverCandidates(IOrganisationDirectory directory)
{
    public const int MaxCandidates = 200;

    public static readonly IReadOnlyList<string> ApproverRoles = [BankRoles.HeadOfficeSupervisor, BankRoles.TaskAdmin];

    private readonly Dictionary<Guid, bool> headOfficeUnits = [];

    public async Task<IReadOnlyList<ResourceApproverCandidate>> ListAsync(CancellationToken ct)
    {
        var ids = new List<Guid>();
        foreach (var role in ApproverRoles)
        {
            ids.AddRange(await directory.ListActiveUserIdsAsync(null, role, ct));
        }

        var result = new List<ResourceApproverCandidate>();
        foreach (var id in ids.Distinct())
        {
            if (await FindAsync(id, ct) is { } candidate)
            {
                result.Add(candidate);
            }
        }

        return [.. result.OrderBy(c => c.Name, StringComparer.Ordinal).Take(MaxCandidates)];
    }

    /// <summary>The user when they may approve, else null.</summary>
    public async Task<ResourceApproverCandidate?> FindAsync(Guid userId, CancellationToken ct)
    {
        var user = await directory.FindUserAsync(userId, ct);
        if (user is not { IsActive: true })
        {
            return null;
        }

        var roles = user.Roles.Where(r => ApproverRoles.Contains(r)).ToList();
        if (roles.Count == 0 || !await IsHeadOfficeAsync(user.UnitId, ct))
        {
            return null;
        }

        return new ResourceApproverCandidate(user.Id, user.DisplayName, user.Position, roles);
    }

    /// <summary>The user as a request shows an approver, or a 400 on <paramref name="field"/> when they may not approve.</summary>
    public async Task<Person> RequireAsync(Guid userId, string field, CancellationToken ct) =>
        await FindAsync(userId, ct) is { } candidate
            ? new Person(candidate.UserId, candidate.Name)
            : throw new ValidationFailedException(field, DomainText.Get("Approvals_NotACandidate"));

    private async Task<bool> IsHeadOfficeAsync(Guid unitId, CancellationToken ct)
    {
        if (!headOfficeUnits.TryGetValue(unitId, out var headOffice))
        {
            var unit = await directory.FindUnitAsync(unitId, ct);
            headOffice = unit is { Kind: OrgUnitKind.HeadOffice or OrgUnitKind.BusinessLine };
            headOfficeUnits[unitId] = headOffice;
        }

        return headOffice;
    }
}
