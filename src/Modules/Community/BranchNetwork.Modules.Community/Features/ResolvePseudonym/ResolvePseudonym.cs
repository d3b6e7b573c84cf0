using BranchNetwork.Modules.Community.Features.Shared;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.SharedKernel.Authorization;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Community.Features.ResolvePseudonym;

/// <summary>The account behind a pseudonym, as the auditor's resolution returns it.</summary>
internal sealed record PseudonymResolved(
    Guid ResolutionId,
    Guid BoardId,
    string BoardName,
    string Pseudonym,
    Guid UserId,
    string UserName,
    string DisplayName,
    Guid? UnitId,
    string? UnitName,
    string Reason,
    DateTime AtUtc);

/// <summary>
/// 匿名溯源 (CM-3): only an auditor resolves a pseudonym — of a thread or reply (<see cref="ItemId"/>), or a board's
/// pseudonym (<see cref="BoardId"/> + <see cref="Pseudonym"/>) — with a stated reason (at least 5 characters). The
/// resolution is saved as a <see cref="PseudonymResolution"/> row through the module's context, so the audit trail
/// records it (AU-2); the request itself is in the access log (AU-1). Every other role, moderators included, gets 403.
/// It is a query — the auditor reads and writes no content (ORG-2) — that records itself, as the audit console's
/// views do.
/// </summary>
[AllowedRoles(BankRoles.Auditor)]
internal sealed record ResolvePseudonymQuery(Guid? ItemId, Guid? BoardId, string? Pseudonym, string? Reason) : IQuery<PseudonymResolved>;

internal sealed class ResolvePseudonymValidator : AbstractValidator<ResolvePseudonymQuery>
{
    public ResolvePseudonymValidator()
    {
        RuleFor(c => c.Reason).NotEmpty().Must(r => r is not null && r.Trim().Length >= PseudonymResolution.ReasonMinLength).MaximumLength(PseudonymResolution.ReasonMaxLength)
            .WithMessage(_ => DomainText.Format("ResolutionReasonInvalid", PseudonymResolution.ReasonMinLength, PseudonymResolution.ReasonMaxLength));
        RuleFor(c => c.Pseudonym).MaximumLength(Pseudonym.MaxLength).WithMessage(_ => DomainText.Get("ResolutionTargetInvalid"));
        RuleFor(c => c.ItemId).NotNull().When(c => c.BoardId is null || string.IsNullOrWhiteSpace(c.Pseudonym)).WithMessage(_ => DomainText.Get("ResolutionTargetInvalid"));
    }
}

internal sealed class ResolvePseudonymHandler(CommunityDbContext db, CommunityAccess access, IOrganisationDirectory directory, IClock clock)
    : IQueryHandler<ResolvePseudonymQuery, PseudonymResolved>
{
    public async ValueTask<PseudonymResolved> Handle(ResolvePseudonymQuery command, CancellationToken cancellationToken)
    {
        Guid boardId;
        Guid? threadId = null;
        Guid? replyId = null;
        string alias;
        Guid userId;
        if (command.ItemId is { } itemId)
        {
            var reply = await db.Replies.AsNoTracking().FirstOrDefaultAsync(r => r.Id == itemId, cancellationToken);
            var thread = reply is null ? await db.Threads.AsNoTracking().FirstOrDefaultAsync(t => t.Id == itemId, cancellationToken) : null;
            if (reply is not null)
            {
                (boardId, threadId, replyId, alias, userId) = (reply.BoardId, reply.ThreadId, reply.Id, reply.Pseudonym ?? "", reply.AuthorId);
            }
            else if (thread is not null)
            {
                (boardId, threadId, alias, userId) = (thread.BoardId, thread.Id, thread.Pseudonym ?? "", thread.AuthorId);
            }
            else
            {
                throw CommunityAccess.ThreadNotFound();
            }

            if (alias.Length == 0)
            {
                throw DomainText.Invalid("itemId", "NotAnonymous");
            }
        }
        else
        {
            var name = command.Pseudonym!.Trim();
            var kept = await db.Pseudonyms.AsNoTracking().FirstOrDefaultAsync(p => p.BoardId == command.BoardId && p.Alias == name, cancellationToken)
                ?? throw new NotFoundException("community.pseudonym_not_found", DomainText.Get("PseudonymNotFound"));
            (boardId, alias, userId) = (kept.BoardId, kept.Alias, kept.UserId);
        }

        var board = await access.ReadableBoardAsync(boardId, cancellationToken);
        var user = await directory.FindUserAsync(userId, cancellationToken);
        var unit = user is null ? null : await directory.FindUnitAsync(user.UnitId, cancellationToken);
        var resolution = PseudonymResolution.Record(access.UserId, await access.DisplayNameAsync(cancellationToken), boardId, threadId, replyId, alias, userId,
            command.Reason!, clock.UtcNow);
        db.PseudonymResolutions.Add(resolution);
        await db.SaveChangesAsync(cancellationToken);
        return new PseudonymResolved(resolution.Id, boardId, board.Name, alias, userId, user?.UserName ?? "", user?.DisplayName ?? "", user?.UnitId, unit?.Name,
            resolution.Reason, resolution.AtUtc);
    }
}

internal static class ResolvePseudonymEndpoint
{
    internal sealed record ResolveCommunityPseudonymBody(Guid? ItemId, Guid? BoardId, string? Pseudonym, string? Reason);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/anonymity/resolutions", async Task<Ok<PseudonymResolved>> (ResolveCommunityPseudonymBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ResolvePseudonymQuery(body.ItemId, body.BoardId, body.Pseudonym, body.Reason), ct)))
            .WithName("ResolveCommunityPseudonym")
            .WithSummary("匿名溯源: resolves the pseudonym of a thread or reply (or board + pseudonym) to its account, with a reason of at least 5 characters; recorded (Auditor only, CM-3).");
}
