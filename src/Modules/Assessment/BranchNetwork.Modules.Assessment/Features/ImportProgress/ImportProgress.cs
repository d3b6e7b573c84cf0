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


namespace BranchNetwork.Modules.Assessment.Features.ImportProgress;

/// <summary>AS-4: progress from CSV/xlsx (columns 支行代码, 指标代码, 日期, 完成值), all or nothing (supervisor).</summary>
[AllowedRoles(BankRoles.HeadOfficeSupervisor)]
[RequestBodyLimit(TableFile.MaxBytes + RequestBodyLimitAttribute.MultipartOverhead)]
internal sealed record ImportProgressCommand(Guid SchemeId, byte[] Content) : ICommand<RecordProgressResult>;

internal sealed class ImportProgressHandler(AssessmentAccess access, SchemeCoverage coverage, ProgressWriter writer, ImportLog log, IStringLocalizer<AssessmentText> text)
    : ICommandHandler<ImportProgressCommand, RecordProgressResult>
{
    private static readonly Dictionary<string, string[]> Columns = new()
    {
        ["subBranch"] = ImportLookup.SubBranchColumn,
        ["indicator"] = ImportLookup.IndicatorColumn,
        ["date"] = ["日期", "统计日期", "Date"],
        ["value"] = ["完成值", "实际值", "完成", "Actual", "Value"],
    };

    public async ValueTask<RecordProgressResult> Handle(ImportProgressCommand command, CancellationToken cancellationToken)
    {
        access.User.EnsureAnyRole(BankRoles.HeadOfficeSupervisor);
        var scheme = await access.VisibleSchemeAsync(command.SchemeId, cancellationToken);
        return await log.RecordAsync(scheme.Id, ImportKind.Progress, async () =>
        {
            var rows = ImportRows.Read(command.Content, Columns, text, out var missing)
                ?? throw new ValidationFailedException("file", string.Format(CultureInfo.CurrentCulture, text["ImportColumnMissing"], missing));
            var subBranches = await coverage.SubBranchesAsync(scheme, cancellationToken);
            var inputs = new List<ProgressInput>();
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

                if (!ImportLookup.TryDate(values["date"], out var date))
                {
                    rows.Error(line, "date", text["ImportDateFormat"]);
                }

                if (!ImportLookup.TryNumber(values["value"], out var value) || value < 0m)
                {
                    rows.Error(line, "value", text["ProgressNonNegative"]);
                }

                if (sub is not null && indicator is not null)
                {
                    inputs.Add(new ProgressInput(sub.SubBranchId, indicator.IndicatorId, date, value));
                    lines.Add(line);
                }
            }

            if (rows.HasErrors)
            {
                throw new ValidationFailedException(rows.Errors);
            }

            if (inputs.Count == 0)
            {
                throw new ValidationFailedException("file", text["ImportEmpty"]);
            }

            var entries = await writer.AppendAsync(scheme.Id, inputs, ProgressSource.Import, n => $"row{lines[n]}", cancellationToken);
            return (new RecordProgressResult(entries.Count, entries.Select(ProgressWriter.ToDto).ToList()), entries.Count);
        }, cancellationToken);
    }
}

internal static class ImportProgressEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/schemes/{id:guid}/progress/import", async Task<Ok<RecordProgressResult>> (Guid id, HttpRequest request, ISender sender, IStringLocalizer<AssessmentText> text, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ImportProgressCommand(id, await UploadedFile.ReadAsync(request, text, ct)), ct)))
            .DisableAntiforgery()
            .WithName("ImportProgress").WithSummary("Imports progress (multipart field 'file': CSV or .xlsx; columns 支行代码, 指标代码, 日期, 完成值), all or nothing (supervisor).");
}
