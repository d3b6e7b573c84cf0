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
    public void Static_files_and_framework_traffic_are_skipped_unless_refused_or_failed(string path, int status, bool skipped)
    {
        Assert.Equal(skipped, AccessLogMiddleware.IsSkipped(path, status));
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
    public void A_full_buffer_drops_the_oldest_entries_and_counts_them()
    {
        var buffer = new AccessLogBuffer(
            Options.Create(new AccessLogOptions { Capacity = AccessLogOptions.BatchSize }),
            new SystemClock(),
            new HttpContextAccessor(),
            NullLogger<AccessLogBuffer>.Instance);

        for (var i = 0; i < AccessLogOptions.BatchSize + 7; i++)
        {
            buffer.RecordSignIn($"user{i}", null, SignInOutcome.Failed, null);
        }

        Assert.Equal(7, buffer.TakeDropped());
        Assert.Equal(0, buffer.TakeDropped());
        Assert.Equal(7, buffer.DroppedTotal);
        Assert.True(buffer.BatchReady.IsCompleted);
        Assert.True(buffer.Reader.TryRead(out var oldest));
        Assert.Equal("user7", oldest.UserName);
        Assert.Equal(AccessLogKind.SignInFailed, oldest.Kind);
    }
}
