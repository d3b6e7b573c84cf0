using System.Globalization;
using BranchNetwork.Infrastructure.Text;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.WorkLogs.Features.Shared;
using BranchNetwork.SharedKernel.Authorization;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.WorkLogs.Features.ExportLogs;

internal sealed record LogExportFile(byte[] Content, string ContentType, string FileName);

/// <summary>
/// WL-3 导出: a sub-branch's submitted logs of a month as one .xlsx sheet — one row per log (by day, then author), the
/// free texts, every template field met in the month as its own column (by label), the linked tasks with quantities and
/// the attachments by name, and amendments with their times. For the sub-branch's head and managers and head office's
/// supervisors; another sub-branch is not disclosed (404).
/// </summary>
[AllowedRoles(BankRoles.SubBranchHead, BankRoles.DepartmentManager, BankRoles.AccountingSupervisor, BankRoles.HeadOfficeSupervisor)]
internal sealed record ExportLogsQuery(Guid SubBranchId, string? Month) : IQuery<LogExportFile>;

internal sealed class ExportLogsValidator : AbstractValidator<ExportLogsQuery>
{
    public ExportLogsValidator()
    {
        RuleFor(q => q.SubBranchId).NotEmpty().WithName(_ => DomainText.Get("Reading_SubBranch"));
        RuleFor(q => q.Month).Must(m => ExportLogsHandler.FirstDay(m) is not null)
            .WithName(_ => DomainText.Get("Reading_Month")).WithMessage(_ => DomainText.Get("Reading_MonthFormat"));
    }
}

internal sealed class ExportLogsHandler(WorkLogsDbContext db, WorkLogsAccess access, IOrganisationDirectory directory) : IQueryHandler<ExportLogsQuery, LogExportFile>
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    // The same years as the other month parameters of the module: December 9999 has no month after it (a 500, not a 400).
    public static DateOnly? FirstDay(string? month) =>
        DateOnly.TryParseExact(month?.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day.Year is >= 2000 and <= 2100 ? day : null;

    public async ValueTask<LogExportFile> Handle(ExportLogsQuery query, CancellationToken cancellationToken)
    {
        access.User.RequireUserId();
        if (!await access.SupervisesSubBranchAsync(query.SubBranchId, cancellationToken))
        {
            throw NotFound();
        }

        var unit = await directory.FindUnitAsync(query.SubBranchId, cancellationToken);
        if (unit is not { Kind: OrgUnitKind.SubBranch })
        {
            throw NotFound();
        }

        var first = FirstDay(query.Month)!.Value;
        var last = first.AddMonths(1).AddDays(-1);
        var logs = await db.Logs.AsNoTracking()
            .Include(l => l.Lines).Include(l => l.FieldValues).Include(l => l.Amendments)
            .AsSplitQuery()
            .Where(l => l.SubBranchId == query.SubBranchId && l.State == LogState.Submitted && l.Day >= first && l.Day <= last)
            .ToListAsync(cancellationToken);
        logs = [.. logs.OrderBy(l => l.Day).ThenBy(l => l.AuthorName, StringComparer.Ordinal).ThenBy(l => l.Id)];

        // Columns of the template fields met in the month, in the order first met; a label used by two keys says its key.
        var fields = new List<TemplateField>();
        foreach (var field in logs.SelectMany(l => l.TemplateFields))
        {
            if (fields.All(f => f.Key != field.Key))
            {
                fields.Add(field);
            }
        }

        var fieldHeaders = fields.Select(f => fields.Count(o => o.Label == f.Label) > 1 ? $"{f.Label} ({f.Key})" : f.Label).ToList();
        string[] fixedHeaders =
        [
            T("Reading_ColDay"), T("Reading_ColAuthor"), T("Reading_ColTemplate"), T("Reading_ColTimeliness"), T("Reading_ColSubmittedAt"),
            T("Reading_ColDone"), T("Reading_ColProblems"), T("Reading_ColPlan"),
        ];
        string[] tailHeaders = [T("Reading_ColLines"), T("Reading_ColAttachments"), T("Reading_ColAmendments")];
        var headers = Unique([.. fixedHeaders, .. fieldHeaders, .. tailHeaders]);

        var rows = logs.Select(log =>
        {
            var values = log.FieldValues.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
            var row = new List<object?>
            {
                ChinaTime.ToDisplay(log.Day),
                log.AuthorName,
                log.TemplateName ?? "",
                log.Timeliness is { } t ? T($"Timeliness_{t}") : "",
                ChinaTime.ToDisplay(log.SubmittedAtUtc),
                log.Done ?? "",
                log.Problems ?? "",
                log.Plan ?? "",
            };
            row.AddRange(fields.Select(f => Cell(f, values.GetValueOrDefault(f.Key))));
            row.Add(string.Join("\n", log.Lines.OrderBy(l => l.TaskTitle, StringComparer.Ordinal).Select(l =>
                $"{l.TaskTitle} {l.Quantity.ToString("0.##", CultureInfo.InvariantCulture)}{l.Unit}" + (string.IsNullOrEmpty(l.Note) ? "" : $" ({l.Note})"))));
            row.Add(string.Join("\n", log.Attachments.Select(a => a.Name)));
            row.Add(string.Join("\n", log.Amendments.OrderBy(a => a.AddedAtUtc).Select(a => $"{ChinaTime.ToDisplay(a.AddedAtUtc)} {a.Text}")));
            return (IReadOnlyList<object?>)row;
        }).ToList();

        var content = await TableFile.WriteXlsxAsync(headers, rows, T("Reading_SheetName"), cancellationToken);
        var name = string.Format(CultureInfo.InvariantCulture, "{0}-{1}-{2}.xlsx", T("Reading_SheetName"), Safe(unit.Name), first.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        return new LogExportFile(content, ContentType, name);
    }

    private static string T(string key) => DomainText.Get(key);

    /// <summary>Numbers as numbers, so the sheet sums them; everything else as written.</summary>
    private static object? Cell(TemplateField field, string? value) =>
        value is null ? null
        : field.Type == TemplateFieldType.Number && decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) ? number
        : value;

    // A sheet's columns are keyed by header: a field labelled like a fixed column keeps both.
    private static List<string> Unique(IEnumerable<string> headers)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<string>();
        foreach (var header in headers)
        {
            var name = header;
            for (var n = 2; !seen.Add(name); n++)
            {
                name = $"{header} {n}";
            }

            result.Add(name);
        }

        return result;
    }

    private static string Safe(string name) => new([.. name.Select(c => Path.GetInvalidFileNameChars().Contains(c) || c is '"' or ',' ? '_' : c)]);

    private static NotFoundException NotFound() => new("worklogs.sub_branch_not_found", DomainText.Get("Reading_SubBranchNotFound"));
}

internal static class ExportLogsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/export", async Task<FileContentHttpResult> (Guid subBranchId, string? month, ISender sender, CancellationToken ct) =>
            {
                var file = await sender.Send(new ExportLogsQuery(subBranchId, month), ct);
                return TypedResults.File(file.Content, file.ContentType, file.FileName);
            })
            .WithName("ExportWorkLogs")
            .WithSummary("A sub-branch's submitted daily logs of a month (month=yyyy-MM) as .xlsx: one row per log, template fields as columns (WL-3).");
}
