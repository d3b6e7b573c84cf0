using BranchNetwork.Modules.Community.Features.Shared;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.SharedKernel.Authorization;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Community.Features.RemoveSensitiveWord;

/// <summary>Takes a word off the sensitive-word list (CM-4); recorded in the moderation record.</summary>
[AllowedRoles(BankRoles.Moderator)]
internal sealed record RemoveSensitiveWordCommand(Guid Id) : ICommand<bool>;

internal sealed class RemoveSensitiveWordHandler(CommunityDbContext db, ModerationDesk desk) : ICommandHandler<RemoveSensitiveWordCommand, bool>
{
    public async ValueTask<bool> Handle(RemoveSensitiveWordCommand command, CancellationToken cancellationToken)
    {
        var word = await db.SensitiveWords.FirstOrDefaultAsync(w => w.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("community.word_not_found", DomainText.Get("SensitiveWordNotFound"));
        db.SensitiveWords.Remove(word);
        await desk.RecordAsync(ModerationActionKind.RemoveWord, null, null, word.Word, null, null, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}

internal static class RemoveSensitiveWordEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapDelete("/moderation/words/{id:guid}", async Task<NoContent> (Guid id, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new RemoveSensitiveWordCommand(id), ct);
                return TypedResults.NoContent();
            })
            .WithName("RemoveCommunitySensitiveWord")
            .WithSummary("敏感词: removes a word from the list (Moderator, CM-4).");
}
