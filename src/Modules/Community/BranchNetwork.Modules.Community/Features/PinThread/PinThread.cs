using BranchNetwork.Infrastructure.Outbox;
using BranchNetwork.Modules.Community.Features.Shared;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.SharedKernel.Authorization;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Community.Features.PinThread;

/// <summary>CM-1 置顶: a board's moderator pins a published thread on top of the board's list, or unpins it.</summary>
[AllowedRoles(BankRoles.Staff, BankRoles.SubBranchHead, BankRoles.DepartmentManager, BankRoles.AccountingSupervisor, BankRoles.HeadOfficeSupervisor, BankRoles.TaskAdmin, BankRoles.Moderator)]
internal sealed record PinThreadCommand(Guid ThreadId, bool On) : ICommand<ThreadDetail>;

internal sealed class PinThreadHandler(CommunityDbContext db, CommunityAccess access, ThreadRules rules, PublicationNotifier notifier, OutboxProcessor outbox)
    : ICommandHandler<PinThreadCommand, ThreadDetail>
{
    public async ValueTask<ThreadDetail> Handle(PinThreadCommand command, CancellationToken cancellationToken)
    {
        var (board, thread) = await access.ReadableThreadAsync(command.ThreadId, cancellationToken);
        access.EnsureModerates(board);
        thread.Pin(command.On);
        await notifier.SignalAsync(board, thread.Id, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        outbox.Wake();
        return await ThreadViews.ReadDetailAsync(db, rules, board, thread, cancellationToken);
    }
}

internal static class PinThreadEndpoint
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/threads/{id:guid}/pin", async Task<Ok<ThreadDetail>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new PinThreadCommand(id, true), ct)))
            .WithName("PinCommunityThread")
            .WithSummary("置顶: a board's moderator pins a published thread on top of the board's list, or unpins it. (on; the board's moderators only)");
        api.MapPost("/threads/{id:guid}/unpin", async Task<Ok<ThreadDetail>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new PinThreadCommand(id, false), ct)))
            .WithName("UnpinCommunityThread")
            .WithSummary("置顶: a board's moderator pins a published thread on top of the board's list, or unpins it. (off; the board's moderators only)");
    }
}
