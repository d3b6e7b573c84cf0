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


namespace BranchNetwork.Modules.Assessment.Features.PublishScheme;

/// <summary>
/// 下发 (AS-2, AS-3): needs weights summing to 100 and a target in every cell; issues one assessment sheet per
/// sub-branch, freezes indicators and weights, and notifies each sub-branch head live.
/// </summary>
[AllowedRoles(BankRoles.TaskAdmin)]
internal sealed record PublishSchemeCommand(Guid SchemeId, long Version) : ICommand<SchemeDetail>;

internal sealed class PublishSchemeHandler(
    AssessmentDbContext db,
    AssessmentAccess access,
    SchemeCoverage coverage,
    SchemeDetailReader details,
    SheetNotifier notifier,
    OutboxProcessor outbox,
    IClock clock,
    IStringLocalizer<AssessmentText> text) : ICommandHandler<PublishSchemeCommand, SchemeDetail>
{
    public async ValueTask<SchemeDetail> Handle(PublishSchemeCommand command, CancellationToken cancellationToken)
    {
        access.User.EnsureAnyRole(BankRoles.TaskAdmin);
        var scheme = await access.VisibleSchemeAsync(command.SchemeId, cancellationToken, track: true);
        var subBranches = scheme.Status == SchemeStatus.Draft ? await coverage.SubBranchesAsync(scheme, cancellationToken) : [];
        var present = (await db.Targets.Where(t => t.SchemeId == scheme.Id).Select(t => new { t.SubBranchId, t.IndicatorId }).ToListAsync(cancellationToken))
            .Select(t => (t.SubBranchId, t.IndicatorId)).ToHashSet();
        var ids = scheme.Indicators.Select(i => i.IndicatorId).ToList();
        var library = await db.Indicators.Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken);

        db.Entry(scheme).Property(s => s.Version).OriginalValue = command.Version;
        var sheets = scheme.Publish(clock, subBranches.Select(s => new IssuedUnit(s.SubBranchId, s.Code, s.Name)).ToList(), present, library);
        db.Sheets.AddRange(sheets);
        await notifier.ToSubBranchHeadsAsync(
            sheets.Select(sheet => new SubBranchNotice(
                sheet.SubBranchId,
                SheetNotifier.Text("NotifyPublishedTitle", scheme.Name),
                SheetNotifier.Text("NotifyPublishedBody", sheet.SubBranchName, SheetNotifier.Day(scheme.StartDate), SheetNotifier.Day(scheme.EndDate)),
                SheetNotifier.SheetLink(scheme.Id, sheet.SubBranchId))).ToList(),
            cancellationToken);
        db.AddIntegrationEvent(new AssessmentSchemePublished(Guid.CreateVersion7(), clock.UtcNow, scheme.Id, scheme.Name, scheme.StartDate, scheme.EndDate, sheets.Select(s => s.SubBranchId).ToList()));
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

internal static class PublishSchemeEndpoint
{
    internal sealed record PublishSchemeBody(long Version);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/schemes/{id:guid}/publish", async Task<Ok<SchemeDetail>> (Guid id, PublishSchemeBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new PublishSchemeCommand(id, body.Version), ct)))
            .WithName("PublishScheme").WithSummary("Publishes (下发) a draft: needs a target in every cell; issues sheets and notifies heads (TaskAdmin).");
}
