using System.Globalization;
using BranchNetwork.Infrastructure.Text;
using BranchNetwork.Modules.Assessment.Contracts;
using BranchNetwork.Modules.Tasks.Contracts;
using FluentValidation;

namespace BranchNetwork.Modules.Resources.Features.Shared;

/// <summary>A link of a request to an indicator or a work-plan measure, with the name copied when it was linked.</summary>
internal sealed record ResourceRequestLinkView(Guid Id, string Name);

/// <summary>One approver of a step as the request's page shows them.</summary>
internal sealed record ResourceRequestApproverView(
    Guid UserId, string Name, int Order, ApproverStatus Status, DateTime? OpenedAtUtc, DateTime? DecidedAtUtc, decimal? Granted, string? Comment);

/// <summary>One step of a request's route in one round: who decides, how, by when, and whether it is overdue now.</summary>
internal sealed record ResourceRequestStepView(
    Guid Id,
    int Round,
    int Index,
    string Name,
    StepMode Mode,
    StepOutcome Outcome,
    bool IsLeaderStep,
    bool IsCurrent,
    DateTime? StartedAtUtc,
    DateTime? DueAtUtc,
    DateTime? CompletedAtUtc,
    bool IsOverdue,
    IReadOnlyList<ResourceRequestApproverView> Approvers,
    IReadOnlyList<string> Cc);

/// <summary>A line of the operation record (操作记录). An action of the system (an SLA reminder) shows 系统 / System as its actor.</summary>
internal sealed record ResourceRequestActionView(
    Guid Id, RequestActionKind Kind, Guid? ActorId, string ActorName, DateTime AtUtc, string? StepName, string? Comment, decimal? Granted, string? Detail);

/// <summary>A file attached to a request; <see cref="DownloadPath"/> opens it for a signed-in reader of the request.</summary>
internal sealed record ResourceRequestAttachmentView(Guid FileId, string Name, string DownloadPath);

/// <summary>A request as its page shows it (RR-1, RR-2): content, state, asked and granted, steps, operation record, and what the caller may do.</summary>
internal sealed record ResourceRequestDetail(
    Guid Id,
    ResourceKind Kind,
    RequestState State,
    string Title,
    string Justification,
    Guid SubBranchId,
    string SubBranchName,
    Guid RequesterId,
    string RequesterName,
    decimal? Quantity,
    string? Unit,
    int? DurationDays,
    string? ItemName,
    decimal? Amount,
    string? BudgetCategory,
    DateOnly NeededBy,
    ResourceRequestLinkView? Indicator,
    ResourceRequestLinkView? Measure,
    decimal Asked,
    decimal? Granted,
    int Round,
    DateTime CreatedAtUtc,
    DateTime? SubmittedAtUtc,
    DateTime? DecidedAtUtc,
    DateTime? FulfilledAtUtc,
    DateTime LastActionAtUtc,
    long Version,
    IReadOnlyList<ResourceRequestStepView> Steps,
    IReadOnlyList<ResourceRequestActionView> Actions,
    IReadOnlyList<ResourceRequestAttachmentView> Attachments,
    RequestPermissions Permissions);

/// <summary>The caller's sub-branch's current sheet: its indicators and the measures of its work plan, which a request may link.</summary>
internal sealed record ResourceLinkOptions(
    Guid? SchemeId, string? SchemeName, IReadOnlyList<ResourceRequestLinkView> Indicators, IReadOnlyList<ResourceRequestLinkView> Measures);

/// <summary>
/// What the requests area's slices share: the detail of a request for the caller, the save with a retry on a concurrent
/// change, the links a sub-branch may use, and the rules of the request's fields.
/// </summary>
internal static class RequestViews
{
    /// <summary>The furthest a needed-by date may lie ahead: two years.</summary>
    public const int MaxYearsAhead = 2;

