using BranchNetwork.Infrastructure.Outbox;
using BranchNetwork.Modules.Assessment.Contracts;
using BranchNetwork.Modules.Assessment.Features.Shared;
using BranchNetwork.Modules.Assessment.Resources;
using BranchNetwork.Modules.Identity.Contracts;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;


namespace BranchNetwork.Modules.Assessment.Features.CloseScheme;

/// <summary>Closes a published scheme: final scores, grades and ranks are frozen on the sheets (AS-8).</summary>
[AllowedRoles(BankRoles.TaskAdmin)]
internal sealed record CloseSchemeCommand(Guid SchemeId, long Version) : ICommand<SchemeDetail>;

internal sealed class CloseSchemeHandler(
    AssessmentDbContext db,
    AssessmentAccess access,
    SchemeResultsReader results,
    SchemeDetailReader details,
    SheetNotifier notifier,
    OutboxProcessor outbox,
    IClock clock,
    IStringLocalizer<AssessmentText> text) : ICommandHandler<CloseSchemeCommand, SchemeDetail>
{
    public async ValueTask<SchemeDetail> Handle(CloseSchemeCommand command, CancellationToken cancellationToken)
    {
        access.User.EnsureAnyRole(BankRoles.TaskAdmin);
        var scheme = await access.VisibleSchemeAsync(command.SchemeId, cancellationToken, track: true);
        // The final result is read while the scheme is still published, as everyone last saw it.
        var final = scheme.Status == SchemeStatus.Published ? await results.ReadAsync(scheme, cancellationToken) : null;
        db.Entry(scheme).Property(s => s.Version).OriginalValue = command.Version;
        scheme.Close(clock);

        var sheets = await db.Sheets.Where(s => s.SchemeId == scheme.Id).ToDictionaryAsync(s => s.SubBranchId, cancellationToken);
        foreach (var row in final!.Rows)
        {
            sheets[row.SubBranchId].Freeze(row.Total, row.Grade, row.Rank);
        }

        // Warnings have nothing left to act on once the period is scored.
        foreach (var warning in await db.Warnings.Where(w => w.SchemeId == scheme.Id && w.Status != WarningStatus.Closed).ToListAsync(cancellationToken))
        {
            warning.Close(WarningCloseReason.Supervisor, access.User.UserId, clock);
        }

        await notifier.ToSubBranchHeadsAsync(
            sheets.Keys.Select(sub => new SubBranchNotice(sub, SheetNotifier.Text("NotifyClosedTitle", scheme.Name), SheetNotifier.Text("NotifyClosedBody"), SheetNotifier.SchemeLink(scheme.Id))).ToList(),
            cancellationToken);
        db.AddIntegrationEvent(new AssessmentSchemeClosed(Guid.CreateVersion7(), clock.UtcNow, scheme.Id, scheme.Name));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("concurrency_conflict", text["SchemeChangedMeanwhile"]);
        }

        outbox.Wake();
        return await details.ReadAsync(scheme.Id, cancellationToken);
    }
}

internal static class CloseSchemeEndpoint
{
    internal sealed record CloseSchemeBody(long Version);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/schemes/{id:guid}/close", async Task<Ok<SchemeDetail>> (Guid id, CloseSchemeBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new CloseSchemeCommand(id, body.Version), ct)))
            .WithName("CloseScheme").WithSummary("Closes a published scheme and freezes final scores and ranks (TaskAdmin).");
}
