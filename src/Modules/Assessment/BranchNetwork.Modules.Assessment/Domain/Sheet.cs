namespace BranchNetwork.Modules.Assessment.Domain;

/// <summary>
/// 目标任务 (AS-3): the target of one sub-branch for one indicator of a scheme. It also carries the
/// current-value projection of progress (AS-4), so reads never scan the history.
/// </summary>
internal sealed class Target : Entity
{
    public Guid SchemeId { get; set; }

    public Guid SubBranchId { get; set; }

    public Guid IndicatorId { get; set; }

    public decimal Value { get; set; }

    /// <summary>The value of the latest progress entry still in force; null until progress is entered.</summary>
    public decimal? ActualValue { get; set; }

    public DateOnly? ActualAsOf { get; set; }

    public Guid? ActualEntryId { get; set; }

    /// <summary>Completion of the value in force (4 decimals), kept with it so reads do no arithmetic per cell.</summary>
    public decimal Completion { get; set; }

    /// <summary>Weighted score of the value in force (2 decimals) under the scheme's frozen rule.</summary>
    public decimal Score { get; set; }

    /// <summary>A new target decided on appeal: the cell is rescored under the scheme's frozen rule.</summary>
    public void Retarget(decimal value, SchemeIndicator line)
    {
        Value = value;
        Rescore(line);
    }

    /// <summary>Recomputes <see cref="Completion"/> and <see cref="Score"/> after the value in force or the target changed.</summary>
    public void Rescore(SchemeIndicator line)
    {
        (Completion, Score) = ScoringEngine.ScoreCell(new ScoringIndicator(line.IndicatorId, line.Weight, line.Direction, line.Rule), Value, ActualValue);
    }

    /// <summary>
    /// Moves the projection to <paramref name="entry"/> when it is the latest by date, or when it corrects the entry in
    /// force, and rescores the cell under <paramref name="line"/>'s rule.
    /// </summary>
    public void Project(ProgressEntry entry, SchemeIndicator line)
    {
        if (ActualAsOf is null || entry.Date >= ActualAsOf.Value || entry.SupersedesEntryId == ActualEntryId)
        {
            ActualValue = entry.Value;
            ActualAsOf = entry.Date;
            ActualEntryId = entry.Id;
            Rescore(line);
        }
    }
}

/// <summary>考核表: one per sub-branch of a published scheme; holds the sub-branch's name as issued and, once closed, its frozen result.</summary>
internal sealed class AssessmentSheet : Entity
{
    public const int UnitCodeMaxLength = 32;
    public const int UnitNameMaxLength = 100;

    public Guid SchemeId { get; init; }

    public Guid SubBranchId { get; init; }

    public required string SubBranchCode { get; init; }

    public required string SubBranchName { get; init; }

    /// <summary>Sum of score adjustments granted on appeal (points, may be negative).</summary>
    public decimal ScoreAdjustment { get; private set; }

    /// <summary>
    /// The sum of its cells' scores in cents, moved by the database in the same save as a cell's score
    /// (<c>AssessmentDbContext</c>), so a sheet is ranked from one number per sheet instead of every sheet's cells.
    /// </summary>
    public long ScoreCents { get; private set; }

    /// <summary>Points as whole cents: cell scores and adjustments have two decimals (ADR 0008), so this is exact.</summary>
    public static long ToCents(decimal points) => decimal.ToInt64(decimal.Round(points * 100m, MidpointRounding.AwayFromZero));

    public decimal? FinalScore { get; private set; }

    public Grade? FinalGrade { get; private set; }

    public int? FinalRank { get; private set; }

    public static AssessmentSheet Issue(Guid schemeId, IssuedUnit unit) =>
        new() { SchemeId = schemeId, SubBranchId = unit.SubBranchId, SubBranchCode = unit.Code, SubBranchName = unit.Name };

    /// <summary>An accepted score appeal adds points (or takes them away).</summary>
    public void Adjust(decimal points) => ScoreAdjustment += points;

    /// <summary>The result at closing becomes the result, whatever is recomputed later.</summary>
    public void Freeze(decimal total, Grade grade, int rank)
    {
        FinalScore = total;
        FinalGrade = grade;
        FinalRank = rank;
    }
}

/// <summary>完成进度 (AS-4): an actual (cumulative) value on a date. Never changed: a correction is a new entry that supersedes.</summary>
internal sealed class ProgressEntry
{
    public const int ReasonMaxLength = 500;
    public const int NameMaxLength = 100;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid SchemeId { get; set; }

    public Guid SubBranchId { get; set; }

    public Guid IndicatorId { get; set; }

    public DateOnly Date { get; set; }

    public decimal Value { get; set; }

    public ProgressSource Source { get; set; }

    public Guid EnteredById { get; set; }

    public required string EnteredByName { get; set; }

    public DateTime EnteredAtUtc { get; set; }

    public Guid? SupersedesEntryId { get; set; }

    public string? Reason { get; set; }
}
