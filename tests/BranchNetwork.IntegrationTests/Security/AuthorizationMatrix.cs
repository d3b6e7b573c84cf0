using static BranchNetwork.IntegrationTests.Security.Expect;

namespace BranchNetwork.IntegrationTests.Security;

/// <summary>What a caller must get: a 2xx, or the refusal named.</summary>
internal enum Expect
{
    /// <summary>2xx (a 400 here is a broken fixture body, not a pass).</summary>
    Ok,

    /// <summary>Not signed in.</summary>
    E401,

    /// <summary>The role may never do this.</summary>
    E403,

    /// <summary>The role may, but not for this object: it belongs to another sub-branch (ORG-3, its existence is not disclosed).</summary>
    E404,
}

/// <summary>
/// One operation of the OpenAPI document: its key ("METHOD /path" as the document spells it) and the expected
/// outcome for each caller of <see cref="AuthorizationMatrix.Callers"/>, in that order.
/// <paramref name="Scoped"/>: a list filtered by organisational scope, so an allowed answer to a caller outside
/// 支行01 must not carry 支行01's unit id.
/// </summary>
internal sealed record MatrixRow(string Key, Expect[] Outcomes, bool Scoped = false);

/// <summary>
/// The authorisation matrix of issue 9: every operation × every caller, taken from SPEC.md (ORG-2, ORG-3) and the
/// module docs (docs/modules/*.md), not from what the code does. The objects in the paths belong to 支行01 (SB01):
/// its sheet, head01's appeal and its evidence, a warning to SB01, head01's notification, the SB01 roster.
/// Head-office roles for assessment data are TaskAdmin, HeadOfficeSupervisor and Auditor (assessment.md); Moderator,
/// SystemAdmin and SecurityAdmin sit at head office but see no sub-branch's private assessment items.
/// A new module adds one row per operation here and one request per operation in <see cref="MatrixRequests"/>.
/// </summary>
internal static class AuthorizationMatrix
{
    /// <summary>The columns, in order: null is anonymous; staff0101, head01 and manager01 belong to 支行01, head02 to 支行02.</summary>
    public static readonly string?[] Callers =
        [null, "staff0101", "head01", "head02", "manager01", "supervisor", "taskadmin", "moderator", "auditor", "admin", "security"];

    /// <summary>Callers that belong to neither 支行01 nor the head-office assessment roles: 支行01's private ids never reach them.</summary>
    public static readonly string[] Outsiders = ["head02", "moderator", "admin", "security"];

    private static readonly Expect[] AnySignedIn = [E401, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok];

    private static readonly Expect[] SystemAdminOnly = [E401, E403, E403, E403, E403, E403, E403, E403, E403, Ok, E403];

    private static readonly Expect[] SecurityAdminOnly = [E401, E403, E403, E403, E403, E403, E403, E403, E403, E403, Ok];

    private static readonly Expect[] TaskAdminOnly = [E401, E403, E403, E403, E403, E403, Ok, E403, E403, E403, E403];

    private static readonly Expect[] SupervisorOnly = [E401, E403, E403, E403, E403, Ok, E403, E403, E403, E403, E403];

    /// <summary>支行01's private items: its members and the head-office assessment roles; everyone else 404.</summary>
    private static readonly Expect[] Sb01Private = [E401, Ok, Ok, E404, Ok, Ok, Ok, E404, Ok, E404, E404];

    /// <summary>Only the head of the owning sub-branch (head02 may in general, not for 支行01: 404).</summary>
    private static readonly Expect[] OwnHeadOnly = [E401, E403, Ok, E404, E403, E403, E403, E403, E403, E403, E403];

