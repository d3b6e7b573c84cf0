using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace BranchNetwork.Modules.Assessment.Data;

/// <summary>
/// Moves the sheets' stored sums of cell scores (ADR 0026) as the transaction that wrote the cells commits, so both land
/// together or neither does; a rolled-back transaction forgets them.
/// </summary>
internal sealed class SheetScoreCommit : DbTransactionInterceptor
{
    public static readonly SheetScoreCommit Instance = new();

    public override async ValueTask<InterceptionResult> TransactionCommittingAsync(
        DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is AssessmentDbContext context)
        {
            await context.ApplySheetScoreMovesAsync(transaction, cancellationToken);
        }

        return result;
    }

    public override InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        if (eventData.Context is AssessmentDbContext context)
        {
            context.ApplySheetScoreMovesAsync(transaction, CancellationToken.None).GetAwaiter().GetResult();
        }

        return result;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) =>
        (eventData.Context as AssessmentDbContext)?.DiscardSheetScoreMoves();

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        (eventData.Context as AssessmentDbContext)?.DiscardSheetScoreMoves();
        return Task.CompletedTask;
    }
}
