using BranchNetwork.Infrastructure.Outbox;
using BranchNetwork.Modules.Assessment.Data;
using BranchNetwork.Modules.Assessment.Domain;
using BranchNetwork.Modules.Assessment.Features.ListWarnings;
using BranchNetwork.Modules.Assessment.Resources;
using BranchNetwork.Modules.Assessment.Services;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.SharedKernel;
using BranchNetwork.SharedKernel.Errors;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace BranchNetwork.Modules.Assessment.Features.RespondToWarning;

/// <summary>The head of the warned sub-branch acknowledges with a response (what they will do about it).</summary>
internal sealed record AcknowledgeWarningCommand(Guid WarningId, string Response) : ICommand<WarningDto>;

internal sealed class AcknowledgeWarningValidator : AbstractValidator<AcknowledgeWarningCommand>
{
    public AcknowledgeWarningValidator(IStringLocalizer<AssessmentText> text) =>
        RuleFor(c => c.Response).NotEmpty().WithMessage(text["ResponseRequired"]).MaximumLength(Warning.ResponseMaxLength);
}

internal sealed class AcknowledgeWarningHandler(AssessmentDbContext db, AssessmentAccess access, SheetNotifier notifier, OutboxProcessor outbox, IClock clock, IStringLocalizer<AssessmentText> text)
    : ICommandHandler<AcknowledgeWarningCommand, WarningDto>
{
    public async ValueTask<WarningDto> Handle(AcknowledgeWarningCommand command, CancellationToken cancellationToken)
    {
        access.User.EnsureAnyRole(BankRoles.SubBranchHead);
        var warning = await db.Warnings.FirstOrDefaultAsync(w => w.Id == command.WarningId, cancellationToken);
        if (warning is null || await access.OwnSubBranchAsync(cancellationToken) != warning.SubBranchId)
        {
            throw new NotFoundException("assessment.warning_not_found", text["WarningNotFound"]);
        }

        if (warning.Status != WarningStatus.Open)
        {
            throw access.NotInStatus("WarningNotOpen");
        }

        warning.Status = WarningStatus.Acknowledged;
        warning.Response = command.Response.Trim();
        warning.AcknowledgedById = access.User.RequireUserId();
        warning.AcknowledgedAtUtc = clock.UtcNow;
        if (warning.IssuedById is { } issuer)
        {
            notifier.ToUsers([issuer], text["NotifyAcknowledgedTitle"], IssueWarning.IssueWarningHandler.Truncate(warning.Response), SheetNotifier.SheetLink(warning.SchemeId, warning.SubBranchId));
        }

        await db.SaveChangesAsync(cancellationToken);
        outbox.Wake();
        return await WarningProjection.Project(db, db.Warnings.AsNoTracking().Where(w => w.Id == warning.Id)).FirstAsync(cancellationToken);
    }
}

/// <summary>A supervisor closes a warning (done with it), whatever its state.</summary>
internal sealed record CloseWarningCommand(Guid WarningId) : ICommand<WarningDto>;

internal sealed class CloseWarningHandler(AssessmentDbContext db, AssessmentAccess access, IClock clock, IStringLocalizer<AssessmentText> text)
    : ICommandHandler<CloseWarningCommand, WarningDto>
{
    public async ValueTask<WarningDto> Handle(CloseWarningCommand command, CancellationToken cancellationToken)
    {
        access.User.EnsureAnyRole(BankRoles.HeadOfficeSupervisor);
        var warning = await db.Warnings.FirstOrDefaultAsync(w => w.Id == command.WarningId, cancellationToken)
            ?? throw new NotFoundException("assessment.warning_not_found", text["WarningNotFound"]);
        if (warning.Status == WarningStatus.Closed)
        {
            throw access.NotInStatus("WarningClosed");
        }

        warning.Close(WarningCloseReason.Supervisor, access.User.RequireUserId(), clock.UtcNow);
        await db.SaveChangesAsync(cancellationToken);
        return await WarningProjection.Project(db, db.Warnings.AsNoTracking().Where(w => w.Id == warning.Id)).FirstAsync(cancellationToken);
    }
}

internal static class RespondToWarningEndpoints
{
    internal sealed record Body(string Response);

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/warnings/{id:guid}/acknowledge", async Task<Ok<WarningDto>> (Guid id, Body body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new AcknowledgeWarningCommand(id, body.Response), ct)))
            .WithName("AcknowledgeWarning").WithSummary("Acknowledges a warning of the caller's own sub-branch with a response (sub-branch head).");
        api.MapPost("/warnings/{id:guid}/close", async Task<Ok<WarningDto>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new CloseWarningCommand(id), ct)))
            .WithName("CloseWarning").WithSummary("Closes a warning (supervisor).");
    }
}
