using System.Globalization;
using BranchNetwork.Modules.Assessment.Features.Shared;
using BranchNetwork.Modules.Assessment.Resources;
using BranchNetwork.Modules.Identity.Contracts;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;


namespace BranchNetwork.Modules.Assessment.Features.CorrectProgress;

/// <summary>Corrects an entry: a new entry supersedes it with a reason; the original stays in the history.</summary>
[AllowedRoles(BankRoles.HeadOfficeSupervisor, BankRoles.SubBranchHead)]
internal sealed record CorrectProgressCommand(Guid SchemeId, Guid EntryId, decimal Value, string Reason) : ICommand<ProgressEntryDto>;

internal sealed class CorrectProgressValidator : AbstractValidator<CorrectProgressCommand>
{
    public CorrectProgressValidator(IStringLocalizer<AssessmentText> text)
    {
        RuleFor(c => c.Value).GreaterThanOrEqualTo(0m).WithMessage(text["ProgressNonNegative"]).LessThan(1_000_000_000_000m);
        RuleFor(c => c.Reason).NotEmpty().WithMessage(text["CorrectionNeedsReason"]).MaximumLength(ProgressEntry.ReasonMaxLength);
    }
}

internal sealed class CorrectProgressHandler(AssessmentDbContext db, AssessmentAccess access, IClock clock, IStringLocalizer<AssessmentText> text)
    : ICommandHandler<CorrectProgressCommand, ProgressEntryDto>
{
    public async ValueTask<ProgressEntryDto> Handle(CorrectProgressCommand command, CancellationToken cancellationToken)
    {
        access.User.EnsureAnyRole(BankRoles.HeadOfficeSupervisor, BankRoles.SubBranchHead);
        var scheme = await access.VisibleSchemeAsync(command.SchemeId, cancellationToken);
        var original = await db.ProgressEntries.AsNoTracking().FirstOrDefaultAsync(e => e.Id == command.EntryId && e.SchemeId == scheme.Id, cancellationToken);
        if (original is null || !await access.CanSeeSubBranchAsync(original.SubBranchId, cancellationToken))
        {
            throw new NotFoundException("assessment.entry_not_found", text["EntryNotFound"]);
        }

        scheme.EnsureAcceptsProgress();

        var indicator = scheme.Indicators.First(i => i.IndicatorId == original.IndicatorId);
        if (!access.IsSupervisor && (!indicator.AllowSubBranchEntry || await access.OwnSubBranchAsync(cancellationToken) != original.SubBranchId))
        {
            throw new ForbiddenException("assessment.entry_by_head_office", string.Format(CultureInfo.CurrentCulture, text["IndicatorHeadOfficeEntry"], indicator.Name));
        }

        if (await db.ProgressEntries.AnyAsync(e => e.SupersedesEntryId == original.Id, cancellationToken))
        {
            throw new ConflictException("assessment.entry_superseded", text["EntryAlreadyCorrected"]);
        }

        var correction = new ProgressEntry
        {
            SchemeId = original.SchemeId,
            SubBranchId = original.SubBranchId,
            IndicatorId = original.IndicatorId,
            Date = original.Date,
            Value = command.Value,
            Source = original.Source,
            EnteredById = access.User.RequireUserId(),
            EnteredByName = access.User.DisplayName ?? "",
            EnteredAtUtc = clock.UtcNow,
            SupersedesEntryId = original.Id,
            Reason = command.Reason.Trim(),
        };
        db.ProgressEntries.Add(correction);
        var cell = await db.Targets.FirstAsync(t => t.SchemeId == scheme.Id && t.SubBranchId == original.SubBranchId && t.IndicatorId == original.IndicatorId, cancellationToken);
        cell.Project(correction, indicator);
        await db.SaveChangesAsync(cancellationToken);
        return ProgressWriter.ToDto(correction);
    }
}

internal static class CorrectProgressEndpoint
{
    internal sealed record CorrectProgressBody(decimal Value, string Reason);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/schemes/{id:guid}/progress/{entryId:guid}/correct", async Task<Ok<ProgressEntryDto>> (Guid id, Guid entryId, CorrectProgressBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new CorrectProgressCommand(id, entryId, body.Value, body.Reason), ct)))
            .WithName("CorrectProgress").WithSummary("Supersedes an entry with a corrected value and a reason; history is kept.");
}