    public static ResourceRequestDetail Detail(ResourceRequest r, ResourcesAccess access, DateTime now)
    {
        var me = access.User.RequireUserId();
        var current = r.CurrentStep;
        var steps = r.Steps.OrderBy(s => s.Round).ThenBy(s => s.Index).Select(s => new ResourceRequestStepView(
            s.Id,
            s.Round,
            s.Index,
            s.Name,
            s.Mode,
            s.Outcome,
            s.IsLeaderStep,
            current is not null && s.Id == current.Id && !r.IsFinal,
            s.StartedAtUtc,
            s.DueAtUtc,
            s.CompletedAtUtc,
            s.StartedAtUtc is not null && s.IsOverdue(now),
            [.. s.Approvers.OrderBy(a => a.Order).Select(a => new ResourceRequestApproverView(a.UserId, a.Name, a.Order, a.Status, a.OpenedAtUtc, a.DecidedAtUtc, a.Granted, a.Comment))],
            [.. s.Cc.Select(c => c.Name)])).ToList();
        var system = DomainText.Get("SystemActor");
        var actions = r.Actions.OrderBy(a => a.AtUtc).ThenBy(a => a.Id).Select(a => new ResourceRequestActionView(
            a.Id, a.Kind, a.ActorId, a.ActorId is null || string.IsNullOrWhiteSpace(a.ActorName) ? system : a.ActorName, a.AtUtc, a.StepName, a.Comment, a.Granted, a.Detail)).ToList();
        return new ResourceRequestDetail(
            r.Id, r.Kind, r.State, r.Title, r.Justification, r.SubBranchId, r.SubBranchName, r.RequesterId, r.RequesterName,
            r.Quantity, r.Unit, r.DurationDays, r.ItemName, r.Amount, r.BudgetCategory, r.NeededBy,
            r.IndicatorId is { } i ? new ResourceRequestLinkView(i, r.IndicatorName ?? "") : null,
            r.MeasureId is { } m ? new ResourceRequestLinkView(m, r.MeasureTitle ?? "") : null,
            r.Asked, r.Granted, r.Round, r.CreatedAtUtc, r.SubmittedAtUtc, r.DecidedAtUtc, r.FulfilledAtUtc, r.LastActionAtUtc, r.Version,
            steps, actions, [.. r.Attachments.Select(a => new ResourceRequestAttachmentView(a.FileId, a.Name, $"/files/{a.FileId}"))],
            RequestPermissions.For(r, me, access.IsSupervisor));
    }

