using System.Globalization;
using BranchNetwork.Infrastructure.Text;
using BranchNetwork.Modules.Assessment.Features.Shared;
using BranchNetwork.Modules.Assessment.Resources;
using BranchNetwork.Modules.Identity.Contracts;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;


namespace BranchNetwork.Modules.Assessment.Features.ImportTargets;

/// <summary>AS-3: targets of a draft from CSV (UTF-8 or GB18030) or .xlsx, one row per sub-branch × indicator; all or nothing.</summary>
[AllowedRoles(BankRoles.TaskAdmin)]
[RequestBodyLimit(TableFile.MaxBytes + RequestBodyLimitAttribute.MultipartOverhead)]
internal sealed record ImportTargetsCommand(Guid SchemeId, byte[] Content) : ICommand<TargetGrid>;

internal sealed class ImportTargetsHandler(AssessmentDbContext db, AssessmentAccess access, SchemeCoverage coverage, ImportLog log, IStringLocalizer<AssessmentText> text)
    : ICommandHandler<ImportTargetsCommand, TargetGrid>
{
    private static readonly Dictionary<string, string[]> Columns = new()
    {
        ["subBranch"] = ImportLookup.SubBranchColumn,
        ["indicator"] = ImportLookup.IndicatorColumn,
        ["target"] = ["目标值", "目标", "目标任务", "Target", "Value"],
    };

    public async ValueTask<TargetGrid> Handle(ImportTargetsCommand command, CancellationToken cancellationToken)
    {
        access.User.EnsureAnyRole(BankRoles.TaskAdmin);
        var scheme = await access.VisibleSchemeAsync(command.SchemeId, cancellationToken);
        scheme.EnsureTargetsEditable();

        return await log.RecordAsync(scheme.Id, ImportKind.Targets, async () =>
        {
            var rows = ImportRows.Read(command.Content, Columns, text, out var missing)
                ?? throw new ValidationFailedException("file", string.Format(CultureInfo.CurrentCulture, text["ImportColumnMissing"], missing));
            var subBranches = await coverage.SubBranchesAsync(scheme, cancellationToken);
            var cells = new List<TargetCellInput>();
            var lines = new List<int>();
            foreach (var (line, values) in rows.Rows)
            {
                var sub = ImportLookup.SubBranch(subBranches, values["subBranch"]);
                var indicator = ImportLookup.Indicator(scheme, values["indicator"]);
                if (sub is null)
                {
                    rows.Error(line, "subBranch", string.Format(CultureInfo.CurrentCulture, text["ImportSubBranchUnknown"], values["subBranch"]));
                }

                if (indicator is null)
                {
                    rows.Error(line, "indicator", string.Format(CultureInfo.CurrentCulture, text["ImportIndicatorUnknown"], values["indicator"]));
                }

                if (!ImportLookup.TryNumber(values["target"], out var value) || value <= 0m)
                {
                    rows.Error(line, "target", text["TargetPositive"]);
                }

                if (sub is not null && indicator is not null)
                {
                    cells.Add(new TargetCellInput(sub.SubBranchId, indicator.IndicatorId, value));
                    lines.Add(line);
                }
            }

            if (rows.HasErrors)
            {
                throw new ValidationFailedException(rows.Errors);
            }

            if (cells.Count == 0)
            {
                throw new ValidationFailedException("file", text["ImportEmpty"]);
            }

            await TargetWriter.WriteAsync(db, scheme, subBranches, cells, n => $"row{lines[n]}", text, cancellationToken);
            return (await coverage.GridAsync(scheme, cancellationToken), cells.Count);
        }, cancellationToken);
    }
}

internal static class ImportTargetsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/schemes/{id:guid}/targets/import", async Task<Ok<TargetGrid>> (Guid id, HttpRequest request, ISender sender, IStringLocalizer<AssessmentText> text, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ImportTargetsCommand(id, await UploadedFile.ReadAsync(request, text, ct)), ct)))
            .DisableAntiforgery()
            .WithName("ImportTargets").WithSummary("Imports targets (multipart field 'file': CSV in UTF-8/GB18030 or .xlsx; columns 支行代码, 指标代码, 目标值), all or nothing (TaskAdmin).");
}
