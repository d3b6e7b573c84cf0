using BranchNetwork.Modules.Community.Features.Shared;
using BranchNetwork.SharedKernel.Authorization;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Community.Features.ResolveReport;

/// <summary>How a moderator settles a report.</summary>
internal enum ReportResolution
{
    /// <summary>不予处理: the content stays.</summary>
    Dismiss = 0,

    /// <summary>删除: the content is taken down (every open report of it closes).</summary>
    Remove = 1,
}

/// <summary>What became of the report.</summary>
internal sealed record ReportResolved(Guid ReportId, ReportState State);

/// <summary>Settles an open report (CM-4): dismiss it, or remove the content with a reason; recorded, the author told on removal.</summary>
[AnySignedInUser]
internal sealed record ResolveReportCommand(Guid ReportId, ReportResolution? Outcome, string? Reason) : ICommand<ReportResolved>;

internal sealed class ResolveReportValidator : AbstractValidator<ResolveReportCommand>
{
    public ResolveReportValidator()
    {
        RuleFor(c => c.Outcome).NotNull().IsInEnum().WithMessage(_ => DomainText.Get("ReportOutcomeInvalid"));
        RuleFor(c => c.Reason).MaximumLength(Sanction.ReasonMaxLength).WithMessage(_ => DomainText.Format("ReasonInvalid", Sanction.ReasonMaxLength));
        RuleFor(c => c.Reason).NotEmpty().When(c => c.Outcome == ReportResolution.Remove).WithMessage(_ => DomainText.Format("ReasonInvalid", Sanction.ReasonMaxLength));
    }
}

internal sealed class ResolveReportHandler(CommunityDbContext db, ModerationDesk desk, CommunityAccess access, IClock clock)
    : ICommandHandler<ResolveReportCommand, ReportResolved>
{
    public async ValueTask<ReportResolved> Handle(ResolveReportCommand command, CancellationToken cancellationToken)
    {
        var report = await db.Reports.FirstOrDefaultAsync(r => r.Id == command.ReportId, cancellationToken)
            ?? throw new NotFoundException("community.report_not_found", DomainText.Get("ReportNotFound"));
        var item = await desk.ModeratedItemAsync(report.TargetId, cancellationToken);
        if (report.State != ReportState.Open)
        {
            throw DomainText.WrongState("ReportNotOpen");
        }

        if (command.Outcome == ReportResolution.Remove)
        {
            await desk.RemoveAsync(item, ModerationDesk.Reason(command.Reason), cancellationToken);
        }
        else
        {
            report.Resolve(ReportState.Dismissed, access.UserId, clock.UtcNow);
            await desk.RecordAsync(ModerationActionKind.DismissReport, item, null, "", null, command.Reason is { Length: > 0 } r ? r : report.Reason, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        if (command.Outcome == ReportResolution.Remove && item.Reply is not null)
        {
            await desk.RecountRepliesAsync(item.Thread.Id, cancellationToken);
        }

        return new ReportResolved(report.Id, report.State);
    }
}

internal static class ResolveReportEndpoint
{
    internal sealed record ResolveCommunityReportBody(ReportResolution? Outcome, string? Reason);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/moderation/reports/{id:guid}/resolve", async Task<Ok<ReportResolved>> (Guid id, ResolveCommunityReportBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ResolveReportCommand(id, body.Outcome, body.Reason), ct)))
            .WithName("ResolveCommunityReport")
            .WithSummary("举报处理: dismisses an open report, or removes the reported content with a reason (the board's moderators, CM-4).");
}
