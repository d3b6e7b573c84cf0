using BranchNetwork.Modules.Assessment.Features.Shared;
using BranchNetwork.Modules.Assessment.Resources;
using BranchNetwork.Modules.Identity.Contracts;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace BranchNetwork.Modules.Assessment.Features.RetireIndicator;

/// <summary>Retires an indicator: it stays on schemes that use it but cannot be added to new ones.</summary>
[AllowedRoles(BankRoles.TaskAdmin)]
internal sealed record RetireIndicatorCommand(Guid IndicatorId) : ICommand<IndicatorDto>;

internal sealed class RetireIndicatorHandler(AssessmentDbContext db, ICurrentUser user, IStringLocalizer<AssessmentText> text) : ICommandHandler<RetireIndicatorCommand, IndicatorDto>
{
    public async ValueTask<IndicatorDto> Handle(RetireIndicatorCommand command, CancellationToken cancellationToken)
    {
        user.EnsureAnyRole(BankRoles.TaskAdmin);
        var indicator = await db.Indicators.FirstOrDefaultAsync(i => i.Id == command.IndicatorId, cancellationToken)
            ?? throw new NotFoundException("assessment.indicator_not_found", text["IndicatorNotFound"]);
        indicator.Retire();
        await db.SaveChangesAsync(cancellationToken);
        return IndicatorDto.From(indicator);
    }
}

internal static class RetireIndicatorEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/indicators/{id:guid}/retire", async Task<Ok<IndicatorDto>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new RetireIndicatorCommand(id), ct)))
            .WithName("RetireIndicator").WithSummary("Retires an indicator (TaskAdmin).");
}
