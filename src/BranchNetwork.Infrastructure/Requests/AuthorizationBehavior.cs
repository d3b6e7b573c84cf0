using System.Collections.Concurrent;
using BranchNetwork.SharedKernel;
using BranchNetwork.SharedKernel.Authorization;
using BranchNetwork.SharedKernel.Errors;
using Mediator;

namespace BranchNetwork.Infrastructure.Requests;

/// <summary>
/// Checks the role declaration of a request (<see cref="AllowedRolesAttribute"/>, <see cref="AnySignedInUserAttribute"/>,
/// <see cref="SystemRequestAttribute"/>) before anything else of the pipeline runs, for the API and the pages alike.
/// It is registered first, ahead of validation, so a caller who may not send a request learns nothing from
/// its validation messages. Org-scope checks stay in the handlers.
/// </summary>
public sealed class AuthorizationBehavior<TMessage, TResponse>(ICurrentUser currentUser) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        RequestAuthorization.Ensure(typeof(TMessage), currentUser);
        return next(message, cancellationToken);
    }
}

/// <summary>What a request type declares about who may send it, read once per type.</summary>
public static class RequestAuthorization
{
    public const string ReadOnlyRoleCode = "auth.read_only_role";

    private static readonly ConcurrentDictionary<Type, Declaration> Declarations = new();

    /// <summary>Throws the 403 of <see cref="ForbiddenException"/> unless <paramref name="user"/> may send <paramref name="requestType"/>.</summary>
    public static void Ensure(Type requestType, ICurrentUser user)
    {
        var declaration = Declarations.GetOrAdd(requestType, Read);
        if (declaration.RefusedToReadOnlyRoles && user.IsAuthenticated && ReadOnlyRoles.All.Any(user.IsInRole))
        {
            // An Auditor writes nothing, anywhere (ORG-2), whatever the command declares and whatever other role
            // the account holds: the check does not depend on every command's role list being right.
            throw new ForbiddenException(ReadOnlyRoleCode, "An auditor's account changes nothing.");
        }

        switch (declaration.Kind)
        {
            case DeclarationKind.System:
                // Jobs, event handlers and start-up send these with nobody signed in. A user's request that
                // reaches one is refused: a system request does what no user may ask for directly.
                if (user.IsAuthenticated)
                {
                    throw new ForbiddenException("auth.system_only", "This request is sent by the system only.");
                }

                return;
            case DeclarationKind.AnySignedIn:
                if (!user.IsAuthenticated)
                {
                    throw new ForbiddenException("auth.not_signed_in", "Sign-in required.");
                }

                return;
            case DeclarationKind.Roles:
                user.EnsureAnyRole([.. declaration.Roles]);
                return;
            default:
                // A request without a declaration is refused outright (the architecture test keeps them out of the build).
                throw new ForbiddenException("auth.undeclared", $"The request {requestType.Name} declares no roles.");
        }
    }

    /// <summary>
    /// Whether a signed-in user with these roles may send <paramref name="requestType"/>: the same rule as
    /// <see cref="Ensure"/>, for a page that shows an action only to those who can take it.
    /// </summary>
    public static bool Allows(Type requestType, Func<string, bool> isInRole)
    {
        var declaration = Declarations.GetOrAdd(requestType, Read);
        if (declaration.RefusedToReadOnlyRoles && ReadOnlyRoles.All.Any(isInRole))
        {
            return false;
        }

        return declaration.Kind switch
        {
            DeclarationKind.AnySignedIn => true,
            DeclarationKind.Roles => declaration.Roles.Any(isInRole),
            _ => false,
        };
    }

    /// <summary>The declaration of a request type, or a description of what is wrong with it (none, or several).</summary>
    public static Declaration Read(Type requestType)
    {
        var roles = (AllowedRolesAttribute?)Attribute.GetCustomAttribute(requestType, typeof(AllowedRolesAttribute), inherit: false);
        var anyUser = Attribute.IsDefined(requestType, typeof(AnySignedInUserAttribute), inherit: false);
        var system = Attribute.IsDefined(requestType, typeof(SystemRequestAttribute), inherit: false);
        var count = (roles is null ? 0 : 1) + (anyUser ? 1 : 0) + (system ? 1 : 0);
        var refusedToReadOnly = IsCommand(requestType) && !Attribute.IsDefined(requestType, typeof(OwnAccountOnlyAttribute), inherit: false);
        if (count != 1)
        {
            return new Declaration(count == 0 ? DeclarationKind.None : DeclarationKind.Several, [], refusedToReadOnly);
        }

        if (roles is not null)
        {
            // An empty role list would let nobody in; treat it as no declaration so the test and the check both catch it.
            return roles.Roles.Count == 0 ? new Declaration(DeclarationKind.None, [], refusedToReadOnly) : new Declaration(DeclarationKind.Roles, roles.Roles, refusedToReadOnly);
        }

        return new Declaration(anyUser ? DeclarationKind.AnySignedIn : DeclarationKind.System, [], refusedToReadOnly);
    }

    /// <summary>
    /// Whether the request changes something: Mediator's commands and plain requests. Queries (<c>IQuery</c>) read.
    /// Every write of a module is a command (<c>ICommand</c>); an architecture test keeps plain requests out.
    /// </summary>
    public static bool IsCommand(Type requestType) =>
        requestType.GetInterfaces().Any(i => i.Namespace == "Mediator" && i.Name is "IBaseCommand" or "IBaseRequest" or "IStreamCommand`1" or "IStreamRequest`1");

    /// <param name="RefusedToReadOnlyRoles">A command a read-only role (the Auditor) may not send (<see cref="ReadOnlyRoles"/>).</param>
    public sealed record Declaration(DeclarationKind Kind, IReadOnlyList<string> Roles, bool RefusedToReadOnlyRoles = false)
    {
        public bool IsValid => Kind is DeclarationKind.Roles or DeclarationKind.AnySignedIn or DeclarationKind.System;
    }

    public enum DeclarationKind
    {
        None,
        Several,
        Roles,
        AnySignedIn,
        System,
    }
}
