using BranchNetwork.Modules.Assessment.Features.Shared;
using BranchNetwork.Modules.Assessment.Resources;
using BranchNetwork.Modules.Identity.Contracts;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace BranchNetwork.Modules.Assessment.Features.CreateScheme;

/// <summary>AS-2: a draft scheme (TaskAdmin). For quarter, half-year and year the end date follows from the start.</summary>
[AllowedRoles(BankRoles.TaskAdmin)]
internal sealed record CreateSchemeCommand(
    string Name,
    PeriodKind PeriodKind,
    DateOnly StartDate,
    DateOnly? EndDate,
    SchemeKind Kind,
    Guid? BusinessLineId,
    IReadOnlyList<WeightedIndicatorInput> Indicators,
    GradeBandsInput? GradeBands,
    decimal? BehindMarginPoints) : ICommand<SchemeDetail>, ISchemeDefinition;

internal sealed class CreateSchemeValidator(AssessmentDbContext db, IOrganisationDirectory directory, IStringLocalizer<AssessmentText> text)
    : SchemeDefinitionValidator<CreateSchemeCommand>(db, directory, text);

internal sealed class CreateSchemeHandler(AssessmentDbContext db, ICurrentUser user, SchemeDetailReader details) : ICommandHandler<CreateSchemeCommand, SchemeDetail>
{
    public async ValueTask<SchemeDetail> Handle(CreateSchemeCommand command, CancellationToken cancellationToken)
    {
        user.EnsureAnyRole(BankRoles.TaskAdmin);
        var scheme = AssessmentScheme.CreateDraft(SchemeDefinitions.Terms(command), user.RequireUserId());
        await SchemeDefinitions.SetIndicatorsAsync(db, scheme, command, cancellationToken);
        db.Schemes.Add(scheme);
        // Every scheme starts with the spec's example rule: behind time progress by more than the margin.
        db.WarningRules.Add(new WarningRule { SchemeId = scheme.Id, Kind = WarningRuleKind.BehindTimeProgress, Threshold = scheme.BehindMarginPoints });
        await db.SaveChangesAsync(cancellationToken);
        return await details.ReadAsync(scheme.Id, cancellationToken);
    }
}

internal static class CreateSchemeEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/schemes", async Task<Created<SchemeDetail>> (CreateSchemeCommand command, ISender sender, CancellationToken ct) =>
            {
                var scheme = await sender.Send(command, ct);
                return TypedResults.Created($"/api/assessment/schemes/{scheme.Id}", scheme);
            })
            .WithName("CreateScheme").WithSummary("Creates a draft scheme; weights must sum to exactly 100 (TaskAdmin).");
}
