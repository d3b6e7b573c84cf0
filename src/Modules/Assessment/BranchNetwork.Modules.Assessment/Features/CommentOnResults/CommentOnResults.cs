using BranchNetwork.Modules.Assessment.Features.Shared;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;


namespace BranchNetwork.Modules.Assessment.Features.CommentOnResults;

/// <summary>
/// 全员点评 (AS-8): the whole staff — every business role — comments on a published or closed scheme's results. The three
/// administrator roles (SystemAdmin, SecurityAdmin, Auditor; 三员分立) run the system, they do not take part in it.
/// </summary>
[AllowedRoles(
    Identity.Contracts.BankRoles.Staff,
    Identity.Contracts.BankRoles.SubBranchHead,
    Identity.Contracts.BankRoles.DepartmentManager,
    Identity.Contracts.BankRoles.AccountingSupervisor,
    Identity.Contracts.BankRoles.HeadOfficeSupervisor,
    Identity.Contracts.BankRoles.TaskAdmin,
    Identity.Contracts.BankRoles.Moderator)]
internal sealed record CommentOnResultsCommand(Guid SchemeId, string Body) : ICommand<ResultCommentDto>;

internal sealed class CommentOnResultsValidator : AbstractValidator<CommentOnResultsCommand>
{
    public CommentOnResultsValidator() => RuleFor(c => c.Body).NotEmpty().MaximumLength(ResultComment.BodyMaxLength);
}

internal sealed class CommentOnResultsHandler(AssessmentDbContext db, AssessmentAccess access) : ICommandHandler<CommentOnResultsCommand, ResultCommentDto>
{
    public async ValueTask<ResultCommentDto> Handle(CommentOnResultsCommand command, CancellationToken cancellationToken)
    {
        var userId = access.User.RequireUserId();
        var scheme = await access.VisibleSchemeAsync(command.SchemeId, cancellationToken, withIndicators: false);
        scheme.EnsureAcceptsComments();

        var comment = new ResultComment { SchemeId = scheme.Id, AuthorId = userId, AuthorName = access.User.DisplayName ?? "", Body = command.Body.Trim() };
        db.ResultComments.Add(comment);
        await db.SaveChangesAsync(cancellationToken);
        return new ResultCommentDto(comment.Id, comment.AuthorName, comment.Body, comment.CreatedAtUtc);
    }
}

internal static class CommentOnResultsEndpoint
{
    internal sealed record CommentBody(string Body);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/schemes/{id:guid}/comments", async Task<Created<ResultCommentDto>> (Guid id, CommentBody body, ISender sender, CancellationToken ct) =>
            {
                var comment = await sender.Send(new CommentOnResultsCommand(id, body.Body), ct);
                return TypedResults.Created($"/api/assessment/schemes/{id}/comments/{comment.Id}", comment);
            })
            .WithName("CommentOnResults").WithSummary("Comments on a published scheme's results (全员点评; anyone signed in).");
}
