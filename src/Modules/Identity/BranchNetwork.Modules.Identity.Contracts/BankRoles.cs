namespace BranchNetwork.Modules.Identity.Contracts;

/// <summary>The roles of ORG-2. One user may hold several, within the separation-of-duties rule.</summary>
public static class BankRoles
{
    public const string SystemAdmin = nameof(SystemAdmin);
    public const string SecurityAdmin = nameof(SecurityAdmin);
    public const string TaskAdmin = nameof(TaskAdmin);
    public const string HeadOfficeSupervisor = nameof(HeadOfficeSupervisor);
    public const string SubBranchHead = nameof(SubBranchHead);
    public const string DepartmentManager = nameof(DepartmentManager);
    public const string AccountingSupervisor = nameof(AccountingSupervisor);
    public const string Staff = nameof(Staff);
    public const string Moderator = nameof(Moderator);
    public const string Auditor = nameof(Auditor);

    public static readonly IReadOnlyList<string> All =
    [
        SystemAdmin, SecurityAdmin, TaskAdmin, HeadOfficeSupervisor, SubBranchHead,
        DepartmentManager, AccountingSupervisor, Staff, Moderator, Auditor,
    ];

    /// <summary>三员分立: no account may hold more than one of these.</summary>
    public static readonly IReadOnlyList<string> MutuallyExclusive = [SystemAdmin, SecurityAdmin, Auditor];

    /// <summary>Roles whose holders must enrol TOTP two-factor before they can work (ORG-4).</summary>
    public static readonly IReadOnlyList<string> RequireTwoFactor = [SystemAdmin, SecurityAdmin, TaskAdmin, Auditor];

    public static bool IsKnown(string? role) => role is not null && All.Contains(role, StringComparer.Ordinal);
}
