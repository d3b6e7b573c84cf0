using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.WorkLogs.Features.Shared;
using BranchNetwork.SharedKernel.Authorization;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.WorkLogs.Features.UnlikeLog;

/// <summary>WL-3: a reader takes back their like; taking back a like that is not there changes nothing (DELETE).</summary>
[AllowedRoles(BankRoles.Staff, BankRoles.SubBranchHead, BankRoles.DepartmentManager, BankRoles.AccountingSupervisor, BankRoles.HeadOfficeSupervisor)]
internal sealed record UnlikeLogCommand(Guid LogId) : ICommand<LikeState>;

internal sealed class UnlikeLogHandler(WorkLogsDbContext db, ReadingLogs reading) : ICommandHandler<UnlikeLogCommand, LikeState>
{
    public async ValueTask<LikeState> Handle(UnlikeLogCommand command, CancellationToken cancellationToken)
    {
        var me = reading.Access.User.RequireUserId();
        var log = await reading.ReadableAsync(command.LogId, cancellationToken);
        var like = await db.Likes.FirstOrDefaultAsync(l => l.LogId == log.Id && l.UserId == me, cancellationToken);
        if (like is not null)
        {
            db.Likes.Remove(like);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Taken back twice at once: the like is gone, which is what was asked.
                db.ChangeTracker.Clear();
            }
        }

        return await reading.LikeStateAsync(log.Id, cancellationToken);
    }
}

internal static class UnlikeLogEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapDelete("/logs/{id:guid}/like", async Task<Ok<LikeState>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new UnlikeLogCommand(id), ct)))
            .WithName("UnlikeWorkLog")
            .WithSummary("The caller takes back their like of a daily log; idempotent (WL-3).");
}
