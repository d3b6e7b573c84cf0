namespace BranchNetwork.Modules.WorkLogs.Domain;

/// <summary>A daily log's state (WL-1): Draft (autosaved, only its author sees it) → Submitted. Nothing else.</summary>
internal enum LogState
{
    Draft = 0,
    Submitted = 1,
}

/// <summary>
/// When a log came in (WL-2): on time before the day's cut-off (default 20:00 China time), late after it and before the
/// day closes (next day 10:00). A working day without a submitted log by the close is missing (no row says so).
/// </summary>
internal enum LogTimeliness
{
    OnTime = 0,
    Late = 1,
}

/// <summary>The type of a template field (WL-1); the form and the server check values by it.</summary>
internal enum TemplateFieldType
{
    Text = 0,
    Number = 1,
    Choice = 2,
    Date = 3,
}

/// <summary>Which reminder went out (WL-2), so that each goes once per person per day even with two nodes.</summary>
internal enum ChaseKind
{
    /// <summary>跟催: the author had not submitted by the chase-up time (default 18:00).</summary>
    ChaseUp = 0,

    /// <summary>The sub-branch head's list of who is missing at the cut-off (default 20:00).</summary>
    MissingDigest = 1,
}
