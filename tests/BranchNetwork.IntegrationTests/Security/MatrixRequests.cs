using System.Net.Http.Json;
using BranchNetwork.IntegrationTests.Assessment;

namespace BranchNetwork.IntegrationTests.Security;

/// <summary>
/// How to call each operation of <see cref="AuthorizationMatrix"/> with a valid body on 支行01's objects. A request is
/// built per cell; for an operation that changes or uses up its object (publish, close, decide, acknowledge, correct,
/// delete, revoke) the builder takes it from <see cref="MatrixWorld.ObjectAsync{T}"/>: fresh for a caller expected to
/// succeed, shared by the refused ones, so every caller meets an unused object.
/// </summary>
internal static class MatrixRequests
{
    // Lazy: static fields initialise in textual order, and the core table is declared below.
    private static readonly Lazy<Dictionary<string, Func<MatrixWorld, Task<HttpRequestMessage>>>> All = new(() => With(
        TasksPlansMatrix.Requests,
        TasksWeekMatrix.Requests,
        TasksSupervisionMatrix.Requests,
        WorkLogsLogsMatrix.Requests,
        WorkLogsReadingMatrix.Requests,
        WorkLogsTrackingMatrix.Requests,
        ResourcesRequestsMatrix.Requests,
        ResourcesApprovalsMatrix.Requests,
        ResourcesHistoryMatrix.Requests,
        CommunityBoardsMatrix.Requests,
        CommunityThreadsMatrix.Requests,
        CommunityPollsFeedMatrix.Requests,
        CommunityModerationMatrix.Requests));

    public static IReadOnlyDictionary<string, Func<MatrixWorld, Task<HttpRequestMessage>>> Builders => All.Value;

