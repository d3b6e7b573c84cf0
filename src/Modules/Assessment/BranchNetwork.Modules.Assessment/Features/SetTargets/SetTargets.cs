using BranchNetwork.Modules.Assessment.Data;
using BranchNetwork.Modules.Assessment.Domain;
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

namespace BranchNetwork.Modules.Assessment.Features.SetTargets;

internal sealed record TargetCellInput(Guid SubBranchId, Guid IndicatorId, decimal Value);

internal sealed record SubBranchColumn(Guid SubBranchId, string Code, string Name);

internal sealed record TargetGrid(Guid SchemeId, SchemeStatus Status, IReadOnlyList<SubBranchColumn> SubBranches, IReadOnlyList<TargetGridIndicator> Indicators, IReadOnlyList<TargetCellInput> Cells, int MissingCount);

internal sealed record TargetGridIndicator(Guid IndicatorId, string Code, string Name, string Unit, decimal Weight);

/// <summary>The sub-branches a scheme covers: every active one while it is a draft, the issued sheets once published.</summary>
internal sealed class SchemeCoverage(AssessmentDbContext db, IOrganisationDirectory directory)
{
    public async Task<IReadOnlyList<SubBranchColumn>> SubBranchesAsync(AssessmentScheme scheme, CancellationToken ct)
    {
        if (scheme.Status != SchemeStatus.Draft)
        {
            return await db.Sheets.AsNoTracking().Where(s => s.SchemeId == scheme.Id).OrderBy(s => s.SubBranchCode)
                .Select(s => new SubBranchColumn(s.SubBranchId, s.SubBranchCode, s.SubBranchName)).ToListAsync(ct);
        }

        return (await directory.ListSubBranchesAsync(ct)).Where(u => !u.IsRetired).OrderBy(u => u.Code, StringComparer.Ordinal)
            .Select(u => new SubBranchColumn(u.Id, u.Code, u.Name)).ToList();
    }

    public async Task<TargetGrid> GridAsync(AssessmentScheme scheme, CancellationToken ct)
    {
        var subBranches = await SubBranchesAsync(scheme, ct);
        var cells = await db.Targets.AsNoTracking().Where(t => t.SchemeId == scheme.Id)
            .Select(t => new TargetCellInput(t.SubBranchId, t.IndicatorId, t.Value)).ToListAsync(ct);
        var indicators = scheme.Indicators.OrderBy(i => i.SortOrder).Select(i => new TargetGridIndicator(i.IndicatorId, i.Code, i.Name, i.Unit, i.Weight)).ToList();
        var present = cells.Select(c => (c.SubBranchId, c.IndicatorId)).ToHashSet();
        var missing = subBranches.Sum(s => indicators.Count(i => !present.Contains((s.SubBranchId, i.IndicatorId))));
        return new TargetGrid(scheme.Id, scheme.Status, subBranches, indicators, cells, missing);
    }
}

/// <summary>AS-3: sets targets of a draft scheme from the grid (TaskAdmin). Only the given cells change.</summary>
internal sealed record SetTargetsCommand(Guid SchemeId, IReadOnlyList<TargetCellInput> Cells) : ICommand<TargetGrid>;

internal sealed class SetTargetsValidator : AbstractValidator<SetTargetsCommand>
{
    public SetTargetsValidator(IStringLocalizer<AssessmentText> text)
    {
        RuleFor(c => c.Cells).NotNull().Must(c => c is { Count: > 0 and <= 50_000 }).WithMessage(text["CellsRequired"]);
        RuleForEach(c => c.Cells).NotNull().ChildRules(cell =>
            cell.RuleFor(x => x.Value).GreaterThan(0m).WithMessage(text["TargetPositive"]).LessThan(1_000_000_000_000m))
            .When(c => c.Cells is not null);
    }
}

