using BranchNetwork.Modules.Assessment.Data;
using BranchNetwork.Modules.Assessment.Domain;
using BranchNetwork.Modules.Assessment.Resources;
using BranchNetwork.Modules.Assessment.Services;
using BranchNetwork.SharedKernel;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace BranchNetwork.Modules.Assessment.Features.CommentOnResults;

internal sealed record ResultCommentDto(Guid Id, string AuthorName, string Body, DateTime CreatedAt);

/// <summary>全员点评 (AS-8): anyone signed in comments on a published or closed scheme's results.</summary>
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
        if (scheme.Status == SchemeStatus.Draft)
        {
            throw access.NotInStatus("CommentNeedsPublished");
        }

        var comment = new ResultComment { SchemeId = scheme.Id, AuthorId = userId, AuthorName = access.User.UserName ?? "", Body = command.Body.Trim() };
        db.ResultComments.Add(comment);
        await db.SaveChangesAsync(cancellationToken);
        return new ResultCommentDto(comment.Id, comment.AuthorName, comment.Body, comment.CreatedAtUtc);
    }
}

internal sealed record ListResultCommentsQuery(Guid SchemeId, int? Page, int? PageSize) : IQuery<PagedResult<ResultCommentDto>>;

internal sealed class ListResultCommentsHandler(AssessmentDbContext db, AssessmentAccess access) : IQueryHandler<ListResultCommentsQuery, PagedResult<ResultCommentDto>>
{
    public async ValueTask<PagedResult<ResultCommentDto>> Handle(ListResultCommentsQuery query, CancellationToken cancellationToken)
    {
        var scheme = await access.VisibleSchemeAsync(query.SchemeId, cancellationToken, withIndicators: false);
        var (page, size) = Paging.Normalize(query.Page, query.PageSize);
        var comments = db.ResultComments.AsNoTracking().Where(c => c.SchemeId == scheme.Id);
        var total = await comments.CountAsync(cancellationToken);
        var items = await comments.OrderByDescending(c => c.CreatedAtUtc).Skip((page - 1) * size).Take(size)
            .Select(c => new ResultCommentDto(c.Id, c.AuthorName, c.Body, c.CreatedAtUtc)).ToListAsync(cancellationToken);
        return new PagedResult<ResultCommentDto>(items, page, size, total);
    }
}

internal static class CommentOnResultsEndpoints
{
    internal sealed record CommentBody(string Body);

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/schemes/{id:guid}/comments", async Task<Ok<PagedResult<ResultCommentDto>>> (Guid id, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListResultCommentsQuery(id, page, pageSize), ct)))
            .WithName("ListResultComments").WithSummary("Comments on a scheme's results, newest first.");
        api.MapPost("/schemes/{id:guid}/comments", async Task<Created<ResultCommentDto>> (Guid id, CommentBody body, ISender sender, CancellationToken ct) =>
            {
                var comment = await sender.Send(new CommentOnResultsCommand(id, body.Body), ct);
                return TypedResults.Created($"/api/assessment/schemes/{id}/comments/{comment.Id}", comment);
            })
            .WithName("CommentOnResults").WithSummary("Comments on a published scheme's results (全员点评; anyone signed in).");
    }
}
