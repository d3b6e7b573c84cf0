using System.Text.Json;

namespace BranchNetwork.Modules.Tasks.Domain;

/// <summary>
/// 工作方案 (TK-1): a sub-branch's answer to its assessment sheet — for every indicator one or more measures (措施),
/// each with an owner, milestones and an optional contingency plan (应急预案). One plan per sheet.
/// State machine: Draft → Submit → Submitted → Approve → Approved; Submitted → Return (with a comment) → Returned →
/// Revise → Submit (a new version). Each submission freezes a <see cref="PlanVersion"/>; versions are never changed.
/// After the scheme closes a supervisor may mark an approved plan excellent (TK-5).
/// </summary>
internal sealed class WorkPlan : Entity
{
    public const int NameMaxLength = 100;
    public const int CitationMaxLength = 1000;
    public const int MaxMeasures = 100;

    private readonly List<PlanMeasure> measures = [];

    // For EF Core.
    private WorkPlan()
    {
        SchemeName = "";
        SubBranchName = "";
    }

    public Guid SchemeId { get; private set; }

    public string SchemeName { get; private set; }

    public Guid SubBranchId { get; private set; }

    public string SubBranchName { get; private set; }

    public PlanState State { get; private set; }

    /// <summary>The number of the last submitted version (0 before the first submission).</summary>
    public int VersionNumber { get; private set; }

    public DateTime? SubmittedAtUtc { get; private set; }

    public Guid? DecidedById { get; private set; }

    public string? DecidedByName { get; private set; }

    public DateTime? DecidedAtUtc { get; private set; }

    public bool IsExcellent { get; private set; }

    public string? ExcellentCitation { get; private set; }

    public DateTime? MarkedExcellentAtUtc { get; private set; }

    /// <summary>The working copy: what the sub-branch edits; frozen into a version on each submission.</summary>
    public IReadOnlyList<PlanMeasure> Measures => measures;

    /// <summary>Opens a draft plan for a sub-branch's sheet of a published scheme.</summary>
    public static WorkPlan Open(Guid schemeId, string schemeName, Guid subBranchId, string subBranchName) => new()
    {
        SchemeId = schemeId,
        SchemeName = schemeName,
        SubBranchId = subBranchId,
        SubBranchName = subBranchName,
        State = PlanState.Draft,
    };

    public bool IsEditable => State is PlanState.Draft or PlanState.Returned;

    /// <summary>
    /// Replaces the working copy with <paramref name="drafts"/> (a draft with the id of an existing measure changes that
    /// measure; one without an id adds a measure; a measure left out is removed). Only a draft or returned plan.
    /// </summary>
    public IReadOnlyList<PlanMeasure> ReviseMeasures(IReadOnlyList<MeasureDraft> drafts)
    {
        if (!IsEditable)
        {
            throw DomainText.WrongState("PlanNotEditable");
        }

        if (drafts.Count > MaxMeasures)
        {
            throw new ValidationFailedException("measures", DomainText.Format("TooManyMeasures", MaxMeasures));
        }

        var kept = new List<PlanMeasure>();
        foreach (var draft in drafts)
        {
            var existing = draft.Id is { } id ? measures.FirstOrDefault(m => m.Id == id) : null;
            if (draft.Id is not null && existing is null)
            {
                throw new ValidationFailedException("measures", DomainText.Get("MeasureNotInPlan"));
            }

            if (existing is null)
            {
                existing = PlanMeasure.Create(Id, draft);
                measures.Add(existing);
            }
            else
            {
                existing.Update(draft);
            }

            kept.Add(existing);
        }

        var removed = measures.Where(m => !kept.Contains(m)).ToList();
        foreach (var measure in removed)
        {
            measures.Remove(measure);
        }

        return removed;
    }

    /// <summary>
    /// Submits the working copy for review as a new version. Refused while an indicator of the sheet
    /// (<paramref name="sheetIndicators"/>) has no measure; the field names the first such indicator.
    /// </summary>
    public PlanVersion Submit(IReadOnlyCollection<SheetIndicator> sheetIndicators, Guid byId, string byName, IClock clock)
    {
        if (!IsEditable)
        {
            throw DomainText.WrongState("PlanNotEditable");
        }

        var uncovered = sheetIndicators.Where(i => measures.All(m => m.IndicatorId != i.Id)).ToList();
        if (uncovered.Count > 0)
        {
            throw new ValidationFailedException("measures", DomainText.Format("IndicatorsWithoutMeasure", string.Join("、", uncovered.Select(i => i.Name))));
        }

        State = PlanState.Submitted;
        VersionNumber++;
        SubmittedAtUtc = clock.UtcNow;
        return PlanVersion.Freeze(this, byId, byName, clock.UtcNow);
    }

