using BranchNetwork.Modules.Community.Features.Shared;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.SharedKernel.Authorization;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Community.Features.AddSensitiveWord;

/// <summary>
/// Adds a sensitive word (CM-4) with its action; the word is compared in its normal form (full-width, case, spaces and
/// symbols ignored), so a word whose normal form is already listed is a 409. Recorded in the moderation record.
/// </summary>
[AllowedRoles(BankRoles.Moderator)]
internal sealed record AddSensitiveWordCommand(string? Word, SensitiveWordAction? Action) : ICommand<SensitiveWordView>;

internal sealed class AddSensitiveWordValidator : AbstractValidator<AddSensitiveWordCommand>
{
    public AddSensitiveWordValidator()
    {
        RuleFor(c => c.Word).NotEmpty().MaximumLength(SensitiveWord.MaxLength).Must(w => !TextGuard.HasBidiControl(w)).WithMessage(_ => DomainText.Format("SensitiveWordInvalid", SensitiveWord.MaxLength));
        RuleFor(c => c.Action).NotNull().IsInEnum().WithMessage(_ => DomainText.Get("SensitiveWordActionInvalid"));
    }
}

internal sealed class AddSensitiveWordHandler(CommunityDbContext db, CommunityAccess access, ModerationDesk desk) : ICommandHandler<AddSensitiveWordCommand, SensitiveWordView>
{
    public async ValueTask<SensitiveWordView> Handle(AddSensitiveWordCommand command, CancellationToken cancellationToken)
    {
        var normalized = SensitiveWordMatcher.Normalize(command.Word!);
        if (await db.SensitiveWords.AnyAsync(w => w.Normalized == normalized, cancellationToken))
        {
            throw new ConflictException("community.word_exists", DomainText.Get("SensitiveWordExists"));
        }

        if (await db.SensitiveWords.CountAsync(cancellationToken) >= SensitiveWord.MaxWords)
        {
            throw DomainText.Invalid("word", "SensitiveWordsFull", SensitiveWord.MaxWords);
        }

        var word = SensitiveWord.Create(command.Word!, normalized, command.Action!.Value, access.UserId);
        db.SensitiveWords.Add(word);
        await desk.RecordAsync(ModerationActionKind.AddWord, null, null, word.Word, null, word.Action.ToString(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return SensitiveWordView.Of(word);
    }
}

internal static class AddSensitiveWordEndpoint
{
    internal sealed record AddSensitiveWordBody(string? Word, SensitiveWordAction? Action);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/moderation/words", async Task<Ok<SensitiveWordView>> (AddSensitiveWordBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new AddSensitiveWordCommand(body.Word, body.Action), ct)))
            .WithName("AddCommunitySensitiveWord")
            .WithSummary("敏感词: adds a word with its action (Block, Hold, Mask) (Moderator, CM-4).");
}
