using BranchNetwork.Modules.Assessment.Features.Shared;
using BranchNetwork.Modules.Assessment.Resources;
using BranchNetwork.Modules.Identity.Contracts;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;


namespace BranchNetwork.Modules.Assessment.Features.UpdateScheme;

/// <summary>Edits a draft. <see cref="Version"/> is the version the editor saw: a stale one is a 409. Published schemes are frozen.</summary>
[AllowedRoles(BankRoles.TaskAdmin)]
internal sealed record UpdateSchemeCommand(
    Guid SchemeId,
    string Name,
    PeriodKind PeriodKind,
    DateOnly StartDate,
    DateOnly? EndDate,
    SchemeKind Kind,
    Guid? BusinessLineId,
    IReadOnlyList<WeightedIndicatorInput> Indicators,
    GradeBandsInput? GradeBands,
    decimal? BehindMarginPoints,
    long Version) : ICommand<SchemeDetail>, ISchemeDefinition;

internal sealed class UpdateSchemeValidator : SchemeDefinitionValidator<UpdateSchemeCommand>
{
    public UpdateSchemeValidator(AssessmentDbContext db, IOrganisationDirectory directory, IStringLocalizer<AssessmentText> text)
        : base(db, directory, text) =>
        RuleFor(c => c.Version).GreaterThan(0);
}

internal sealed class UpdateSchemeHandler(AssessmentDbContext db, AssessmentAccess access, SchemeDetailReader details, IStringLocalizer<AssessmentText> text)
    : ICommandHandler<UpdateSchemeCommand, SchemeDetail>
{
    public async ValueTask<SchemeDetail> Handle(UpdateSchemeCommand command, CancellationToken cancellationToken)
    {
        access.User.EnsureAnyRole(BankRoles.TaskAdmin);
        var scheme = await access.VisibleSchemeAsync(command.SchemeId, cancellationToken, track: true);
        db.Entry(scheme).Property(s => s.Version).OriginalValue = command.Version;
        scheme.Revise(SchemeDefinitions.Terms(command));
        await SchemeDefinitions.SetIndicatorsAsync(db, scheme, command, cancellationToken);
        // Child rows changed alone would not touch the scheme row: bump it so the version check always runs.
        db.Entry(scheme).State = EntityState.Modified;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("concurrency_conflict", text["SchemeChangedMeanwhile"]);
        }

        return await details.ReadAsync(scheme.Id, cancellationToken);
    }
}

internal static class UpdateSchemeEndpoint
{
    internal sealed record UpdateSchemeBody(
        string Name,
        PeriodKind PeriodKind,
        DateOnly StartDate,
        DateOnly? EndDate,
        SchemeKind Kind,
        Guid? BusinessLineId,
        IReadOnlyList<WeightedIndicatorInput> Indicators,
        GradeBandsInput? GradeBands,
        decimal? BehindMarginPoints,
        long Version);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/schemes/{id:guid}", async Task<Ok<SchemeDetail>> (Guid id, UpdateSchemeBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(
                    new UpdateSchemeCommand(id, body.Name, body.PeriodKind, body.StartDate, body.EndDate, body.Kind, body.BusinessLineId, body.Indicators, body.GradeBands, body.BehindMarginPoints, body.Version),
                    ct)))
            .WithName("UpdateScheme").WithSummary("Edits a draft scheme (TaskAdmin); 409 when the version is stale or the scheme is published.");
}