    private static readonly Dictionary<string, Func<MatrixWorld, Task<HttpRequestMessage>>> Core =
        new()
        {
            // Identity
            ["GET /api/me"] = w => Get("/api/me"),
            ["GET /api/identity/units"] = w => Get("/api/identity/units"),
            ["POST /api/identity/units"] = w => Send(HttpMethod.Post, "/api/identity/units", new { code = AssessmentApi.Unique("SB01-N").ToUpperInvariant(), name = AssessmentApi.Unique("支行01新组"), kind = "Team", parentId = w.Sb01 }),
            ["PUT /api/identity/units/{id}"] = async w => Json(HttpMethod.Put, $"/api/identity/units/{await w.ObjectAsync(w.FreshTeamAsync)}", new { name = AssessmentApi.Unique("支行01改名组"), version = 1 }),
            ["GET /api/identity/units/{id}/members"] = w => Get($"/api/identity/units/{w.Sb01}/members"),
            ["GET /api/identity/users"] = w => Get("/api/identity/users"),
            ["POST /api/identity/users"] = w => Send(HttpMethod.Post, "/api/identity/users", new { userName = AssessmentApi.Unique("mx.new").ToLowerInvariant(), displayName = "新员工", unitId = w.Sb01, position = "柜员", password = MatrixWorld.SparePassword }),
            ["POST /api/identity/users/import"] = w => Form("/api/identity/users/import", MatrixWorld.CsvForm($"UserName,DisplayName,UnitCode,Password\n{AssessmentApi.Unique("mx.imp").ToLowerInvariant()},导入员工,SB01,{MatrixWorld.SparePassword}\n", "users.csv")),
            ["POST /api/identity/users/{id}/move"] = w => Send(HttpMethod.Post, $"/api/identity/users/{w.SpareUserId}/move", new { unitId = w.Units["SB01-T1"], position = "客户经理" }),
            ["POST /api/identity/users/{id}/reset-password"] = w => Send(HttpMethod.Post, $"/api/identity/users/{w.SpareUserId}/reset-password", new { newPassword = "Reset#2026matrix" }),
            ["POST /api/identity/users/{id}/disable"] = async w => Json(HttpMethod.Post, $"/api/identity/users/{await w.ObjectAsync(w.FreshUserAsync)}/disable", null),
            ["POST /api/identity/users/{id}/enable"] = w => Send(HttpMethod.Post, $"/api/identity/users/{w.SpareUserId}/enable", null),
            ["POST /api/identity/users/{id}/roles"] = async w => Json(HttpMethod.Post, $"/api/identity/users/{await w.ObjectAsync(w.FreshUserAsync)}/roles", new { role = "Moderator" }),
            ["DELETE /api/identity/users/{id}/roles/{role}"] = async w =>
            {
                var user = await w.ObjectAsync(async () =>
                {
                    var fresh = await w.FreshUserAsync();
                    _ = await MatrixWorld.Ok(await w.Security.PostAsJsonAsync($"/api/identity/users/{fresh}/roles", new { role = "Moderator" }));
                    return fresh;
                });
                return Json(HttpMethod.Delete, $"/api/identity/users/{user}/roles/Moderator", null);
            },

            // Notifications
            ["GET /api/notifications"] = w => Get("/api/notifications"),
            ["GET /api/notifications/unread-count"] = w => Get("/api/notifications/unread-count"),
            ["POST /api/notifications/{id}/read"] = w => Send(HttpMethod.Post, $"/api/notifications/{w.Head01NotificationId}/read", null),
            ["POST /api/notifications/read-all"] = w => Send(HttpMethod.Post, "/api/notifications/read-all", null),
            ["GET /api/notifications/announcements"] = w => Get("/api/notifications/announcements"),
            ["POST /api/notifications/announcements"] = w => Send(HttpMethod.Post, "/api/notifications/announcements", new { title = "季度考核安排", body = "请各支行按时完成。", unitId = w.Sb01 }),

            // Files, audit, platform
            ["GET /api/files/{id}"] = w => Get($"/api/files/{w.FileId}"),
            ["GET /api/audit/access-log"] = w => Get("/api/audit/access-log"),
            ["GET /api/audit/chains/{chain}/verify"] = w => Get("/api/audit/chains/access/verify?from=2026-05-27T00:00:00Z"),
            ["GET /api/audit/checkpoints"] = w => Get("/api/audit/checkpoints"),
            ["GET /api/audit/access-log/export"] = w => Get("/api/audit/access-log/export?format=csv"),
            ["GET /api/audit/trail"] = w => Get("/api/audit/trail?from=2026-05-01T00:00:00Z&to=2026-05-31T00:00:00Z"),
            ["GET /api/audit/trail/entity"] = w => Get($"/api/audit/trail/entity?module=Identity&entityType=Unit&entityId={w.Sb01}"),
            ["GET /api/audit/trail/export"] = w => Get("/api/audit/trail/export?format=xlsx&from=2026-05-01T00:00:00Z&to=2026-05-31T00:00:00Z"),
            ["GET /api/audit/timeline"] = w => Get("/api/audit/timeline?user=head01&from=2026-05-01T00:00:00Z&to=2026-05-31T00:00:00Z"),
            ["GET /api/platform/outbox/parked"] = w => Get("/api/platform/outbox/parked"),
            ["GET /api/audit/policies"] = w => Get("/api/audit/policies"),
            ["GET /api/audit/policies/{id}"] = async w => new HttpRequestMessage(HttpMethod.Get, $"/api/audit/policies/{await w.ObjectAsync(() => FreshPolicyAsync(w))}"),
            ["POST /api/audit/policies"] = w => Send(HttpMethod.Post, "/api/audit/policies", PolicyBody(enabled: false)),
            ["PUT /api/audit/policies/{id}"] = async w =>
            {
                var (id, version) = await w.ObjectAsync(() => FreshPolicyWithVersionAsync(w));
                return Json(HttpMethod.Put, $"/api/audit/policies/{id}", PolicyBody(version: version));
            },
            ["POST /api/audit/policies/{id}/enable"] = async w => Json(HttpMethod.Post, $"/api/audit/policies/{await w.ObjectAsync(() => FreshPolicyAsync(w))}/enable", null),
            ["POST /api/audit/policies/{id}/disable"] = async w => Json(HttpMethod.Post, $"/api/audit/policies/{await w.ObjectAsync(() => FreshPolicyAsync(w))}/disable", null),
            ["DELETE /api/audit/policies/{id}"] = async w => Json(HttpMethod.Delete, $"/api/audit/policies/{await w.ObjectAsync(() => FreshPolicyAsync(w))}", null),

            // Assessment
            ["GET /api/assessment/indicators"] = w => Get("/api/assessment/indicators"),
            ["POST /api/assessment/indicators"] = w => Send(HttpMethod.Post, "/api/assessment/indicators", new { code = AssessmentApi.Unique("MXI"), name = AssessmentApi.Unique("新增指标"), unit = "万元", direction = "HigherIsBetter", dataSource = "Manual", ruleKind = "Ratio", allowSubBranchEntry = false }),
            ["POST /api/assessment/indicators/{id}/retire"] = async w => Json(HttpMethod.Post, $"/api/assessment/indicators/{await w.ObjectAsync(w.FreshIndicatorAsync)}/retire", null),
            ["DELETE /api/assessment/indicators/{id}"] = async w => Json(HttpMethod.Delete, $"/api/assessment/indicators/{await w.ObjectAsync(w.FreshIndicatorAsync)}", null),
            ["GET /api/assessment/computed-sources"] = w => Get("/api/assessment/computed-sources"),
            ["GET /api/assessment/schemes"] = w => Get("/api/assessment/schemes"),
            ["POST /api/assessment/schemes"] = w => Send(HttpMethod.Post, "/api/assessment/schemes", new { name = AssessmentApi.Unique("新方案"), periodKind = "Custom", startDate = w.Published.Start, endDate = w.Published.End, kind = "Comprehensive", indicators = new[] { new { indicatorId = w.Indicator, weight = 100m } } }),
            ["GET /api/assessment/schemes/{id}"] = w => Get($"/api/assessment/schemes/{w.Published.Id}"),
            ["PUT /api/assessment/schemes/{id}"] = async w =>
            {
                var (id, version) = await w.ObjectAsync(w.FreshDraftAsync);
                return Json(HttpMethod.Put, $"/api/assessment/schemes/{id}", new { name = AssessmentApi.Unique("改名方案"), periodKind = "Custom", startDate = w.Published.Start, endDate = w.Published.End, kind = "Comprehensive", indicators = new[] { new { indicatorId = w.Indicator, weight = 100m } }, version });
            },
            ["GET /api/assessment/schemes/{id}/targets"] = w => Get($"/api/assessment/schemes/{w.Draft}/targets"),
            ["PUT /api/assessment/schemes/{id}/targets"] = w => Send(HttpMethod.Put, $"/api/assessment/schemes/{w.Draft}/targets", new { cells = new[] { new { subBranchId = w.Sb01, indicatorId = w.Indicator, value = 120m } } }),
            ["POST /api/assessment/schemes/{id}/targets/import"] = w => Form($"/api/assessment/schemes/{w.Draft}/targets/import", MatrixWorld.CsvForm($"支行代码,指标代码,目标值\r\nSB01,{w.IndicatorCode},110\r\n", "目标.csv")),
            ["POST /api/assessment/schemes/{id}/publish"] = async w =>
            {
                var (id, version) = await w.ObjectAsync(w.FreshDraftAsync);
                return Json(HttpMethod.Post, $"/api/assessment/schemes/{id}/publish", new { version });
            },
            ["POST /api/assessment/schemes/{id}/close"] = async w =>
            {
                var (id, version) = await w.ObjectAsync(w.FreshPublishedAsync);
                return Json(HttpMethod.Post, $"/api/assessment/schemes/{id}/close", new { version });
            },
            ["POST /api/assessment/schemes/{id}/progress"] = w => Send(HttpMethod.Post, $"/api/assessment/schemes/{w.Published.Id}/progress", new { entries = new[] { new { subBranchId = w.Sb01, indicatorId = w.Indicator, date = w.Today, value = 45m } } }),
            ["POST /api/assessment/schemes/{id}/progress/{entryId}/correct"] = async w => Json(HttpMethod.Post, $"/api/assessment/schemes/{w.Published.Id}/progress/{await w.ObjectAsync(w.FreshEntryAsync)}/correct", new { value = 42m, reason = "录入有误,更正" }),
            ["POST /api/assessment/schemes/{id}/progress/import"] = w => Form($"/api/assessment/schemes/{w.Published.Id}/progress/import", MatrixWorld.CsvForm($"支行代码,指标代码,日期,完成值\r\nSB01,{w.IndicatorCode},{w.Today:yyyy-MM-dd},48\r\n", "进度.csv")),
            ["GET /api/assessment/schemes/{id}/results"] = w => Get($"/api/assessment/schemes/{w.Published.Id}/results"),
            ["GET /api/assessment/schemes/{id}/indicators/{indicatorId}/results"] = w => Get($"/api/assessment/schemes/{w.Published.Id}/indicators/{w.Indicator}/results"),
            ["GET /api/assessment/schemes/{id}/export"] = w => Get($"/api/assessment/schemes/{w.Published.Id}/export?format=csv"),
            ["GET /api/assessment/schemes/{id}/sheets/{subBranchId}"] = w => Get($"/api/assessment/schemes/{w.Published.Id}/sheets/{w.Sb01}"),
            ["GET /api/assessment/schemes/{id}/sheets/{subBranchId}/indicators/{indicatorId}/trend"] = w => Get($"/api/assessment/schemes/{w.Published.Id}/sheets/{w.Sb01}/indicators/{w.Indicator}/trend"),
            ["GET /api/assessment/schemes/{id}/sheets/{subBranchId}/indicators/{indicatorId}/history"] = w => Get($"/api/assessment/schemes/{w.Published.Id}/sheets/{w.Sb01}/indicators/{w.Indicator}/history"),
            ["GET /api/assessment/sheets/mine"] = w => Get("/api/assessment/sheets/mine"),
            ["PUT /api/assessment/schemes/{id}/warning-rules"] = w => Send(HttpMethod.Put, $"/api/assessment/schemes/{w.Published.Id}/warning-rules", new { rules = new[] { new { kind = "BehindTimeProgress", threshold = 10m, isActive = true } } }),
            ["POST /api/assessment/warnings/evaluate"] = w => Send(HttpMethod.Post, "/api/assessment/warnings/evaluate", null),
            ["GET /api/assessment/warnings"] = w => Get("/api/assessment/warnings"),
            ["POST /api/assessment/warnings"] = w => Send(HttpMethod.Post, "/api/assessment/warnings", new { schemeId = w.Published.Id, subBranchId = w.Sb01, indicatorId = w.Indicator, kind = "Prompt", message = "请关注存款进度" }),
            ["POST /api/assessment/warnings/{id}/acknowledge"] = async w => Json(HttpMethod.Post, $"/api/assessment/warnings/{await w.ObjectAsync(w.FreshWarningAsync)}/acknowledge", new { response = "本周组织营销活动追平进度" }),
            ["POST /api/assessment/warnings/{id}/close"] = async w => Json(HttpMethod.Post, $"/api/assessment/warnings/{await w.ObjectAsync(w.FreshWarningAsync)}/close", null),
            ["GET /api/assessment/appeals"] = w => Get("/api/assessment/appeals"),
            ["POST /api/assessment/appeals"] = w => Send(HttpMethod.Post, "/api/assessment/appeals", w.AppealBody()),
            ["GET /api/assessment/appeals/{id}"] = w => Get($"/api/assessment/appeals/{w.AppealId}"),
            ["POST /api/assessment/appeals/{id}/decide"] = async w =>
            {
                var (id, version) = await w.ObjectAsync(w.FreshAppealAsync);
                return Json(HttpMethod.Post, $"/api/assessment/appeals/{id}/decide", new { accept = false, reason = "理由不充分", version });
            },
            ["GET /api/assessment/appeals/{id}/attachments"] = w => Get($"/api/assessment/appeals/{w.AppealId}/attachments"),
            ["POST /api/assessment/appeals/{id}/attachments"] = async w => new HttpRequestMessage(HttpMethod.Post, $"/api/assessment/appeals/{(await w.ObjectAsync(w.FreshAppealAsync)).Id}/attachments") { Content = MatrixWorld.EvidenceForm() },
            ["GET /api/assessment/schemes/{id}/honours"] = w => Get($"/api/assessment/schemes/{w.Closed}/honours"),
            ["POST /api/assessment/schemes/{id}/honours"] = w => Send(HttpMethod.Post, $"/api/assessment/schemes/{w.Closed}/honours", new { title = AssessmentApi.Unique("进步奖"), subjectKind = "SubBranch", subjectId = w.Sb01 }),
            ["GET /api/assessment/schemes/{id}/comments"] = w => Get($"/api/assessment/schemes/{w.Published.Id}/comments"),
            ["POST /api/assessment/schemes/{id}/comments"] = w => Send(HttpMethod.Post, $"/api/assessment/schemes/{w.Published.Id}/comments", new { body = "向支行01学习" }),
        };

