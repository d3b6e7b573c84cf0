using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Tasks.Features.Shared;
using BranchNetwork.SharedKernel.Authorization;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Tasks.Features.CommentOnPlan;

/// <summary>
/// 指导纠偏 (TK-1): a head office supervisor comments on the whole plan or on one measure (<see cref="MeasureId"/>),
/// tied to the version being read; the sub-branch sees it in place and its head is told. A draft never submitted has
/// nothing to review yet (409).
/// </summary>
[AllowedRoles(BankRoles.HeadOfficeSupervisor)]
internal sealed record CommentOnPlanCommand(Guid PlanId, Guid? MeasureId, string Body) : ICommand<PlanCommentDto>;

internal sealed class CommentOnPlanValidator : AbstractValidator<CommentOnPlanCommand>
{
    public CommentOnPlanValidator()
    {
        RuleFor(c => c.Body).NotEmpty().MaximumLength(PlanComment.TextMaxLength);
        RuleFor(c => c.MeasureId).NotEqual(Guid.Empty);
    }
}

internal sealed class CommentOnPlanHandler(TasksDbContext db, PlanStore store, PlanNotifier notifier, IClock clock)
    : ICommandHandler<CommentOnPlanCommand, PlanCommentDto>
{
    public async ValueTask<PlanCommentDto> Handle(CommentOnPlanCommand command, CancellationToken cancellationToken)
    {
        var plan = await store.ReadableAsync(command.PlanId, cancellationToken, track: true);
        if (plan.VersionNumber == 0)
        {
            throw DomainText.WrongState("PlanNotSubmitted");
        }

        var user = store.Access.User;
        var comment = plan.Comment(command.MeasureId, command.Body, user.RequireUserId(), user.UserName ?? "", clock);
        db.PlanComments.Add(comment);
        var on = command.MeasureId is { } id ? plan.Measures.First(m => m.Id == id).Title : plan.SchemeName;
        await notifier.ToHeadAsync(
            plan,
            PlanNotifier.Text("NotifyPlanCommentedTitle"),
            PlanNotifier.Text("NotifyPlanCommentedBody", on, PlanNotifier.Cut(comment.Text)),
            cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new PlanCommentDto(comment.Id, comment.VersionNumber, comment.MeasureId, comment.Text, comment.AuthorName, comment.WrittenAtUtc);
    }
}

internal static class CommentOnPlanEndpoint
{
    internal sealed record CommentOnPlanBody(Guid? MeasureId, string Body);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/plans/{id:guid}/comments", async Task<Created<PlanCommentDto>> (Guid id, CommentOnPlanBody body, ISender sender, CancellationToken ct) =>
            {
                var comment = await sender.Send(new CommentOnPlanCommand(id, body.MeasureId, body.Body), ct);
                return TypedResults.Created($"/api/tasks/plans/{id}", comment);
            })
            .WithName("CommentOnPlan").WithSummary("A head office supervisor comments on a plan or one of its measures (指导纠偏).");
}