    /// <summary>
    /// Loads the request the caller may read (404 otherwise), applies <paramref name="change"/> and saves. With
    /// <paramref name="expectedVersion"/> a stale version is a 409; without it a concurrent change (another approver's
    /// decision, an opening) is met by reading the request again and applying the change once more, a few times.
    /// </summary>
    public static async Task<ResourceRequest> ChangeAsync(
        ResourcesDbContext db, ResourcesAccess access, Guid id, long? expectedVersion, Func<ResourceRequest, Task> change, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var request = await db.RequestsWithSteps.FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw ResourcesAccess.RequestNotFound();
            await access.EnsureCanReadAsync(request, ct);
            if (expectedVersion is { } version)
            {
                db.Entry(request).Property(r => r.Version).OriginalValue = version;
            }

            await change(request);
            try
            {
                await db.SaveChangesAsync(ct);
                return request;
            }
            catch (DbUpdateConcurrencyException) when (expectedVersion is not null)
            {
                throw new ConflictException("resources.request_changed", DomainText.Get("RequestChangedMeanwhile"));
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>The sub-branch's current sheet: the published one whose period holds today, else the newest published, else the newest.</summary>
    public static async Task<SheetOutline?> CurrentSheetAsync(IAssessmentSheets sheets, Guid subBranchId, DateOnly today, CancellationToken ct)
    {
        var all = await sheets.ListForSubBranchAsync(subBranchId, ct);
        return all.FirstOrDefault(s => s.State == SchemeState.Published && s.StartDate <= today && today <= s.EndDate)
            ?? all.FirstOrDefault(s => s.State == SchemeState.Published)
            ?? (all.Count > 0 ? all[0] : null);
    }

    public static async Task<ResourceLinkOptions> LinkOptionsAsync(IAssessmentSheets sheets, IWorkPlanMeasures measures, Guid subBranchId, DateOnly today, CancellationToken ct)
    {
        var sheet = await CurrentSheetAsync(sheets, subBranchId, today, ct);
        if (sheet is null)
        {
            return new ResourceLinkOptions(null, null, [], []);
        }

        var planMeasures = await measures.ListForSheetAsync(sheet.SchemeId, subBranchId, ct);
        return new ResourceLinkOptions(
            sheet.SchemeId,
            sheet.SchemeName,
            [.. sheet.Indicators.Select(i => new ResourceRequestLinkView(i.IndicatorId, Cut(i.Name)))],
            [.. planMeasures.Select(m => new ResourceRequestLinkView(m.MeasureId, Cut(m.Title)))]);
    }

    /// <summary>The links named in a request's content, checked against the sub-branch's current sheet and plan (400 on the field otherwise).</summary>
    public static async Task<(RequestLink? Indicator, RequestLink? Measure)> ResolveLinksAsync(
        IAssessmentSheets sheets, IWorkPlanMeasures measures, Guid subBranchId, Guid? indicatorId, Guid? measureId, DateOnly today, CancellationToken ct)
    {
        if (indicatorId is null && measureId is null)
        {
            return (null, null);
        }

        var options = await LinkOptionsAsync(sheets, measures, subBranchId, today, ct);
        var errors = new Dictionary<string, string[]>();
        RequestLink? indicator = null;
        RequestLink? measure = null;
        if (indicatorId is { } i)
        {
            var found = options.Indicators.FirstOrDefault(x => x.Id == i);
            if (found is null)
            {
                errors["indicatorId"] = [DomainText.Get("IndicatorNotOnSheet")];
            }
            else
            {
                indicator = new RequestLink(found.Id, found.Name);
            }
        }

        if (measureId is { } m)
        {
            var found = options.Measures.FirstOrDefault(x => x.Id == m);
            if (found is null)
            {
                errors["measureId"] = [DomainText.Get("MeasureNotInPlan")];
            }
            else
            {
                measure = new RequestLink(found.Id, found.Name);
            }
        }

        return errors.Count > 0 ? throw new ValidationFailedException(errors) : (indicator, measure);
    }

    /// <summary>Free text keeps line breaks and tabs; other control characters and text-direction controls are refused.</summary>
    public static bool IsFreeText(string? text) =>
        text is null || (!TextGuard.HasBidiControl(text) && !text.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'));

    public static string Money(decimal value) => "¥" + value.ToString("#,0.00", CultureInfo.InvariantCulture);

    private static string Cut(string text) => text.Length > RequestLink.NameMaxLength ? text[..RequestLink.NameMaxLength] : text;
}

/// <summary>The fields of a request's content as a create or an edit sends them; <see cref="RequestFieldRules{T}"/> checks them.</summary>
internal interface IRequestFields
{
    string Title { get; }

    string Justification { get; }

    decimal? Quantity { get; }

    int? DurationDays { get; }

    string? ItemName { get; }

    string? Unit { get; }

    decimal? Amount { get; }

    string? BudgetCategory { get; }

    DateOnly NeededBy { get; }
}

/// <summary>
/// The rules the edge checks on a request's fields (lengths, characters, dates); what depends on the kind (a positive
/// amount, a whole number of people) the entity checks, field by field as well.
/// </summary>
internal abstract class RequestFieldRules<T> : AbstractValidator<T>
    where T : IRequestFields
{
    protected RequestFieldRules(IClock clock)
    {
        RuleFor(c => c.Title).NotEmpty().WithMessage(_ => DomainText.Format("TitleInvalid", RequestContent.TitleMaxLength))
            .MaximumLength(RequestContent.TitleMaxLength).WithMessage(_ => DomainText.Format("TitleInvalid", RequestContent.TitleMaxLength))
            .NoControlCharacters();
        RuleFor(c => c.Justification).NotEmpty().WithMessage(_ => DomainText.Format("JustificationInvalid", RequestContent.JustificationMaxLength))
            .MaximumLength(RequestContent.JustificationMaxLength).WithMessage(_ => DomainText.Format("JustificationInvalid", RequestContent.JustificationMaxLength))
            .Must(RequestViews.IsFreeText).WithMessage(_ => DomainText.Get("NoControlCharacters"));
        RuleFor(c => c.ItemName).MaximumLength(RequestContent.ItemNameMaxLength).WithMessage(_ => DomainText.Format("ItemNameInvalid", RequestContent.ItemNameMaxLength))
            .NoControlCharacters();
        RuleFor(c => c.Unit).MaximumLength(RequestContent.UnitMaxLength).WithMessage(_ => DomainText.Format("UnitInvalid", RequestContent.UnitMaxLength))
            .NoControlCharacters();
        RuleFor(c => c.BudgetCategory).MaximumLength(RequestContent.BudgetCategoryMaxLength).WithMessage(_ => DomainText.Format("BudgetCategoryInvalid", RequestContent.BudgetCategoryMaxLength))
            .NoControlCharacters();
        RuleFor(c => c.Quantity).GreaterThan(0m).When(c => c.Quantity is not null).WithMessage(_ => DomainText.Get("QuantityInvalid"))
            .LessThanOrEqualTo(RequestContent.MaxQuantity).When(c => c.Quantity is not null).WithMessage(_ => DomainText.Get("QuantityInvalid"));
        RuleFor(c => c.DurationDays).InclusiveBetween(1, RequestContent.MaxDurationDays).When(c => c.DurationDays is not null)
            .WithMessage(_ => DomainText.Format("DurationInvalid", RequestContent.MaxDurationDays));
        RuleFor(c => c.Amount).GreaterThan(0m).When(c => c.Amount is not null).WithMessage(_ => DomainText.Get("AmountInvalid"))
            .LessThanOrEqualTo(ApprovalRoute.MaxAmount).When(c => c.Amount is not null).WithMessage(_ => DomainText.Get("AmountInvalid"));
        RuleFor(c => c.NeededBy)
            .Must(d => d >= BankCalendar.Today(clock)).WithMessage(_ => DomainText.Get("NeededByPast"))
            .Must(d => d <= BankCalendar.Today(clock).AddYears(RequestViews.MaxYearsAhead)).WithMessage(_ => DomainText.Format("NeededByTooFar", RequestViews.MaxYearsAhead));
    }
}
