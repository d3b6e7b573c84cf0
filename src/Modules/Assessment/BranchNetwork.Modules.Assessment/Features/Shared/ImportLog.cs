namespace BranchNetwork.Modules.Assessment.Features.Shared;

/// <summary>
/// Keeps an <see cref="ImportRun"/> of every target or progress import, taken or refused (AS-3, AS-4), for the task
/// admin's "last import" card and the import history page. A refused import is all or nothing: whatever the handler
/// had staged is dropped before the record is saved, so the record is the only row it leaves.
/// </summary>
internal sealed class ImportLog(AssessmentDbContext db, ICurrentUser user)
{
    public async Task<T> RecordAsync<T>(Guid schemeId, ImportKind kind, Func<Task<(T Result, int Rows)>> import, CancellationToken ct)
    {
        (T Result, int Rows) outcome;
        try
        {
            outcome = await import();
        }
        catch (ValidationFailedException refused)
        {
            db.ChangeTracker.Clear();
            db.ImportRuns.Add(ImportRun.Refused(schemeId, kind, refused.Errors, user.RequireUserId(), user.DisplayName));
            await db.SaveChangesAsync(ct);
            throw;
        }

        db.ImportRuns.Add(ImportRun.Taken(schemeId, kind, outcome.Rows, user.RequireUserId(), user.DisplayName));
        await db.SaveChangesAsync(ct);
        return outcome.Result;
    }
}