    /// <summary>
    /// Writes run in parallel lanes; operations that move the same object share a lane and run one after another
    /// (every other operation is a lane of its own).
    /// </summary>
    public static string LaneOf(string key) => key switch
    {
        // 支行01's cell of the published scheme: its projection moves with every entry.
        _ when key.Contains("/progress", StringComparison.Ordinal) => "sb01-cell",
        // The draft's target grid.
        _ when key.Contains("/targets", StringComparison.Ordinal) => "draft",
        // The spare user.
        "POST /api/identity/users/{id}/move" or "POST /api/identity/users/{id}/reset-password" or "POST /api/identity/users/{id}/enable" => "spare-user",
        // The evaluation closes and raises warnings on the published scheme.
        _ when key.Contains("/warnings", StringComparison.Ordinal) => "warnings",
        _ => key,
    };

    /// <summary>A policy on a path nothing uses (AU-5), so the matrix's own policies restrict no other cell.</summary>
    private static Dictionary<string, object?> PolicyBody(bool? enabled = null, long? version = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["name"] = AssessmentApi.Unique("矩阵策略"),
            ["kind"] = "TimeWindow",
            ["pathPatterns"] = new[] { "/matrix/*/nothing/**" },
            ["roles"] = new[] { "Staff" },
            ["from"] = "00:00",
            ["to"] = "23:59",
        };
        if (enabled is { } on)
        {
            body["enabled"] = on;
        }

