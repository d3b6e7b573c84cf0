namespace BranchNetwork.SharedKernel.Authorization;

/// <summary>
/// Declares on a request (command or query) which roles may send it. The mediator's authorisation behaviour
/// checks it before the handler runs, for the API and the pages alike; org-scope checks stay in the handler.
/// Every request carries exactly one of <see cref="AllowedRolesAttribute"/>, <see cref="AnySignedInUserAttribute"/>
/// or <see cref="SystemRequestAttribute"/> (an architecture test enforces it).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
public sealed class AllowedRolesAttribute(params string[] roles) : Attribute
{
    public IReadOnlyList<string> Roles { get; } = roles;
}

/// <summary>Any signed-in user may send the request; the handler narrows it by organisational scope.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
public sealed class AnySignedInUserAttribute : Attribute;

/// <summary>Sent by the system itself (a job, an event handler, start-up), never on behalf of a user.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
public sealed class SystemRequestAttribute : Attribute;