    public static readonly MatrixRow[] Rows =
    [
        //                                                                     anon  staff head01 head02 mgr01 superv task  moder audit admin secur
        // Identity (ORG-1, ORG-2, ORG-4; docs/modules/identity.md "Who may do what")
        new("GET /api/me", AnySignedIn),
        new("GET /api/identity/units", AnySignedIn),
        new("POST /api/identity/units", SystemAdminOnly),
        new("PUT /api/identity/units/{id}", SystemAdminOnly),
        // A roster is read by head office and the unit's own members. The unit itself is in everyone's org tree, so
        // there is no existence to hide: another sub-branch's head gets 403, not 404.
        new("GET /api/identity/units/{id}/members",                            [E401, Ok,   Ok,    E403,  Ok,   Ok,    Ok,   Ok,   Ok,   Ok,   Ok]),
        new("GET /api/identity/users",                                         [E401, E403, E403,  E403,  E403, E403,  E403, E403, E403, Ok,   Ok]),
        new("POST /api/identity/users", SystemAdminOnly),
        new("POST /api/identity/users/import", SystemAdminOnly),
        new("POST /api/identity/users/{id}/move", SystemAdminOnly),
        new("POST /api/identity/users/{id}/reset-password", SystemAdminOnly),
        new("POST /api/identity/users/{id}/disable", SystemAdminOnly),
        new("POST /api/identity/users/{id}/enable", SystemAdminOnly),
        new("POST /api/identity/users/{id}/roles", SecurityAdminOnly),
        new("DELETE /api/identity/users/{id}/roles/{role}", SecurityAdminOnly),

        // Notifications (NT-1; docs/modules/notifications.md). Marking one's own inbox read is not a write of bank data.
        new("GET /api/notifications", AnySignedIn),
        new("GET /api/notifications/unread-count", AnySignedIn),
        new("POST /api/notifications/{id}/read",                              [E401, E404, Ok,    E404,  E404, E404,  E404, E404, E404, E404, E404]),
        new("POST /api/notifications/read-all", AnySignedIn),
        new("GET /api/notifications/announcements",                           [E401, E403, E403,  E403,  E403, Ok,    E403, E403, E403, Ok,   E403]),
        new("POST /api/notifications/announcements",                          [E401, E403, E403,  E403,  E403, Ok,    E403, E403, E403, Ok,   E403]),

        // Files (AS-7 evidence; docs/modules/files.md: read by the appeal's sub-branch and TaskAdmin, supervisor, Auditor)
        new("GET /api/files/{id}", Sb01Private),

        // Audit (AU-1, AU-4) and platform
        new("GET /api/audit/access-log",                                      [E401, E403, E403,  E403,  E403, E403,  E403, E403, Ok,   E403, E403]),
        // AU-3: verification and the signed checkpoints are the auditor's (the daily job alerts SecurityAdmin too)
        new("GET /api/audit/chains/{chain}/verify",                           [E401, E403, E403,  E403,  E403, E403,  E403, E403, Ok,   E403, E403]),
        new("GET /api/audit/checkpoints",                                     [E401, E403, E403,  E403,  E403, E403,  E403, E403, Ok,   E403, E403]),
        new("GET /api/audit/access-log/export",                               [E401, E403, E403,  E403,  E403, E403,  E403, E403, Ok,   E403, E403]),
        new("GET /api/audit/trail",                                           [E401, E403, E403,  E403,  E403, E403,  E403, E403, Ok,   E403, E403]),
        new("GET /api/audit/trail/entity",                                    [E401, E403, E403,  E403,  E403, E403,  E403, E403, Ok,   E403, E403]),
        new("GET /api/audit/trail/export",                                    [E401, E403, E403,  E403,  E403, E403,  E403, E403, Ok,   E403, E403]),
        new("GET /api/audit/timeline",                                        [E401, E403, E403,  E403,  E403, E403,  E403, E403, Ok,   E403, E403]),
        new("GET /api/platform/outbox/parked", SystemAdminOnly),
        // Access policies (AU-5): the SecurityAdmin's alone; the Auditor and the SystemAdmin may not even read them.
        new("GET /api/audit/policies", SecurityAdminOnly),
        new("GET /api/audit/policies/{id}", SecurityAdminOnly),
        new("POST /api/audit/policies", SecurityAdminOnly),
        new("PUT /api/audit/policies/{id}", SecurityAdminOnly),
        new("POST /api/audit/policies/{id}/enable", SecurityAdminOnly),
        new("POST /api/audit/policies/{id}/disable", SecurityAdminOnly),
        new("DELETE /api/audit/policies/{id}", SecurityAdminOnly),

        // Assessment (AS-1 … AS-9; docs/modules/assessment.md "Authorisation")
        new("GET /api/assessment/indicators", AnySignedIn),
        new("POST /api/assessment/indicators", TaskAdminOnly),
        new("POST /api/assessment/indicators/{id}/retire", TaskAdminOnly),
        new("DELETE /api/assessment/indicators/{id}", TaskAdminOnly),
        new("GET /api/assessment/computed-sources", AnySignedIn),
        new("GET /api/assessment/schemes", AnySignedIn),
        new("POST /api/assessment/schemes", TaskAdminOnly),
        new("GET /api/assessment/schemes/{id}", AnySignedIn),
        new("PUT /api/assessment/schemes/{id}", TaskAdminOnly),
        new("GET /api/assessment/schemes/{id}/targets",                       [E401, E403, E403,  E403,  E403, Ok,    Ok,   E403, Ok,   E403, E403]),
        new("PUT /api/assessment/schemes/{id}/targets", TaskAdminOnly),
        new("POST /api/assessment/schemes/{id}/targets/import", TaskAdminOnly),
        new("POST /api/assessment/schemes/{id}/publish", TaskAdminOnly),
        new("POST /api/assessment/schemes/{id}/close", TaskAdminOnly),
        new("POST /api/assessment/schemes/{id}/progress",                     [E401, E403, Ok,    E404,  E403, Ok,    E403, E403, E403, E403, E403]),
        new("POST /api/assessment/schemes/{id}/progress/{entryId}/correct",   [E401, E403, Ok,    E404,  E403, Ok,    E403, E403, E403, E403, E403]),
        new("POST /api/assessment/schemes/{id}/progress/import", SupervisorOnly),
        new("GET /api/assessment/schemes/{id}/results", AnySignedIn),
        new("GET /api/assessment/schemes/{id}/indicators/{indicatorId}/results", AnySignedIn),
        new("GET /api/assessment/schemes/{id}/export", AnySignedIn),
        new("GET /api/assessment/schemes/{id}/sheets/{subBranchId}", Sb01Private),
        new("GET /api/assessment/schemes/{id}/sheets/{subBranchId}/indicators/{indicatorId}/trend", Sb01Private),
        new("GET /api/assessment/schemes/{id}/sheets/{subBranchId}/indicators/{indicatorId}/history", Sb01Private),
        new("GET /api/assessment/sheets/mine", AnySignedIn, Scoped: true),
        new("PUT /api/assessment/schemes/{id}/warning-rules",                 [E401, E403, E403,  E403,  E403, Ok,    Ok,   E403, E403, E403, E403]),
        new("POST /api/assessment/warnings/evaluate", SupervisorOnly),
        new("GET /api/assessment/warnings", AnySignedIn, Scoped: true),
        new("POST /api/assessment/warnings", SupervisorOnly),
        new("POST /api/assessment/warnings/{id}/acknowledge", OwnHeadOnly),
        new("POST /api/assessment/warnings/{id}/close", SupervisorOnly),
        new("GET /api/assessment/appeals", AnySignedIn, Scoped: true),
        new("POST /api/assessment/appeals", OwnHeadOnly),
        new("GET /api/assessment/appeals/{id}", Sb01Private),
        new("POST /api/assessment/appeals/{id}/decide", SupervisorOnly),
        new("GET /api/assessment/appeals/{id}/attachments", Sb01Private),
        new("POST /api/assessment/appeals/{id}/attachments", OwnHeadOnly),
        new("GET /api/assessment/schemes/{id}/honours", AnySignedIn),
        new("POST /api/assessment/schemes/{id}/honours", SupervisorOnly),
        new("GET /api/assessment/schemes/{id}/comments", AnySignedIn),

        // 全员点评 (AS-8) is for the whole staff; the Auditor writes nothing (ORG-2), nor do the two other 三员 accounts (issue 9, finding 2).
        new("POST /api/assessment/schemes/{id}/comments",                     [E401, Ok,   Ok,    Ok,    Ok,   Ok,    Ok,   Ok,   E403, E403, E403]),

        // Tasks (TK-1 … TK-5; docs/modules/tasks.md "Authorisation"): one file per area of the module.
        .. TasksPlansMatrix.Rows,
        .. TasksWeekMatrix.Rows,
        .. TasksSupervisionMatrix.Rows,

        // WorkLogs (WL-1 … WL-4; docs/modules/worklogs.md "Authorisation"): one file per area of the module.
        .. WorkLogsLogsMatrix.Rows,
        .. WorkLogsReadingMatrix.Rows,
        .. WorkLogsTrackingMatrix.Rows,

        // Resources (RR-1 … RR-3; docs/modules/resources.md "Authorisation"): one file per area of the module.
        .. ResourcesRequestsMatrix.Rows,
        .. ResourcesApprovalsMatrix.Rows,
        .. ResourcesHistoryMatrix.Rows,

        // Community (CM-1; boards by audience, ORG-3): one file per area of the module.
        .. CommunityBoardsMatrix.Rows,
        .. CommunityThreadsMatrix.Rows,
        .. CommunityPollsFeedMatrix.Rows,
        // Community (CM-3, CM-4): moderation and the auditor's resolution of pseudonyms.
        .. CommunityModerationMatrix.Rows,
    ];
}
