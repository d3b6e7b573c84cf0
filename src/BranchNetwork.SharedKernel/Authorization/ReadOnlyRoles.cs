namespace BranchNetwork.SharedKernel.Authorization;

/// <summary>
/// Roles that change nothing, anywhere (SPEC ORG-2: the Auditor reads access logs and audit trails, "nothing else
/// writable"). The mediator refuses every command to a user holding one of them, whatever the command declares,
/// except commands marked <see cref="OwnAccountOnlyAttribute"/>; an architecture test keeps them out of every
/// command's <see cref="AllowedRolesAttribute"/>. The name matches <c>BankRoles.Auditor</c> (a test checks it).
/// </summary>
public static class ReadOnlyRoles
{
    public const string Auditor = "Auditor";

    public static readonly IReadOnlyList<string> All = [Auditor];
}

/// <summary>
/// A command that touches only the caller's own account or inbox (marking their own notification read), never
/// bank data: a read-only role (<see cref="ReadOnlyRoles"/>) may send it. Use sparingly; each one is listed in ADR 0018.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
public sealed class OwnAccountOnlyAttribute : Attribute;
