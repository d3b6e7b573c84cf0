using BranchNetwork.Modules.Assessment.Contracts;

namespace BranchNetwork.Modules.Assessment.Features.Shared;

/// <summary>The Assessment module's answer to <see cref="IDiscussableResults"/> (the community's 全员点评 of published results).</summary>
internal sealed class DiscussableResultsReader(AssessmentDbContext db) : IDiscussableResults
{
    public async Task<DiscussableResults?> FindAsync(Guid schemeId, CancellationToken cancellationToken = default)
    {
        var scheme = await db.Schemes.AsNoTracking()
            .Where(s => s.Id == schemeId && (s.Status == SchemeStatus.Published || s.Status == SchemeStatus.Closed))
            .Select(s => new { s.Id, s.Name, s.Status })
            .FirstOrDefaultAsync(cancellationToken);
        return scheme is null ? null
            : new DiscussableResults(scheme.Id, scheme.Name, scheme.Status == SchemeStatus.Closed ? SchemeState.Closed : SchemeState.Published);
    }
}
