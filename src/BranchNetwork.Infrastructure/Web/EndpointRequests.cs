using System.Collections.Concurrent;
using System.Reflection;
using BranchNetwork.Infrastructure.Requests;
using BranchNetwork.SharedKernel;
using BranchNetwork.SharedKernel.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Infrastructure.Web;

/// <summary>
/// The mediator request an API endpoint sends, as endpoint metadata: from it the endpoint gets the request's role
/// rule as an authorisation requirement (so the authorisation middleware answers 401/403 before the body is read or
/// bound, ADR 0018) and the request's body limit (<see cref="RequestBodyLimitAttribute"/>).
/// </summary>
public sealed class EndpointRequestMetadata(Type requestType)
{
    public Type RequestType { get; } = requestType;
}

/// <summary>The body limit of an endpoint (ASP.NET Core's own metadata interface, read by <see cref="RequestBodyLimitMiddleware"/>).</summary>
public sealed class BodySizeLimitMetadata(long? maxBytes) : IRequestSizeLimitMetadata
{
    public long? MaxRequestBodySize { get; } = maxBytes;
}

public static class EndpointRequests
{
    private static readonly ConcurrentDictionary<(Assembly, string), Type[]> RequestsByNamespace = new();

    /// <summary>
    /// Names the request an endpoint sends when the convention cannot find it by itself (its feature folder has
    /// several requests and none is named after the endpoint).
    /// </summary>
    public static TBuilder RequireRolesOf<TRequest, TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(b => b.Metadata.Add(new EndpointRequestMetadata(typeof(TRequest))));
        return builder;
    }

    /// <inheritdoc cref="RequireRolesOf{TRequest, TBuilder}(TBuilder)"/>
    public static RouteHandlerBuilder RequireRolesOf<TRequest>(this RouteHandlerBuilder builder) => builder.RequireRolesOf<TRequest, RouteHandlerBuilder>();

    /// <summary>
    /// Applies the convention to every endpoint mapped under <paramref name="group"/> (the host maps every module
    /// under one such group, so no module and no endpoint has to remember it).
    /// </summary>
    public static RouteGroupBuilder WithRequestConventions(this RouteGroupBuilder group)
    {
        ((IEndpointConventionBuilder)group).Finally(Apply);
        return group;
    }

    /// <summary>
    /// For an endpoint under <c>/api</c>: finds the request it sends (named explicitly, or the one request of the
    /// handler's feature namespace, or the one named after the endpoint), and adds its role requirement and body limit.
    /// </summary>
    public static void Apply(EndpointBuilder endpoint)
    {
        if (endpoint is not RouteEndpointBuilder route || route.RoutePattern.RawText?.TrimStart('/').StartsWith("api/", StringComparison.Ordinal) != true)
        {
            return;
        }

        var requestType = endpoint.Metadata.OfType<EndpointRequestMetadata>().LastOrDefault()?.RequestType ?? Find(endpoint);
        if (requestType is null)
        {
            return;
        }

        if (!endpoint.Metadata.OfType<EndpointRequestMetadata>().Any())
        {
            endpoint.Metadata.Add(new EndpointRequestMetadata(requestType));
        }

        if (Policy(requestType) is { } policy)
        {
            endpoint.Metadata.Add(policy);
        }

        if (requestType.GetCustomAttribute<RequestBodyLimitAttribute>() is { } limit && !endpoint.Metadata.OfType<IRequestSizeLimitMetadata>().Any())
        {
            endpoint.Metadata.Add(new BodySizeLimitMetadata(limit.MaxBytes));
        }
    }

    /// <summary>The endpoint-level policy equivalent to the request's declaration, or null when it adds nothing to sign-in.</summary>
    public static AuthorizationPolicy? Policy(Type requestType)
    {
        var declaration = RequestAuthorization.Read(requestType);
        var policy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser();
        if (declaration.Kind == RequestAuthorization.DeclarationKind.Roles)
        {
            policy.RequireRole(declaration.Roles);
        }
        else if (declaration.Kind != RequestAuthorization.DeclarationKind.AnySignedIn)
        {
            // A system request, or none: no user may send it (the mediator refuses it too).
            policy.RequireAssertion(_ => false);
        }

        if (declaration.RefusedToReadOnlyRoles)
        {
            policy.AddRequirements(new ReadOnlyRoleRequirement());
        }

        return policy.Build();
    }

    private static Type? Find(EndpointBuilder endpoint)
    {
        var method = endpoint.Metadata.OfType<MethodInfo>().FirstOrDefault();
        var owner = method?.DeclaringType;
        while (owner?.DeclaringType is not null)
        {
            owner = owner.DeclaringType;
        }

        if (owner?.Namespace is not { } ns)
        {
            return null;
        }

        var candidates = RequestsByNamespace.GetOrAdd((owner.Assembly, ns), key => key.Item1.GetTypes()
            .Where(t => t.Namespace == key.Item2 && t is { IsClass: true, IsAbstract: false } && t.GetInterfaces().Any(i => i.Namespace == "Mediator" && i.Name == "IMessage")
                && !t.GetInterfaces().Any(i => i.Namespace == "Mediator" && i.Name == "INotification"))
            .ToArray());
        if (candidates.Length == 1)
        {
            return candidates[0];
        }

        var name = endpoint.Metadata.OfType<IEndpointNameMetadata>().LastOrDefault()?.EndpointName;
        var named = name is null ? [] : candidates.Where(t => t.Name.StartsWith(name, StringComparison.Ordinal)).ToArray();
        return named.Length == 1 ? named[0] : null;
    }
}

/// <summary>Refuses a command to a read-only role (the Auditor) at the endpoint, as the mediator does (<see cref="ReadOnlyRoles"/>).</summary>
public sealed class ReadOnlyRoleRequirement : AuthorizationHandler<ReadOnlyRoleRequirement>, IAuthorizationRequirement
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ReadOnlyRoleRequirement requirement)
    {
        if (!ReadOnlyRoles.All.Any(context.User.IsInRole))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
