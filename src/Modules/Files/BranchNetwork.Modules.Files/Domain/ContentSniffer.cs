using System.IO.Compression;
using System.Text;
using BranchNetwork.Modules.Files.Contracts;

namespace BranchNetwork.Modules.Files.Domain;

/// <summary>
/// The type of a file from its bytes, never from its name: PDF, PNG and JPEG by their signatures; xlsx and docx
/// as zip containers with the Office Open XML parts (macro projects refused); text as strict UTF-8 without NULs
/// or other control characters than tab, line breaks and form feed. Anything else is unknown (null).
/// </summary>
internal static class ContentSniffer
{
    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static FileKind? Detect(byte[] content)
    {
        ReadOnlySpan<byte> bytes = content;
        if (bytes.IsEmpty)
        {
            return null;
        }

        if (bytes.StartsWith(Pdf))
        {
            return FileKind.Pdf;
        }

        if (bytes.StartsWith(Png))
        {
            return FileKind.Png;
        }

        if (bytes.StartsWith(Jpeg))
        {
            return FileKind.Jpeg;
        }

        if (bytes.StartsWith(Zip))
        {
            return OfficeContainer(content);
        }

        return IsText(bytes) ? FileKind.Text : null;
    }

    public static string ContentType(FileKind kind, string fileName) => kind switch
    {
        FileKind.Pdf => "application/pdf",
        FileKind.Png => "image/png",
        FileKind.Jpeg => "image/jpeg",
        FileKind.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        FileKind.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        FileKind.Text when fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) => "text/csv; charset=utf-8",
        FileKind.Text => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    };

    // Reads the zip's directory only (nothing is extracted, so a zip bomb costs nothing).
    private static FileKind? OfficeContainer(byte[] content)
    {
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (!names.Contains("[Content_Types].xml") || names.Any(n => n.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase)))
            {
                return null;
            }

            return names.Contains("xl/workbook.xml") ? FileKind.Xlsx
                : names.Contains("word/document.xml") ? FileKind.Docx
                : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private static bool IsText(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0C))
            {
                return false;
            }

            if (b == 0x7F)
            {
                return false;
            }
        }

        try
        {
            StrictUtf8.GetCharCount(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
