using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using BranchNetwork.Infrastructure.Web;
using BranchNetwork.Modules.Audit.Resources;
using Microsoft.Extensions.Localization;

namespace BranchNetwork.Modules.Audit.Features.Shared;

/// <summary>A trail record as the auditor's console shows it (AU-4).</summary>
internal sealed record TrailRecordDto(
    Guid Id,
    long Seq,
    DateTime TimeUtc,
    AuditActorKind ActorKind,
    Guid? ActorUserId,
    string? ActorName,
    IReadOnlyList<string> ActorRoles,
    Guid? ActorUnitId,
    string Module,
    string EntityType,
    string? EntityId,
    string Operation,
    string? CorrelationId,
    IReadOnlyList<FieldChangeDto> Changes,
    string? Detail)
{
    /// <summary>The actor's name as colleagues know it (分行督导); null for the system, anonymous callers and removed users.</summary>
    public string? ActorDisplayName { get; init; }

    /// <summary>A page of records with their actors' display names, read in one query.</summary>
    public static async Task<KeysetPage<TrailRecordDto>> PageAsync(KeysetPage<AuditRecord> page, BranchNetwork.Modules.Identity.Contracts.IOrganisationDirectory directory, CancellationToken cancellationToken)
    {
        var names = await directory.GetDisplayNamesAsync(page.Items.Where(r => r.ActorUserId is not null).Select(r => r.ActorUserId!.Value).ToHashSet(), cancellationToken);
        return page.Select(r => From(r) with { ActorDisplayName = r.ActorUserId is { } id && names.TryGetValue(id, out var name) ? name : null });
    }

    public static TrailRecordDto From(AuditRecord r) => new(
        r.Id,
        r.Seq,
        r.TimeUtc,
        r.ActorKind,
        r.ActorUserId,
        r.ActorName,
        r.ActorRoles is null ? [] : r.ActorRoles.Split(',', StringSplitOptions.RemoveEmptyEntries),
        r.ActorUnitId,
        r.Module,
        r.EntityType,
        r.EntityId,
        r.Operation,
        r.CorrelationId,
        FieldChangeDto.Parse(r.Changes),
        r.Detail);
}

/// <summary>One changed field of a trail record: its value before and after, as the capture wrote them.</summary>
internal sealed record FieldChangeDto(string Field, string? Before, string? After)
{
    /// <summary>Reads the record's changes; a value that is not the expected JSON is shown whole rather than lost.</summary>
    public static IReadOnlyList<FieldChangeDto> Parse(string? changes)
    {
        if (string.IsNullOrWhiteSpace(changes))
        {
            return [];
        }

        try
        {
            using var json = JsonDocument.Parse(changes);
            if (json.RootElement.ValueKind != JsonValueKind.Array)
            {
                return [new FieldChangeDto("", null, changes)];
            }

            return [.. json.RootElement.EnumerateArray().Select(c => new FieldChangeDto(Text(c, "field") ?? "", Text(c, "before"), Text(c, "after")))];
        }
        catch (JsonException)
        {
            return [new FieldChangeDto("", null, changes)];
        }
    }

    private static string? Text(JsonElement change, string name)
    {
        if (change.ValueKind != JsonValueKind.Object || !change.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            JsonValueKind.String => value.GetString(),
            _ => value.GetRawText(),
        };
    }
}

/// <summary>
/// The time window every console search must name (AU-4: the trail and the access log grow without bound, so a
/// search is always cut to a window the indexes serve). Times without a zone are read as UTC.
/// </summary>
internal static class AuditWindow
{
    public static readonly TimeSpan MaxLength = TimeSpan.FromDays(31);

    public static DateTime? AsUtc(DateTime? value) => value switch
    {
        null => null,
        { Kind: DateTimeKind.Utc } utc => utc,
        { Kind: DateTimeKind.Local } local => local.ToUniversalTime(),
        var unspecified => DateTime.SpecifyKind(unspecified.Value, DateTimeKind.Utc),
    };

    /// <summary>Both ends required, from ≤ to, at most <see cref="MaxLength"/>; otherwise a 400 on <c>from</c> or <c>to</c>.</summary>
    public static (DateTime From, DateTime To) Require(DateTime? from, DateTime? to, IStringLocalizer<AuditText> text)
    {
        if (AsUtc(from) is not { } start || AsUtc(to) is not { } end)
        {
            throw new ValidationFailedException(from is null ? "from" : "to", text["WindowRequired", (int)MaxLength.TotalDays]);
        }

        return Check(start, end, text);
    }

