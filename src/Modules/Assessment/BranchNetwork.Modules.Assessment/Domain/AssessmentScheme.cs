namespace BranchNetwork.Modules.Assessment.Domain;

/// <summary>What a TaskAdmin defines for a scheme (period, kind, bands, margin), already validated at the edge.</summary>
internal sealed record SchemeTerms(
    string Name,
    PeriodKind PeriodKind,
    DateOnly StartDate,
    DateOnly EndDate,
    SchemeKind Kind,
    Guid? BusinessLineId,
    GradeBands Bands,
    decimal BehindMarginPoints);

/// <summary>A sub-branch a scheme is issued to, as the directory names it at publication.</summary>
internal sealed record IssuedUnit(Guid SubBranchId, string Code, string Name);

/// <summary>
/// 考核方案 (AS-2): a period, weighted indicators and grade bands, issued to every sub-branch.
/// State machine: Draft → (Publish) → Published → (Close) → Closed. Only a draft's terms, indicators and targets
/// change; only a published scheme takes progress, warnings and appeals; only a closed one takes honours.
/// </summary>
internal sealed class AssessmentScheme : Entity
{
    public const int NameMaxLength = 100;
    public const decimal DefaultBehindMarginPoints = 10m;

    // For EF Core.
    private AssessmentScheme()
    {
        Name = "";
    }

    public string Name { get; private set; }

    public PeriodKind PeriodKind { get; private set; }

    public DateOnly StartDate { get; private set; }

    public DateOnly EndDate { get; private set; }

    public SchemeKind Kind { get; private set; }

    /// <summary>The business line of a special (专项) scheme.</summary>
    public Guid? BusinessLineId { get; private set; }

    public SchemeStatus Status { get; private set; }

    /// <summary>Grade bands on the total score: 优秀 ≥ Excellent, 良好 ≥ Good, 一般 ≥ Fair, otherwise 不合格.</summary>
    public decimal ExcellentFrom { get; private set; } = 90m;

    public decimal GoodFrom { get; private set; } = 75m;

    public decimal FairFrom { get; private set; } = 60m;

    /// <summary>"Behind" means completion below time progress minus this many percentage points.</summary>
    public decimal BehindMarginPoints { get; private set; } = DefaultBehindMarginPoints;

    public Guid CreatedById { get; private set; }

    public DateTime? PublishedAtUtc { get; private set; }

    public DateTime? ClosedAtUtc { get; private set; }

    public List<SchemeIndicator> Indicators { get; private set; } = [];

    public GradeBands Bands => new(ExcellentFrom, GoodFrom, FairFrom);

    public int PeriodDays => EndDate.DayNumber - StartDate.DayNumber + 1;

    /// <summary>Elapsed share of the period on <paramref name="today"/> (both ends count), between 0 and 1.</summary>
    public decimal TimeProgress(DateOnly today) =>
        Math.Clamp((decimal)(today.DayNumber - StartDate.DayNumber + 1) / PeriodDays, 0m, 1m);

    public static AssessmentScheme CreateDraft(SchemeTerms terms, Guid createdById)
    {
        var scheme = new AssessmentScheme { Status = SchemeStatus.Draft, CreatedById = createdById };
        scheme.ApplyTerms(terms);
        return scheme;
    }

    /// <summary>Edits a draft's terms; a published or closed scheme is frozen (409).</summary>
    public void Revise(SchemeTerms terms)
    {
        EnsureDraft("SchemeFrozen");
        ApplyTerms(terms);
    }

