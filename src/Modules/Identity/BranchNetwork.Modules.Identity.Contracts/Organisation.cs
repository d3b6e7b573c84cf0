namespace BranchNetwork.Modules.Identity.Contracts;

/// <summary>Kinds of unit in the organisation tree (ORG-1).</summary>
public enum OrgUnitKind
{
    /// <summary>分行</summary>
    HeadOffice = 0,

    /// <summary>条线 / 部门 at head office</summary>
    BusinessLine = 1,

    /// <summary>支行</summary>
    SubBranch = 2,

    /// <summary>A team inside a sub-branch.</summary>
    Team = 3,
}

public sealed record OrgUnitInfo(Guid Id, string Code, string Name, OrgUnitKind Kind, Guid? ParentId, bool IsRetired);

public sealed record BankUserInfo(Guid Id, string UserName, string DisplayName, Guid UnitId, string? Position, bool IsActive, IReadOnlyList<string> Roles);

/// <summary>An active user counted in <paramref name="InUnitId"/> (a requested unit at or above the user's own <paramref name="UnitId"/>).</summary>
public sealed record UnitMemberInfo(Guid InUnitId, Guid UserId, string UserName, string DisplayName, Guid UnitId, string? Position);

/// <summary>Read-only access to the organisation tree and users for other modules.</summary>
public interface IOrganisationDirectory
{
    Task<OrgUnitInfo?> FindUnitAsync(Guid unitId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<OrgUnitInfo>> ListSubBranchesAsync(CancellationToken cancellationToken = default);

    /// <summary>Head office's business lines (条线) that are not retired, by code.</summary>
    Task<IReadOnlyList<OrgUnitInfo>> ListBusinessLinesAsync(CancellationToken cancellationToken = default);

    /// <summary>The unit and every unit below it.</summary>
    Task<IReadOnlyList<Guid>> GetUnitAndDescendantsAsync(Guid unitId, CancellationToken cancellationToken = default);

    Task<BankUserInfo?> FindUserAsync(Guid userId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The display names (分行督导, 支行01行长) of these users, disabled ones included: pages and exports name people as
    /// people read them, not by their sign-in names. Ids without a user are absent.
    /// </summary>
    Task<IReadOnlyDictionary<Guid, string>> GetDisplayNamesAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken = default);

    /// <summary>
    /// Ids of active users in an audience: within <paramref name="unitId"/> and every unit below it (all units when null),
    /// holding <paramref name="role"/> (any role when null).
    /// </summary>
    Task<IReadOnlyList<Guid>> ListActiveUserIdsAsync(Guid? unitId, string? role, CancellationToken cancellationToken = default);

    /// <summary>
    /// For a fan-out in one query: per unit of <paramref name="unitIds"/>, the ids of active users within it (and every
    /// unit below it) holding <paramref name="role"/> (any role when null). Every requested unit is a key, perhaps with no users.
    /// </summary>
    Task<IReadOnlyDictionary<Guid, IReadOnlyList<Guid>>> ListActiveUserIdsByUnitAsync(IReadOnlyCollection<Guid> unitIds, string? role, CancellationToken cancellationToken = default);

    /// <summary>
    /// In one query whatever the number of units: the active users within each of <paramref name="unitIds"/> (and the units
    /// below it) with their names, own unit and position — e.g. everyone expected to write a daily log in a sub-branch.
    /// </summary>
    Task<IReadOnlyList<UnitMemberInfo>> ListActiveMembersAsync(IReadOnlyCollection<Guid> unitIds, CancellationToken cancellationToken = default);
}

/// <summary>
/// Organisational scope (ORG-3) of the current user, for every module's handlers:
/// head office acts for every sub-branch; anyone else only for the sub-branch they belong to.
/// </summary>
public interface IOrgScope
{
    /// <summary>True when the user's unit is the head office or one of its business lines.</summary>
    Task<bool> IsHeadOfficeAsync(CancellationToken cancellationToken = default);

    /// <summary>The sub-branch the user belongs to (their unit or the nearest sub-branch above it), if any.</summary>
    Task<Guid?> GetOwnSubBranchIdAsync(CancellationToken cancellationToken = default);

    Task<bool> CanActForSubBranchAsync(Guid subBranchId, CancellationToken cancellationToken = default);

    /// <summary>Throws a 403 <c>ForbiddenException</c> unless <see cref="CanActForSubBranchAsync"/>.</summary>
    Task EnsureCanActForSubBranchAsync(Guid subBranchId, CancellationToken cancellationToken = default);
}
