namespace BranchNetwork.Modules.Tasks.Features.Shared;

/// <summary>A supervision prompt (督导提示) as its readers see it; <see cref="TaskId"/> null for a prompt on the week.</summary>
internal sealed record PromptDto(Guid Id, Guid SubBranchId, DateOnly WeekStart, Guid? TaskId, string? TaskTitle, string Text, string AuthorName, DateTime WrittenAt);

internal static class PromptProjection
{
    /// <summary>A sub-branch's prompts of one week, newest first, with the prompted task's title.</summary>
    public static Task<List<PromptDto>> OfWeekAsync(TasksDbContext db, Guid subBranchId, DateOnly weekStart, CancellationToken ct) =>
        db.Prompts.AsNoTracking()
            .Where(p => p.SubBranchId == subBranchId && p.WeekStart == weekStart)
            .OrderByDescending(p => p.WrittenAtUtc).ThenByDescending(p => p.Id)
            .Select(p => new PromptDto(
                p.Id, p.SubBranchId, p.WeekStart, p.TaskId,
                db.Tasks.Where(t => t.Id == p.TaskId).Select(t => t.Title).FirstOrDefault(),
                p.Text, p.AuthorName, p.WrittenAtUtc))
            .ToListAsync(ct);
}