    /// <summary>
    /// Replaces a draft's weighted indicators, copying each one's current rule; the weights must sum to exactly 100.
    /// Returns the lines put on (new rows to add) and taken off (rows, and their targets, to remove).
    /// </summary>
    public (IReadOnlyList<SchemeIndicator> Added, IReadOnlyList<SchemeIndicator> Removed) SetIndicators(IReadOnlyList<(Indicator Indicator, decimal Weight)> lines)
    {
        EnsureDraft("SchemeFrozen");
        EnsureWeightsSumTo100(lines.Select(l => l.Weight).ToList());
        var kept = new HashSet<Guid>();
        var added = new List<SchemeIndicator>();
        for (var n = 0; n < lines.Count; n++)
        {
            var (indicator, weight) = lines[n];
            var line = Indicators.FirstOrDefault(si => si.IndicatorId == indicator.Id);
            if (line is null)
            {
                line = new SchemeIndicator { SchemeId = Id, Code = "", Name = "", Unit = "" };
                Indicators.Add(line);
                added.Add(line);
            }

            line.CopyFrom(indicator);
            line.Weight = weight;
            line.SortOrder = n;
            kept.Add(indicator.Id);
        }

        var removed = Indicators.Where(si => !kept.Contains(si.IndicatorId)).ToList();
        foreach (var line in removed)
        {
            Indicators.Remove(line);
        }

        return (added, removed);
    }

    /// <summary>
    /// 下发: a draft whose weights sum to 100 and which has a target in every sub-branch × indicator cell becomes
    /// published; the indicators' rules are frozen as the library has them now, and one sheet is issued per sub-branch.
    /// </summary>
    public IReadOnlyList<AssessmentSheet> Publish(
        IClock clock,
        IReadOnlyList<IssuedUnit> subBranches,
        IReadOnlySet<(Guid SubBranchId, Guid IndicatorId)> targetCells,
        IReadOnlyDictionary<Guid, Indicator> library)
    {
        EnsureDraft("SchemeNotDraft");
        EnsureWeightsSumTo100(Indicators.Select(i => i.Weight).ToList());
        if (subBranches.Count == 0)
        {
            throw new ValidationFailedException("targets", DomainText.Get("NoSubBranches"));
        }

        var missing = subBranches
            .SelectMany(s => Indicators.OrderBy(i => i.SortOrder).Where(i => !targetCells.Contains((s.SubBranchId, i.IndicatorId))).Select(i => $"{s.Name} × {i.Name}"))
            .ToList();
        if (missing.Count > 0)
        {
            throw new ValidationFailedException("targets", DomainText.Format("TargetsMissing", missing.Count, string.Join("、", missing.Take(10))));
        }

        // Freeze the rules as they are now: later edits of the library do not reach a published scheme.
        foreach (var line in Indicators)
        {
            var weight = line.Weight;
            line.CopyFrom(library[line.IndicatorId]);
            line.Weight = weight;
        }

        Status = SchemeStatus.Published;
        PublishedAtUtc = clock.UtcNow;
        return subBranches.Select(s => AssessmentSheet.Issue(Id, s)).ToList();
    }

    /// <summary>Closes a published scheme; the caller freezes each sheet's final result with <see cref="AssessmentSheet.Freeze"/>.</summary>
    public void Close(IClock clock)
    {
        if (Status != SchemeStatus.Published)
        {
            throw DomainText.WrongStatus("SchemeNotPublished");
        }

        Status = SchemeStatus.Closed;
        ClosedAtUtc = clock.UtcNow;
    }

    /// <summary>Targets are the draft's working paper; once issued they change only by an accepted appeal.</summary>
    public void EnsureTargetsEditable() => EnsureDraft("TargetsFrozen");

    /// <summary>Warning rules can change until the scheme closes.</summary>
    public void EnsureWarningRulesEditable()
    {
        if (Status == SchemeStatus.Closed)
        {
            throw DomainText.WrongStatus("SchemeClosed");
        }
    }

    public void EnsureAcceptsProgress() => EnsurePublished("ProgressNeedsPublished");

    public void EnsureAcceptsWarnings() => EnsurePublished("WarningNeedsPublished");

    public void EnsureAcceptsAppeals() => EnsurePublished("AppealNeedsPublished");

    /// <summary>Results are open to comment once published (and stay so after closing).</summary>
    public void EnsureAcceptsComments()
    {
        if (Status == SchemeStatus.Draft)
        {
            throw DomainText.WrongStatus("CommentNeedsPublished");
        }
    }

