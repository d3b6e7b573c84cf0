namespace BranchNetwork.Modules.Files.Storage;

/// <summary>The <c>Files</c> configuration section (ADR 0014).</summary>
internal sealed class FilesOptions
{
    public const string Section = "Files";

    /// <summary><c>Disk</c> (default, one node or a shared volume) or <c>Database</c> (several nodes, nothing else to run).</summary>
    public BlobLocation Store { get; set; } = BlobLocation.Disk;

    /// <summary>Folder of the disk store; relative paths are under the content root. Never under wwwroot: files are only served through the authorised endpoint.</summary>
    public string DiskPath { get; set; } = "data/files";

    /// <summary>A pending upload (no owner) older than this is an orphan and deleted.</summary>
    public int OrphanAfterHours { get; set; } = 24;

    /// <summary>When the orphan sweep runs (Hangfire cron, UTC).</summary>
    public string OrphanSweepCron { get; set; } = "17 * * * *";
}
