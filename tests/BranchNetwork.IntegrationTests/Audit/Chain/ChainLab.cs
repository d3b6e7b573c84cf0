using BranchNetwork.Modules.Audit.Data;
using BranchNetwork.Modules.Audit.Domain;
using BranchNetwork.Modules.Audit.Features.Shared;
using BranchNetwork.Modules.Audit.Features.WriteCheckpoints;
using BranchNetwork.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BranchNetwork.IntegrationTests.Audit.Chain;

/// <summary>
/// Builds known chains in a test database and tampers with them as someone with write access to the database
/// would: raw SQL on the tables (names differ: SQLite has no schema, PostgreSQL uses "audit").
/// </summary>
internal sealed class ChainLab(BranchNetworkFactory app)
{
    public static readonly string[] Chains = [ChainNames.Trail, ChainNames.AccessLog];

    public async Task<T> WithDbAsync<T>(Func<AuditDbContext, Task<T>> work)
    {
        using var scope = app.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<AuditDbContext>());
    }

    public Task WithDbAsync(Func<AuditDbContext, Task> work) => WithDbAsync(async db =>
    {
        await work(db);
        return 0;
    });

    /// <summary>The quoted table name of an entity, as the provider names it.</summary>
    public static string Table<T>(AuditDbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(T))!;
        return entity.GetSchema() is { } schema ? $"\"{schema}\".\"{entity.GetTableName()}\"" : $"\"{entity.GetTableName()}\"";
    }

    /// <summary>Runs tamper SQL built by the tests (table names and constants, no outside input).</summary>
    public static Task<int> Exec(AuditDbContext db, string sql) => db.Database.ExecuteSqlRawAsync(sql);

    public static string TableOf(AuditDbContext db, string chain) => chain == ChainNames.Trail ? Table<AuditRecord>(db) : Table<AccessLogEntry>(db);

    public Task<int> SqlAsync(string sql) => WithDbAsync(db => Exec(db, sql));

    /// <summary>Empties both chains and appends <paramref name="count"/> fresh records to each, then a signed checkpoint of each head.</summary>
    public async Task ResetAsync(int count, Func<int, DateTime>? timeOf = null, int? checkpointEvery = null)
    {
        await WithDbAsync(async db =>
        {
            await Exec(db, $"DELETE FROM {Table<AuditRecord>(db)}");
            await Exec(db, $"DELETE FROM {Table<AccessLogEntry>(db)} WHERE \"Seq\" > 0");
            await Exec(db, $"DELETE FROM {Table<ChainCheckpoint>(db)}");
            await Exec(db, $"DELETE FROM {Table<ChainArchive>(db)}");
            await Exec(db, $"UPDATE {Table<ChainHead>(db)} SET \"Seq\" = 0, \"Hash\" = '{ChainHash.Genesis}'");
        });

        var every = checkpointEvery ?? count;
        for (var i = 1; i <= count; i++)
        {
            var time = timeOf?.Invoke(i) ?? app.Clock.UtcNow;
            await AppendAsync(i, time);
            if (i % every == 0)
            {
                await CheckpointAsync();
            }
        }
    }

    public Task AppendAsync(int i, DateTime time) => WithDbAsync(async db =>
    {
        await ChainAppender.AppendAsync(db, ChainNames.Trail, [TrailRecord(i, time)], CancellationToken.None);
        await ChainAppender.AppendAsync(db, ChainNames.AccessLog, [AccessRecord(i, time)], CancellationToken.None);
    });

    public static AuditRecord TrailRecord(int i, DateTime time) => AuditRecord.Create(
        time, AuditActorKind.User, Guid.NewGuid(), $"user{i % 3}", "Staff", null, "Assessment", "SheetCell", $"cell-{i}", AuditOperations.Update, null,
        $$"""[{"field":"Value","before":"{{i}}","after":"{{i + 1}}"}]""", $"record {i}");

    public static AccessLogEntry AccessRecord(int i, DateTime time) => AccessLogEntry.Create(
        time, AccessLogKind.Request, Guid.NewGuid(), $"user{i % 3}", ["Staff"], null, "127.0.0.1", "GET", "/api/things/{id}", $"/api/things/{i}", 200, 1.5, $"entry {i}");

    public async Task<int> CheckpointAsync()
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<WriteCheckpointsJob>().RunAsync(CancellationToken.None);
    }

    public async Task<ChainVerification> VerifyAsync(string chain, DateTime? from = null, DateTime? to = null)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ChainVerifier>().VerifyAsync(chain, from, to, CancellationToken.None);
    }

    public Task<(Guid Id, string Hash)> RecordAtAsync(string chain, long seq) => WithDbAsync(async db =>
    {
        var record = chain == ChainNames.Trail
            ? await db.AuditRecords.Where(r => r.Seq == seq).Select(r => new { r.Id, r.Hash }).SingleAsync()
            : await db.AccessLogEntries.Where(r => r.Seq == seq).Select(r => new { r.Id, r.Hash }).SingleAsync();
        return (record.Id, record.Hash);
    });
}

internal static class ChainLabSql
{
    /// <summary>Runs <paramref name="sql"/> with {0} replaced by the chain's table.</summary>
    public static Task SqlOnChainAsync(this ChainLab lab, string chain, string sql) =>
        lab.WithDbAsync(db => ChainLab.Exec(db, sql.Replace("{0}", ChainLab.TableOf(db, chain), StringComparison.Ordinal)));
}
