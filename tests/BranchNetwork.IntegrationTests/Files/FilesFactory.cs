using BranchNetwork.Testing;

namespace BranchNetwork.IntegrationTests.Files;

/// <summary>The app with the disk file store in a folder of its own, removed afterwards.</summary>
public class FilesFactory : BranchNetworkFactory
{
    public string FilesFolder { get; } = Path.Combine(Path.GetTempPath(), "branchnet-files", Guid.NewGuid().ToString("N"));

    /// <summary><c>Files:Store</c>.</summary>
    protected virtual string Store => "Disk";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Files:Store"] = Store,
        ["Files:DiskPath"] = FilesFolder,
    };

    /// <summary>Blobs on disk right now.</summary>
    public int BlobsOnDisk() => Directory.Exists(FilesFolder) ? Directory.EnumerateFiles(FilesFolder, "*", SearchOption.AllDirectories).Count() : 0;

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(FilesFolder))
        {
            Directory.Delete(FilesFolder, recursive: true);
        }

        GC.SuppressFinalize(this);
    }
}

/// <summary>The same app with <c>Files:Store</c> = <c>Database</c>, as several nodes would run it.</summary>
public sealed class DatabaseFilesFactory : FilesFactory
{
    protected override string Store => "Database";
}

/// <summary>Sample contents, each recognisable (or not) by its first bytes.</summary>
internal static class SampleFiles
{
    /// <summary>A small PDF with every byte value after the header, so a round trip that changes any byte shows.</summary>
    public static byte[] Pdf() => [.. "%PDF-1.4\n%\u00e2\u00e3\n1 0 obj <<>> endobj\ntrailer <<>>\n"u8.ToArray(), .. Enumerable.Range(0, 256).Select(i => (byte)i), .. "\n%%EOF\n"u8.ToArray()];

    /// <summary>The start of a Windows executable (MZ header, NULs), whatever it is called.</summary>
    public static byte[] Executable() => [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00, .. new byte[512]];

    public static MultipartFormDataContent Form(byte[] content, string fileName, string field = "file")
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        form.Add(file, field, fileName);
        return form;
    }
}
