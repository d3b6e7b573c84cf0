using BranchNetwork.Modules.Audit.Contracts;
using BranchNetwork.Modules.Audit.Domain;
using BranchNetwork.Modules.Audit.Features.RecordAccess;
using BranchNetwork.SharedKernel;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BranchNetwork.UnitTests.Audit;

[Trait("Spec", "AU-1")]
public sealed class AccessLogRulesTests
{
    [Theory]
    [InlineData("/_framework/blazor.web.js", 200, true)]
    [InlineData("/_content/MudBlazor/MudBlazor.min.css", 304, true)]
    [InlineData("/_blazor", 101, true)]
    [InlineData("/app.css", 200, true)]
    [InlineData("/favicon.ico", 404, true)]
    [InlineData("/_framework/blazor.web.js", 403, false)]
    [InlineData("/app.css", 401, false)]
    [InlineData("/app.css", 500, false)]
    [InlineData("/api/me", 200, false)]
    [InlineData("/api/me", 404, false)]
    [InlineData("/openapi/v1.json", 200, false)]
    [InlineData("/audit/access-log", 200, false)]
    [InlineData("/api/identity/users.v2", 200, false)]
    [InlineData("/_frameworkish", 200, false)]
    [InlineData("/health/live", 200, true)]
    [InlineData("/health/ready", 200, true)]
    [InlineData("/health/ready", 503, false)]
    [InlineData("/healthy", 200, false)]
    public void Health_probes_static_files_and_framework_traffic_are_skipped_unless_refused_or_failed(string path, int status, bool skipped)
    {
        Assert.Equal(skipped, new AccessLogSkipList(Options.Create(new AccessLogOptions())).IsSkipped(path, status));
    }

    [Fact]
    public void The_skip_list_is_configurable_and_can_be_turned_off()
    {
        var custom = new AccessLogSkipList(Options.Create(new AccessLogOptions { SkipPathPrefixes = ["metrics/"], SkipExtensions = ["pdf"] }));
        Assert.True(custom.IsSkipped("/metrics/x", 200));
        Assert.True(custom.IsSkipped("/files/report.PDF", 200));
        Assert.False(custom.IsSkipped("/health/live", 200));
        Assert.False(custom.IsSkipped("/app.css", 200));

        var off = new AccessLogSkipList(Options.Create(new AccessLogOptions { SkipHealthAndStaticFiles = false }));
        Assert.False(off.IsSkipped("/health/live", 200));
        Assert.False(off.IsSkipped("/_framework/blazor.web.js", 200));
    }

    [Fact]
    public void Text_is_cut_to_the_column_without_nul_and_without_splitting_a_surrogate_pair()
    {
        Assert.Equal("ab", AccessLogEntry.Clean("a\0b", 10));
        Assert.Null(AccessLogEntry.Clean("\0", 10));
        Assert.Null(AccessLogEntry.Clean("", 10));
        Assert.Equal("abc", AccessLogEntry.Clean("abcdef", 3));
        // "😀" is a surrogate pair: cutting after its first half would store invalid UTF-16.
        Assert.Equal("ab", AccessLogEntry.Clean("ab😀", 3));

        var entry = AccessLogEntry.Create(DateTime.UtcNow, AccessLogKind.Request, null, new string('u', 100), ["Staff", "Auditor"], null, null, "GET", null, "/" + new string('p', 600), 200, 1.23456, null);
        Assert.Equal(AccessLogEntry.UserNameMaxLength, entry.UserName!.Length);
        Assert.Equal(AccessLogEntry.PathMaxLength, entry.Path!.Length);
        Assert.Equal("Staff,Auditor", entry.Roles);
        Assert.Equal(1.235, entry.DurationMs);
    }

    [Fact]
    public void A_full_buffer_spills_to_the_file_and_drops_nothing()
    {
        var directory = Path.Combine(Path.GetTempPath(), "branchnet-spill-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var spill = new AccessLogSpill(directory, NullLogger<AccessLogSpill>.Instance);
            var buffer = new AccessLogBuffer(
                Options.Create(new AccessLogOptions { Capacity = 10 }),
                spill,
                new SystemClock(),
                new HttpContextAccessor(),
                NullLogger<AccessLogBuffer>.Instance);

            for (var i = 0; i < 17; i++)
            {
                buffer.RecordSignIn($"user{i}", null, SignInOutcome.Failed, null);
            }

            Assert.Equal(0, buffer.TakeDropped());
            Assert.Equal(0, buffer.DroppedTotal);
            Assert.Equal(7, buffer.SpilledTotal);
            Assert.True(buffer.BatchReady.IsCompleted);
            Assert.True(buffer.Reader.TryRead(out var oldest));
            Assert.Equal("user0", oldest.UserName);

            using var file = AccessLogSpill.Claim(Assert.Single(spill.CloseAndList()))!;
            var spilled = spill.Read(file, out var torn);
            Assert.Equal(0, torn);
            Assert.Equal(Enumerable.Range(10, 7).Select(i => $"user{i}"), spilled.Select(e => e.UserName));
            Assert.All(spilled, e => Assert.Equal(AccessLogKind.SignInFailed, e.Kind));
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    [Fact]
    public void A_spilled_entry_reads_back_with_the_same_id_content_and_hash()
    {
        var directory = Path.Combine(Path.GetTempPath(), "branchnet-spill-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var spill = new AccessLogSpill(directory, NullLogger<AccessLogSpill>.Instance);
            var entry = AccessLogEntry.Create(DateTime.UtcNow, AccessLogKind.Request, Guid.NewGuid(), "张三", ["Staff", "Auditor"], Guid.NewGuid(), "10.0.0.1", "GET", "/api/x/{id}", "/api/x/1?q=\u001f", 200, 12.3456, "detail");
            Assert.True(spill.TryAppend([entry]));
            using var file = AccessLogSpill.Claim(Assert.Single(spill.CloseAndList()))!;
            Assert.Null(AccessLogSpill.Claim(file.Name));
            var back = Assert.Single(spill.Read(file, out _));

            Assert.Equal(entry.Id, back.Id);
            Assert.Equal(entry.CanonicalContent(), back.CanonicalContent());
            entry.Seal(1, ChainHash.Genesis);
            back.Seal(1, ChainHash.Genesis);
            Assert.Equal(entry.Hash, back.Hash);
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }
}
