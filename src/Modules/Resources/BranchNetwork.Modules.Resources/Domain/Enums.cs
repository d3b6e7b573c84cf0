namespace BranchNetwork.Modules.Resources.Domain;

/// <summary>What a sub-branch asks head office for (RR-1): 人 people, 财 money, 物 material.</summary>
internal enum ResourceKind
{
    People = 0,
    Money = 1,
    Material = 2,
}

/// <summary>
/// A request's state (RR-1, RR-2). Draft → Submitted (no approver has opened it: the requester may recall it to Draft) →
/// InReview → Approved / PartiallyApproved (granted below asked) / Rejected; Returned (退回 to the requester, who edits and
/// submits again); Withdrawn by the requester before the first decision; Fulfilled when head office confirms delivery.
/// </summary>
internal enum RequestState
{
    Draft = 0,
    Submitted = 1,
    InReview = 2,
    Returned = 3,
    Approved = 4,
    PartiallyApproved = 5,
    Rejected = 6,
    Withdrawn = 7,
    Fulfilled = 8,
}

/// <summary>
/// How a step's approvers decide (RR-2, as DingTalk 审批): one by one in order (依次审批), any of them (或签: the first
/// decision counts) or all of them (会签: every approver must approve; one rejection rejects the request).
/// </summary>
internal enum StepMode
{
    OneByOne = 0,
    AnyOf = 1,
    AllOf = 2,
}

/// <summary>Where one approver of a step stands.</summary>
internal enum ApproverStatus
{
    /// <summary>Waiting for this approver (in one-by-one mode only the first waiting one may act).</summary>
    Waiting = 0,
    Approved = 1,
    Rejected = 2,

    /// <summary>Handed the step to a colleague (转交); the colleague takes this approver's place.</summary>
    Transferred = 3,

    /// <summary>The step ended without this approver (或签 after another's decision, or the request went back or away).</summary>
    NotNeeded = 4,
}

/// <summary>What a step came to.</summary>
internal enum StepOutcome
{
    Pending = 0,
    Approved = 1,
    Rejected = 2,

    /// <summary>Sent back (退回) to an earlier step or to the requester; the step may run again.</summary>
    Returned = 3,

    /// <summary>Never reached, or left when the requester recalled or withdrew the request.</summary>
    Cancelled = 4,
}

/// <summary>One line of the operation record (操作记录): who did what, when, with which comment.</summary>
internal enum RequestActionKind
{
    Created = 0,
    Edited = 1,
    Submitted = 2,
    Recalled = 3,
    Withdrawn = 4,
    Opened = 5,
    Approved = 6,
    PartiallyApproved = 7,
    Rejected = 8,
    Returned = 9,
    Transferred = 10,
    SignerAdded = 11,
    Fulfilled = 12,
    Reminded = 13,
}