        if (version is { } v)
        {
            body["version"] = v;
        }

        return body;
    }

    private static async Task<Guid> FreshPolicyAsync(MatrixWorld w) => (await FreshPolicyWithVersionAsync(w)).Id;

    private static async Task<(Guid Id, long Version)> FreshPolicyWithVersionAsync(MatrixWorld w)
    {
        var policy = await MatrixWorld.Ok(await w.Security.PostAsJsonAsync("/api/audit/policies", PolicyBody(enabled: false)));
        return (policy.GetProperty("id").GetGuid(), policy.GetProperty("version").GetInt64());
    }

    /// <summary>The core requests plus each module area's own (a key twice is a mistake and throws).</summary>
    private static Dictionary<string, Func<MatrixWorld, Task<HttpRequestMessage>>> With(params IReadOnlyDictionary<string, Func<MatrixWorld, Task<HttpRequestMessage>>>[] areas)
    {
        var all = new Dictionary<string, Func<MatrixWorld, Task<HttpRequestMessage>>>(Core);
        foreach (var pair in areas.SelectMany(a => a))
        {
            all.Add(pair.Key, pair.Value);
        }

        return all;
    }

    private static Task<HttpRequestMessage> Get(string url) => Task.FromResult(new HttpRequestMessage(HttpMethod.Get, url));

    private static Task<HttpRequestMessage> Send(HttpMethod method, string url, object? body) => Task.FromResult(Json(method, url, body));

    private static HttpRequestMessage Json(HttpMethod method, string url, object? body) =>
        new(method, url) { Content = body is null ? null : JsonContent.Create(body) };

    private static Task<HttpRequestMessage> Form(string url, MultipartFormDataContent form) =>
        Task.FromResult(new HttpRequestMessage(HttpMethod.Post, url) { Content = form });
}
