using System.Globalization;
using BranchNetwork.Infrastructure.Outbox;
using BranchNetwork.Modules.Assessment.Contracts;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Notifications.Contracts;
using BranchNetwork.Modules.Tasks.Resources;
using Microsoft.Extensions.Localization;

namespace BranchNetwork.Modules.Tasks.Features.Shared;

/// <summary>An indicator of the sheet the plan answers: what a measure aims at.</summary>
internal sealed record PlanIndicatorDto(Guid Id, string Code, string Name, string Unit, decimal Target);

internal sealed record MilestoneDto(DateOnly Date, decimal ExpectedValue, string? Note);

/// <summary>A supervisor's comment, on the whole plan (no measure) or on one measure, with the version it was read on.</summary>
internal sealed record PlanCommentDto(Guid Id, int VersionNumber, Guid? MeasureId, string Text, string AuthorName, DateTime WrittenAtUtc);

internal sealed record PlanMeasureDto(
    Guid Id,
    Guid IndicatorId,
    string Title,
    string? Description,
    Guid? OwnerId,
    string OwnerName,
    IReadOnlyList<MilestoneDto> Milestones,
    string? ContingencyTrigger,
    string? ContingencyActions,
    IReadOnlyList<PlanCommentDto> Comments);

/// <summary>What the caller may do with the plan, so pages show only the buttons that will work.</summary>
internal sealed record PlanPermissions(bool Edit, bool Submit, bool Review, bool Comment, bool MarkExcellent);

internal sealed record PlanDetail(
    Guid Id,
    Guid SchemeId,
    string SchemeName,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    bool SchemeClosed,
    Guid SubBranchId,
    string SubBranchName,
    PlanState State,
    int VersionNumber,
    long Version,
    DateTime? SubmittedAtUtc,
    string? DecidedByName,
    DateTime? DecidedAtUtc,
    bool IsExcellent,
    string? ExcellentCitation,
    IReadOnlyList<PlanIndicatorDto> Indicators,
    IReadOnlyList<PlanMeasureDto> Measures,
    IReadOnlyList<PlanCommentDto> Comments,
    PlanPermissions Can);

/// <summary>
/// The plans area's loading and access rules in one place: who reads a plan (head office readers, the sub-branch's own
/// members, and everyone once it is excellent — TK-5), who edits it (the head of that very sub-branch) and the
/// plan as the pages and the API show it.
/// </summary>
internal sealed class PlanStore(TasksDbContext db, TasksAccess access, IAssessmentSheets sheets, IStringLocalizer<TasksText> text)
{
    public TasksAccess Access => access;

    public NotFoundException NotFound() => new("tasks.plan_not_found", text["PlanNotFound"]);

    /// <summary>The plan with its measures, if the caller may read it; otherwise 404 (its existence is not disclosed).</summary>
    public async Task<WorkPlan> ReadableAsync(Guid id, CancellationToken ct, bool track = false)
    {
        var query = db.Plans.Include(p => p.Measures).AsQueryable();
        var plan = await (track ? query : query.AsNoTracking()).FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw NotFound();
        if (!plan.IsExcellent && !await access.CanReadSubBranchAsync(plan.SubBranchId, ct))
        {
            throw NotFound();
        }

        return plan;
    }

    /// <summary>The plan for its own sub-branch head to change; anyone else who may not read it learns nothing (404).</summary>
    public async Task<WorkPlan> OwnedByHeadAsync(Guid id, CancellationToken ct)
    {
        var plan = await ReadableAsync(id, ct, track: true);
        if (!await access.IsHeadOfAsync(plan.SubBranchId, ct))
        {
            // A reader who is not its head (a staff member, head office): the role may not; another sub-branch: not found.
            throw await access.CanReadSubBranchAsync(plan.SubBranchId, ct)
                ? new ForbiddenException("tasks.not_plan_head", text["OnlyHeadEditsPlan"])
                : NotFound();
        }

        return plan;
    }

    /// <summary>The sheet the plan answers; a plan whose sheet is gone (never, once issued) is treated as not found.</summary>
    public async Task<SheetOutline> SheetAsync(WorkPlan plan, CancellationToken ct) =>
        await sheets.FindAsync(plan.SchemeId, plan.SubBranchId, ct) ?? throw NotFound();

