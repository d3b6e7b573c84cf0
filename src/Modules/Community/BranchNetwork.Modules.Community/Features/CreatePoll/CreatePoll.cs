using BranchNetwork.Infrastructure.Outbox;
using BranchNetwork.Modules.Community.Features.Shared;
using BranchNetwork.SharedKernel.Authorization;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Community.Features.CreatePoll;

/// <summary>The poll to add to a thread: 2–20 options, single or multiple choice (at most <c>maxChoices</c>), anonymous ballots or not, an optional closing time, who sees the counts.</summary>
internal sealed record CreatePollBody(
    string? Question,
    IReadOnlyList<string>? Options,
    bool MultipleChoice,
    int? MaxChoices,
    bool Anonymous,
    string? ResultsVisibility,
    DateTime? ClosesAtUtc);

/// <summary>
/// CM-2: adds a poll to a published thread — by the thread's author or a moderator of its board (403 otherwise; 404 for
/// a thread the caller may not read); one poll a thread (409 for a second).
/// </summary>
[AnySignedInUser]
internal sealed record CreatePollCommand(Guid ThreadId, CreatePollBody Body) : ICommand<PollView>;

internal sealed class CreatePollValidator : AbstractValidator<CreatePollCommand>
{
    public CreatePollValidator()
    {
        // Text-direction controls only disguise; the pipeline strips them after validation, so they are refused here.
        RuleFor(c => c.Body.Question).Must(q => !TextGuard.HasBidiControl(q)).OverridePropertyName("question")
            .WithMessage(_ => DomainText.Format("PollQuestionInvalid", Poll.QuestionMaxLength));
        RuleForEach(c => c.Body.Options).Must(o => !TextGuard.HasBidiControl(o)).OverridePropertyName("options")
            .WithMessage(_ => DomainText.Format("PollOptionInvalid", Poll.OptionMaxLength));
    }
}

internal sealed class CreatePollHandler(CommunityDbContext db, CommunityAccess access, PollViews views, OutboxProcessor outbox, IClock clock)
    : ICommandHandler<CreatePollCommand, PollView>
{
    public async ValueTask<PollView> Handle(CreatePollCommand command, CancellationToken cancellationToken)
    {
        access.EnsureTakesPart();
        var (board, thread) = await access.ReadableThreadAsync(command.ThreadId, cancellationToken);
        if (!views.Manages(board, thread))
        {
            throw new ForbiddenException("community.not_thread_author", DomainText.Get("PollNotManager"));
        }

        if (await db.Polls.AnyAsync(p => p.ThreadId == thread.Id, cancellationToken))
        {
            throw new ConflictException("community.poll_exists", DomainText.Get("PollExists"));
        }

        var body = command.Body;
        var visibility = PollResultsVisibility.OnVote;
        if (!string.IsNullOrEmpty(body.ResultsVisibility)
            && !(Enum.TryParse(body.ResultsVisibility, ignoreCase: true, out visibility) && Enum.IsDefined(visibility) && !char.IsDigit(body.ResultsVisibility[0]) && body.ResultsVisibility[0] != '-'))
        {
            throw DomainText.Invalid("resultsVisibility", "PollVisibilityInvalid");
        }

        var poll = Poll.Create(
            thread, access.UserId, body.Question ?? "", body.Options ?? [], body.MultipleChoice, body.MaxChoices, body.Anonymous, visibility,
            body.ClosesAtUtc is { } closes ? closes.ToUniversalTime() : null, clock.UtcNow);
        db.Polls.Add(poll);
        await views.SignalAsync(board, poll, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        outbox.Wake();
        return await views.ViewAsync(board, thread, poll, cancellationToken);
    }
}

internal static class CreatePollEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/threads/{threadId:guid}/poll", async Task<Created<PollView>> (Guid threadId, CreatePollBody body, ISender sender, CancellationToken ct) =>
            {
                var poll = await sender.Send(new CreatePollCommand(threadId, body), ct);
                return TypedResults.Created($"/api/community/polls/{poll.Id}", poll);
            })
            .WithName("CreateCommunityPoll")
            .WithSummary("投票: adds a poll to a published thread (its author or a moderator of its board; one a thread).");
}