    public static (DateTime From, DateTime To) Check(DateTime from, DateTime to, IStringLocalizer<AuditText> text)
    {
        if (from > to)
        {
            throw new ValidationFailedException("to", text["FromAfterTo"]);
        }

        if (to - from > MaxLength)
        {
            throw new ValidationFailedException("to", text["WindowTooLong", (int)MaxLength.TotalDays]);
        }

        return (from, to);
    }
}

/// <summary>An auditor's view filter of the trail (AU-4). User is an id or an exact user name.</summary>
internal sealed record TrailFilter(string? User, Guid? Unit, string? Module, string? EntityType, string? EntityId, string? Operation, DateTime From, DateTime To)
{
    /// <summary>The operations a record can carry; a filter on any other is refused (400), not answered with nothing.</summary>
    public static readonly IReadOnlyList<string> Operations =
    [
        AuditOperations.Create, AuditOperations.Update, AuditOperations.Delete, AuditOperations.Transition,
        AuditOperations.Search, AuditOperations.View, AuditOperations.Export, AuditOperations.Verify,
    ];

    public static TrailFilter Create(
        string? user, Guid? unit, string? module, string? entityType, string? entityId, string? operation, DateTime? from, DateTime? to, IStringLocalizer<AuditText> text)
    {
        var (start, end) = AuditWindow.Require(from, to, text);
        var op = Trim(operation);
        if (op is not null)
        {
            op = Operations.FirstOrDefault(o => string.Equals(o, op, StringComparison.OrdinalIgnoreCase))
                ?? throw new ValidationFailedException("operation", text["UnknownOperation", string.Join(", ", Operations)]);
        }

        return new TrailFilter(Trim(user), unit, Trim(module), Trim(entityType), Trim(entityId), op, start, end);
    }

    /// <summary>Each filter is an equality the console indexes serve, inside the window.</summary>
    public IQueryable<AuditRecord> Apply(IQueryable<AuditRecord> records)
    {
        var (from, to) = (From, To);
        records = records.Where(r => r.TimeUtc >= from && r.TimeUtc <= to);
        if (User is not null)
        {
            if (Guid.TryParse(User, out var userId))
            {
                records = records.Where(r => r.ActorUserId == userId);
            }
            else
            {
                var name = User;
                records = records.Where(r => r.ActorName == name);
            }
        }

        if (Unit is { } unit)
        {
            records = records.Where(r => r.ActorUnitId == unit);
        }

        if (Module is not null)
        {
            var module = Module;
            records = records.Where(r => r.Module == module);
        }

        if (EntityType is not null)
        {
            var type = EntityType;
            records = records.Where(r => r.EntityType == type);
        }

        if (EntityId is not null)
        {
            var id = EntityId;
            records = records.Where(r => r.EntityId == id);
        }

        if (Operation is not null)
        {
            var op = Operation;
            records = records.Where(r => r.Operation == op);
        }

        return records;
    }

    /// <summary>Names the list for page cursors: a cursor is valid only with the filters it was issued for.</summary>
    public string ListKey() => string.Join('|', "audit.trail", User, Unit, Module, EntityType, EntityId, Operation, From.Ticks, To.Ticks);

    public object Describe() => new { user = User, unit = Unit, module = Module, entityType = EntityType, entityId = EntityId, operation = Operation, from = From, to = To };

    private static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>The outcome classes of an access-log entry, as the console filters them.</summary>
internal static class AccessOutcome
{
    /// <summary>Answered below 400, or a successful sign-in.</summary>
    public const string Success = "success";

    /// <summary>Refused: 401, 403, a failed or locked-out sign-in.</summary>
    public const string Denied = "denied";

    /// <summary>Any other answer of 400 or above (client errors, 404, 429, server errors).</summary>
    public const string Error = "error";

    public static readonly IReadOnlyList<string> All = [Success, Denied, Error];
}

/// <summary>
/// An auditor's view filter of the access log (AU-1, AU-4). User name contains (as the list always did) or an exact
/// user id; path starts with; exact route template, status, unit; an outcome class; the window, by default the day
/// up to now, at most 31 days.
/// </summary>
internal sealed record AccessFilter(string? User, Guid? UserId, Guid? Unit, string? Path, string? Route, int? Status, string? Outcome, DateTime From, DateTime To)
{
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromDays(1);