    public void Approve(Guid byId, string byName, IClock clock)
    {
        if (State != PlanState.Submitted)
        {
            throw DomainText.WrongState("PlanNotSubmitted");
        }

        State = PlanState.Approved;
        Decided(byId, byName, clock);
    }

    /// <summary>Returns a submitted plan to the sub-branch; the reason is kept as a comment on the version.</summary>
    public PlanComment Return(string reason, Guid byId, string byName, IClock clock)
    {
        if (State != PlanState.Submitted)
        {
            throw DomainText.WrongState("PlanNotSubmitted");
        }

        State = PlanState.Returned;
        Decided(byId, byName, clock);
        return Comment(null, reason, byId, byName, clock);
    }

    /// <summary>A comment on the whole plan or on one measure (指导纠偏), tied to the version being read.</summary>
    public PlanComment Comment(Guid? measureId, string text, Guid byId, string byName, IClock clock)
    {
        if (measureId is { } id && measures.All(m => m.Id != id))
        {
            throw new ValidationFailedException("measureId", DomainText.Get("MeasureNotInPlan"));
        }

        return PlanComment.Write(Id, VersionNumber, measureId, text, byId, byName, clock);
    }

    /// <summary>优秀工作方案 (TK-5): only an approved plan of a closed scheme, once.</summary>
    public void MarkExcellent(bool schemeClosed, string citation, IClock clock)
    {
        if (!schemeClosed)
        {
            throw DomainText.WrongState("SchemeNotClosed");
        }

        if (State != PlanState.Approved)
        {
            throw DomainText.WrongState("PlanNotApproved");
        }

        if (IsExcellent)
        {
            throw DomainText.WrongState("PlanAlreadyExcellent");
        }

        IsExcellent = true;
        ExcellentCitation = citation.Trim();
        MarkedExcellentAtUtc = clock.UtcNow;
    }

    private void Decided(Guid byId, string byName, IClock clock)
    {
        DecidedById = byId;
        DecidedByName = byName;
        DecidedAtUtc = clock.UtcNow;
    }
}

/// <summary>An indicator of the sheet a plan must cover.</summary>
internal sealed record SheetIndicator(Guid Id, string Name);

/// <summary>What the sub-branch writes for one measure; <see cref="Id"/> names an existing measure to change.</summary>
internal sealed record MeasureDraft(
    Guid? Id,
    Guid IndicatorId,
    string Title,
    string? Description,
    Guid? OwnerId,
    string OwnerName,
    IReadOnlyList<MilestoneDraft> Milestones,
    string? ContingencyTrigger,
    string? ContingencyActions);

internal sealed record MilestoneDraft(DateOnly Date, decimal ExpectedValue, string? Note);

