using BranchNetwork.Infrastructure.Outbox;
using BranchNetwork.Modules.Community.Contracts;
using BranchNetwork.Modules.Community.Features.Shared;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.SharedKernel.Authorization;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Community.Features.FeatureThread;

/// <summary>CM-1 精华: a board's moderator features a published thread (raises CommunityThreadFeatured) or takes the mark back.</summary>
[AllowedRoles(BankRoles.Staff, BankRoles.SubBranchHead, BankRoles.DepartmentManager, BankRoles.AccountingSupervisor, BankRoles.HeadOfficeSupervisor, BankRoles.TaskAdmin, BankRoles.Moderator)]
internal sealed record FeatureThreadCommand(Guid ThreadId, bool On) : ICommand<ThreadDetail>;

internal sealed class FeatureThreadHandler(CommunityDbContext db, CommunityAccess access, ThreadRules rules, PublicationNotifier notifier, OutboxProcessor outbox)
    : ICommandHandler<FeatureThreadCommand, ThreadDetail>
{
    public async ValueTask<ThreadDetail> Handle(FeatureThreadCommand command, CancellationToken cancellationToken)
    {
        var (board, thread) = await access.ReadableThreadAsync(command.ThreadId, cancellationToken);
        access.EnsureModerates(board);
        var was = thread.IsFeatured;
        thread.Feature(command.On);
        if (command.On && !was)
        {
            db.AddIntegrationEvent(new CommunityThreadFeatured(Guid.CreateVersion7(), rules.Now, thread.Id, board.Id, thread.AuthorId, rules.Me));
        }
        await notifier.SignalAsync(board, thread.Id, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        outbox.Wake();
        return await ThreadViews.ReadDetailAsync(db, rules, board, thread, cancellationToken);
    }
}

internal static class FeatureThreadEndpoint
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/threads/{id:guid}/feature", async Task<Ok<ThreadDetail>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new FeatureThreadCommand(id, true), ct)))
            .WithName("FeatureCommunityThread")
            .WithSummary("精华: a board's moderator features a published thread (raises CommunityThreadFeatured) or takes the mark back. (on; the board's moderators only)");
        api.MapPost("/threads/{id:guid}/unfeature", async Task<Ok<ThreadDetail>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new FeatureThreadCommand(id, false), ct)))
            .WithName("UnfeatureCommunityThread")
            .WithSummary("精华: a board's moderator features a published thread (raises CommunityThreadFeatured) or takes the mark back. (off; the board's moderators only)");
    }
}
