using BranchNetwork.Infrastructure.Outbox;
using BranchNetwork.Modules.Community.Features.Shared;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.SharedKernel.Authorization;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Community.Features.CloseThread;

/// <summary>CM-1 关闭: a board's moderator closes a thread to new replies, or reopens it (an archived thread stays closed).</summary>
[AllowedRoles(BankRoles.Staff, BankRoles.SubBranchHead, BankRoles.DepartmentManager, BankRoles.AccountingSupervisor, BankRoles.HeadOfficeSupervisor, BankRoles.TaskAdmin, BankRoles.Moderator)]
internal sealed record CloseThreadCommand(Guid ThreadId, bool On) : ICommand<ThreadDetail>;

internal sealed class CloseThreadHandler(CommunityDbContext db, CommunityAccess access, ThreadRules rules, PublicationNotifier notifier, OutboxProcessor outbox)
    : ICommandHandler<CloseThreadCommand, ThreadDetail>
{
    public async ValueTask<ThreadDetail> Handle(CloseThreadCommand command, CancellationToken cancellationToken)
    {
        var (board, thread) = await access.ReadableThreadAsync(command.ThreadId, cancellationToken);
        access.EnsureModerates(board);
        if (command.On)
        {
            thread.Close();
        }
        else
        {
            thread.Reopen();
        }

        await notifier.SignalAsync(board, thread.Id, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        outbox.Wake();
        return await ThreadViews.ReadDetailAsync(db, rules, board, thread, cancellationToken);
    }
}

internal static class CloseThreadEndpoint
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/threads/{id:guid}/close", async Task<Ok<ThreadDetail>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new CloseThreadCommand(id, true), ct)))
            .WithName("CloseCommunityThread")
            .WithSummary("关闭: a board's moderator closes a thread to new replies, or reopens it (an archived thread stays closed). (on; the board's moderators only)");
        api.MapPost("/threads/{id:guid}/reopen", async Task<Ok<ThreadDetail>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new CloseThreadCommand(id, false), ct)))
            .WithName("ReopenCommunityThread")
            .WithSummary("关闭: a board's moderator closes a thread to new replies, or reopens it (an archived thread stays closed). (off; the board's moderators only)");
    }
}
