using BranchNetwork.Modules.Assessment.Features.Shared;
using BranchNetwork.Modules.Assessment.Resources;
using BranchNetwork.Modules.Identity.Contracts;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;


namespace BranchNetwork.Modules.Assessment.Features.CloseWarning;

/// <summary>A supervisor closes a warning (done with it), whatever its state.</summary>
[AllowedRoles(BankRoles.HeadOfficeSupervisor)]
internal sealed record CloseWarningCommand(Guid WarningId) : ICommand<WarningDto>;

internal sealed class CloseWarningHandler(AssessmentDbContext db, AssessmentAccess access, IClock clock, IStringLocalizer<AssessmentText> text)
    : ICommandHandler<CloseWarningCommand, WarningDto>
{
    public async ValueTask<WarningDto> Handle(CloseWarningCommand command, CancellationToken cancellationToken)
    {
        access.User.EnsureAnyRole(BankRoles.HeadOfficeSupervisor);
        var warning = await db.Warnings.FirstOrDefaultAsync(w => w.Id == command.WarningId, cancellationToken)
            ?? throw new NotFoundException("assessment.warning_not_found", text["WarningNotFound"]);
        warning.Close(WarningCloseReason.Supervisor, access.User.RequireUserId(), clock);
        await db.SaveChangesAsync(cancellationToken);
        return await WarningProjection.Project(db, db.Warnings.AsNoTracking().Where(w => w.Id == warning.Id)).FirstAsync(cancellationToken);
    }
}

internal static class CloseWarningEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/warnings/{id:guid}/close", async Task<Ok<WarningDto>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new CloseWarningCommand(id), ct)))
            .WithName("CloseWarning").WithSummary("Closes a warning (supervisor).");
}
