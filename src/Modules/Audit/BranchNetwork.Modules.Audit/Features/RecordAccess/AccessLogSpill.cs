using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BranchNetwork.Modules.Audit.Features.RecordAccess;

/// <summary>
/// The local overflow of the access log (ADR 0025): entries the buffer cannot hold, or the database would not take,
/// are appended as JSON lines to a file in a folder of this database (a hash of the connection string, so two apps on
/// two databases never replay each other's entries). Each append reaches the operating system before it returns, so a
/// killed process loses nothing it spilled. <see cref="AccessLogWriter"/> replays the files at start and whenever the
/// database takes writes again, then deletes them.
/// </summary>
internal sealed class AccessLogSpill : IDisposable
{
    private const string Extension = ".jsonl";

    private readonly Lock gate = new();
    private readonly ILogger<AccessLogSpill> logger;
    private FileStream? current;
    private string? currentPath;
    private long spilledTotal;
    private long replayedTotal;
    private bool reportedSince;

    public AccessLogSpill(IOptions<AccessLogOptions> options, IConfiguration configuration, IHostEnvironment environment, ILogger<AccessLogSpill> logger)
        : this(DirectoryOf(options.Value, configuration, environment), logger)
    {
    }

    internal AccessLogSpill(string directory, ILogger<AccessLogSpill> logger)
    {
        Directory = directory;
        this.logger = logger;
    }

    public string Directory { get; }

    private static string DirectoryOf(AccessLogOptions options, IConfiguration configuration, IHostEnvironment environment)
    {
        var root = Path.IsPathRooted(options.SpillDirectory) ? options.SpillDirectory : Path.Combine(environment.ContentRootPath, options.SpillDirectory);
        var database = configuration.GetConnectionString("BranchNetwork") ?? "";
        return Path.Combine(root, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(database)))[..16]);
    }

    /// <summary>Entries written to the spill file since the app started.</summary>
    public long SpilledTotal => Interlocked.Read(ref spilledTotal);

    /// <summary>Spilled entries stored in the database since the app started (also those of an earlier run).</summary>
    public long ReplayedTotal => Interlocked.Read(ref replayedTotal);

    /// <summary>Whether any spilled entry still waits for the database (cheap: no disk access while nothing was spilled).</summary>
    public bool HasPending
    {
        get
        {
            lock (gate)
            {
                return current is not null || (System.IO.Directory.Exists(Directory) && System.IO.Directory.EnumerateFiles(Directory, "*" + Extension).Any());
            }
        }
    }

    /// <summary>Appends the entries; false when the disk refused them too (the caller counts them as dropped).</summary>
    public bool TryAppend(IReadOnlyCollection<AccessLogEntry> entries)
    {
        if (entries.Count == 0)
        {
            return true;
        }

        try
        {
            var lines = new StringBuilder();
            foreach (var entry in entries)
            {
                lines.Append(JsonSerializer.Serialize(SpilledEntry.Of(entry))).Append('\n');
            }

            var bytes = Encoding.UTF8.GetBytes(lines.ToString());
            lock (gate)
            {
                if (current is null)
                {
                    System.IO.Directory.CreateDirectory(Directory);
                    currentPath = Path.Combine(Directory, $"{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}{Extension}.open");
                    // No sharing: the lock tells other nodes and hosts on this folder that the file is still being written.
                    current = new FileStream(currentPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024);
                }

                current.Write(bytes);
                // To the operating system now: a killed process loses nothing it spilled (a power cut may, see ADR 0025).
                current.Flush();
                spilledTotal += entries.Count;
                if (!reportedSince)
                {
                    reportedSince = true;
                    logger.LogWarning("Access-log entries are spilling to {File}: the buffer is full or the database refuses writes; they are replayed when it takes them again", currentPath);
                }
            }

            return true;
        }
        catch (Exception e)
        {
            logger.LogError(e, "Could not spill {Count} access-log entries to {Directory}", entries.Count, Directory);
            return false;
        }
    }

    /// <summary>Closes the file being written (new spills start a new one) and returns every complete file, oldest first.</summary>
    public IReadOnlyList<string> CloseAndList()
    {
        lock (gate)
        {
            if (current is not null)
            {
                current.Dispose();
                File.Move(currentPath!, currentPath![..^".open".Length]);
                current = null;
                currentPath = null;
                reportedSince = false;
            }

            if (!System.IO.Directory.Exists(Directory))
            {
                return [];
            }

            // A file left ".open" by a stopped or killed process is complete up to its last whole line; one still open
            // (another node on this folder, another host in this process) is locked and left alone.
            foreach (var orphan in System.IO.Directory.EnumerateFiles(Directory, "*" + Extension + ".open"))
            {
                if (Claim(orphan) is { } unused)
                {
                    unused.Dispose();
                    File.Move(orphan, orphan[..^".open".Length]);
                }
            }

            return [.. System.IO.Directory.EnumerateFiles(Directory, "*" + Extension).Order(StringComparer.Ordinal)];
        }
    }

    /// <summary>
    /// Opens a spilled file for replay, exclusively: null when another writer or replayer holds it (or it is gone).
    /// The caller deletes the file while it still holds it, so no two nodes replay one file.
    /// </summary>
    public static FileStream? Claim(string file)
    {
        try
        {
            return new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Reads a spilled file. A torn line (only a power cut in the middle of a write leaves one) is counted as dropped.</summary>
    public List<AccessLogEntry> Read(FileStream file, out int torn)
    {
        var entries = new List<AccessLogEntry>();
        torn = 0;
        using var reader = new StreamReader(file, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        while (reader.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                entries.Add(JsonSerializer.Deserialize<SpilledEntry>(line)!.ToEntry());
            }
            catch (JsonException e)
            {
                torn++;
                logger.LogError(e, "A torn line in the access-log spill file {File} cannot be replayed", file.Name);
            }
        }

        return entries;
    }

    public void Replayed(int count) => Interlocked.Add(ref replayedTotal, count);

    public void Dispose()
    {
        lock (gate)
        {
            current?.Dispose();
            current = null;
        }
    }

    /// <summary>An entry as it is spilled: every field the chain's hash covers, the time in ticks.</summary>
    private sealed record SpilledEntry(
        Guid Id, long Ticks, int Kind, Guid? UserId, string? UserName, string? Roles, Guid? UnitId, string? Ip, string? Method,
        string? RouteTemplate, string? Path, int Status, double DurationMs, string? Detail)
    {
        public static SpilledEntry Of(AccessLogEntry e) => new(
            e.Id, e.TimeUtc.Ticks, (int)e.Kind, e.UserId, e.UserName, e.Roles, e.UnitId, e.Ip, e.Method, e.RouteTemplate, e.Path, e.Status, e.DurationMs, e.Detail);

        public AccessLogEntry ToEntry() => AccessLogEntry.Restore(
            Id, new DateTime(Ticks, DateTimeKind.Utc), (AccessLogKind)Kind, UserId, UserName, Roles, UnitId, Ip, Method, RouteTemplate, Path, Status, DurationMs, Detail);
    }
}
