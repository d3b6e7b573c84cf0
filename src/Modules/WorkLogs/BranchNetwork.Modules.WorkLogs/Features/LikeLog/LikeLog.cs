using BranchNetwork.Infrastructure.Persistence;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.WorkLogs.Features.Shared;
using BranchNetwork.SharedKernel.Authorization;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.WorkLogs.Features.LikeLog;

/// <summary>WL-3 点赞: a reader likes a submitted log, once; liking it again changes nothing (PUT).</summary>
[AllowedRoles(BankRoles.Staff, BankRoles.SubBranchHead, BankRoles.DepartmentManager, BankRoles.AccountingSupervisor, BankRoles.HeadOfficeSupervisor)]
internal sealed record LikeLogCommand(Guid LogId) : ICommand<LikeState>;

internal sealed class LikeLogHandler(WorkLogsDbContext db, ReadingLogs reading, IClock clock) : ICommandHandler<LikeLogCommand, LikeState>
{
    public async ValueTask<LikeState> Handle(LikeLogCommand command, CancellationToken cancellationToken)
    {
        var me = reading.Access.User.RequireUserId();
        var log = await reading.ReadableAsync(command.LogId, cancellationToken);
        if (log.State != LogState.Submitted)
        {
            throw DomainText.WrongState("OnlySubmittedRead");
        }

        if (!await db.Likes.AnyAsync(l => l.LogId == log.Id && l.UserId == me, cancellationToken))
        {
            db.Likes.Add(new LogLike(log.Id, me, await reading.MyNameAsync(cancellationToken), clock.UtcNow));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
            {
                // Liked twice at once: one like stands, which is what was asked.
                db.ChangeTracker.Clear();
            }
        }

        return await reading.LikeStateAsync(log.Id, cancellationToken);
    }
}

internal static class LikeLogEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/logs/{id:guid}/like", async Task<Ok<LikeState>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new LikeLogCommand(id), ct)))
            .WithName("LikeWorkLog")
            .WithSummary("The caller likes a submitted daily log; idempotent (WL-3).");
}
