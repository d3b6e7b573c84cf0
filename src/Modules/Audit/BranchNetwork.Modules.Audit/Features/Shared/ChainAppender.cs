namespace BranchNetwork.Modules.Audit.Features.Shared;

/// <summary>
/// Appends records to a hash chain (AU-3). The chain's head row is locked first (an UPDATE, which every provider
/// holds until the commit), so appends from any number of app nodes queue one behind the other: each takes the
/// next positions after the head it read, no two records share a position and none is skipped.
/// </summary>
internal static class ChainAppender
{
    /// <summary>
    /// Seals <paramref name="records"/> in their order after the chain's head and saves them, with whatever else the
    /// context holds, in one transaction (the caller's, when one is open).
    /// </summary>
    /// <param name="insert">Inserts the sealed records in bulk inside the transaction (the access log, ADR 0025); by default EF Core adds and saves them.</param>
    public static async Task AppendAsync<T>(AuditDbContext db, string chain, IReadOnlyList<T> records, CancellationToken cancellationToken, Func<IReadOnlyList<T>, CancellationToken, Task>? insert = null)
        where T : class, IChainRecord
    {
        if (records.Count == 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        var ownTransaction = db.Database.CurrentTransaction is null
            ? await db.Database.BeginTransactionAsync(cancellationToken)
            : null;
        try
        {
            var heads = db.ChainHeads.Where(h => h.Chain == chain);
            if (await heads.ExecuteUpdateAsync(s => s.SetProperty(h => h.Seq, h => h.Seq), cancellationToken) != 1)
            {
                throw new InvalidOperationException($"The {chain} chain has no head row.");
            }

            var head = await heads.AsNoTracking().SingleAsync(cancellationToken);
            var seq = head.Seq;
            var hash = head.Hash;
            foreach (var record in records)
            {
                record.Seal(++seq, hash);
                hash = record.Hash;
            }

            if (insert is null)
            {
                db.Set<T>().AddRange(records);
                await db.SaveChangesAsync(cancellationToken);
            }
            else
            {
                await insert(records, cancellationToken);
            }

            var last = records[^1];
            await heads.ExecuteUpdateAsync(s => s.SetProperty(h => h.Seq, last.Seq).SetProperty(h => h.Hash, last.Hash), cancellationToken);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }
}
