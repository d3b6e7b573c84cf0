using BranchNetwork.Modules.Audit.Contracts;
using BranchNetwork.Modules.Audit.Features.Shared;
using Microsoft.Extensions.Options;

namespace BranchNetwork.Modules.Audit.Features.EnforcePolicies;

/// <summary>
/// The content policies (AU-5) for the modules that take content: Files asks before it stores an upload; a posts
/// module (none exists yet) would ask for the link domains. Off with enforcement (break-glass), like the gate.
/// </summary>
internal sealed class ContentPolicies(AccessPolicyCache cache, IOptionsMonitor<AccessPolicyOptions> options) : IContentPolicies
{
    public async ValueTask<UploadContentRules> ForUploadAsync(IReadOnlyCollection<string> roles, CancellationToken cancellationToken)
    {
        HashSet<string>? extensions = null;
        long? maxBytes = null;
        string? name = null;
        foreach (var policy in await InScopeAsync(roles, cancellationToken))
        {
            if (policy.Rules.FileExtensions.Count > 0)
            {
                extensions = extensions is null
                    ? new HashSet<string>(policy.Rules.FileExtensions, StringComparer.OrdinalIgnoreCase)
                    : [.. extensions.Intersect(policy.Rules.FileExtensions, StringComparer.OrdinalIgnoreCase)];
                name ??= policy.Name;
            }

            if (policy.Rules.MaxUploadBytes is { } max && (maxBytes is null || max < maxBytes))
            {
                maxBytes = max;
                name ??= policy.Name;
            }
        }

        return new UploadContentRules(extensions, maxBytes, name);
    }

    public async ValueTask<IReadOnlyList<string>> AllowedLinkDomainsAsync(IReadOnlyCollection<string> roles, CancellationToken cancellationToken) =>
        [.. (await InScopeAsync(roles, cancellationToken)).SelectMany(p => p.Rules.LinkDomains).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal)];

    private async ValueTask<IEnumerable<CompiledPolicy>> InScopeAsync(IReadOnlyCollection<string> roles, CancellationToken cancellationToken)
    {
        if (!options.CurrentValue.Enforce)
        {
            return [];
        }

        var policies = await cache.GetAsync(cancellationToken);
        // Content policies gate no path: only their roles scope them.
        return policies.Where(p => p.Enabled && p.Kind == AccessPolicyKind.Content && (p.Rules.Roles.Count == 0 || roles.Any(p.Rules.Roles.Contains)));
    }
}
