using BranchNetwork.Infrastructure.Persistence;
using BranchNetwork.SharedKernel.Authorization;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Community.Features.MarkActivitySeen;

/// <summary>When the caller's 与我相关 list now counts as seen.</summary>
internal sealed record ActivitySeenAt(DateTime SeenAtUtc);

/// <summary>The caller looked at 与我相关: replies and mentions until now are no longer new, and the home cards go back to 0.</summary>
[AnySignedInUser]
internal sealed record MarkActivitySeenCommand : ICommand<ActivitySeenAt>;

internal sealed class MarkActivitySeenHandler(CommunityDbContext db, Features.Shared.CommunityAccess access, IClock clock) : ICommandHandler<MarkActivitySeenCommand, ActivitySeenAt>
{
    public async ValueTask<ActivitySeenAt> Handle(MarkActivitySeenCommand command, CancellationToken cancellationToken)
    {
        var me = access.UserId;
        var now = clock.UtcNow;
        var row = await db.ActivitySeen.FirstOrDefaultAsync(s => s.UserId == me, cancellationToken);
        if (row is null)
        {
            db.ActivitySeen.Add(row = new ActivitySeen(me, now));
        }
        else
        {
            row.Seen(now);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            // The same user's other page marked it at the same instant: theirs stands.
        }

        return new ActivitySeenAt(row.SeenAtUtc);
    }
}

internal static class MarkActivitySeenEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/activity/seen", async Task<Ok<ActivitySeenAt>> (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new MarkActivitySeenCommand(), ct)))
            .WithName("MarkCommunityActivitySeen")
            .WithSummary("The caller looked at 与我相关: what came until now is no longer new.");
}
