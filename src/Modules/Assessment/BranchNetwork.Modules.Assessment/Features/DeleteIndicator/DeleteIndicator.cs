using BranchNetwork.Modules.Assessment.Resources;
using BranchNetwork.Modules.Identity.Contracts;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace BranchNetwork.Modules.Assessment.Features.DeleteIndicator;

/// <summary>Deletes an indicator no published or closed scheme uses; drafts that use it lose it (their weights must be fixed before publishing).</summary>
[AllowedRoles(BankRoles.TaskAdmin)]
internal sealed record DeleteIndicatorCommand(Guid IndicatorId) : ICommand;

internal sealed class DeleteIndicatorHandler(AssessmentDbContext db, ICurrentUser user, IStringLocalizer<AssessmentText> text) : ICommandHandler<DeleteIndicatorCommand>
{
    public async ValueTask<Unit> Handle(DeleteIndicatorCommand command, CancellationToken cancellationToken)
    {
        user.EnsureAnyRole(BankRoles.TaskAdmin);
        var indicator = await db.Indicators.FirstOrDefaultAsync(i => i.Id == command.IndicatorId, cancellationToken)
            ?? throw new NotFoundException("assessment.indicator_not_found", text["IndicatorNotFound"]);
        var uses = await db.SchemeIndicators.Where(si => si.IndicatorId == indicator.Id)
            .Join(db.Schemes, si => si.SchemeId, s => s.Id, (si, s) => new { Use = si, s.Status })
            .ToListAsync(cancellationToken);
        if (uses.Any(u => u.Status != SchemeStatus.Draft))
        {
            throw new ConflictException("assessment.indicator_in_use", text["IndicatorInUse"]);
        }

        var draftIds = uses.Select(u => u.Use.SchemeId).ToList();
        db.Targets.RemoveRange(await db.Targets.Where(t => t.IndicatorId == indicator.Id && draftIds.Contains(t.SchemeId)).ToListAsync(cancellationToken));
        db.SchemeIndicators.RemoveRange(uses.Select(u => u.Use));
        db.Indicators.Remove(indicator);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

internal static class DeleteIndicatorEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapDelete("/indicators/{id:guid}", async Task<NoContent> (Guid id, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new DeleteIndicatorCommand(id), ct);
                return TypedResults.NoContent();
            })
            .WithName("DeleteIndicator").WithSummary("Deletes an indicator no published scheme uses (TaskAdmin); 409 otherwise.");
}
