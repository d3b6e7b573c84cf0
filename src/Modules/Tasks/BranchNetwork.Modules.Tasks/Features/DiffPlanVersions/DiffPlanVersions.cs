using System.Globalization;
using BranchNetwork.Modules.Tasks.Features.Shared;
using BranchNetwork.Modules.Tasks.Resources;
using BranchNetwork.SharedKernel.Authorization;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace BranchNetwork.Modules.Tasks.Features.DiffPlanVersions;

internal enum MeasureChangeKind
{
    Added = 0,
    Removed = 1,
    Changed = 2,
}

/// <summary>One field of a measure before and after (null: the field was empty, or the measure did not exist).</summary>
internal sealed record FieldChange(string Field, string? Before, string? After);

internal sealed record MeasureChange(Guid MeasureId, MeasureChangeKind Kind, Guid IndicatorId, string IndicatorName, string Title, IReadOnlyList<FieldChange> Fields);

/// <summary>What changed from version <see cref="From"/> to <see cref="To"/>; measures that did not change are left out.</summary>
internal sealed record PlanDiff(Guid PlanId, int From, int To, IReadOnlyList<MeasureChange> Measures);

/// <summary>
/// The difference between two versions of a plan, measure by measure (TK-1): added, removed, and changed field by field
/// (title, description, owner, milestones, contingency trigger and actions, indicator), so a reviewer of a
/// resubmission reads only what changed. Measures are matched by id: a measure kept across a revision keeps its id.
/// </summary>
[AnySignedInUser]
internal sealed record DiffPlanVersionsQuery(Guid PlanId, int From, int To) : IQuery<PlanDiff>;

internal sealed class DiffPlanVersionsValidator : AbstractValidator<DiffPlanVersionsQuery>
{
    public DiffPlanVersionsValidator()
    {
        RuleFor(q => q.From).GreaterThan(0);
        RuleFor(q => q.To).GreaterThan(0);
    }
}

internal sealed class DiffPlanVersionsHandler(TasksDbContext db, PlanStore store, IStringLocalizer<TasksText> text)
    : IQueryHandler<DiffPlanVersionsQuery, PlanDiff>
{
    public async ValueTask<PlanDiff> Handle(DiffPlanVersionsQuery query, CancellationToken cancellationToken)
    {
        var plan = await store.ReadableAsync(query.PlanId, cancellationToken);
        var versions = await db.PlanVersions.AsNoTracking()
            .Where(v => v.PlanId == plan.Id && (v.Number == query.From || v.Number == query.To))
            .ToDictionaryAsync(v => v.Number, cancellationToken);
        if (!versions.TryGetValue(query.From, out var from) || !versions.TryGetValue(query.To, out var to))
        {
            throw new NotFoundException("tasks.plan_version_not_found", text["PlanVersionNotFound"]);
        }

        var sheet = await store.SheetAsync(plan, cancellationToken);
        var names = sheet.Indicators.ToDictionary(i => i.IndicatorId, i => $"{i.Code} {i.Name}");
        string Indicator(Guid id) => names.GetValueOrDefault(id) ?? id.ToString();

        var before = from.ReadMeasures();
        var after = to.ReadMeasures();
        var changes = new List<MeasureChange>();
        foreach (var now in after)
        {
            var was = before.FirstOrDefault(m => m.Id == now.Id);
            var fields = Fields(was, now, Indicator);
            if (was is null)
            {
                changes.Add(new MeasureChange(now.Id, MeasureChangeKind.Added, now.IndicatorId, Indicator(now.IndicatorId), now.Title, fields));
            }
            else if (fields.Count > 0)
            {
                changes.Add(new MeasureChange(now.Id, MeasureChangeKind.Changed, now.IndicatorId, Indicator(now.IndicatorId), now.Title, fields));
            }
        }

        foreach (var gone in before.Where(m => after.All(a => a.Id != m.Id)))
        {
            changes.Add(new MeasureChange(gone.Id, MeasureChangeKind.Removed, gone.IndicatorId, Indicator(gone.IndicatorId), gone.Title, Fields(gone, null, Indicator)));
        }

        return new PlanDiff(plan.Id, query.From, query.To, changes);
    }

    /// <summary>The fields that differ; against a missing side, every field that has a value.</summary>
    private static List<FieldChange> Fields(MeasureSnapshot? was, MeasureSnapshot? now, Func<Guid, string> indicator)
    {
        var pairs = new (string Field, string? Before, string? After)[]
        {
            ("indicator", was is null ? null : indicator(was.IndicatorId), now is null ? null : indicator(now.IndicatorId)),
            ("title", was?.Title, now?.Title),
            ("description", was?.Description, now?.Description),
            ("owner", was?.OwnerName, now?.OwnerName),
            ("milestones", Milestones(was), Milestones(now)),
            ("contingencyTrigger", was?.ContingencyTrigger, now?.ContingencyTrigger),
            ("contingencyActions", was?.ContingencyActions, now?.ContingencyActions),
        };
        return [.. pairs.Where(p => !string.Equals(p.Before, p.After, StringComparison.Ordinal)).Select(p => new FieldChange(p.Field, p.Before, p.After))];
    }

    private static string? Milestones(MeasureSnapshot? measure) =>
        measure is null || measure.Milestones.Count == 0
            ? null
            : string.Join("; ", measure.Milestones.Select(m =>
                $"{m.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} {m.ExpectedValue.ToString("0.####", CultureInfo.InvariantCulture)}{(m.Note is null ? "" : " " + m.Note)}"));
}

internal static class DiffPlanVersionsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/plans/{id:guid}/diff", async Task<Ok<PlanDiff>> (Guid id, int from, int to, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new DiffPlanVersionsQuery(id, from, to), ct)))
            .WithName("DiffPlanVersions").WithSummary("What changed between two versions of a plan, measure by measure and field by field.");
}
