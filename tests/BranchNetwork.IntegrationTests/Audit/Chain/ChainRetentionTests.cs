using BranchNetwork.Modules.Audit.Domain;
using BranchNetwork.Modules.Audit.Features.ArchiveRecords;
using BranchNetwork.Modules.Audit.Features.Shared;
using BranchNetwork.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BranchNetwork.IntegrationTests.Audit.Chain;

/// <summary>
/// The app with its audit archive in a folder of its own, and without the outbox: the start-up's own trail records
/// would otherwise be appended while the test rebuilds the chains.
/// </summary>
public sealed class ArchiveFactory : BranchNetworkFactory
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "branchnet-audit-archive-" + Guid.NewGuid().ToString("N"));

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Audit:ArchiveFolder"] = Folder,
        ["Audit:RetentionDays"] = "400",
        ["Outbox:Enabled"] = "false",
    };
}

/// <summary>
/// AU-4 retention with AU-3's proof: records older than the retention go to an archive file that verifies on its own
/// (and stops verifying when the file is touched); the rest of the chain still verifies from its new start.
/// </summary>
[Trait("Spec", "AU-3")]
[Trait("Spec", "AU-4")]
public sealed class ChainRetentionTests(ArchiveFactory app) : IClassFixture<ArchiveFactory>
{
    private readonly ChainLab lab = new(app);

    [Fact]
    public async Task Old_records_are_archived_with_their_proof_and_removed_and_both_parts_still_verify()
    {
        app.EnsureAvailable();
        var now = app.Clock.UtcNow;

        // 1–10 are 500 days old, 11–20 a day old; a checkpoint after every 5 records.
        await lab.ResetAsync(20, i => i <= 10 ? now.AddDays(-500).AddMinutes(i) : now.AddDays(-1).AddMinutes(i), checkpointEvery: 5);

        IReadOnlyList<ArchivedRange> archived;
        using (var scope = app.Services.CreateScope())
        {
            archived = await scope.ServiceProvider.GetRequiredService<ArchiveRecordsJob>().RunAsync(CancellationToken.None);
        }

        Assert.Equal(2, archived.Count);
        var signer = app.Services.GetRequiredService<CheckpointSigner>();
        foreach (var chain in ChainLab.Chains)
        {
            var range = archived.Single(a => a.Chain == chain);
            Assert.Equal((1, 10), (range.FirstSeq, range.LastSeq));
            Assert.Equal(0, await lab.WithDbAsync(db => CountOldAsync(db, chain)));

            var rest = await lab.VerifyAsync(chain);
            Assert.True(rest.Intact, rest.FirstBreak?.Description);
            Assert.Equal(11, rest.FromSeq);

            // The trail also holds the job's own records of what it archived (one per chain).
            Assert.Equal(chain == ChainNames.Trail ? 22 : 20, rest.ToSeq);

            var file = await ChainArchiveFile.VerifyAsync(range.FilePath, signer, CancellationToken.None);
            Assert.True(file.Intact, file.Problem);
            Assert.Equal(10, file.RecordsChecked);
        }

        // A second run finds nothing more to archive.
        using (var scope = app.Services.CreateScope())
        {
            Assert.Empty(await scope.ServiceProvider.GetRequiredService<ArchiveRecordsJob>().RunAsync(CancellationToken.None));
        }

        // The archive alone shows a changed line, a removed line and a cut-off end.
        var path = archived.Single(a => a.Chain == ChainNames.Trail).FilePath;
        var lines = await File.ReadAllLinesAsync(path);
        await AssertTamperedAsync(path, lines.Select((l, i) => i == 4 ? l.Replace("record 4", "record 5", StringComparison.Ordinal) : l), signer, 4);
        await AssertTamperedAsync(path, lines.Where((_, i) => i != 6), signer, 6);
        await AssertTamperedAsync(path, lines.Take(lines.Length - 1), signer, 10);

        // Deleting records before the anchor's start is still seen: the anchor is a signed checkpoint.
        await lab.WithDbAsync(db => ChainLab.Exec(db, $"DELETE FROM {ChainLab.Table<ChainArchive>(db)}"));
        var withoutAnchor = await lab.VerifyAsync(ChainNames.Trail);
        Assert.Equal(ChainBreakKind.RecordMissing, withoutAnchor.FirstBreak?.Kind);
        Assert.Equal(1, withoutAnchor.FirstBreak?.Seq);
    }

    private static async Task AssertTamperedAsync(string path, IEnumerable<string> lines, CheckpointSigner signer, long brokenSeq)
    {
        var copy = path + ".tampered";
        await File.WriteAllLinesAsync(copy, lines);
        var result = await ChainArchiveFile.VerifyAsync(copy, signer, CancellationToken.None);
        Assert.False(result.Intact);
        Assert.Equal(brokenSeq, result.BrokenSeq);
    }

    private static Task<int> CountOldAsync(BranchNetwork.Modules.Audit.Data.AuditDbContext db, string chain) => chain == ChainNames.Trail
        ? db.AuditRecords.CountAsync(r => r.Seq <= 10)
        : db.AccessLogEntries.CountAsync(r => r.Seq > 0 && r.Seq <= 10);
}