internal static class TargetWriter
{
    /// <summary>Checks every cell belongs to the scheme, then upserts; errors are keyed by <paramref name="fieldOf"/> so nothing is written unless all are good.</summary>
    public static async Task WriteAsync(
        AssessmentDbContext db,
        AssessmentScheme scheme,
        IReadOnlyList<SubBranchColumn> subBranches,
        IReadOnlyList<TargetCellInput> cells,
        Func<int, string> fieldOf,
        IStringLocalizer<AssessmentText> text,
        CancellationToken ct)
    {
        var subIds = subBranches.Select(s => s.SubBranchId).ToHashSet();
        var indicatorIds = scheme.Indicators.Select(i => i.IndicatorId).ToHashSet();
        var errors = new Dictionary<string, string[]>();
        var seen = new HashSet<(Guid, Guid)>();
        for (var n = 0; n < cells.Count; n++)
        {
            var cell = cells[n];
            if (!subIds.Contains(cell.SubBranchId))
            {
                errors[fieldOf(n) + ".subBranchId"] = [text["SubBranchNotInScheme"]];
            }
            else if (!indicatorIds.Contains(cell.IndicatorId))
            {
                errors[fieldOf(n) + ".indicatorId"] = [text["IndicatorNotInScheme"]];
            }
            else if (!seen.Add((cell.SubBranchId, cell.IndicatorId)))
            {
                errors[fieldOf(n)] = [text["TargetDuplicateCell"]];
            }
        }

        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }

        var existing = await db.Targets.Where(t => t.SchemeId == scheme.Id).ToDictionaryAsync(t => (t.SubBranchId, t.IndicatorId), ct);
        foreach (var cell in cells)
        {
            if (existing.TryGetValue((cell.SubBranchId, cell.IndicatorId), out var target))
            {
                target.Value = cell.Value;
            }
            else
            {
                db.Targets.Add(new Target { SchemeId = scheme.Id, SubBranchId = cell.SubBranchId, IndicatorId = cell.IndicatorId, Value = cell.Value });
            }
        }

        await db.SaveChangesAsync(ct);
    }
}

internal sealed class SetTargetsHandler(AssessmentDbContext db, AssessmentAccess access, SchemeCoverage coverage, IStringLocalizer<AssessmentText> text)
    : ICommandHandler<SetTargetsCommand, TargetGrid>
{
    public async ValueTask<TargetGrid> Handle(SetTargetsCommand command, CancellationToken cancellationToken)
    {
        access.User.EnsureAnyRole(BankRoles.TaskAdmin);
        var scheme = await access.VisibleSchemeAsync(command.SchemeId, cancellationToken);
        if (scheme.Status != SchemeStatus.Draft)
        {
            throw access.NotInStatus("TargetsFrozen");
        }

        var subBranches = await coverage.SubBranchesAsync(scheme, cancellationToken);
        await TargetWriter.WriteAsync(db, scheme, subBranches, command.Cells, n => $"cells[{n}]", text, cancellationToken);
        return await coverage.GridAsync(scheme, cancellationToken);
    }
}

internal sealed record GetTargetsQuery(Guid SchemeId) : IQuery<TargetGrid>;

internal sealed class GetTargetsHandler(AssessmentAccess access, SchemeCoverage coverage) : IQueryHandler<GetTargetsQuery, TargetGrid>
{
    public async ValueTask<TargetGrid> Handle(GetTargetsQuery query, CancellationToken cancellationToken)
    {
        // Targets of every sub-branch are the head office's working paper; a sub-branch reads its own on its sheet.
        access.User.EnsureAnyRole(BankRoles.TaskAdmin, BankRoles.HeadOfficeSupervisor, BankRoles.Auditor);
        var scheme = await access.VisibleSchemeAsync(query.SchemeId, cancellationToken);
        return await coverage.GridAsync(scheme, cancellationToken);
    }
}

internal static class SetTargetsEndpoints
{
    internal sealed record Body(IReadOnlyList<TargetCellInput> Cells);

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/schemes/{id:guid}/targets", async Task<Ok<TargetGrid>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetTargetsQuery(id), ct)))
            .WithName("GetTargets").WithSummary("The target grid (sub-branch × indicator) of a scheme (head office).");
        api.MapPut("/schemes/{id:guid}/targets", async Task<Ok<TargetGrid>> (Guid id, Body body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new SetTargetsCommand(id, body.Cells), ct)))
            .WithName("SetTargets").WithSummary("Sets targets of a draft scheme (TaskAdmin); every value must be > 0.");
    }
}