    public void EnsureAcceptsHonours()
    {
        if (Status != SchemeStatus.Closed)
        {
            throw DomainText.WrongStatus("HonourNeedsClosed");
        }
    }

    public SchemeIndicator? Line(Guid indicatorId) => Indicators.FirstOrDefault(i => i.IndicatorId == indicatorId);

    /// <summary>400 on <c>indicatorId</c> unless the indicator is on this scheme.</summary>
    public SchemeIndicator RequireLine(Guid indicatorId) =>
        Line(indicatorId) ?? throw new ValidationFailedException("indicatorId", DomainText.Get("IndicatorNotInScheme"));

    private void EnsureDraft(string key)
    {
        if (Status != SchemeStatus.Draft)
        {
            throw DomainText.WrongStatus(key);
        }
    }

    private void EnsurePublished(string key)
    {
        if (Status != SchemeStatus.Published)
        {
            throw DomainText.WrongStatus(key);
        }
    }

    private static void EnsureWeightsSumTo100(List<decimal> weights)
    {
        var sum = weights.Sum();
        if (weights.Count == 0 || sum != 100m)
        {
            throw new ValidationFailedException("indicators", DomainText.Format("WeightsSum", sum));
        }
    }

    private void ApplyTerms(SchemeTerms terms)
    {
        Name = terms.Name.Trim();
        PeriodKind = terms.PeriodKind;
        StartDate = terms.StartDate;
        EndDate = terms.EndDate;
        Kind = terms.Kind;
        BusinessLineId = terms.Kind == SchemeKind.Special ? terms.BusinessLineId : null;
        ExcellentFrom = terms.Bands.ExcellentFrom;
        GoodFrom = terms.Bands.GoodFrom;
        FairFrom = terms.Bands.FairFrom;
        BehindMarginPoints = terms.BehindMarginPoints;
    }
}

/// <summary>An indicator on a scheme with its weight and a frozen copy of its scoring rule.</summary>
internal sealed class SchemeIndicator
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid SchemeId { get; set; }

    public Guid IndicatorId { get; set; }

    /// <summary>Percent with two decimals; a scheme's weights sum to exactly 100.</summary>
    public decimal Weight { get; set; }

    public int SortOrder { get; set; }

    public required string Code { get; set; }

    public required string Name { get; set; }

    public required string Unit { get; set; }

    public IndicatorDirection Direction { get; set; }

    public IndicatorDataSource DataSource { get; set; }

    public string? ComputedSourceKey { get; set; }

    public bool AllowSubBranchEntry { get; set; }

    public ScoringRuleKind RuleKind { get; set; }

    public decimal RuleCap { get; set; }

    public decimal RuleFloor { get; set; }

    public decimal? RuleMinimumCompletion { get; set; }

    public string? RuleBands { get; set; }

    public ScoringRule Rule => new(RuleKind, RuleCap, RuleFloor, RuleMinimumCompletion, ScoringRule.ParseBands(RuleBands));

    public void CopyFrom(Indicator indicator)
    {
        IndicatorId = indicator.Id;
        Code = indicator.Code;
        Name = indicator.Name;
        Unit = indicator.Unit;
        Direction = indicator.Direction;
        DataSource = indicator.DataSource;
        ComputedSourceKey = indicator.ComputedSourceKey;
        AllowSubBranchEntry = indicator.AllowSubBranchEntry;
        RuleKind = indicator.RuleKind;
        RuleCap = indicator.RuleCap;
        RuleFloor = indicator.RuleFloor;
        RuleMinimumCompletion = indicator.RuleMinimumCompletion;
        RuleBands = indicator.RuleBands;
    }
}

internal sealed record GradeBands(decimal ExcellentFrom, decimal GoodFrom, decimal FairFrom)
{
    public static readonly GradeBands Default = new(90m, 75m, 60m);

    public Grade GradeOf(decimal total) =>
        total >= ExcellentFrom ? Grade.Excellent : total >= GoodFrom ? Grade.Good : total >= FairFrom ? Grade.Fair : Grade.Unsatisfactory;
}
