using System.Globalization;
using BranchNetwork.Modules.Audit.Features.Shared;
using BranchNetwork.Modules.Audit.Resources;
using BranchNetwork.Modules.Identity.Contracts;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace BranchNetwork.Modules.Audit.Features.ManagePolicies;

/// <summary>A policy as the SecurityAdmin's API and page show it. Times are China time, HH:mm.</summary>
internal sealed record AccessPolicyDto(
    Guid Id,
    string Name,
    bool Enabled,
    AccessPolicyKind Kind,
    IReadOnlyList<string> PathPatterns,
    IReadOnlyList<string> Roles,
    bool WorkingDaysOnly,
    string? From,
    string? To,
    IReadOnlyList<string> AllowedNetworks,
    IReadOnlyList<string> FileExtensions,
    long? MaxUploadBytes,
    IReadOnlyList<string> LinkDomains,
    long Version,
    DateTime UpdatedAtUtc);

/// <summary>The rules of a create or an update, as typed: lists of strings, times as HH:mm (validated by <see cref="PolicyRulesValidation"/>).</summary>
internal interface IPolicyInput
{
    string? Name { get; }

    AccessPolicyKind Kind { get; }

    IReadOnlyList<string>? PathPatterns { get; }

    IReadOnlyList<string>? Roles { get; }

    bool WorkingDaysOnly { get; }

    string? From { get; }

    string? To { get; }

    IReadOnlyList<string>? AllowedNetworks { get; }

    IReadOnlyList<string>? FileExtensions { get; }

    long? MaxUploadBytes { get; }

    IReadOnlyList<string>? LinkDomains { get; }
}

[AllowedRoles(BankRoles.SecurityAdmin)]
[BoundedList("A bank's access policies are a handful set by its SecurityAdmins; creating more than AccessPolicy.MaxCount is refused.")]
internal sealed record ListPoliciesQuery : IQuery<IReadOnlyList<AccessPolicyDto>>;

[AllowedRoles(BankRoles.SecurityAdmin)]
internal sealed record GetPolicyQuery(Guid Id) : IQuery<AccessPolicyDto>;

[AllowedRoles(BankRoles.SecurityAdmin)]
internal sealed record CreatePolicyCommand(
    string? Name,
    AccessPolicyKind Kind,
    IReadOnlyList<string>? PathPatterns,
    IReadOnlyList<string>? Roles,
    bool WorkingDaysOnly,
    string? From,
    string? To,
    IReadOnlyList<string>? AllowedNetworks,
    IReadOnlyList<string>? FileExtensions,
    long? MaxUploadBytes,
    IReadOnlyList<string>? LinkDomains,
    bool Enabled) : ICommand<AccessPolicyDto>, IPolicyInput;

[AllowedRoles(BankRoles.SecurityAdmin)]
internal sealed record UpdatePolicyCommand(
    Guid Id,
    string? Name,
    AccessPolicyKind Kind,
    IReadOnlyList<string>? PathPatterns,
    IReadOnlyList<string>? Roles,
    bool WorkingDaysOnly,
    string? From,
    string? To,
    IReadOnlyList<string>? AllowedNetworks,
    IReadOnlyList<string>? FileExtensions,
    long? MaxUploadBytes,
    IReadOnlyList<string>? LinkDomains,
    long Version) : ICommand<AccessPolicyDto>, IPolicyInput;

[AllowedRoles(BankRoles.SecurityAdmin)]
internal sealed record SetPolicyEnabledCommand(Guid Id, bool Enabled) : ICommand<AccessPolicyDto>;

[AllowedRoles(BankRoles.SecurityAdmin)]
internal sealed record DeletePolicyCommand(Guid Id) : ICommand;

internal sealed class CreatePolicyValidator : AbstractValidator<CreatePolicyCommand>
{
    public CreatePolicyValidator(IStringLocalizer<AuditText> text) => PolicyRulesValidation.Add(this, text);
}

internal sealed class UpdatePolicyValidator : AbstractValidator<UpdatePolicyCommand>
{
    public UpdatePolicyValidator(IStringLocalizer<AuditText> text)
    {
        PolicyRulesValidation.Add(this, text);
        RuleFor(c => c.Version).GreaterThan(0).WithMessage(text["PolicyVersionRequired"]);
    }
}

internal sealed class PolicyQueriesHandler(AuditDbContext db, IStringLocalizer<AuditText> text)
    : IQueryHandler<ListPoliciesQuery, IReadOnlyList<AccessPolicyDto>>, IQueryHandler<GetPolicyQuery, AccessPolicyDto>
{
    public async ValueTask<IReadOnlyList<AccessPolicyDto>> Handle(ListPoliciesQuery query, CancellationToken cancellationToken) =>
        (await db.AccessPolicies.AsNoTracking().OrderBy(p => p.Name).ToListAsync(cancellationToken)).Select(PolicyMapping.ToDto).ToList();

    public async ValueTask<AccessPolicyDto> Handle(GetPolicyQuery query, CancellationToken cancellationToken) =>
        PolicyMapping.ToDto(await db.AccessPolicies.AsNoTracking().FirstOrDefaultAsync(p => p.Id == query.Id, cancellationToken)
            ?? throw new NotFoundException("audit.policy_not_found", text["PolicyNotFound"]));
}

