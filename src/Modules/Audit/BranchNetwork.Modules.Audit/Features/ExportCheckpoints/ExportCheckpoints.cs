using BranchNetwork.Modules.Identity.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Audit.Features.ExportCheckpoints;

/// <summary>A signed checkpoint as exported: with its signature, so it can be kept outside the bank's database and checked later.</summary>
internal sealed record CheckpointDto(Guid Id, string Chain, long Seq, string Hash, DateTime TimeUtc, string KeyId, string Signature, string Algorithm);

/// <summary>Every checkpoint of both chains, oldest first (AU-3): an auditor keeps a copy where the database cannot reach it.</summary>
[BoundedList("An export the auditor keeps outside the database: at most one checkpoint per chain per 10 minutes (about 105,000 small rows a year), read in one answer on purpose so it can be stored and compared whole.")]
[AllowedRoles(BankRoles.Auditor)]
internal sealed record ExportCheckpointsQuery : IQuery<IReadOnlyList<CheckpointDto>>;

internal sealed class ExportCheckpointsHandler(AuditDbContext db) : IQueryHandler<ExportCheckpointsQuery, IReadOnlyList<CheckpointDto>>
{
    public const string Algorithm = "HMAC-SHA256";

    public async ValueTask<IReadOnlyList<CheckpointDto>> Handle(ExportCheckpointsQuery query, CancellationToken cancellationToken) =>
        await db.ChainCheckpoints.AsNoTracking()
            .OrderBy(c => c.Chain).ThenBy(c => c.Seq).ThenBy(c => c.TimeUtc)
            .Select(c => new CheckpointDto(c.Id, c.Chain, c.Seq, c.Hash, c.TimeUtc, c.KeyId, c.Signature, Algorithm))
            .ToListAsync(cancellationToken);
}

internal static class ExportCheckpointsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/checkpoints", async Task<Ok<IReadOnlyList<CheckpointDto>>> (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ExportCheckpointsQuery(), ct)))
            .WithName("ExportCheckpoints")
            .WithSummary("Every signed checkpoint of the audit trail and the access log, as JSON, to keep outside the database (Auditor).");
}
