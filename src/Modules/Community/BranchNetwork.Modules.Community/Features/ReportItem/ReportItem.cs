using BranchNetwork.Modules.Community.Features.Shared;
using BranchNetwork.SharedKernel.Authorization;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Community.Features.ReportItem;

/// <summary>The report as its author sees it.</summary>
internal sealed record ReportFiled(Guid ReportId, Guid ItemId, ReportState State);

/// <summary>
/// 举报 (CM-4): any reader of a published thread or reply reports it with a reason; one open report per reader and
/// item (a second is a 409). The report waits in the board moderators' queue; the reporter is never shown to anyone.
/// </summary>
[AnySignedInUser]
internal sealed record ReportItemCommand(Guid ItemId, string? Reason) : ICommand<ReportFiled>;

internal sealed class ReportItemValidator : AbstractValidator<ReportItemCommand>
{
    public ReportItemValidator() =>
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(ContentReport.ReasonMaxLength).WithMessage(_ => DomainText.Format("ReasonInvalid", ContentReport.ReasonMaxLength));
}

internal sealed class ReportItemHandler(CommunityDbContext db, ModerationDesk desk, CommunityAccess access) : ICommandHandler<ReportItemCommand, ReportFiled>
{
    public async ValueTask<ReportFiled> Handle(ReportItemCommand command, CancellationToken cancellationToken)
    {
        access.EnsureTakesPart();
        var item = await desk.ReadableItemAsync(command.ItemId, cancellationToken);
        if (item.State != PostState.Published || !item.Thread.IsPublished)
        {
            throw DomainText.WrongState("ReportNotPublished");
        }

        var me = access.UserId;
        if (await db.Reports.AnyAsync(r => r.OpenTargetId == item.Id && r.ReporterId == me, cancellationToken))
        {
            throw AlreadyReported();
        }

        var report = ContentReport.File(item.Board.Id, item.Thread.Id, item.Reply?.Id, me, command.Reason!);
        db.Reports.Add(report);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same reader's second report at the same instant met the unique key.
            throw AlreadyReported();
        }

        return new ReportFiled(report.Id, item.Id, report.State);
    }

    private static ConflictException AlreadyReported() => new("community.already_reported", DomainText.Get("AlreadyReported"));
}

internal static class ReportItemEndpoint
{
    internal sealed record ReportCommunityItemBody(string? Reason);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/moderation/items/{id:guid}/reports", async Task<Ok<ReportFiled>> (Guid id, ReportCommunityItemBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ReportItemCommand(id, body.Reason), ct)))
            .WithName("ReportCommunityItem")
            .WithSummary("举报: reports a published thread or reply with a reason; one open report per reader and item (any reader, CM-4).");
}
