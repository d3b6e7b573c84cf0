using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Resources.Features.Shared;
using BranchNetwork.SharedKernel.Authorization;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Resources.Features.ConfigureRoute;

/// <summary>One step as SystemAdmin writes it; <see cref="DueWorkingDays"/> defaults to 2 working days.</summary>
internal sealed record ResourceRouteStepInput(string Name, StepMode Mode, IReadOnlyList<Guid>? ApproverIds, string? ApproverRole, IReadOnlyList<Guid>? CcIds, int? DueWorkingDays);

/// <summary>
/// RR-2 审批流程: SystemAdmin replaces the route of a kind (people, money, material; another kind is 404): ordered steps,
/// each with approvers (head-office users who may approve and/or a head-office role), mode, CC and time limit; for money
/// the leader's threshold (default ¥50,000) and leaders. Every problem is a 400 by field (a step without approvers, a
/// person who may not approve, an unknown CC). Requests under way keep the route they were submitted with.
/// </summary>
[AllowedRoles(BankRoles.SystemAdmin)]
internal sealed record ConfigureRouteCommand(string Kind, IReadOnlyList<ResourceRouteStepInput> Steps, decimal? LeaderThreshold, IReadOnlyList<Guid>? LeaderApproverIds)
    : ICommand<ResourceRouteView>;

internal sealed class ConfigureRouteValidator : AbstractValidator<ConfigureRouteCommand>
{
    public ConfigureRouteValidator()
    {
        RuleFor(c => c.Kind).NotEmpty().MaximumLength(20);
        RuleFor(c => c.Steps).NotNull().Must(s => s is { Count: > 0 }).WithMessage(_ => DomainText.Get("RouteNeedsSteps"))
            .Must(s => s is null || s.Count <= ApprovalRoute.MaxSteps).WithMessage(_ => DomainText.Format("RouteTooManySteps", ApprovalRoute.MaxSteps));
        RuleForEach(c => c.Steps).NotNull().ChildRules(step =>
        {
            step.RuleFor(s => s.Name).NotEmpty().MaximumLength(RouteStepDefinition.NameMaxLength)
                .WithMessage(_ => DomainText.Format("StepNameInvalid", RouteStepDefinition.NameMaxLength));
            step.RuleFor(s => s.Name).Must(n => ApprovalRules.IsFreeText(n) && n?.IndexOfAny(['\n', '\r', '\t']) is null or -1)
                .WithMessage(_ => DomainText.Get("Approvals_NoControlCharacters"));
            step.RuleFor(s => s.Mode).IsInEnum();
            step.RuleFor(s => s.ApproverIds).Must(ids => ids is null || (ids.Count <= ApprovalRoute.MaxApproversPerStep && ids.Distinct().Count() == ids.Count && !ids.Contains(Guid.Empty)))
                .WithMessage(_ => DomainText.Format("StepApproversInvalid", ApprovalRoute.MaxApproversPerStep));
            step.RuleFor(s => s.ApproverRole).Must(r => r is null || ApproverCandidates.ApproverRoles.Contains(r))
                .WithMessage(_ => DomainText.Get("Approvals_RoleInvalid"));
            step.RuleFor(s => s.CcIds).Must(ids => ids is null || (ids.Count <= ApprovalRoute.MaxCc && !ids.Contains(Guid.Empty)))
                .WithMessage(_ => DomainText.Format("StepCcTooMany", ApprovalRoute.MaxCc));
            step.RuleFor(s => s.DueWorkingDays).InclusiveBetween(1, ApprovalRoute.MaxDueWorkingDays)
                .WithMessage(_ => DomainText.Format("StepDueInvalid", ApprovalRoute.MaxDueWorkingDays));
        });
        RuleFor(c => c.LeaderThreshold).GreaterThan(0m).LessThanOrEqualTo(ApprovalRoute.MaxAmount)
            .Must(t => t is null || decimal.Round(t.Value, 2) == t.Value).WithMessage(_ => DomainText.Get("LeaderThresholdInvalid"));
        RuleFor(c => c.LeaderApproverIds).Must(ids => ids is null || (ids.Count <= ApprovalRoute.MaxApproversPerStep && !ids.Contains(Guid.Empty)))
            .WithMessage(_ => DomainText.Format("StepApproversInvalid", ApprovalRoute.MaxApproversPerStep));
    }
}

