using System.Globalization;
using BranchNetwork.Modules.Assessment.Data;
using BranchNetwork.Modules.Assessment.Domain;
using BranchNetwork.Modules.Assessment.Resources;
using BranchNetwork.Modules.Assessment.Services;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.SharedKernel;
using BranchNetwork.SharedKernel.Errors;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace BranchNetwork.Modules.Assessment.Features.RecordProgress;

internal sealed record ProgressInput(Guid SubBranchId, Guid IndicatorId, DateOnly Date, decimal Value);

internal sealed record ProgressEntryDto(Guid Id, Guid SubBranchId, Guid IndicatorId, DateOnly Date, decimal Value, ProgressSource Source, string EnteredByName, DateTime EnteredAt, Guid? SupersedesEntryId, string? Reason);

internal sealed record RecordProgressResult(int Recorded, IReadOnlyList<ProgressEntryDto> Entries);

/// <summary>
/// AS-4: actual (cumulative) values on dates of a published scheme, appended to the history; the target
/// cell's current-value projection moves in the same transaction. Supervisors enter for any sub-branch; a
/// sub-branch head only for their own and only indicators that allow it.
/// </summary>
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

internal sealed class ProgressWriter(AssessmentDbContext db, AssessmentAccess access, IClock clock, IStringLocalizer<AssessmentText> text)
{
    /// <summary>Checks scope, status, cells and dates of every entry; throws before anything is written.</summary>
    public async Task<List<ProgressEntry>> AppendAsync(Guid schemeId, IReadOnlyList<ProgressInput> inputs, ProgressSource source, Func<int, string> fieldOf, CancellationToken ct)
    {
        access.User.EnsureAnyRole(BankRoles.HeadOfficeSupervisor, BankRoles.SubBranchHead);
        var scheme = await access.VisibleSchemeAsync(schemeId, ct);
        if (scheme.Status != SchemeStatus.Published)
        {
            throw access.NotInStatus("ProgressNeedsPublished");
        }

        var supervisor = access.IsSupervisor;
        var own = supervisor ? null : await access.OwnSubBranchAsync(ct);
        var indicators = scheme.Indicators.ToDictionary(i => i.IndicatorId);
        var subIds = inputs.Select(i => i.SubBranchId).Distinct().ToList();
        var cells = await db.Targets.Where(t => t.SchemeId == scheme.Id && subIds.Contains(t.SubBranchId)).ToDictionaryAsync(t => (t.SubBranchId, t.IndicatorId), ct);
        var today = BankCalendar.Today(clock);
        var errors = new Dictionary<string, string[]>();
        for (var n = 0; n < inputs.Count; n++)
        {
            var input = inputs[n];
            if (!supervisor && input.SubBranchId != own)
            {
                // Another sub-branch's sheet is not this user's business; say nothing about it.
                throw new NotFoundException("assessment.sheet_not_found", text["SheetNotFound"]);
            }

            if (!cells.ContainsKey((input.SubBranchId, input.IndicatorId)) || !indicators.TryGetValue(input.IndicatorId, out var indicator))
            {
                errors[fieldOf(n) + ".indicatorId"] = [text["IndicatorNotInScheme"]];
                continue;
            }

            if (!supervisor && !indicator.AllowSubBranchEntry)
            {
                throw new ForbiddenException("assessment.entry_by_head_office", string.Format(CultureInfo.CurrentCulture, text["IndicatorHeadOfficeEntry"], indicator.Name));
            }

            if (indicator.DataSource == IndicatorDataSource.Computed && source != ProgressSource.Computed)
            {
                errors[fieldOf(n) + ".indicatorId"] = [text["IndicatorComputed"]];
            }

            if (input.Date < scheme.StartDate || input.Date > scheme.EndDate)
            {
                errors[fieldOf(n) + ".date"] = [string.Format(CultureInfo.CurrentCulture, text["DateOutsidePeriod"], scheme.StartDate, scheme.EndDate)];
            }
            else if (input.Date > today)
            {
                errors[fieldOf(n) + ".date"] = [text["DateInFuture"]];
            }
        }

        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }

        var entries = new List<ProgressEntry>(inputs.Count);
        var name = access.User.UserName ?? "";
        foreach (var input in inputs.OrderBy(i => i.Date))
        {
            var entry = new ProgressEntry
            {
                SchemeId = scheme.Id,
                SubBranchId = input.SubBranchId,
                IndicatorId = input.IndicatorId,
                Date = input.Date,
                Value = input.Value,
                Source = source,
                EnteredById = access.User.RequireUserId(),
                EnteredByName = name,
                EnteredAtUtc = clock.UtcNow,
            };
            db.ProgressEntries.Add(entry);
            cells[(input.SubBranchId, input.IndicatorId)].Project(entry, indicators[input.IndicatorId]);
            entries.Add(entry);
        }

        await db.SaveChangesAsync(ct);
        return entries;
    }

    public static ProgressEntryDto ToDto(ProgressEntry e) =>
        new(e.Id, e.SubBranchId, e.IndicatorId, e.Date, e.Value, e.Source, e.EnteredByName, e.EnteredAtUtc, e.SupersedesEntryId, e.Reason);
}

internal sealed class RecordProgressHandler(ProgressWriter writer) : ICommandHandler<RecordProgressCommand, RecordProgressResult>
{
    public async ValueTask<RecordProgressResult> Handle(RecordProgressCommand command, CancellationToken cancellationToken)
    {
        var entries = await writer.AppendAsync(command.SchemeId, command.Entries, ProgressSource.Manual, n => $"entries[{n}]", cancellationToken);
        return new RecordProgressResult(entries.Count, entries.Select(ProgressWriter.ToDto).ToList());
    }
}

/// <summary>Corrects an entry: a new entry supersedes it with a reason; the original stays in the history.</summary>
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

        if (scheme.Status != SchemeStatus.Published)
        {
            throw access.NotInStatus("ProgressNeedsPublished");
        }

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
            EnteredByName = access.User.UserName ?? "",
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

internal static class RecordProgressEndpoints
{
    internal sealed record Body(IReadOnlyList<ProgressInput> Entries);

    internal sealed record CorrectionBody(decimal Value, string Reason);

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/schemes/{id:guid}/progress", async Task<Ok<RecordProgressResult>> (Guid id, Body body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new RecordProgressCommand(id, body.Entries), ct)))
            .WithName("RecordProgress").WithSummary("Appends progress entries to a published scheme (supervisor; a head for their own sub-branch where allowed).");
        api.MapPost("/schemes/{id:guid}/progress/{entryId:guid}/correct", async Task<Ok<ProgressEntryDto>> (Guid id, Guid entryId, CorrectionBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new CorrectProgressCommand(id, entryId, body.Value, body.Reason), ct)))
            .WithName("CorrectProgress").WithSummary("Supersedes an entry with a corrected value and a reason; history is kept.");
    }
}
