using System.Globalization;
using System.Text;
using BranchNetwork.SharedKernel;
using BranchNetwork.SharedKernel.Errors;
using Microsoft.Extensions.Localization;
using MiniExcel = MiniExcelLibs.MiniExcel;

namespace BranchNetwork.Infrastructure.Text;

/// <summary>
/// Tables exchanged with bank staff, for every module: an uploaded sheet as rows of text cells, header row
/// first (.xlsx detected by content, or CSV in UTF-8 or GB18030), and tables written back as .xlsx or CSV.
/// </summary>
public static class TableFile
{
    public const long MaxBytes = 5 * 1024 * 1024;

    public static List<string[]> Read(byte[] content)
    {
        if (IsZip(content))
        {
            try
            {
                using var stream = new MemoryStream(content);
                var rows = new List<string[]>();
                foreach (IDictionary<string, object?> row in MiniExcel.Query(stream, useHeaderRow: false, excelType: MiniExcelLibs.ExcelType.XLSX))
                {
                    rows.Add(row.Values.Select(CellText).ToArray());
                }

                return rows;
            }
            catch (Exception exception) when (exception is InvalidDataException or IOException or System.Xml.XmlException or InvalidOperationException or KeyNotFoundException or NullReferenceException or IndexOutOfRangeException or ArgumentException)
            {
                throw new UnreadableFileException(exception);
            }
        }

        return CsvText.Parse(CsvText.Decode(content)).Select(r => r.Select(c => c.Trim()).ToArray()).ToList();
    }

    private static string CellText(object? value) => value switch
    {
        null => "",
        DateTime date => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)?.Trim() ?? "",
    };

    private static bool IsZip(byte[] content) => content.Length > 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;

    /// <summary>Index of the first header matching any alias (Chinese or English, case-insensitive), or -1.</summary>
    public static int Column(string[] header, params string[] aliases) =>
        Array.FindIndex(header, h => aliases.Any(a => string.Equals(h.Trim().TrimStart('\uFEFF'), a, StringComparison.OrdinalIgnoreCase)));

    public static bool IsBlank(string[] row) => row.All(string.IsNullOrWhiteSpace);

    public static string Cell(string[] row, int index) => index >= 0 && index < row.Length ? row[index] : "";

    /// <summary>
    /// CSV as Excel on Chinese Windows opens it: UTF-8 with a BOM, CRLF line ends (RFC 4180). Decimals are
    /// written with two places; a cell that Excel would run as a formula (= + - @) is quoted, and = + @ get
    /// a leading apostrophe.
    /// </summary>
    public static byte[] WriteCsv(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
    {
        var csv = new StringBuilder();
        csv.Append(string.Join(',', headers.Select(Quote))).Append("\r\n");
        foreach (var row in rows)
        {
            csv.Append(string.Join(',', row.Select(v => Quote(v is decimal d ? d.ToString("0.00", CultureInfo.InvariantCulture) : Convert.ToString(v, CultureInfo.InvariantCulture) ?? "")))).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    /// <summary>One sheet of an .xlsx workbook with <paramref name="headers"/> as its first row.</summary>
    public static async Task<byte[]> WriteXlsxAsync(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows, string sheetName, CancellationToken cancellationToken)
    {
        var sheet = rows.Select(row =>
        {
            var record = new Dictionary<string, object?>(headers.Count);
            for (var n = 0; n < headers.Count; n++)
            {
                record[headers[n]] = n < row.Count ? row[n] : null;
            }

            return record;
        }).ToList();
        using var stream = new MemoryStream();
        await MiniExcel.SaveAsAsync(stream, sheet, sheetName: sheetName, cancellationToken: cancellationToken);
        return stream.ToArray();
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 || value.StartsWith('=') || value.StartsWith('+') || value.StartsWith('-') || value.StartsWith('@')
            ? "\"" + (value.StartsWith('=') || value.StartsWith('+') || value.StartsWith('@') ? "'" : "") + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
}

/// <summary>The upload looked like a workbook but could not be read as one.</summary>
public sealed class UnreadableFileException(Exception inner) : Exception("The file is not a readable .xlsx workbook.", inner);

/// <summary>
/// Rows of an import with columns mapped to field names through header aliases (Chinese or English);
/// errors are collected as <c>row{N}.{field}</c> (N = line in the file, header = 1) so the import is all or nothing.
/// </summary>
public sealed class ImportRows
{
    private readonly Dictionary<string, List<string>> errors = [];

    private ImportRows(List<(int Line, Dictionary<string, string> Values)> rows) => Rows = rows;

    public List<(int Line, Dictionary<string, string> Values)> Rows { get; }

    public bool HasErrors => errors.Count > 0;

    public IReadOnlyDictionary<string, string[]> Errors => errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

    /// <summary>
    /// Null when a required column is missing (the caller reports it on <c>file</c>). An unreadable workbook is
    /// a 400 on <c>file</c> with the module's <c>ImportUnreadable</c> text from <paramref name="text"/>.
    /// </summary>
    public static ImportRows? Read(byte[] content, IReadOnlyDictionary<string, string[]> columns, IStringLocalizer text, out string? missingColumn)
    {
        List<string[]> table;
        try
        {
            table = TableFile.Read(content);
        }
        catch (UnreadableFileException)
        {
            throw new ValidationFailedException("file", text["ImportUnreadable"]);
        }

        missingColumn = null;
        if (table.Count == 0)
        {
            missingColumn = columns.First().Value[0];
            return null;
        }

        var header = table[0];
        var indexes = new Dictionary<string, int>();
        foreach (var (field, aliases) in columns)
        {
            var index = TableFile.Column(header, aliases);
            if (index < 0)
            {
                missingColumn = aliases[0];
                return null;
            }

            indexes[field] = index;
        }

        var rows = new List<(int, Dictionary<string, string>)>();
        for (var n = 1; n < table.Count; n++)
        {
            if (TableFile.IsBlank(table[n]))
            {
                continue;
            }

            rows.Add((n + 1, indexes.ToDictionary(i => i.Key, i => TableFile.Cell(table[n], i.Value))));
        }

        var imported = new ImportRows(rows);
        // Import columns are codes, names and figures: a bidirectional control in one is refused, row by row (ADR 0018).
        foreach (var (line, values) in rows)
        {
            foreach (var (field, value) in values.Where(v => TextGuard.HasBidiControl(v.Value)))
            {
                imported.Error(line, field, TextRules.BidiControlMessage);
            }
        }

        return imported;
    }

    public void Error(int line, string field, string message)
    {
        var key = $"row{line}.{field}";
        if (!errors.TryGetValue(key, out var list))
        {
            errors[key] = list = [];
        }

        list.Add(message);
    }
}
