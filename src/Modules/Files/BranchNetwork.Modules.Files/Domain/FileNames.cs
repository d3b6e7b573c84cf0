using System.Globalization;
using System.Text;
using BranchNetwork.Modules.Files.Contracts;

namespace BranchNetwork.Modules.Files.Domain;

/// <summary>
/// Turns whatever name a browser or client sent into a safe display and download name: no folders, no control
/// or bidirectional-override characters, none of the characters Windows refuses, no reserved device names,
/// at most <see cref="MaxLength"/> characters, and an extension that matches the type found in the content.
/// Chinese and other letters stay as they are.
/// </summary>
internal static class FileNames
{
    public const int MaxLength = 120;
    public const int ColumnLength = 200;

    private static readonly HashSet<string> ReservedOnWindows = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    public static string Sanitise(string? name, FileKind kind)
    {
        var raw = (name ?? "").Normalize(NormalizationForm.FormC);
        // Only the last segment: "..\..\x.pdf", "C:\x.pdf" and "/etc/x.pdf" keep "x.pdf".
        var lastSeparator = raw.LastIndexOfAny(['/', '\\']);
        if (lastSeparator >= 0)
        {
            raw = raw[(lastSeparator + 1)..];
        }

        var cleaned = new StringBuilder(raw.Length);
        foreach (var rune in raw.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator)
            {
                continue;
            }

            if (rune.IsAscii && "<>:\"|?*".Contains((char)rune.Value, StringComparison.Ordinal))
            {
                cleaned.Append('_');
                continue;
            }

            cleaned.Append(Rune.IsWhiteSpace(rune) ? " " : rune.ToString());
        }

        var text = string.Join(' ', cleaned.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim('.', ' ');
        var (stem, extension) = Split(text);
        if (!Extensions(kind).Contains(extension, StringComparer.OrdinalIgnoreCase))
        {
            // The name must not promise another type than the content has: "report.exe" holding a PDF becomes "report.exe.pdf".
            stem = text;
            extension = Extensions(kind)[0];
        }

        stem = stem.Trim('.', ' ');
        if (stem.Length == 0 || ReservedOnWindows.Contains(stem.Split('.')[0]))
        {
            stem = stem.Length == 0 ? "file" : "_" + stem;
        }

        var room = MaxLength - extension.Length;
        if (stem.Length > room)
        {
            // Cut on a whole character: never half of a surrogate pair.
            var cut = room;
            if (char.IsHighSurrogate(stem[cut - 1]))
            {
                cut--;
            }

            stem = stem[..cut].TrimEnd('.', ' ');
        }

        return stem + extension;
    }

    public static string[] Extensions(FileKind kind) => kind switch
    {
        FileKind.Pdf => [".pdf"],
        FileKind.Png => [".png"],
        FileKind.Jpeg => [".jpg", ".jpeg"],
        FileKind.Xlsx => [".xlsx"],
        FileKind.Docx => [".docx"],
        FileKind.Text => [".txt", ".csv"],
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static (string Stem, string Extension) Split(string name)
    {
        var dot = name.LastIndexOf('.');
        return dot <= 0 ? (name, "") : (name[..dot], name[dot..]);
    }
}