/// <summary>
/// Create, change, enable, disable, delete (AU-5). Every change that could restrict (create, update, enable) passes the
/// lock-out guard first; every saved change drops this node's cached copy, so it applies to the next request. The audit
/// trail records the change from the context's SaveChanges like any other entity's.
/// </summary>
internal sealed class PolicyCommandsHandler(AuditDbContext db, AccessPolicyCache cache, LockOutGuard guard, IStringLocalizer<AuditText> text)
    : ICommandHandler<CreatePolicyCommand, AccessPolicyDto>,
        ICommandHandler<UpdatePolicyCommand, AccessPolicyDto>,
        ICommandHandler<SetPolicyEnabledCommand, AccessPolicyDto>,
        ICommandHandler<DeletePolicyCommand>
{
    public async ValueTask<AccessPolicyDto> Handle(CreatePolicyCommand command, CancellationToken cancellationToken)
    {
        var rules = PolicyMapping.RulesOf(command);
        await EnsureNameFreeAsync(rules.Name, null, cancellationToken);
        // Every request is checked against every policy: the set stays small by rule, not by a cut when read.
        if (await db.AccessPolicies.CountAsync(cancellationToken) >= AccessPolicy.MaxCount)
        {
            throw new ConflictException("audit.too_many_policies", text["TooManyPolicies", AccessPolicy.MaxCount]);
        }

        var policy = AccessPolicy.Create(rules, command.Enabled);
        if (policy.Enabled)
        {
            await guard.EnsureNoLockOutAsync(CompiledPolicy.From(policy), cancellationToken);
        }

        db.AccessPolicies.Add(policy);
        return await SaveAsync(policy, cancellationToken);
    }

    public async ValueTask<AccessPolicyDto> Handle(UpdatePolicyCommand command, CancellationToken cancellationToken)
    {
        var policy = await FindAsync(command.Id, cancellationToken);
        if (policy.Version != command.Version)
        {
            throw new ConflictException("concurrency_conflict", text["PolicyChangedMeanwhile"]);
        }

        var rules = PolicyMapping.RulesOf(command);
        await EnsureNameFreeAsync(rules.Name, policy.Id, cancellationToken);
        policy.Change(rules);
        if (policy.Enabled)
        {
            await guard.EnsureNoLockOutAsync(CompiledPolicy.From(policy), cancellationToken);
        }

        return await SaveAsync(policy, cancellationToken);
    }

    public async ValueTask<AccessPolicyDto> Handle(SetPolicyEnabledCommand command, CancellationToken cancellationToken)
    {
        var policy = await FindAsync(command.Id, cancellationToken);
        if (command.Enabled)
        {
            policy.Enable();
            await guard.EnsureNoLockOutAsync(CompiledPolicy.From(policy), cancellationToken);
        }
        else
        {
            policy.Disable();
        }

        return await SaveAsync(policy, cancellationToken);
    }

    public async ValueTask<Unit> Handle(DeletePolicyCommand command, CancellationToken cancellationToken)
    {
        var policy = await FindAsync(command.Id, cancellationToken);
        db.AccessPolicies.Remove(policy);
        await db.SaveChangesAsync(cancellationToken);
        cache.Invalidate();
        return Unit.Value;
    }

    private async Task<AccessPolicy> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await db.AccessPolicies.FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
            ?? throw new NotFoundException("audit.policy_not_found", text["PolicyNotFound"]);

    private async Task EnsureNameFreeAsync(string name, Guid? self, CancellationToken cancellationToken)
    {
        if (await db.AccessPolicies.AnyAsync(p => p.Name == name && p.Id != self, cancellationToken))
        {
            throw new ConflictException("audit.policy_name_taken", string.Format(CultureInfo.CurrentCulture, text["PolicyNameTaken"], name));
        }
    }

    private async Task<AccessPolicyDto> SaveAsync(AccessPolicy policy, CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        cache.Invalidate();
        return PolicyMapping.ToDto(policy);
    }
}

internal static class PolicyMapping
{
    public const string TimeFormat = "HH:mm";

    public static AccessPolicyRules RulesOf(IPolicyInput input) => new(
        input.Name?.Trim() ?? "",
        input.Kind,
        input.PathPatterns ?? [],
        input.Roles ?? [],
        input.WorkingDaysOnly,
        ParseTime(input.From),
        ParseTime(input.To),
        input.AllowedNetworks ?? [],
        input.FileExtensions ?? [],
        input.MaxUploadBytes,
        input.LinkDomains ?? []);

    public static TimeOnly? ParseTime(string? value) =>
        TimeOnly.TryParseExact(value?.Trim(), TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;

    public static AccessPolicyDto ToDto(AccessPolicy p)
    {
        var rules = p.Rules();
        return new(
            p.Id,
            p.Name,
            p.Enabled,
            p.Kind,
            rules.PathPatterns,
            rules.Roles,
            p.WorkingDaysOnly,
            p.FromLocal?.ToString(TimeFormat, CultureInfo.InvariantCulture),
            p.ToLocal?.ToString(TimeFormat, CultureInfo.InvariantCulture),
            rules.AllowedNetworks,
            rules.FileExtensions,
            p.MaxUploadBytes,
            rules.LinkDomains,
            p.Version,
            p.UpdatedAtUtc);
    }
}
