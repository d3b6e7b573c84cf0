using System.Globalization;
using System.Net;

namespace BranchNetwork.Modules.Audit.Domain;

/// <summary>What an access policy restricts (AU-5).</summary>
internal enum AccessPolicyKind
{
    /// <summary>Requests in scope are allowed only inside a daily window of China time (optionally working days only).</summary>
    TimeWindow = 0,

    /// <summary>Requests in scope are allowed only from the listed address ranges (IPv4 and IPv6).</summary>
    NetworkZone = 1,

    /// <summary>Not a gate on requests: what may be uploaded (types, size) and which link domains posts may carry.</summary>
    Content = 2,
}

/// <summary>
/// An access policy set by the SecurityAdmin (AU-5). Its scope is the requests it applies to — path patterns
/// (<c>*</c> one segment, <c>**</c> any number) and roles (a user holding any of them; none = everyone) — and its
/// kind says what it demands of them. The policy owns its rules: the checks below are the only interpretation of
/// the stored fields, used by the enforcement middleware, the lock-out guard and the content hook alike.
/// </summary>
internal sealed class AccessPolicy : Entity
{
    public const int NameMaxLength = 100;

    /// <summary>How many policies a bank may keep: each request is checked against all of them.</summary>
    public const int MaxCount = 200;
    public const int ListMaxLength = 4000;
    public const int MaxItems = 50;

    private AccessPolicy()
    {
    }

    public string Name { get; private set; } = "";

    public bool Enabled { get; private set; }

    public AccessPolicyKind Kind { get; private set; }

    /// <summary>Path patterns, one per line.</summary>
    public string PathPatterns { get; private set; } = "";

    /// <summary>Role names, one per line; empty = everyone (also the anonymous).</summary>
    public string Roles { get; private set; } = "";

    public bool WorkingDaysOnly { get; private set; }

    public TimeOnly? FromLocal { get; private set; }

    public TimeOnly? ToLocal { get; private set; }

    /// <summary>CIDR ranges, one per line.</summary>
    public string AllowedNetworks { get; private set; } = "";

    /// <summary>Upload extensions without the dot, lower case, one per line; empty = no restriction by type.</summary>
    public string FileExtensions { get; private set; } = "";

    public long? MaxUploadBytes { get; private set; }

    /// <summary>Domains links in posts may point to, one per line.</summary>
    public string LinkDomains { get; private set; } = "";

    public static AccessPolicy Create(AccessPolicyRules rules, bool enabled)
    {
        var policy = new AccessPolicy { Enabled = enabled };
        policy.Change(rules);
        return policy;
    }

    public void Change(AccessPolicyRules rules)
    {
        Name = rules.Name.Trim();
        Kind = rules.Kind;
        PathPatterns = Join(rules.PathPatterns);
        Roles = Join(rules.Roles);
        WorkingDaysOnly = rules.Kind == AccessPolicyKind.TimeWindow && rules.WorkingDaysOnly;
        FromLocal = rules.Kind == AccessPolicyKind.TimeWindow ? rules.From : null;
        ToLocal = rules.Kind == AccessPolicyKind.TimeWindow ? rules.To : null;
        AllowedNetworks = rules.Kind == AccessPolicyKind.NetworkZone ? Join(rules.AllowedNetworks) : "";
        FileExtensions = rules.Kind == AccessPolicyKind.Content ? Join(rules.FileExtensions.Select(e => e.Trim().TrimStart('.').ToLowerInvariant())) : "";
        MaxUploadBytes = rules.Kind == AccessPolicyKind.Content ? rules.MaxUploadBytes : null;
        LinkDomains = rules.Kind == AccessPolicyKind.Content ? Join(rules.LinkDomains.Select(d => d.Trim().ToLowerInvariant())) : "";
    }

    public void Enable() => Enabled = true;

    public void Disable() => Enabled = false;

    public AccessPolicyRules Rules() => new(
        Name, Kind, Split(PathPatterns), Split(Roles), WorkingDaysOnly, FromLocal, ToLocal, Split(AllowedNetworks), Split(FileExtensions), MaxUploadBytes, Split(LinkDomains));

    private static string Join(IEnumerable<string> items) =>
        string.Join('\n', items.Select(i => i.Trim()).Where(i => i.Length > 0).Distinct(StringComparer.Ordinal));

    internal static IReadOnlyList<string> Split(string joined) =>
        joined.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>A policy's rules as one value: what the API takes and what the cache compiles.</summary>
internal sealed record AccessPolicyRules(
    string Name,
    AccessPolicyKind Kind,
    IReadOnlyList<string> PathPatterns,
    IReadOnlyList<string> Roles,
    bool WorkingDaysOnly,
    TimeOnly? From,
    TimeOnly? To,
    IReadOnlyList<string> AllowedNetworks,
    IReadOnlyList<string> FileExtensions,
    long? MaxUploadBytes,
    IReadOnlyList<string> LinkDomains);

/// <summary>
/// A policy ready for every request: patterns split into segments, networks parsed. Built from the stored rules by
/// the cache; the same type decides for the middleware and for the lock-out guard, so they cannot disagree.
/// </summary>
internal sealed class CompiledPolicy
{
    private readonly string[][] patterns;
    private readonly HashSet<string> roles;
    private readonly IPNetwork[] networks;

