using BranchNetwork.Modules.Assessment.Features.Shared;
using BranchNetwork.Modules.Assessment.Resources;
using BranchNetwork.Modules.Identity.Contracts;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;


namespace BranchNetwork.Modules.Assessment.Features.SetTargets;

/// <summary>AS-3: sets targets of a draft scheme from the grid (TaskAdmin). Only the given cells change.</summary>
[AllowedRoles(BankRoles.TaskAdmin)]
// Up to 50,000 cells of about 110 bytes of JSON each (the validator's bound).
[RequestBodyLimit(8 * 1024 * 1024)]
internal sealed record SetTargetsCommand(Guid SchemeId, IReadOnlyList<TargetCellInput> Cells) : ICommand<TargetGrid>;

internal sealed class SetTargetsValidator : AbstractValidator<SetTargetsCommand>
{
    public SetTargetsValidator(IStringLocalizer<AssessmentText> text)
    {
        RuleFor(c => c.Cells).NotNull().Must(c => c is { Count: > 0 and <= 50_000 }).WithMessage(text["CellsRequired"]);
        RuleForEach(c => c.Cells).NotNull().ChildRules(cell =>
            cell.RuleFor(x => x.Value).GreaterThan(0m).WithMessage(text["TargetPositive"]).LessThan(1_000_000_000_000m))
            .When(c => c.Cells is not null);
    }
}

internal sealed class SetTargetsHandler(AssessmentDbContext db, AssessmentAccess access, SchemeCoverage coverage, IStringLocalizer<AssessmentText> text)
    : ICommandHandler<SetTargetsCommand, TargetGrid>
{
    public async ValueTask<TargetGrid> Handle(SetTargetsCommand command, CancellationToken cancellationToken)
    {
        access.User.EnsureAnyRole(BankRoles.TaskAdmin);
        var scheme = await access.VisibleSchemeAsync(command.SchemeId, cancellationToken);
        scheme.EnsureTargetsEditable();

        var subBranches = await coverage.SubBranchesAsync(scheme, cancellationToken);
        await TargetWriter.WriteAsync(db, scheme, subBranches, command.Cells, n => $"cells[{n}]", text, cancellationToken);
        return await coverage.GridAsync(scheme, cancellationToken);
    }
}

internal static class SetTargetsEndpoint
{
    internal sealed record SetTargetsBody(IReadOnlyList<TargetCellInput> Cells);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/schemes/{id:guid}/targets", async Task<Ok<TargetGrid>> (Guid id, SetTargetsBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new SetTargetsCommand(id, body.Cells), ct)))
            .WithName("SetTargets").WithSummary("Sets targets of a draft scheme (TaskAdmin); every value must be > 0.");
}
