using BranchNetwork.Modules.Assessment.Features.Shared;
using BranchNetwork.Modules.Assessment.Resources;
using BranchNetwork.Modules.Identity.Contracts;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;


namespace BranchNetwork.Modules.Assessment.Features.RecordProgress;

/// <summary>
/// AS-4: actual (cumulative) values on dates of a published scheme, appended to the history; the target
/// cell's current-value projection moves in the same transaction. Supervisors enter for any sub-branch; a
/// sub-branch head only for their own and only indicators that allow it.
/// </summary>
[AllowedRoles(BankRoles.HeadOfficeSupervisor, BankRoles.SubBranchHead)]
// Up to 20,000 entries of about 130 bytes of JSON each (the validator's bound).
[RequestBodyLimit(4 * 1024 * 1024)]
internal sealed record RecordProgressCommand(Guid SchemeId, IReadOnlyList<ProgressInput> Entries) : ICommand<RecordProgressResult>;

internal sealed class RecordProgressValidator : AbstractValidator<RecordProgressCommand>
{
    public RecordProgressValidator(IStringLocalizer<AssessmentText> text)
    {
        RuleFor(c => c.Entries).NotNull().Must(e => e is { Count: > 0 and <= 20_000 }).WithMessage(text["EntriesRequired"]);
        RuleForEach(c => c.Entries).NotNull().ChildRules(e =>
            e.RuleFor(x => x.Value).GreaterThanOrEqualTo(0m).WithMessage(text["ProgressNonNegative"]).LessThan(1_000_000_000_000m))
            .When(c => c.Entries is not null);
    }
}

internal sealed class RecordProgressHandler(ProgressWriter writer) : ICommandHandler<RecordProgressCommand, RecordProgressResult>
{
    public async ValueTask<RecordProgressResult> Handle(RecordProgressCommand command, CancellationToken cancellationToken)
    {
        var entries = await writer.AppendAsync(command.SchemeId, command.Entries, ProgressSource.Manual, n => $"entries[{n}]", cancellationToken);
        return new RecordProgressResult(entries.Count, entries.Select(ProgressWriter.ToDto).ToList());
    }
}

internal static class RecordProgressEndpoint
{
    internal sealed record RecordProgressBody(IReadOnlyList<ProgressInput> Entries);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/schemes/{id:guid}/progress", async Task<Ok<RecordProgressResult>> (Guid id, RecordProgressBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new RecordProgressCommand(id, body.Entries), ct)))
            .WithName("RecordProgress").WithSummary("Appends progress entries to a published scheme (supervisor; a head for their own sub-branch where allowed).");
}
