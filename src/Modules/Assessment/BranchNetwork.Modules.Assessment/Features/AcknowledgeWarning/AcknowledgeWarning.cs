using BranchNetwork.Infrastructure.Outbox;
using BranchNetwork.Modules.Assessment.Features.Shared;
using BranchNetwork.Modules.Assessment.Resources;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Notifications.Contracts;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;


namespace BranchNetwork.Modules.Assessment.Features.AcknowledgeWarning;

/// <summary>The head of the warned sub-branch acknowledges with a response (what they will do about it).</summary>
[AllowedRoles(BankRoles.SubBranchHead)]
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

        warning.Acknowledge(command.Response, access.User.RequireUserId(), clock);
        if (warning.IssuedById is { } issuer)
        {
            notifier.Send([new NotificationItem([issuer], SheetNotifier.Text("NotifyAcknowledgedTitle"), SheetNotifier.Verbatim(warning.Response!), SheetNotifier.SheetLink(warning.SchemeId, warning.SubBranchId))]);
        }

        await db.SaveChangesAsync(cancellationToken);
        outbox.Wake();
        return await WarningProjection.Project(db, db.Warnings.AsNoTracking().Where(w => w.Id == warning.Id)).FirstAsync(cancellationToken);
    }
}

internal static class AcknowledgeWarningEndpoint
{
    internal sealed record AcknowledgeWarningBody(string Response);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/warnings/{id:guid}/acknowledge", async Task<Ok<WarningDto>> (Guid id, AcknowledgeWarningBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new AcknowledgeWarningCommand(id, body.Response), ct)))
            .WithName("AcknowledgeWarning").WithSummary("Acknowledges a warning of the caller's own sub-branch with a response (sub-branch head).");
}