internal sealed class ConfigureRouteHandler(ResourcesDbContext db, ApproverCandidates candidates, IOrganisationDirectory directory)
    : ICommandHandler<ConfigureRouteCommand, ResourceRouteView>
{
    public async ValueTask<ResourceRouteView> Handle(ConfigureRouteCommand command, CancellationToken cancellationToken)
    {
        var kind = ParseKind(command.Kind);
        var errors = new Dictionary<string, string[]>();
        var steps = new List<RouteStepDefinition>();
        for (var i = 0; i < command.Steps.Count; i++)
        {
            var input = command.Steps[i];
            var approvers = input.ApproverIds ?? [];
            if (approvers.Count == 0 && input.ApproverRole is null)
            {
                errors[$"steps[{i}].approverIds"] = [DomainText.Get("StepNeedsApprovers")];
            }
            else if (!await AllAsync(approvers, async id => await candidates.FindAsync(id, cancellationToken) is not null))
            {
                errors[$"steps[{i}].approverIds"] = [DomainText.Get("Approvals_NotACandidate")];
            }

            var cc = input.CcIds ?? [];
            if (!await AllAsync(cc, async id => await directory.FindUserAsync(id, cancellationToken) is { IsActive: true }))
            {
                errors[$"steps[{i}].ccIds"] = [DomainText.Get("Approvals_UnknownPerson")];
            }

            steps.Add(new RouteStepDefinition(input.Name.Trim(), input.Mode, [.. approvers], input.ApproverRole, [.. cc.Distinct()],
                input.DueWorkingDays ?? ApprovalRoute.DefaultDueWorkingDays));
        }

        var leaders = command.LeaderApproverIds ?? [];
        if (!await AllAsync(leaders, async id => await candidates.FindAsync(id, cancellationToken) is not null))
        {
            errors["leaderApproverIds"] = [DomainText.Get("Approvals_NotACandidate")];
        }

        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }

        var threshold = kind == ResourceKind.Money ? command.LeaderThreshold ?? ApprovalRoute.DefaultLeaderThreshold : (decimal?)null;
        var route = await db.Routes.SingleOrDefaultAsync(r => r.Kind == kind, cancellationToken);
        if (route is null)
        {
            db.Routes.Add(ApprovalRoute.Create(kind, steps, threshold, leaders));
        }
        else
        {
            route.Configure(steps, threshold, leaders);
        }

        await db.SaveChangesAsync(cancellationToken);
        return (await ResourceRoutes.ReadAsync(db, directory, cancellationToken)).Single(r => r.Kind == kind);
    }

    /// <summary>Kinds by name only (people, money, material; any case): anything else is no route (404).</summary>
    public static ResourceKind ParseKind(string? text) =>
        Enum.GetNames<ResourceKind>().FirstOrDefault(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase)) is { } name
            ? Enum.Parse<ResourceKind>(name)
            : throw new NotFoundException("resources.route_not_found", DomainText.Get("Approvals_RouteNotFound"));

    private static async Task<bool> AllAsync(IEnumerable<Guid> ids, Func<Guid, Task<bool>> check)
    {
        foreach (var id in ids)
        {
            if (!await check(id))
            {
                return false;
            }
        }

        return true;
    }
}

internal static class ConfigureRouteEndpoint
{
    internal sealed record ConfigureResourceRouteBody(IReadOnlyList<ResourceRouteStepInput> Steps, decimal? LeaderThreshold, IReadOnlyList<Guid>? LeaderApproverIds);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/routes/{kind}", async Task<Ok<ResourceRouteView>> (string kind, ConfigureResourceRouteBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ConfigureRouteCommand(kind, body.Steps, body.LeaderThreshold, body.LeaderApproverIds), ct)))
            .WithName("ConfigureResourceRoute")
            .WithSummary("审批流程: replaces the route of people, money or material requests — steps, modes, approvers, CC, time limits, the leader's threshold (SystemAdmin).");
}
