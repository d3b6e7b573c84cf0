using System.Globalization;
using System.Text;
using BranchNetwork.Modules.Assessment.Features.Shared;
using BranchNetwork.Modules.Assessment.Resources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using MiniExcel = MiniExcelLibs.MiniExcel;

namespace BranchNetwork.Modules.Assessment.Features.ExportScores;

internal sealed record ScoreFile(byte[] Content, string ContentType, string FileName);

/// <summary>AS-9: the score table of a scheme (rank, sub-branch, a score column per indicator, adjustment, total, grade), headers and grades in the reader's language.</summary>
[AnySignedInUser]
internal sealed record ExportScoresQuery(Guid SchemeId, string Format) : IQuery<ScoreFile>;

internal sealed class ExportScoresHandler(AssessmentAccess access, SchemeResultsReader reader, IStringLocalizer<AssessmentText> text) : IQueryHandler<ExportScoresQuery, ScoreFile>
{
    public async ValueTask<ScoreFile> Handle(ExportScoresQuery query, CancellationToken cancellationToken)
    {
        var format = query.Format.ToLowerInvariant();
        if (format is not ("xlsx" or "csv"))
        {
            throw new ValidationFailedException("format", text["ExportFormat"]);
        }

        access.User.RequireUserId();
        var scheme = await access.VisibleSchemeAsync(query.SchemeId, cancellationToken);
        var results = await reader.ReadAsync(scheme, cancellationToken);
        var headers = new List<string> { text["Export_Rank"], text["Export_SubBranchCode"], text["Export_SubBranch"] };
        headers.AddRange(results.Indicators.Select(i => string.Format(CultureInfo.CurrentCulture, text["Export_IndicatorWeight"], i.Name, i.Weight.ToString("0.##", CultureInfo.InvariantCulture))));
        headers.AddRange([text["Export_Adjustment"], text["Export_Total"], text["Export_Grade"]]);
        var rows = results.Rows.Select(r =>
        {
            var values = new List<object> { r.Rank, r.SubBranchCode, r.SubBranchName };
            values.AddRange(results.Indicators.Select(i => (object)(r.Cells.FirstOrDefault(c => c.IndicatorId == i.IndicatorId)?.Score ?? 0m)));
            values.AddRange([r.Adjustment, r.Total, text[$"Export_Grade{r.Grade}"].Value]);
            return values;
        }).ToList();

        var stem = string.Format(CultureInfo.CurrentCulture, text["Export_FileStem"], Safe(scheme.Name));
        if (format == "csv")
        {
            var csv = new StringBuilder();
            // RFC 4180: CRLF line ends; scores with two decimals as on the printed table.
            csv.Append(string.Join(',', headers.Select(Quote))).Append("\r\n");
            foreach (var row in rows)
            {
                csv.Append(string.Join(',', row.Select(v => Quote(v is decimal d ? d.ToString("0.00", CultureInfo.InvariantCulture) : Convert.ToString(v, CultureInfo.InvariantCulture) ?? "")))).Append("\r\n");
            }

            // A BOM so Excel on Chinese Windows opens the UTF-8 file with the right encoding.
            return new ScoreFile([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())], "text/csv; charset=utf-8", stem + ".csv");
        }

        var sheet = rows.Select(row =>
        {
            var record = new Dictionary<string, object>(headers.Count);
            for (var n = 0; n < headers.Count; n++)
            {
                record[headers[n]] = row[n];
            }

            return record;
        }).ToList();
        using var stream = new MemoryStream();
        await MiniExcel.SaveAsAsync(stream, sheet, sheetName: text["Export_SheetName"], cancellationToken: cancellationToken);
        return new ScoreFile(stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", stem + ".xlsx");
    }

    private static string Safe(string name) => new(name.Select(c => Path.GetInvalidFileNameChars().Contains(c) || c is '"' or ',' ? '_' : c).ToArray());

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 || value.StartsWith('=') || value.StartsWith('+') || value.StartsWith('-') || value.StartsWith('@')
            ? "\"" + (value.StartsWith('=') || value.StartsWith('+') || value.StartsWith('@') ? "'" : "") + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
}

internal static class ExportScoresEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/schemes/{id:guid}/export", async Task<FileContentHttpResult> (Guid id, string? format, ISender sender, CancellationToken ct) =>
            {
                var file = await sender.Send(new ExportScoresQuery(id, format ?? "xlsx"), ct);
                return TypedResults.File(file.Content, file.ContentType, file.FileName);
            })
            .WithName("ExportScores").WithSummary("The score table as .xlsx (default) or CSV (?format=csv), Chinese headers (AS-9).");
}
