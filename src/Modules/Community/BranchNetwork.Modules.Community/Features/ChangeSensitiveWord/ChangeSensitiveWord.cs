using BranchNetwork.Modules.Community.Features.Shared;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.SharedKernel.Authorization;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Community.Features.ChangeSensitiveWord;

/// <summary>Changes a sensitive word or its action (CM-4), under its version; recorded in the moderation record.</summary>
[AllowedRoles(BankRoles.Moderator)]
internal sealed record ChangeSensitiveWordCommand(Guid Id, string? Word, SensitiveWordAction? Action, long Version) : ICommand<SensitiveWordView>;

internal sealed class ChangeSensitiveWordValidator : AbstractValidator<ChangeSensitiveWordCommand>
{
    public ChangeSensitiveWordValidator()
    {
        RuleFor(c => c.Word).NotEmpty().MaximumLength(SensitiveWord.MaxLength).Must(w => !TextGuard.HasBidiControl(w)).WithMessage(_ => DomainText.Format("SensitiveWordInvalid", SensitiveWord.MaxLength));
        RuleFor(c => c.Action).NotNull().IsInEnum().WithMessage(_ => DomainText.Get("SensitiveWordActionInvalid"));
        RuleFor(c => c.Version).GreaterThan(0);
    }
}

internal sealed class ChangeSensitiveWordHandler(CommunityDbContext db, CommunityAccess access, ModerationDesk desk) : ICommandHandler<ChangeSensitiveWordCommand, SensitiveWordView>
{
    public async ValueTask<SensitiveWordView> Handle(ChangeSensitiveWordCommand command, CancellationToken cancellationToken)
    {
        var word = await db.SensitiveWords.FirstOrDefaultAsync(w => w.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("community.word_not_found", DomainText.Get("SensitiveWordNotFound"));
        if (word.Version != command.Version)
        {
            throw new ConflictException("concurrency_conflict", DomainText.Get("ChangedMeanwhile"));
        }

        var normalized = SensitiveWordMatcher.Normalize(command.Word!);
        if (await db.SensitiveWords.AnyAsync(w => w.Normalized == normalized && w.Id != word.Id, cancellationToken))
        {
            throw new ConflictException("community.word_exists", DomainText.Get("SensitiveWordExists"));
        }

        word.Change(command.Word!, normalized, command.Action!.Value, access.UserId);
        await desk.RecordAsync(ModerationActionKind.ChangeWord, null, null, word.Word, null, word.Action.ToString(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return SensitiveWordView.Of(word);
    }
}

internal static class ChangeSensitiveWordEndpoint
{
    internal sealed record ChangeSensitiveWordBody(string? Word, SensitiveWordAction? Action, long Version);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/moderation/words/{id:guid}", async Task<Ok<SensitiveWordView>> (Guid id, ChangeSensitiveWordBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ChangeSensitiveWordCommand(id, body.Word, body.Action, body.Version), ct)))
            .WithName("ChangeCommunitySensitiveWord")
            .WithSummary("敏感词: changes a word or its action, under its version (Moderator, CM-4).");
}
