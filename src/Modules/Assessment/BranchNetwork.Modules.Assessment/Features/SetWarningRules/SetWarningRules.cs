using BranchNetwork.Modules.Assessment.Features.Shared;
using BranchNetwork.Modules.Assessment.Resources;
using BranchNetwork.Modules.Identity.Contracts;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;


namespace BranchNetwork.Modules.Assessment.Features.SetWarningRules;

internal sealed record WarningRuleInput(Guid? Id, WarningRuleKind Kind, decimal Threshold, bool IsActive);

/// <summary>
/// AS-6: the early-warning rules of a scheme. Rules not listed are deactivated (never deleted: warnings
/// they raised keep pointing at them), and warnings of a deactivated rule close at the next evaluation.
/// </summary>
[AllowedRoles(BankRoles.TaskAdmin, BankRoles.HeadOfficeSupervisor)]
internal sealed record SetWarningRulesCommand(Guid SchemeId, IReadOnlyList<WarningRuleInput> Rules) : ICommand<SchemeDetail>;

internal sealed class SetWarningRulesValidator : AbstractValidator<SetWarningRulesCommand>
{
    public SetWarningRulesValidator(IStringLocalizer<AssessmentText> text)
    {
        RuleFor(c => c.Rules).NotNull().Must(r => r is { Count: <= 20 });
        RuleForEach(c => c.Rules).NotNull().ChildRules(rule =>
        {
            rule.RuleFor(r => r.Kind).IsInEnum();
            rule.RuleFor(r => r.Threshold)
                .Must((r, t) => r.Kind switch
                {
                    WarningRuleKind.BehindTimeProgress => t is >= 0m and <= 100m,
                    WarningRuleKind.BottomRank => t is >= 1m and <= 1000m && decimal.Truncate(t) == t,
                    _ => t is >= 1m and <= 366m && decimal.Truncate(t) == t,
                })
                .WithMessage(text["RuleThresholdRange"]);
        }).When(c => c.Rules is not null);
    }
}

internal sealed class SetWarningRulesHandler(AssessmentDbContext db, AssessmentAccess access, SchemeDetailReader details)
    : ICommandHandler<SetWarningRulesCommand, SchemeDetail>
{
    public async ValueTask<SchemeDetail> Handle(SetWarningRulesCommand command, CancellationToken cancellationToken)
    {
        access.User.EnsureAnyRole(BankRoles.TaskAdmin, BankRoles.HeadOfficeSupervisor);
        var scheme = await access.VisibleSchemeAsync(command.SchemeId, cancellationToken);
        scheme.EnsureWarningRulesEditable();

        var rules = await db.WarningRules.Where(r => r.SchemeId == scheme.Id).ToListAsync(cancellationToken);
        var kept = new HashSet<Guid>();
        foreach (var input in command.Rules)
        {
            var rule = input.Id is { } id ? rules.FirstOrDefault(r => r.Id == id) : null;
            if (rule is null)
            {
                rule = new WarningRule { SchemeId = scheme.Id };
                db.WarningRules.Add(rule);
            }

            rule.Kind = input.Kind;
            rule.Threshold = input.Threshold;
            rule.IsActive = input.IsActive;
            kept.Add(rule.Id);
        }

        foreach (var dropped in rules.Where(r => !kept.Contains(r.Id)))
        {
            dropped.IsActive = false;
        }

        await db.SaveChangesAsync(cancellationToken);
        return await details.ReadAsync(scheme.Id, cancellationToken);
    }
}

internal static class SetWarningRulesEndpoint
{
    internal sealed record SetWarningRulesBody(IReadOnlyList<WarningRuleInput> Rules);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/schemes/{id:guid}/warning-rules", async Task<Ok<SchemeDetail>> (Guid id, SetWarningRulesBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new SetWarningRulesCommand(id, body.Rules), ct)))
            .WithName("SetWarningRules").WithSummary("Sets a scheme's early-warning rules (TaskAdmin, supervisor).");
}