    public async Task<PlanDetail> DetailAsync(Guid id, CancellationToken ct)
    {
        var plan = await ReadableAsync(id, ct);
        var sheet = await SheetAsync(plan, ct);
        var comments = await db.PlanComments.AsNoTracking().Where(c => c.PlanId == id).OrderBy(c => c.WrittenAtUtc).ToListAsync(ct);
        var dtos = comments.Select(c => new PlanCommentDto(c.Id, c.VersionNumber, c.MeasureId, c.Text, c.AuthorName, c.WrittenAtUtc)).ToList();
        var order = sheet.Indicators.Select((i, n) => (i.IndicatorId, n)).ToDictionary(x => x.IndicatorId, x => x.n);
        var measures = plan.Measures
            .OrderBy(m => order.GetValueOrDefault(m.IndicatorId, int.MaxValue)).ThenBy(m => m.CreatedAtUtc).ThenBy(m => m.Id)
            .Select(m => new PlanMeasureDto(
                m.Id, m.IndicatorId, m.Title, m.Description, m.OwnerId, m.OwnerName,
                [.. m.Milestones.Select(x => new MilestoneDto(x.Date, x.ExpectedValue, x.Note))],
                m.ContingencyTrigger, m.ContingencyActions,
                [.. dtos.Where(c => c.MeasureId == m.Id)]))
            .ToList();
        var isHead = await access.IsHeadOfAsync(plan.SubBranchId, ct);
        var closed = sheet.State == SchemeState.Closed;
        var can = new PlanPermissions(
            Edit: isHead && plan.IsEditable,
            Submit: isHead && plan.IsEditable,
            Review: access.IsSupervisor && plan.State == PlanState.Submitted,
            Comment: access.IsSupervisor && plan.State != PlanState.Draft,
            MarkExcellent: access.IsSupervisor && closed && plan.State == PlanState.Approved && !plan.IsExcellent);
        return new PlanDetail(
            plan.Id, plan.SchemeId, plan.SchemeName, sheet.StartDate, sheet.EndDate, closed, plan.SubBranchId, plan.SubBranchName,
            plan.State, plan.VersionNumber, plan.Version, plan.SubmittedAtUtc, plan.DecidedByName, plan.DecidedAtUtc,
            plan.IsExcellent, plan.ExcellentCitation,
            [.. sheet.Indicators.Select(i => new PlanIndicatorDto(i.IndicatorId, i.Code, i.Name, i.Unit, i.Target))],
            measures,
            [.. dtos.Where(c => c.MeasureId is null)],
            can);
    }
}

/// <summary>
/// Notifications of the review loop, queued in the module's outbox in the same save as the change: supervisors when a
/// plan is submitted, the sub-branch head when it is returned, approved or commented. Texts are keys of TasksText.resx.
/// </summary>
internal sealed class PlanNotifier(TasksDbContext db, IOrganisationDirectory directory, IClock clock)
{
    public const string Kind = "tasks";

    public static string Link(Guid planId) => $"/tasks/plans/{planId}";

    public static LocalizedText Text(string key, params string[] args) => LocalizedText.Of($"{TasksModule.TextPrefix}:{key}", args);

    public static string Cut(string text) => text.Length <= 500 ? text : text[..497] + "…";

    public async Task ToSupervisorsAsync(WorkPlan plan, LocalizedText title, LocalizedText body, CancellationToken ct) =>
        Send(await directory.ListActiveUserIdsAsync(null, BankRoles.HeadOfficeSupervisor, ct), plan, title, body);

    public async Task ToHeadAsync(WorkPlan plan, LocalizedText title, LocalizedText body, CancellationToken ct)
    {
        var heads = await directory.ListActiveUserIdsByUnitAsync([plan.SubBranchId], BankRoles.SubBranchHead, ct);
        Send(heads.GetValueOrDefault(plan.SubBranchId) ?? [], plan, title, body);
    }

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private void Send(IReadOnlyList<Guid> recipients, WorkPlan plan, LocalizedText title, LocalizedText body)
    {
        if (recipients.Count == 0)
        {
            return;
        }

        db.AddIntegrationEvent(new NotificationsRequested(
            Guid.CreateVersion7(), clock.UtcNow, Kind, [new NotificationItem([.. recipients.Distinct()], title, body, Link(plan.Id))]));
    }
}
