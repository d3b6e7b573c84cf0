using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace BranchNetwork.Modules.Audit.Features.RecordAccess;

/// <summary>
/// Which answered requests stay out of the access log (ADR 0007, 0025): health probes and static files would bury
/// the requests that matter (one load run logged 1.3 M of them) — unless they were refused or failed (status ≥ 400
/// other than 404). Configured by <c>AccessLog:SkipPathPrefixes</c>, <c>AccessLog:SkipExtensions</c> and
/// <c>AccessLog:SkipHealthAndStaticFiles</c>.
/// </summary>
internal sealed class AccessLogSkipList
{
    private readonly bool enabled;
    private readonly PathString[] prefixes;
    private readonly HashSet<string> extensions;

    // Looked up by the path's own characters: no string per request.
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> extensionLookup;

    public AccessLogSkipList(IOptions<AccessLogOptions> options)
    {
        var settings = options.Value;
        enabled = settings.SkipHealthAndStaticFiles;
        prefixes = (settings.SkipPathPrefixes ?? AccessLogOptions.DefaultSkipPathPrefixes)
            .Where(p => !string.IsNullOrWhiteSpace(p))
            .Select(p => new PathString("/" + p.Trim().Trim('/')))
            .ToArray();
        extensions = new HashSet<string>(
            (settings.SkipExtensions ?? AccessLogOptions.DefaultSkipExtensions)
                .Where(e => !string.IsNullOrWhiteSpace(e))
                .Select(e => "." + e.Trim().TrimStart('.')),
            StringComparer.OrdinalIgnoreCase);
        extensionLookup = extensions.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public bool IsSkipped(string? path, int status)
    {
        if (!enabled || (status >= 400 && status != StatusCodes.Status404NotFound) || string.IsNullOrEmpty(path))
        {
            return false;
        }

        var pathString = new PathString(path);
        foreach (var prefix in prefixes)
        {
            if (pathString.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        var lastSegment = path.AsSpan(path.LastIndexOf('/') + 1);
        var dot = lastSegment.LastIndexOf('.');
        return dot > 0 && extensionLookup.Contains(lastSegment[dot..]);
    }
}
