using System.Net;
using BranchNetwork.Infrastructure.Text;
using BranchNetwork.Modules.Audit.Resources;
using BranchNetwork.Modules.Identity.Contracts;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace BranchNetwork.Modules.Audit.Features.ManagePolicies;

/// <summary>The field-by-field checks of a policy's rules, shared by create and update (400 problem details per field).</summary>
internal static class PolicyRulesValidation
{
    public const int ItemMaxLength = 256;

    public static void Add<T>(AbstractValidator<T> validator, IStringLocalizer<AuditText> text)
        where T : IPolicyInput
    {
        validator.RuleFor(c => c.Name).NotEmpty().WithMessage(text["PolicyNameRequired"])
            .MaximumLength(AccessPolicy.NameMaxLength).WithMessage(text["PolicyNameTooLong", AccessPolicy.NameMaxLength])
            .NoControlCharacters();
        validator.RuleFor(c => c.Kind).IsInEnum().WithMessage(text["PolicyKindUnknown"]);

        validator.RuleFor(c => c.PathPatterns).Must(l => l is null || l.Count <= AccessPolicy.MaxItems).WithMessage(text["PolicyTooManyItems", AccessPolicy.MaxItems]);
        validator.RuleForEach(c => c.PathPatterns).NoControlCharacters()
            .Must(p => PathPattern.IsValid(p) && p.Split('/').Count(s => s == "**") <= 2).WithMessage(text["PolicyPathPatternInvalid"]);
        validator.RuleFor(c => c.Roles).Must(l => l is null || l.Count <= AccessPolicy.MaxItems).WithMessage(text["PolicyTooManyItems", AccessPolicy.MaxItems]);
        validator.RuleForEach(c => c.Roles).NoControlCharacters().Must(r => r is not null && BankRoles.IsKnown(r)).WithMessage(text["PolicyRoleUnknown"]);
        validator.RuleFor(c => c.PathPatterns)
            .Must((c, patterns) => (patterns?.Count ?? 0) > 0 || (c.Roles?.Count ?? 0) > 0)
            .When(c => c.Kind is AccessPolicyKind.TimeWindow or AccessPolicyKind.NetworkZone)
            .WithMessage(text["PolicyScopeRequired"]);

        validator.RuleFor(c => c.From).NoControlCharacters().Must(t => PolicyMapping.ParseTime(t) is not null)
            .When(c => c.Kind == AccessPolicyKind.TimeWindow).WithMessage(text["PolicyTimeInvalid"]);
        validator.RuleFor(c => c.To).NoControlCharacters().Must(t => PolicyMapping.ParseTime(t) is not null)
            .When(c => c.Kind == AccessPolicyKind.TimeWindow).WithMessage(text["PolicyTimeInvalid"]);
        validator.RuleFor(c => c.To).Must((c, to) => PolicyMapping.ParseTime(c.From) != PolicyMapping.ParseTime(to))
            .When(c => c.Kind == AccessPolicyKind.TimeWindow && PolicyMapping.ParseTime(c.From) is not null).WithMessage(text["PolicyWindowEmpty"]);

        validator.RuleFor(c => c.AllowedNetworks).Must(l => l is { Count: > 0 }).When(c => c.Kind == AccessPolicyKind.NetworkZone).WithMessage(text["PolicyNetworksRequired"]);
        validator.RuleFor(c => c.AllowedNetworks).Must(l => l is null || l.Count <= AccessPolicy.MaxItems).WithMessage(text["PolicyTooManyItems", AccessPolicy.MaxItems]);
        validator.RuleForEach(c => c.AllowedNetworks).NoControlCharacters()
            .Must(n => n is { Length: <= ItemMaxLength } && n.Contains('/', StringComparison.Ordinal) && IPNetwork.TryParse(n.Trim(), out _)).WithMessage(text["PolicyCidrInvalid"]);

        validator.RuleFor(c => c.FileExtensions).Must(l => l is null || l.Count <= AccessPolicy.MaxItems).WithMessage(text["PolicyTooManyItems", AccessPolicy.MaxItems]);
        validator.RuleForEach(c => c.FileExtensions).NoControlCharacters().Must(e => e is not null && IsExtension(e.Trim())).WithMessage(text["PolicyExtensionInvalid"]);
        validator.RuleFor(c => c.MaxUploadBytes).GreaterThan(0).When(c => c.MaxUploadBytes is not null).WithMessage(text["PolicyMaxBytesInvalid"]);
        validator.RuleFor(c => c.LinkDomains).Must(l => l is null || l.Count <= AccessPolicy.MaxItems).WithMessage(text["PolicyTooManyItems", AccessPolicy.MaxItems]);
        validator.RuleForEach(c => c.LinkDomains).NoControlCharacters().Must(d => d is { Length: <= ItemMaxLength } && IsDomain(d.Trim())).WithMessage(text["PolicyDomainInvalid"]);
        validator.RuleFor(c => c.FileExtensions)
            .Must((c, extensions) => (extensions?.Count ?? 0) > 0 || c.MaxUploadBytes is not null || (c.LinkDomains?.Count ?? 0) > 0)
            .When(c => c.Kind == AccessPolicyKind.Content)
            .WithMessage(text["PolicyContentRequired"]);
    }

    // Plain checks rather than generated regexes: the generator's types would land in a namespace shared by every module.
    private static bool IsExtension(string value)
    {
        var bare = value.StartsWith('.') ? value[1..] : value;
        return bare.Length is >= 1 and <= 10 && bare.All(char.IsAsciiLetterOrDigit);
    }

    private static bool IsDomain(string value)
    {
        var name = value.StartsWith("*.", StringComparison.Ordinal) ? value[2..] : value;
        var labels = name.Split('.');
        return labels.Length >= 2
            && labels.All(l => l.Length is >= 1 and <= 63 && l.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') && l[0] != '-' && l[^1] != '-')
            && labels[^1].Length >= 2 && labels[^1].All(char.IsAsciiLetter);
    }
}
