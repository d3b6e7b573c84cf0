using BranchNetwork.Modules.Community.Features.Shared;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.SharedKernel.Authorization;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Community.Features.FavouriteThread;

/// <summary>CM-1 收藏: the caller keeps a published thread for later, or lets it go; once per person and thread.</summary>
[AllowedRoles(BankRoles.Staff, BankRoles.SubBranchHead, BankRoles.DepartmentManager, BankRoles.AccountingSupervisor, BankRoles.HeadOfficeSupervisor, BankRoles.TaskAdmin, BankRoles.Moderator)]
internal sealed record FavouriteThreadCommand(Guid ThreadId, bool Favourite) : ICommand<FavouriteState>;

internal sealed class FavouriteThreadHandler(CommunityDbContext db, CommunityAccess access, ThreadRules rules) : ICommandHandler<FavouriteThreadCommand, FavouriteState>
{
    public async ValueTask<FavouriteState> Handle(FavouriteThreadCommand command, CancellationToken cancellationToken)
    {
        access.EnsureTakesPart();
        var (_, thread) = await access.ReadableThreadAsync(command.ThreadId, cancellationToken);
        thread.EnsurePublished();
        var (me, id) = (rules.Me, thread.Id);
        if (command.Favourite)
        {
            if (!await db.Favourites.AnyAsync(f => f.ThreadId == id && f.UserId == me, cancellationToken))
            {
                await rules.AddOnceAsync(new Favourite(id, me, rules.Now), () => db.Threads.Where(t => t.Id == id).ExecuteUpdateAsync(s => s.SetProperty(t => t.FavouriteCount, t => t.FavouriteCount + 1), cancellationToken), cancellationToken);
            }
        }
        else
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var removed = await db.Favourites.Where(f => f.ThreadId == id && f.UserId == me).ExecuteDeleteAsync(cancellationToken);
            if (removed > 0)
            {
                await db.Threads.Where(t => t.Id == id).ExecuteUpdateAsync(s => s.SetProperty(t => t.FavouriteCount, t => t.FavouriteCount - removed), cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        var count = await db.Threads.Where(t => t.Id == id).Select(t => t.FavouriteCount).FirstAsync(cancellationToken);
        return new FavouriteState(id, await db.Favourites.AnyAsync(f => f.ThreadId == id && f.UserId == me, cancellationToken), count);
    }
}

internal static class FavouriteThreadEndpoint
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/threads/{id:guid}/favourite", async Task<Ok<FavouriteState>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new FavouriteThreadCommand(id, true), ct)))
            .WithName("FavouriteCommunityThread")
            .WithSummary("收藏: keeps a published thread in the caller's favourites; a second time is a no-op.");
        api.MapPost("/threads/{id:guid}/unfavourite", async Task<Ok<FavouriteState>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new FavouriteThreadCommand(id, false), ct)))
            .WithName("UnfavouriteCommunityThread")
            .WithSummary("Takes a thread out of the caller's favourites.");
    }
}