    public static AccessFilter Create(
        string? user, Guid? userId, Guid? unit, string? path, string? route, int? status, string? outcome, DateTime? from, DateTime? to, DateTime now, IStringLocalizer<AuditText> text)
    {
        // The window was optional before AU-4: without one, the day up to now; with only "from", up to now; with only "to", the day before it.
        // A window longer than 31 days is refused, not cut: the auditor learns the search did not cover what was asked.
        var end = AuditWindow.AsUtc(to) ?? (from is null ? now : Max(now, AuditWindow.AsUtc(from)!.Value));
        var start = AuditWindow.AsUtc(from) ?? end - DefaultWindow;
        (start, end) = AuditWindow.Check(start, end, text);
        var cls = string.IsNullOrWhiteSpace(outcome) ? null : outcome.Trim().ToLowerInvariant();
        if (cls is not null && !AccessOutcome.All.Contains(cls))
        {
            throw new ValidationFailedException("outcome", text["UnknownOutcome", string.Join(", ", AccessOutcome.All)]);
        }

        return new AccessFilter(Trim(user), userId, unit, Trim(path), Trim(route), status, cls, start, end);
    }

    public IQueryable<AccessLogEntry> Apply(IQueryable<AccessLogEntry> entries)
    {
        var (from, to) = (From, To);
        entries = entries.Where(e => e.TimeUtc >= from && e.TimeUtc <= to);
        if (User is not null)
        {
            var user = User;
            entries = entries.Where(e => e.UserName != null && e.UserName.Contains(user));
        }

        if (UserId is { } userId)
        {
            entries = entries.Where(e => e.UserId == userId);
        }

        if (Unit is { } unit)
        {
            entries = entries.Where(e => e.UnitId == unit);
        }

        if (Path is not null)
        {
            var path = Path;
            entries = entries.Where(e => e.Path != null && e.Path.StartsWith(path));
        }

        if (Route is not null)
        {
            var route = Route;
            entries = entries.Where(e => e.RouteTemplate == route);
        }

        if (Status is { } status)
        {
            entries = entries.Where(e => e.Status == status);
        }

        return Outcome switch
        {
            AccessOutcome.Success => entries.Where(e => (e.Kind == AccessLogKind.Request && e.Status < 400) || e.Kind == AccessLogKind.SignIn),
            AccessOutcome.Denied => entries.Where(e => (e.Kind == AccessLogKind.Request && (e.Status == 401 || e.Status == 403)) || e.Kind == AccessLogKind.SignInFailed || e.Kind == AccessLogKind.LockedOut),
            AccessOutcome.Error => entries.Where(e => e.Kind == AccessLogKind.Request && e.Status >= 400 && e.Status != 401 && e.Status != 403),
            _ => entries,
        };
    }

    public object Describe() => new { user = User, userId = UserId, unit = Unit, path = Path, route = Route, status = Status, outcome = Outcome, from = From, to = To };

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    private static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>
/// Records an auditor's own search, view, export or verification in the trail (AU-4: the audit administrator is
/// audited too), appended to the chain like any other record, in the handler that served it.
/// </summary>
internal sealed class AuditorActions(AuditDbContext db, CurrentUser currentUser, IClock clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task RecordAsync(string operation, string entityType, string? entityId, object filter, long rows, CancellationToken cancellationToken)
    {
        var principal = currentUser.Principal;
        var unit = Guid.TryParse(principal.FindFirst("unit_id")?.Value, out var unitId) ? unitId : (Guid?)null;
        var detail = JsonSerializer.Serialize(new { filter, rows }, Json);
        var record = AuditRecord.Create(
            clock.UtcNow,
            AuditActorKind.User,
            currentUser.UserId,
            currentUser.UserName,
            string.Join(',', currentUser.Roles.Order(StringComparer.Ordinal)),
            unit,
            AuditDbContext.Module,
            entityType,
            entityId,
            operation,
            Activity.Current?.TraceId.ToString(),
            null,
            detail);
        return ChainAppender.AppendAsync(db, ChainNames.Trail, [record], cancellationToken);
    }
}

/// <summary>A file an export produced.</summary>
internal sealed record AuditFile(byte[] Content, string ContentType, string FileName);

/// <summary>
/// Writes console exports (AU-4): a header block with what was exported and the chain's verification, then the rows.
/// CSV: UTF-8 with BOM, CRLF, the header block as leading <c>#</c> lines; xlsx: a first sheet with the header block,
/// a second with the rows. Every text cell that a spreadsheet would run as a formula is neutralised.
/// </summary>
internal static class AuditExportFile
{
    /// <summary>The most rows one export carries; the header says when the filter matched more.</summary>
    public const int RowCap = 100_000;

