namespace BranchNetwork.Modules.Assessment.Domain;

/// <summary>An early-warning rule of a scheme (AS-6), evaluated by the daily job.</summary>
internal sealed class WarningRule : Entity
{
    public Guid SchemeId { get; set; }

    public WarningRuleKind Kind { get; set; }

    /// <summary>N: percentage points behind, bottom-N ranks, or days without progress.</summary>
    public decimal Threshold { get; set; }

    public bool IsActive { get; set; } = true;
}

/// <summary>
/// 预警 / 提示 (AS-6) to a sub-branch, tracked from open through acknowledgement to closure.
/// State machine: Open → (Acknowledge) → Acknowledged; Open | Acknowledged → (Close) → Closed; Closed is final.
/// </summary>
internal sealed class Warning : Entity
{
    public const int MessageMaxLength = 1000;
    public const int ResponseMaxLength = 1000;
    public const int OpenKeyMaxLength = 120;
    public const int SubjectKindMaxLength = 32;
    public const int NameMaxLength = 100;
    public const int MessageKeyMaxLength = 64;
    public const int MessageArgsMaxLength = 2000;

    // For EF Core.
    private Warning()
    {
        Message = "";
    }

    public Guid SchemeId { get; private set; }

    public Guid SubBranchId { get; private set; }

    /// <summary>The indicator concerned; null for a whole-sheet warning (bottom rank, or a manual one).</summary>
    public Guid? IndicatorId { get; private set; }

    /// <summary>The rule that raised it; null when a supervisor issued it by hand.</summary>
    public Guid? RuleId { get; private set; }

    public WarningKind Kind { get; private set; }

    /// <summary>The text as written: a supervisor's own words, or a rule's text in the bank's language (zh-CN) for search and export.</summary>
    public string Message { get; private set; }

    /// <summary>A rule-raised warning's resource key, so each reader sees its text in their own language; null for a supervisor's words.</summary>
    public string? MessageKey { get; private set; }

    /// <summary>The arguments of <see cref="MessageKey"/> as a JSON list of strings.</summary>
    public string? MessageArgs { get; private set; }

    /// <summary>What a prompt is about, e.g. <c>WorkPlan</c>, <c>WeeklyTask</c>, <c>WorkLog</c> (owned by other modules).</summary>
    public string? SubjectKind { get; private set; }

    public Guid? SubjectId { get; private set; }

    public WarningStatus Status { get; private set; }

    /// <summary>
    /// rule × sub-branch × indicator while the warning is not closed, null after: a unique index makes
    /// "at most one open warning per rule, sub-branch and indicator" hold even if two evaluations race.
    /// </summary>
    public string? OpenKey { get; private set; }

    public Guid? IssuedById { get; private set; }

    public string? IssuedByName { get; private set; }

    public string? Response { get; private set; }

    public Guid? AcknowledgedById { get; private set; }

    public DateTime? AcknowledgedAtUtc { get; private set; }

    public Guid? ClosedById { get; private set; }

    public DateTime? ClosedAtUtc { get; private set; }

    public WarningCloseReason? CloseReason { get; private set; }

    public static string KeyFor(Guid ruleId, Guid subBranchId, Guid? indicatorId) => $"{ruleId:N}:{subBranchId:N}:{indicatorId?.ToString("N") ?? "-"}";

    /// <summary>A supervisor's warning or prompt to a sub-branch of a published scheme, about one of its indicators when given.</summary>
    public static Warning Issue(AssessmentScheme scheme, Guid subBranchId, Guid? indicatorId, WarningKind kind, string message, string? subjectKind, Guid? subjectId, Guid issuedById, string? issuedByName)
    {
        scheme.EnsureAcceptsWarnings();
        if (indicatorId is { } id)
        {
            scheme.RequireLine(id);
        }

        return new Warning
        {
            SchemeId = scheme.Id,
            SubBranchId = subBranchId,
            IndicatorId = indicatorId,
            Kind = kind,
            Message = message.Trim(),
            SubjectKind = subjectKind,
            SubjectId = subjectId,
            Status = WarningStatus.Open,
            IssuedById = issuedById,
            IssuedByName = issuedByName,
        };
    }

    /// <summary>A warning a rule raised: open, keyed so the same condition never opens twice.</summary>
    public static Warning Raise(Guid schemeId, Guid ruleId, Guid subBranchId, Guid? indicatorId, WarningText text) => new()
    {
        SchemeId = schemeId,
        SubBranchId = subBranchId,
        IndicatorId = indicatorId,
        RuleId = ruleId,
        Kind = WarningKind.Warning,
        Message = Cut(text.Render(WarningText.BankCulture), MessageMaxLength),
        MessageKey = text.Key,
        MessageArgs = Cut(text.ArgsJson(), MessageArgsMaxLength),
        Status = WarningStatus.Open,
        OpenKey = KeyFor(ruleId, subBranchId, indicatorId),
    };

    /// <summary>The warned sub-branch's head answers an open warning with what they will do about it.</summary>
    public void Acknowledge(string response, Guid byUserId, IClock clock)
    {
        if (Status != WarningStatus.Open)
        {
            throw DomainText.WrongStatus("WarningNotOpen");
        }

        Status = WarningStatus.Acknowledged;
        Response = response.Trim();
        AcknowledgedById = byUserId;
        AcknowledgedAtUtc = clock.UtcNow;
    }

    /// <summary>Closes an open or acknowledged warning: by a supervisor, or because its condition cleared.</summary>
    public void Close(WarningCloseReason reason, Guid? byUserId, IClock clock)
    {
        if (Status == WarningStatus.Closed)
        {
            throw DomainText.WrongStatus("WarningClosed");
        }

        Status = WarningStatus.Closed;
        OpenKey = null;
        CloseReason = reason;
        ClosedById = byUserId;
        ClosedAtUtc = clock.UtcNow;
    }

    private static string Cut(string value, int max) => value.Length > max ? value[..max] : value;
}
