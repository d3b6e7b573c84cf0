using BranchNetwork.Modules.Audit.Domain;
using BranchNetwork.Modules.Audit.Features.Shared;
using BranchNetwork.Testing;
using Microsoft.EntityFrameworkCore;

namespace BranchNetwork.IntegrationTests.Audit.Chain;

/// <summary>
/// AU-3: someone with write access to the database edits, deletes, inserts, reorders and truncates records of
/// both chains, or forges a checkpoint; the verifier sees each, names what was done and where. Every test starts
/// from two fresh chains of 20 records with a signed checkpoint of the head.
/// </summary>
[Trait("Spec", "AU-3")]
public sealed class ChainTamperTests(TamperFactory app) : IClassFixture<TamperFactory>, IAsyncLifetime
{
    private const int Records = 20;

    private readonly ChainLab lab = new(app);

    public static TheoryData<string> Chains => new(ChainLab.Chains);

    public async ValueTask InitializeAsync()
    {
        if (app.Database.Unavailable is null)
        {
            await lab.ResetAsync(Records);
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Theory]
    [MemberData(nameof(Chains))]
    public async Task An_untouched_chain_verifies_whole_and_in_a_window(string chain)
    {
        app.EnsureAvailable();
        var whole = await lab.VerifyAsync(chain);
        Assert.True(whole.Intact, whole.FirstBreak?.Description);
        Assert.Equal(Records, whole.RecordsChecked);
        Assert.Equal((1, Records), (whole.FromSeq, whole.ToSeq));
        Assert.Equal(Records, whole.LastCheckpoint?.Seq);

        var window = await lab.VerifyAsync(chain, app.Clock.UtcNow.AddMinutes(-1), app.Clock.UtcNow.AddMinutes(1));
        Assert.True(window.Intact);
        Assert.Equal(Records, window.RecordsChecked);
    }

    [Theory]
    [MemberData(nameof(Chains))]
    public async Task An_edited_field_is_found_at_its_record(string chain)
    {
        app.EnsureAvailable();
        var (id, _) = await lab.RecordAtAsync(chain, 7);
        await lab.WithDbAsync(db => ChainLab.Exec(db, $"UPDATE {ChainLab.TableOf(db, chain)} SET \"Detail\" = 'nothing happened' WHERE \"Seq\" = 7"));

        var result = await lab.VerifyAsync(chain);

        AssertBreak(result, ChainBreakKind.ContentChanged, 7, id);
        Assert.Equal(6, result.ToSeq);
    }

    [Theory]
    [MemberData(nameof(Chains))]
    public async Task A_deleted_middle_record_is_found_at_its_position(string chain)
    {
        app.EnsureAvailable();
        await lab.SqlOnChainAsync(chain, "DELETE FROM {0} WHERE \"Seq\" = 9");

        AssertBreak(await lab.VerifyAsync(chain), ChainBreakKind.RecordMissing, 9, null);
    }

    [Theory]
    [MemberData(nameof(Chains))]
    public async Task A_deleted_record_with_the_positions_renumbered_is_found_where_it_was(string chain)
    {
        app.EnsureAvailable();
        var (after, _) = await lab.RecordAtAsync(chain, 10);
        await lab.SqlOnChainAsync(chain, "DELETE FROM {0} WHERE \"Seq\" = 9");
        await lab.SqlOnChainAsync(chain, "UPDATE {0} SET \"Seq\" = \"Seq\" + 1000000 WHERE \"Seq\" > 9");
        await lab.SqlOnChainAsync(chain, "UPDATE {0} SET \"Seq\" = \"Seq\" - 1000001 WHERE \"Seq\" > 1000000");

        AssertBreak(await lab.VerifyAsync(chain), ChainBreakKind.RecordMissing, 9, after);
    }

    [Theory]
    [MemberData(nameof(Chains))]
    public async Task A_forged_record_slipped_in_with_a_correct_hash_is_found(string chain)
    {
        app.EnsureAvailable();
        var (_, hashOf11) = await lab.RecordAtAsync(chain, 11);
        await lab.SqlOnChainAsync(chain, "UPDATE {0} SET \"Seq\" = \"Seq\" + 1000000 WHERE \"Seq\" >= 12");
        await lab.SqlOnChainAsync(chain, "UPDATE {0} SET \"Seq\" = \"Seq\" - 999999 WHERE \"Seq\" > 1000000");
        var forgedId = await lab.WithDbAsync(async db =>
        {
            IChainRecord forged = chain == ChainNames.Trail ? ChainLab.TrailRecord(99, app.Clock.UtcNow) : ChainLab.AccessRecord(99, app.Clock.UtcNow);
            forged.Seal(12, hashOf11);
            db.Add(forged);
            await db.SaveChangesAsync();
            return forged is AuditRecord trail ? trail.Id : ((AccessLogEntry)forged).Id;
        });

        AssertBreak(await lab.VerifyAsync(chain), ChainBreakKind.RecordInserted, 12, forgedId);
    }

    [Theory]
    [MemberData(nameof(Chains))]
    public async Task A_forged_record_with_a_made_up_hash_is_found(string chain)
    {
        app.EnsureAvailable();
        var (_, hashOf11) = await lab.RecordAtAsync(chain, 11);
        await lab.SqlOnChainAsync(chain, "UPDATE {0} SET \"Seq\" = \"Seq\" + 1000000 WHERE \"Seq\" >= 12");
        await lab.SqlOnChainAsync(chain, "UPDATE {0} SET \"Seq\" = \"Seq\" - 999999 WHERE \"Seq\" > 1000000");
        var forgedId = await lab.WithDbAsync(async db =>
        {
            IChainRecord forged = chain == ChainNames.Trail ? ChainLab.TrailRecord(99, app.Clock.UtcNow) : ChainLab.AccessRecord(99, app.Clock.UtcNow);
            forged.Seal(12, hashOf11);
            db.Add(forged);
            await db.SaveChangesAsync();
            return forged is AuditRecord trail ? trail.Id : ((AccessLogEntry)forged).Id;
        });
        await lab.SqlOnChainAsync(chain, $"UPDATE {{0}} SET \"Hash\" = '{new string('a', 64)}' WHERE \"Seq\" = 12");

        AssertBreak(await lab.VerifyAsync(chain), ChainBreakKind.RecordInserted, 12, forgedId);
    }

    [Theory]
    [MemberData(nameof(Chains))]
    public async Task Two_swapped_records_are_found_at_the_first_moved_one(string chain)
    {
        app.EnsureAvailable();
        var (sixth, _) = await lab.RecordAtAsync(chain, 6);
        await lab.SqlOnChainAsync(chain, "UPDATE {0} SET \"Seq\" = -1000005 WHERE \"Seq\" = 5");
        await lab.SqlOnChainAsync(chain, "UPDATE {0} SET \"Seq\" = 5 WHERE \"Seq\" = 6");
        await lab.SqlOnChainAsync(chain, "UPDATE {0} SET \"Seq\" = 6 WHERE \"Seq\" = -1000005");

        AssertBreak(await lab.VerifyAsync(chain), ChainBreakKind.OrderChanged, 5, sixth);
    }

    [Theory]
    [MemberData(nameof(Chains))]
    public async Task Deleting_the_newest_records_and_rewinding_the_head_is_seen_only_through_the_checkpoint(string chain)
    {
        app.EnsureAvailable();
        var (_, hashOf17) = await lab.RecordAtAsync(chain, 17);
        await lab.SqlOnChainAsync(chain, "DELETE FROM {0} WHERE \"Seq\" > 17");
        await lab.WithDbAsync(db => ChainLab.Exec(
            db,
            $"UPDATE {ChainLab.Table<ChainHead>(db)} SET \"Seq\" = 17, \"Hash\" = '{hashOf17}' WHERE \"Chain\" = '{chain}'"));

        var result = await lab.VerifyAsync(chain);

        AssertBreak(result, ChainBreakKind.TruncatedAfterCheckpoint, 18, null);
        Assert.Equal(Records, result.FirstBreak!.CheckpointSeq);

        // Without the signed checkpoint the shortened chain is a perfectly good chain: only the key catches this.
        await lab.WithDbAsync(db => ChainLab.Exec(db, $"DELETE FROM {ChainLab.Table<ChainCheckpoint>(db)} WHERE \"Chain\" = '{chain}'"));
        Assert.True((await lab.VerifyAsync(chain)).Intact);
    }

    [Theory]
    [MemberData(nameof(Chains))]
    public async Task A_checkpoint_written_without_the_key_is_found(string chain)
    {
        app.EnsureAvailable();
        await lab.WithDbAsync(async db =>
        {
            var genuine = await db.ChainCheckpoints.AsNoTracking().SingleAsync(c => c.Chain == chain);
            db.ChainCheckpoints.Add(ChainCheckpoint.Restore(
                Guid.CreateVersion7(), chain, 15, genuine.Hash, app.Clock.UtcNow, genuine.KeyId, new string('b', 64)));
            await db.SaveChangesAsync();
        });

        var result = await lab.VerifyAsync(chain);

        AssertBreak(result, ChainBreakKind.CheckpointForged, 15, null);
        Assert.Equal(15, result.FirstBreak!.CheckpointSeq);
    }

    [Theory]
    [MemberData(nameof(Chains))]
    public async Task A_window_is_verified_from_the_stored_link_of_its_first_record(string chain)
    {
        app.EnsureAvailable();
        var start = app.Clock.UtcNow;
        await lab.ResetAsync(Records, i => start.AddMinutes(i));
        await lab.SqlOnChainAsync(chain, "UPDATE {0} SET \"Detail\" = 'nothing happened' WHERE \"Seq\" = 3");
        var (fifteenth, _) = await lab.RecordAtAsync(chain, 15);
        await lab.SqlOnChainAsync(chain, "UPDATE {0} SET \"Detail\" = 'nothing happened' WHERE \"Seq\" = 15");

        var window = await lab.VerifyAsync(chain, start.AddMinutes(10), start.AddMinutes(20));

        Assert.Equal(10, window.FromSeq);
        AssertBreak(window, ChainBreakKind.ContentChanged, 15, fifteenth);
        Assert.True((await lab.VerifyAsync(chain, start.AddMinutes(5), start.AddMinutes(14))).Intact);
    }

    private static void AssertBreak(ChainVerification result, ChainBreakKind kind, long seq, Guid? recordId)
    {
        Assert.False(result.Intact);
        var found = result.FirstBreak!;
        Assert.True(found.Kind == kind && found.Seq == seq, $"expected {kind} at {seq}, got {found.Kind} at {found.Seq}: {found.Description}");
        if (recordId is not null)
        {
            Assert.Equal(recordId, found.RecordId);
        }
    }
}

/// <summary>
/// The tamper lab rebuilds both chains directly in the database before each test: the outbox stays off, so the trail
/// records of the host's own start-up (seeded users, delivered in the background) cannot be appended in between.
/// </summary>
public sealed class TamperFactory : BranchNetworkFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Outbox:Enabled"] = "false",
    };
}