    public static readonly IReadOnlyList<string> Formats = ["csv", "xlsx"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string RequireFormat(string? format, IStringLocalizer<AuditText> text)
    {
        var f = (format ?? "csv").Trim().ToLowerInvariant();
        return Formats.Contains(f) ? f : throw new ValidationFailedException("format", text["ExportFormat"]);
    }

    /// <summary>The header block: what, when, by whom, the filter, the rows, and the chain's verification with its last checkpoint.</summary>
    public static List<(string Key, string Value)> Header(string what, DateTime nowUtc, string? by, object filter, int rows, bool truncated, ChainVerification chain)
    {
        var lines = new List<(string, string)>
        {
            ("Export", what),
            ("Exported at (UTC)", Iso(nowUtc)),
            ("Exported by", by ?? ""),
            ("Filter", JsonSerializer.Serialize(filter, Json)),
            ("Rows", rows.ToString(CultureInfo.InvariantCulture)),
            ("Row cap", RowCap.ToString(CultureInfo.InvariantCulture)),
            ("Truncated at cap", truncated ? "yes" : "no"),
            ("Chain", chain.Chain),
            ("Chain intact", chain.Intact ? "yes" : "no"),
            ("Chain records checked", chain.RecordsChecked.ToString(CultureInfo.InvariantCulture)),
            ("Chain verified at (UTC)", Iso(chain.VerifiedAtUtc)),
            ("First break", chain.FirstBreak is { } b ? string.Create(CultureInfo.InvariantCulture, $"seq {b.Seq} {b.Kind} {b.RecordId}: {b.Description}") : "none"),
            ("Last checkpoint", chain.LastCheckpoint is { } c ? string.Create(CultureInfo.InvariantCulture, $"seq {c.Seq} hash {c.Hash} at {Iso(c.TimeUtc)} key {c.KeyId}") : "none"),
        };
        return lines;
    }

    public static async Task<AuditFile> WriteAsync(
        string format, string stem, IReadOnlyList<(string Key, string Value)> header, IReadOnlyList<string> columns, IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        if (format == "csv")
        {
            var csv = new System.Text.StringBuilder();
            foreach (var (key, value) in header)
            {
                csv.Append("# ").Append(OneLine(key)).Append(": ").Append(OneLine(value)).Append("\r\n");
            }

            csv.Append(string.Join(',', columns.Select(c => Quote(Neutralise(c))))).Append("\r\n");
            foreach (var row in rows)
            {
                csv.Append(string.Join(',', row.Select(v => Quote(Cell(v) is string s ? s : Convert.ToString(v, CultureInfo.InvariantCulture) ?? "")))).Append("\r\n");
            }

            return new AuditFile([.. System.Text.Encoding.UTF8.GetPreamble(), .. System.Text.Encoding.UTF8.GetBytes(csv.ToString())], "text/csv; charset=utf-8", stem + ".csv");
        }

        var headerSheet = header.Select(h => new Dictionary<string, object?> { ["Key"] = h.Key, ["Value"] = Neutralise(h.Value) }).ToList();
        var rowSheet = rows.Select(row =>
        {
            var record = new Dictionary<string, object?>(columns.Count);
            for (var n = 0; n < columns.Count; n++)
            {
                record[columns[n]] = n < row.Length ? Cell(row[n]) : null;
            }

            return record;
        }).ToList();
        var sheets = new Dictionary<string, object> { ["Verification"] = headerSheet, ["Records"] = rowSheet };
        using var stream = new MemoryStream();
        await MiniExcelLibs.MiniExcel.SaveAsAsync(stream, sheets, cancellationToken: cancellationToken);
        return new AuditFile(stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", stem + ".xlsx");
    }

    public static string Iso(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// A text cell a spreadsheet would evaluate (starting with = + - @, a tab or a carriage return, or their
    /// full-width forms) gets a leading apostrophe, so it is shown as text and never run.
    /// </summary>
    public static string Neutralise(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '＝' or '＋' or '－' or '＠' ? "'" + value : value;

    private static object? Cell(object? value) => value switch
    {
        null => null,
        string s => Neutralise(s),
        DateTime t => Iso(t),
        Guid g => g.ToString(),
        Enum e => e.ToString(),
        _ => value,
    };

    private static string OneLine(string value) => value.Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r', '#']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