    public CompiledPolicy(Guid id, string name, bool enabled, AccessPolicyRules rules)
    {
        Id = id;
        Name = name;
        Enabled = enabled;
        Rules = rules;
        patterns = [.. rules.PathPatterns.Select(PathPattern.Segments)];
        roles = new HashSet<string>(rules.Roles, StringComparer.Ordinal);
        networks = [.. rules.AllowedNetworks.Select(n => IPNetwork.TryParse(n, out var parsed) ? (IPNetwork?)parsed : null).OfType<IPNetwork>()];
    }

    public Guid Id { get; }

    public string Name { get; }

    public bool Enabled { get; }

    public AccessPolicyRules Rules { get; }

    public AccessPolicyKind Kind => Rules.Kind;

    /// <summary>The refusal code the 403 and the access log carry.</summary>
    public string Code => Kind == AccessPolicyKind.TimeWindow ? "policy.time_window" : "policy.network_zone";

    public static CompiledPolicy From(AccessPolicy policy) => new(policy.Id, policy.Name, policy.Enabled, policy.Rules());

    /// <summary>The first enabled gating policy in scope that refuses the request, or null: the enforcement and the lock-out guard both decide through it.</summary>
    public static CompiledPolicy? FirstRefusing(IEnumerable<CompiledPolicy> policies, string path, IReadOnlyCollection<string> roles, DateTime utcNow, BankCalendar calendar, IPAddress? address) =>
        policies.FirstOrDefault(p => p.Enabled && p.Kind != AccessPolicyKind.Content && p.AppliesTo(path, roles) && !p.Allows(utcNow, calendar, address));

    /// <summary>Whether a request to <paramref name="path"/> by a holder of <paramref name="userRoles"/> is in scope (no pattern = every path).</summary>
    public bool AppliesTo(string path, IReadOnlyCollection<string> userRoles) =>
        (roles.Count == 0 || userRoles.Any(roles.Contains))
        && (patterns.Length == 0 || patterns.Any(p => PathPattern.Matches(p, path)));

    /// <summary>Whether a request in scope at <paramref name="utcNow"/> from <paramref name="address"/> passes (content policies gate no request).</summary>
    public bool Allows(DateTime utcNow, BankCalendar calendar, IPAddress? address) => Kind switch
    {
        AccessPolicyKind.TimeWindow => InWindow(ChinaTime.FromUtc(utcNow), calendar),
        AccessPolicyKind.NetworkZone => InZone(address),
        _ => true,
    };

    private bool InWindow(DateTime local, BankCalendar calendar)
    {
        if (Rules.WorkingDaysOnly && !calendar.IsWorkingDay(DateOnly.FromDateTime(local)))
        {
            return false;
        }

        if (Rules.From is not { } from || Rules.To is not { } to)
        {
            return true;
        }

        var time = TimeOnly.FromDateTime(local);
        // A window that ends before it starts runs overnight (e.g. 22:00–06:00).
        return from <= to ? time >= from && time < to : time >= from || time < to;
    }

    private bool InZone(IPAddress? address)
    {
        if (address is null)
        {
            return false;
        }

        var plain = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return networks.Any(n => n.Contains(plain));
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Name} ({Kind})");
}

/// <summary>Path patterns: segments separated by '/', <c>*</c> matches one segment, <c>**</c> any number (also none); otherwise case-insensitive literals.</summary>
internal static class PathPattern
{
    public const int MaxLength = 256;

    public static string[] Segments(string pattern) => pattern.Trim().Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Starts with '/', no empty segments, a segment is <c>*</c>, <c>**</c> or has no '*', and no query or fragment.</summary>
    public static bool IsValid(string? pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern) || pattern.Length > MaxLength || !pattern.StartsWith('/') || pattern.IndexOfAny(['?', '#', '\\', ' ']) >= 0)
        {
            return false;
        }

        if (pattern == "/")
        {
            return true;
        }

        var segments = pattern[1..].TrimEnd('/').Split('/');
        return segments.All(s => s.Length > 0 && (s is "*" or "**" || !s.Contains('*', StringComparison.Ordinal)) && s is not "." and not "..");
    }

    public static bool Matches(string[] pattern, string path) =>
        Matches(pattern, 0, path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries), 0);

    private static bool Matches(string[] pattern, int p, string[] path, int s)
    {
        while (p < pattern.Length)
        {
            if (pattern[p] == "**")
            {
                for (var rest = s; rest <= path.Length; rest++)
                {
                    if (Matches(pattern, p + 1, path, rest))
                    {
                        return true;
                    }
                }

                return false;
            }

            if (s >= path.Length || (pattern[p] != "*" && !string.Equals(pattern[p], path[s], StringComparison.OrdinalIgnoreCase)))
            {
                return false;
            }

            p++;
            s++;
        }

        return s == path.Length;
    }
}
