using System.Text.Encodings.Web;
using System.Text.Json;

namespace BranchNetwork.Modules.Assessment.Domain;

/// <summary>What an import file was for.</summary>
internal enum ImportKind
{
    Targets,
    Progress,
}

/// <summary>One row error of a refused import: where (e.g. <c>row3.subBranch</c>) and what, in the importer's language.</summary>
internal sealed record ImportRowError(string Field, string Message);

/// <summary>
/// The record of one import of targets or progress (AS-3, AS-4), kept whether the file was taken or refused, so the
/// task admin can see what went wrong in the last upload after the answer that said so has gone from the screen.
/// Imports are all or nothing: a refused one changed no business row, only this record.
/// </summary>
internal sealed class ImportRun : Entity
{
    /// <summary>The first errors are enough to correct a file; a file with thousands of bad rows is the same mistake repeated.</summary>
    public const int KeptErrors = 50;

    public const int ByNameMaxLength = 100;

    /// <summary>What <see cref="ErrorDetails"/> holds at most; errors past it are counted, not kept.</summary>
    public const int ErrorDetailsMaxLength = 4000;

    // Chinese messages kept as they read (not \uXXXX escapes): four times as many errors fit.
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // For EF Core.
    private ImportRun()
    {
        ErrorDetails = "[]";
    }

    public Guid SchemeId { get; private set; }

    public ImportKind Kind { get; private set; }

    public Guid ByUserId { get; private set; }

    public string? ByName { get; private set; }

    /// <summary>Cells written when the file was taken; 0 when it was refused.</summary>
    public int Rows { get; private set; }

    public int ErrorCount { get; private set; }

    /// <summary>JSON list of the first <see cref="KeptErrors"/> <see cref="ImportRowError"/>s.</summary>
    public string ErrorDetails { get; private set; }

    public static ImportRun Taken(Guid schemeId, ImportKind kind, int rows, Guid byUserId, string? byName) => new()
    {
        SchemeId = schemeId,
        Kind = kind,
        Rows = rows,
        ByUserId = byUserId,
        ByName = Cut(byName),
    };

    public static ImportRun Refused(Guid schemeId, ImportKind kind, IReadOnlyDictionary<string, string[]> errors, Guid byUserId, string? byName)
    {
        var all = errors.SelectMany(e => e.Value.Select(m => new ImportRowError(e.Key, m))).ToList();
        return new ImportRun
        {
            SchemeId = schemeId,
            Kind = kind,
            ByUserId = byUserId,
            ByName = Cut(byName),
            ErrorCount = Math.Max(1, all.Count),
            ErrorDetails = Keep(all.Take(KeptErrors).ToList()),
        };
    }

    public IReadOnlyList<ImportRowError> Errors() =>
        JsonSerializer.Deserialize<List<ImportRowError>>(ErrorDetails, Json) ?? [];

    private static string Keep(List<ImportRowError> errors)
    {
        var json = JsonSerializer.Serialize(errors, Json);
        while (json.Length > ErrorDetailsMaxLength && errors.Count > 0)
        {
            errors.RemoveAt(errors.Count - 1);
            json = JsonSerializer.Serialize(errors, Json);
        }

        return json;
    }

    private static string? Cut(string? name) => name is { Length: > ByNameMaxLength } ? name[..ByNameMaxLength] : name;
}
