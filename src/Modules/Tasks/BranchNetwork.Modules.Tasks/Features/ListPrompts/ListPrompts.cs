using BranchNetwork.Modules.Tasks.Features.Shared;
using BranchNetwork.SharedKernel.Authorization;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BranchNetwork.Modules.Tasks.Features.ListPrompts;

/// <summary>A sub-branch's supervision prompts of one week (the current one when none is given), newest first: its members and head office read them; anyone else 404.</summary>
[AnySignedInUser]
[BoundedList("one sub-branch's prompts of one week")]
internal sealed record ListPromptsQuery(Guid SubBranchId, int? Year, int? Week) : IQuery<IReadOnlyList<PromptDto>>;

internal sealed class ListPromptsValidator : AbstractValidator<ListPromptsQuery>
{
    public ListPromptsValidator()
    {
        RuleFor(q => q.SubBranchId).NotEmpty();
        RuleFor(q => q.Week).Must((q, _) => SupervisionWeek.IsAcceptable(q.Year, q.Week)).WithMessage(_ => DomainText.Get("Sv_WeekInvalid"));
    }
}

internal sealed class ListPromptsHandler(TasksDbContext db, TasksAccess access, IClock clock) : IQueryHandler<ListPromptsQuery, IReadOnlyList<PromptDto>>
{
    public async ValueTask<IReadOnlyList<PromptDto>> Handle(ListPromptsQuery query, CancellationToken cancellationToken)
    {
        access.User.RequireUserId();
        await access.EnsureCanReadSubBranchAsync(query.SubBranchId, "tasks.sub_branch_not_found", DomainText.Get("Sv_SubBranchNotFound"), cancellationToken);
        var week = SupervisionWeek.Resolve(query.Year, query.Week, clock);
        return await PromptProjection.OfWeekAsync(db, query.SubBranchId, week.Start, cancellationToken);
    }
}

internal static class ListPromptsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/prompts", async Task<Ok<IReadOnlyList<PromptDto>>> (Guid subBranchId, int? year, int? week, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListPromptsQuery(subBranchId, year, week), ct)))
            .WithName("ListPrompts")
            .WithSummary("A sub-branch's supervision prompts of a week, newest first (its members and head office).");
}
