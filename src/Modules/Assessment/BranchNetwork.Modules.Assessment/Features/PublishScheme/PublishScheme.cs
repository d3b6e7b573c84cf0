using System.Globalization;
using BranchNetwork.Infrastructure.Outbox;
using BranchNetwork.Modules.Assessment.Contracts;
using BranchNetwork.Modules.Assessment.Data;
using BranchNetwork.Modules.Assessment.Domain;
using BranchNetwork.Modules.Assessment.Features.GetScheme;
using BranchNetwork.Modules.Assessment.Features.SetTargets;
using BranchNetwork.Modules.Assessment.Resources;
using BranchNetwork.Modules.Assessment.Services;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.SharedKernel;
using BranchNetwork.SharedKernel.Errors;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace BranchNetwork.Modules.Assessment.Features.PublishScheme;

/// <summary>
/// 下发 (AS-2, AS-3): needs weights summing to 100 and a target in every cell; issues one assessment sheet per
/// sub-branch, freezes indicators and weights, and notifies each sub-branch head live.
/// </summary>
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
        if (scheme.Status != SchemeStatus.Draft)
        {
            throw access.NotInStatus("SchemeNotDraft");
        }

        var weights = scheme.Indicators.Sum(i => i.Weight);
        if (scheme.Indicators.Count == 0 || weights != 100m)
        {
            throw new ValidationFailedException("indicators", string.Format(CultureInfo.CurrentCulture, text["WeightsSum"], weights));
        }

        var subBranches = await coverage.SubBranchesAsync(scheme, cancellationToken);
        if (subBranches.Count == 0)
        {
            throw new ValidationFailedException("targets", text["NoSubBranches"]);
        }

        var present = (await db.Targets.Where(t => t.SchemeId == scheme.Id).Select(t => new { t.SubBranchId, t.IndicatorId }).ToListAsync(cancellationToken))
            .Select(t => (t.SubBranchId, t.IndicatorId)).ToHashSet();
        var missing = subBranches
            .SelectMany(s => scheme.Indicators.OrderBy(i => i.SortOrder).Where(i => !present.Contains((s.SubBranchId, i.IndicatorId))).Select(i => $"{s.Name} × {i.Name}"))
            .ToList();
        if (missing.Count > 0)
        {
            throw new ValidationFailedException(
                "targets",
                string.Format(CultureInfo.CurrentCulture, text["TargetsMissing"], missing.Count, string.Join("、", missing.Take(10))));
        }

        // Freeze the rules as they are now: later edits of the library do not reach a published scheme.
        var ids = scheme.Indicators.Select(i => i.IndicatorId).ToList();
        var library = await db.Indicators.Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken);
        foreach (var line in scheme.Indicators)
        {
            var weight = line.Weight;
            line.CopyFrom(library[line.IndicatorId]);
            line.Weight = weight;
        }

        db.Entry(scheme).Property(s => s.Version).OriginalValue = command.Version;
        scheme.Status = SchemeStatus.Published;
        scheme.PublishedAtUtc = clock.UtcNow;
        foreach (var sub in subBranches)
        {
            db.Sheets.Add(new AssessmentSheet { SchemeId = scheme.Id, SubBranchId = sub.SubBranchId, SubBranchCode = sub.Code, SubBranchName = sub.Name });
            await notifier.ToSubBranchHeadsAsync(
                sub.SubBranchId,
                string.Format(CultureInfo.CurrentCulture, text["NotifyPublishedTitle"], scheme.Name),
                string.Format(CultureInfo.CurrentCulture, text["NotifyPublishedBody"], sub.Name, scheme.StartDate, scheme.EndDate),
                SheetNotifier.SheetLink(scheme.Id, sub.SubBranchId),
                cancellationToken);
        }

        db.AddIntegrationEvent(new AssessmentSchemePublished(Guid.CreateVersion7(), clock.UtcNow, scheme.Id, scheme.Name, scheme.StartDate, scheme.EndDate, subBranches.Select(s => s.SubBranchId).ToList()));
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

/// <summary>Closes a published scheme: final scores, grades and ranks are frozen on the sheets (AS-8).</summary>
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
        if (scheme.Status != SchemeStatus.Published)
        {
            throw access.NotInStatus("SchemeNotPublished");
        }

        var final = await results.ReadAsync(scheme, cancellationToken);
        var sheets = await db.Sheets.Where(s => s.SchemeId == scheme.Id).ToDictionaryAsync(s => s.SubBranchId, cancellationToken);
        foreach (var row in final.Rows)
        {
            var sheet = sheets[row.SubBranchId];
            sheet.FinalScore = row.Total;
            sheet.FinalGrade = row.Grade;
            sheet.FinalRank = row.Rank;
        }

        db.Entry(scheme).Property(s => s.Version).OriginalValue = command.Version;
        scheme.Status = SchemeStatus.Closed;
        scheme.ClosedAtUtc = clock.UtcNow;

        // Warnings have nothing left to act on once the period is scored.
        foreach (var warning in await db.Warnings.Where(w => w.SchemeId == scheme.Id && w.Status != WarningStatus.Closed).ToListAsync(cancellationToken))
        {
            warning.Close(WarningCloseReason.Supervisor, access.User.UserId, clock.UtcNow);
        }

        await notifier.ToSubBranchHeadsAsync(
            sheets.Keys,
            string.Format(CultureInfo.CurrentCulture, text["NotifyClosedTitle"], scheme.Name),
            text["NotifyClosedBody"],
            SheetNotifier.SchemeLink(scheme.Id),
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

internal static class PublishSchemeEndpoints
{
    internal sealed record Body(long Version);

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/schemes/{id:guid}/publish", async Task<Ok<SchemeDetail>> (Guid id, Body body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new PublishSchemeCommand(id, body.Version), ct)))
            .WithName("PublishScheme").WithSummary("Publishes (下发) a draft: needs a target in every cell; issues sheets and notifies heads (TaskAdmin).");
        api.MapPost("/schemes/{id:guid}/close", async Task<Ok<SchemeDetail>> (Guid id, Body body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new CloseSchemeCommand(id, body.Version), ct)))
            .WithName("CloseScheme").WithSummary("Closes a published scheme and freezes final scores and ranks (TaskAdmin).");
    }
}
