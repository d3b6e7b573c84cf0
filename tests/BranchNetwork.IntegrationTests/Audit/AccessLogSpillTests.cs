using System.Net;
using BranchNetwork.IntegrationTests.Notifications;
using BranchNetwork.Modules.Audit.Features.RecordAccess;
using BranchNetwork.Testing;
using Microsoft.Extensions.DependencyInjection;
using static BranchNetwork.IntegrationTests.Audit.AccessLogApi;

namespace BranchNetwork.IntegrationTests.Audit;

/// <summary>A buffer of four entries and small batches, so a burst always overflows it (ADR 0025).</summary>
public sealed class AccessLogSpillFactory : BranchNetworkFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["AccessLog:FlushIntervalMilliseconds"] = "100",
        ["AccessLog:Capacity"] = "4",
        ["AccessLog:BatchSize"] = "50",
    };
}

/// <summary>
/// ADR 0025: the access log never drops an entry silently. A burst larger than the buffer, or a database that refuses
/// writes, sends entries to the spill file; they are replayed when the database takes writes again (at once, or by the
/// next host to start), every entry is stored once and the chain still verifies.
/// </summary>
[Trait("Spec", "AU-1")]
public sealed class AccessLogSpillTests(AccessLogSpillFactory app) : IClassFixture<AccessLogSpillFactory>
{
    [Fact]
    public async Task A_burst_larger_than_the_buffer_while_the_database_refuses_writes_is_spilled_and_stored_in_full_after_recovery()
    {
        app.EnsureAvailable();
        var auditor = await app.ClientForAsync("auditor");
        var staff = await app.ClientForAsync("staff0301");
        var buffer = app.Services.GetRequiredService<AccessLogBuffer>();
        var fault = app.Services.GetRequiredService<AccessLogStoreFault>();
        var spilledBefore = buffer.SpilledTotal;
        const int burst = 120;

        fault.Unavailable = true;
        try
        {
            var answers = await Task.WhenAll(Enumerable.Range(0, burst).Select(_ => staff.GetAsync("/api/me")));
            Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
            // Wait until the writer has met the refusal: then the burst is in the spill file, not in memory.
            await Eventually.WaitAsync(() => Task.FromResult(buffer.SpilledTotal - spilledBefore), spilled => spilled >= burst - 4, "the burst to be spilled");
        }
        finally
        {
            fault.Unavailable = false;
        }

        var stored = await WaitUntilAsync(auditor, "user=staff0301&path=/api/me", entries => entries.Count >= burst);
        Assert.Equal(burst, stored.Count);
        Assert.Equal(burst, stored.Select(e => e.Str("id")).Distinct().Count());
        Assert.Equal(0, buffer.DroppedTotal);
        await AssertChainIntactAsync(auditor);
    }

    [Fact]
    public async Task Entries_spilled_by_a_host_that_stopped_while_the_database_was_down_are_replayed_and_none_is_lost()
    {
        app.EnsureAvailable();
        var auditor = await app.ClientForAsync("auditor");
        const int reads = 25;
        var down = new SiblingApp(app.Database, new Dictionary<string, string?>
        {
            ["Faults:AccessLogStorageUnavailable"] = "true",
            ["AccessLog:FlushIntervalMilliseconds"] = "100",
        });
        await down.InitializeAsync();
        var staff = await down.ClientForAsync("staff0302");
        for (var i = 0; i < reads; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/api/me")).StatusCode);
        }

        Assert.Equal(0, down.Services.GetRequiredService<AccessLogBuffer>().DroppedTotal);
        // Stopping cannot write either: what is still in memory goes to the spill file too.
        await down.DisposeAsync();

        await using var next = new SiblingApp(app.Database, new Dictionary<string, string?> { ["AccessLog:FlushIntervalMilliseconds"] = "100" });
        await next.InitializeAsync();
        var stored = await WaitUntilAsync(auditor, "user=staff0302&path=/api/me", entries => entries.Count >= reads);
        Assert.Equal(reads, stored.Count);
        Assert.Equal(reads, stored.Select(e => e.Str("id")).Distinct().Count());
        await AssertChainIntactAsync(auditor);
    }

    private static async Task AssertChainIntactAsync(HttpClient auditor)
    {
        var response = await auditor.GetAsync("/api/audit/chains/access/verify");
        var body = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
        Assert.True(body.GetProperty("intact").GetBoolean(), body.ToString());
    }
}

/// <summary>Health probes and static files logged after all: <c>AccessLog:SkipHealthAndStaticFiles=false</c>.</summary>
public sealed class AccessLogEverythingFactory : BranchNetworkFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["AccessLog:FlushIntervalMilliseconds"] = "100",
        ["AccessLog:SkipHealthAndStaticFiles"] = "false",
    };
}

[Trait("Spec", "AU-1")]
public sealed class AccessLogSkipListTests(AccessLogEverythingFactory app) : IClassFixture<AccessLogEverythingFactory>
{
    [Fact]
    public async Task With_the_skip_list_turned_off_health_probes_and_static_files_are_logged()
    {
        app.EnsureAvailable();
        var anonymous = app.CreateAnonymousClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/app.css")).StatusCode);

        var auditor = await app.ClientForAsync("auditor");
        await WaitForAsync(auditor, "path=/health/live", e => e.GetProperty("status").GetInt32() == 200);
        await WaitForAsync(auditor, "path=/app.css", e => e.GetProperty("status").GetInt32() == 200);
    }
}