/// <summary>
/// 措施: how the sub-branch will reach one indicator — owner, milestones (date, expected value) and an optional
/// contingency plan (应急预案: the condition that triggers it and the actions then taken). Weekly tasks split it.
/// </summary>
internal sealed class PlanMeasure : Entity
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 2000;
    public const int OwnerNameMaxLength = 100;
    public const int ContingencyMaxLength = 1000;
    // A month each over a year; with notes of at most MilestoneNoteMaxLength the JSON column (8,000) always holds them.
    public const int MaxMilestones = 12;
    public const int MilestoneNoteMaxLength = 100;

    private List<Milestone> milestones = [];

    // For EF Core.
    private PlanMeasure()
    {
        Title = "";
        OwnerName = "";
    }

    public Guid PlanId { get; private set; }

    public Guid IndicatorId { get; private set; }

    public string Title { get; private set; }

    public string? Description { get; private set; }

    public Guid? OwnerId { get; private set; }

    public string OwnerName { get; private set; }

    public string? ContingencyTrigger { get; private set; }

    public string? ContingencyActions { get; private set; }

    /// <summary>Milestones in date order (stored as one JSON column: they are only ever read with their measure).</summary>
    public IReadOnlyList<Milestone> Milestones => milestones;

    public static PlanMeasure Create(Guid planId, MeasureDraft draft)
    {
        var measure = new PlanMeasure { PlanId = planId };
        measure.Update(draft);
        return measure;
    }

    public void Update(MeasureDraft draft)
    {
        IndicatorId = draft.IndicatorId;
        Title = draft.Title.Trim();
        Description = Blank(draft.Description);
        OwnerId = draft.OwnerId;
        OwnerName = draft.OwnerName.Trim();
        ContingencyTrigger = Blank(draft.ContingencyTrigger);
        ContingencyActions = Blank(draft.ContingencyActions);
        milestones = [.. draft.Milestones.OrderBy(m => m.Date).Select(m => new Milestone(m.Date, m.ExpectedValue, Blank(m.Note)))];
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

internal sealed record Milestone(DateOnly Date, decimal ExpectedValue, string? Note);

/// <summary>
/// A submitted version of a plan, frozen: the measures as they were when submitted (JSON), so any two versions
/// can be compared measure by measure long after the working copy has moved on.
/// </summary>
internal sealed class PlanVersion : Entity
{
    public const int NameMaxLength = 100;

    /// <summary>Room for <see cref="WorkPlan.MaxMeasures"/> measures at their longest.</summary>
    public const int ContentMaxLength = 1_000_000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // For EF Core.
    private PlanVersion()
    {
        SubmittedByName = "";
        Content = "[]";
    }

    public Guid PlanId { get; private set; }

    public int Number { get; private set; }

    public Guid SubmittedById { get; private set; }

    public string SubmittedByName { get; private set; }

    public DateTime SubmittedAtUtc { get; private set; }

    /// <summary>The measures as submitted, as JSON of <see cref="MeasureSnapshot"/> (bounded by the plan's limits).</summary>
    public string Content { get; private set; }

    public static PlanVersion Freeze(WorkPlan plan, Guid byId, string byName, DateTime atUtc) => new()
    {
        PlanId = plan.Id,
        Number = plan.VersionNumber,
        SubmittedById = byId,
        SubmittedByName = byName,
        SubmittedAtUtc = atUtc,
        Content = JsonSerializer.Serialize(plan.Measures.Select(MeasureSnapshot.Of).ToList(), Json),
    };

    public IReadOnlyList<MeasureSnapshot> ReadMeasures() =>
        JsonSerializer.Deserialize<List<MeasureSnapshot>>(Content, Json) ?? [];
}

/// <summary>One measure as a version holds it.</summary>
internal sealed record MeasureSnapshot(
    Guid Id,
    Guid IndicatorId,
    string Title,
    string? Description,
    Guid? OwnerId,
    string OwnerName,
    IReadOnlyList<Milestone> Milestones,
    string? ContingencyTrigger,
    string? ContingencyActions)
{
    public static MeasureSnapshot Of(PlanMeasure m) =>
        new(m.Id, m.IndicatorId, m.Title, m.Description, m.OwnerId, m.OwnerName, [.. m.Milestones], m.ContingencyTrigger, m.ContingencyActions);
}

/// <summary>A supervisor's comment (指导纠偏) on a version of a plan, on the whole plan or on one measure; the sub-branch reads it in place.</summary>
internal sealed class PlanComment : Entity
{
    public const int TextMaxLength = 2000;
    public const int NameMaxLength = 100;

    // For EF Core.
    private PlanComment()
    {
        Text = "";
        AuthorName = "";
    }

    public Guid PlanId { get; private set; }

    public int VersionNumber { get; private set; }

    public Guid? MeasureId { get; private set; }

    public string Text { get; private set; }

    public Guid AuthorId { get; private set; }

    public string AuthorName { get; private set; }

    public DateTime WrittenAtUtc { get; private set; }

    public static PlanComment Write(Guid planId, int versionNumber, Guid? measureId, string text, Guid authorId, string authorName, IClock clock) => new()
    {
        PlanId = planId,
        VersionNumber = versionNumber,
        MeasureId = measureId,
        Text = text.Trim(),
        AuthorId = authorId,
        AuthorName = authorName,
        WrittenAtUtc = clock.UtcNow,
    };
}
