using System.Net;
using System.Text.Json.Nodes;
using BranchNetwork.IntegrationTests.Assessment;
using BranchNetwork.IntegrationTests.Identity;
using BranchNetwork.Testing;

namespace BranchNetwork.IntegrationTests.BadInput;

/// <summary>How an operation takes its input.</summary>
internal enum InputKind
{
    Json,
    Upload,
    None,
}

/// <summary>
/// A write operation's row: who may do it (so validation, not authorisation, is exercised), the real ids for its
/// path, and a valid body the variants spoil one thing at a time.
/// </summary>
/// <remarks>
/// <paramref name="LongText"/>: fields whose documented limit is above the suite's 20,000-character probe (a community
/// post's rich text takes 50,000), so that probe may be accepted there.
/// </remarks>
internal sealed record WriteOperation(string User, IReadOnlyDictionary<string, string> Path, InputKind Input, JsonObject? Body = null, string UploadName = "data.csv", IReadOnlyCollection<string>? LongText = null);

/// <summary>Real objects made through the API for the operations' paths and bodies.</summary>
internal sealed record BadInputWorld(
    Guid SubBranch01,
    Guid SubBranch02,
    Guid UserId,
    Guid UnitId,
    long UnitVersion,
    PublishedScheme Draft,
    long DraftVersion,
    PublishedScheme DraftToEdit,
    long DraftToEditVersion,
    PublishedScheme Closed,
    PublishedScheme DraftToPublish,
    long DraftToPublishVersion,
    PublishedScheme Published,
    PublishedScheme PublishedToClose,
    long PublishedToCloseVersion,
    Guid IndicatorToDelete,
    Guid IndicatorToRetire,
    Guid ProgressEntry,
    Guid AppealToDecide,
    long AppealToDecideVersion,
    Guid AppealForEvidence,
    Guid WarningToAcknowledge,
    Guid WarningToClose,
    Guid Notification,
    DateOnly Today,
    Guid AccessPolicy,
    long AccessPolicyVersion)
{
    /// <summary>Objects a module area made for its rows (see <see cref="WriteOperations.AreaSeeds"/>), by the area's own keys.</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, object> Area { get; } = new(StringComparer.Ordinal);
}

/// <summary>
/// The table of write operations the bad-input suite knows. A write operation in the OpenAPI document without a row
/// here fails the suite: a new endpoint adds its row (who may call it, its ids, a valid body).
/// </summary>
internal static class WriteOperations
{
    // Lazy: static fields initialise in textual order, and the core table is declared below.
    private static readonly Lazy<Dictionary<string, Func<BadInputWorld, WriteOperation>>> All = new(() => With(
        TasksPlansBadInput.Rows,
        TasksWeekBadInput.Rows,
        TasksSupervisionBadInput.Rows,
        WorkLogsLogsBadInput.Rows,
        WorkLogsReadingBadInput.Rows,
        WorkLogsTrackingBadInput.Rows,
        ResourcesRequestsBadInput.Rows,
        ResourcesApprovalsBadInput.Rows,
        ResourcesHistoryBadInput.Rows,
        CommunityBadInput.Rows,
        CommunityPollsFeedBadInput.Rows,
        CommunityModerationBadInput.Rows));

    public static IReadOnlyDictionary<string, Func<BadInputWorld, WriteOperation>> Rows => All.Value;

    /// <summary>Each module area's set-up: makes its objects through the API and keeps them in <see cref="BadInputWorld.Area"/>.</summary>
    private static readonly Func<BranchNetworkFactory, BadInputWorld, Task>[] AreaSeeds =
    [
        TasksPlansBadInput.SeedAsync,
        TasksWeekBadInput.SeedAsync,
        TasksSupervisionBadInput.SeedAsync,
        WorkLogsLogsBadInput.SeedAsync,
        WorkLogsReadingBadInput.SeedAsync,
        WorkLogsTrackingBadInput.SeedAsync,
        ResourcesRequestsBadInput.SeedAsync,
        ResourcesApprovalsBadInput.SeedAsync,
        ResourcesHistoryBadInput.SeedAsync,
        CommunityBadInput.SeedAsync,
        CommunityPollsFeedBadInput.SeedAsync,
        CommunityModerationBadInput.SeedAsync,
    ];

    private static readonly Dictionary<string, Func<BadInputWorld, WriteOperation>> Core = new(StringComparer.Ordinal)
    {
        // Identity: SystemAdmin administers users and units, SecurityAdmin grants roles.
        ["POST /api/identity/units"] = w => new("admin", Ids(), InputKind.Json, new JsonObject { ["code"] = Code("BADU"), ["name"] = "坏输入团队", ["kind"] = "Team", ["parentId"] = w.SubBranch01 }),
        ["PUT /api/identity/units/{id}"] = w => new("admin", Ids(("id", w.UnitId)), InputKind.Json, new JsonObject { ["name"] = "坏输入团队二", ["version"] = w.UnitVersion }),
        ["POST /api/identity/users"] = w => new("admin", Ids(), InputKind.Json, new JsonObject { ["userName"] = Code("bad.user").ToLowerInvariant(), ["displayName"] = "坏输入", ["unitId"] = w.SubBranch01, ["position"] = "柜员", ["password"] = "Teller#2026ok" }),
        ["POST /api/identity/users/{id}/move"] = w => new("admin", Ids(("id", w.UserId)), InputKind.Json, new JsonObject { ["unitId"] = w.SubBranch02, ["position"] = "柜员" }),
        ["POST /api/identity/users/{id}/reset-password"] = w => new("admin", Ids(("id", w.UserId)), InputKind.Json, new JsonObject { ["newPassword"] = "Reset#2026password" }),
        ["POST /api/identity/users/{id}/roles"] = w => new("security", Ids(("id", w.UserId)), InputKind.Json, new JsonObject { ["role"] = "Moderator" }),
        ["DELETE /api/identity/users/{id}/roles/{role}"] = w => new("security", Ids(("id", w.UserId), ("role", "Staff")), InputKind.None),

        // Audit: the SecurityAdmin's access policies (AU-5).
        ["POST /api/audit/policies"] = w => new("security", Ids(), InputKind.Json, PolicyBody(Code("坏输入新策略"), enabled: false)),
        ["PUT /api/audit/policies/{id}"] = w => new("security", Ids(("id", w.AccessPolicy)), InputKind.Json, PolicyBody(Code("坏输入改策略"), version: w.AccessPolicyVersion)),
        ["POST /api/audit/policies/{id}/enable"] = w => new("security", Ids(("id", w.AccessPolicy)), InputKind.None),
        ["POST /api/audit/policies/{id}/disable"] = w => new("security", Ids(("id", w.AccessPolicy)), InputKind.None),
        ["DELETE /api/audit/policies/{id}"] = w => new("security", Ids(("id", w.AccessPolicy)), InputKind.None),
        ["POST /api/identity/users/{id}/disable"] = w => new("admin", Ids(("id", w.UserId)), InputKind.None),
        ["POST /api/identity/users/{id}/enable"] = w => new("admin", Ids(("id", w.UserId)), InputKind.None),
        ["POST /api/identity/users/import"] = _ => new("admin", Ids(), InputKind.Upload),

        // Notifications.
        ["POST /api/notifications/{id}/read"] = w => new("head01", Ids(("id", w.Notification)), InputKind.None),
        ["POST /api/notifications/read-all"] = _ => new("head01", Ids(), InputKind.None),
        ["POST /api/notifications/announcements"] = w => new("supervisor", Ids(), InputKind.Json, new JsonObject { ["title"] = "坏输入通知", ["body"] = "正文", ["unitId"] = w.SubBranch01 }),

        // Assessment: TaskAdmin defines schemes, the supervisor supervises, the sub-branch head answers for SB01.
        ["POST /api/assessment/indicators"] = _ => new("taskadmin", Ids(), InputKind.Json, new JsonObject { ["code"] = Code("BADI"), ["name"] = "坏输入指标", ["unit"] = "万元", ["direction"] = "HigherIsBetter", ["dataSource"] = "Manual", ["ruleKind"] = "Ratio", ["cap"] = 1.2m, ["floor"] = 0m, ["allowSubBranchEntry"] = false, ["description"] = "说明" }),
        ["DELETE /api/assessment/indicators/{id}"] = w => new("taskadmin", Ids(("id", w.IndicatorToDelete)), InputKind.None),
        ["POST /api/assessment/indicators/{id}/retire"] = w => new("taskadmin", Ids(("id", w.IndicatorToRetire)), InputKind.None),
        ["POST /api/assessment/schemes"] = w => new("taskadmin", Ids(), InputKind.Json, SchemeBody(w, null)),
        ["PUT /api/assessment/schemes/{id}"] = w => new("taskadmin", Ids(("id", w.DraftToEdit.Id)), InputKind.Json, SchemeBody(w, w.DraftToEditVersion)),
        ["PUT /api/assessment/schemes/{id}/targets"] = w => new("taskadmin", Ids(("id", w.Draft.Id)), InputKind.Json, new JsonObject { ["cells"] = new JsonArray(new JsonObject { ["subBranchId"] = w.SubBranch01, ["indicatorId"] = w.Draft.Indicators["存款"], ["value"] = 120m }) }),
        ["POST /api/assessment/schemes/{id}/targets/import"] = w => new("taskadmin", Ids(("id", w.Draft.Id)), InputKind.Upload),
        ["POST /api/assessment/schemes/{id}/publish"] = w => new("taskadmin", Ids(("id", w.DraftToPublish.Id)), InputKind.Json, new JsonObject { ["version"] = w.DraftToPublishVersion }),
        ["PUT /api/assessment/schemes/{id}/warning-rules"] = w => new("taskadmin", Ids(("id", w.Published.Id)), InputKind.Json, new JsonObject { ["rules"] = new JsonArray(new JsonObject { ["kind"] = "BottomRank", ["threshold"] = 1m, ["isActive"] = true }) }),
        ["POST /api/assessment/schemes/{id}/close"] = w => new("taskadmin", Ids(("id", w.PublishedToClose.Id)), InputKind.Json, new JsonObject { ["version"] = w.PublishedToCloseVersion }),
        ["POST /api/assessment/schemes/{id}/progress"] = w => new("head01", Ids(("id", w.Published.Id)), InputKind.Json, new JsonObject { ["entries"] = new JsonArray(new JsonObject { ["subBranchId"] = w.SubBranch01, ["indicatorId"] = w.Published.Indicators["存款"], ["date"] = w.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["value"] = 30m }) }),
        ["POST /api/assessment/schemes/{id}/progress/import"] = w => new("supervisor", Ids(("id", w.Published.Id)), InputKind.Upload),
        ["POST /api/assessment/schemes/{id}/progress/{entryId}/correct"] = w => new("head01", Ids(("id", w.Published.Id), ("entryId", w.ProgressEntry)), InputKind.Json, new JsonObject { ["value"] = 25m, ["reason"] = "多录了" }),
        ["POST /api/assessment/schemes/{id}/comments"] = w => new("supervisor", Ids(("id", w.Published.Id)), InputKind.Json, new JsonObject { ["body"] = "进度偏慢" }),
        ["POST /api/assessment/schemes/{id}/honours"] = w => new("supervisor", Ids(("id", w.Closed.Id)), InputKind.Json, new JsonObject { ["title"] = "季度之星", ["subjectKind"] = "SubBranch", ["subjectId"] = w.SubBranch01, ["subBranchId"] = w.SubBranch01, ["citation"] = "表现突出" }),
        ["POST /api/assessment/appeals"] = w => new("head01", Ids(), InputKind.Json, new JsonObject { ["schemeId"] = w.Published.Id, ["subBranchId"] = w.SubBranch01, ["kind"] = "Target", ["indicatorId"] = w.Published.Indicators["存款"], ["reason"] = "客户搬迁", ["requestedValue"] = 80m }),
        ["POST /api/assessment/appeals/{id}/decide"] = w => new("supervisor", Ids(("id", w.AppealToDecide)), InputKind.Json, new JsonObject { ["accept"] = true, ["reason"] = "属实", ["scoreAdjustment"] = 2m, ["version"] = w.AppealToDecideVersion }),
        ["POST /api/assessment/appeals/{id}/attachments"] = w => new("head01", Ids(("id", w.AppealForEvidence)), InputKind.Upload, UploadName: "证明.pdf"),
        ["POST /api/assessment/warnings"] = w => new("supervisor", Ids(), InputKind.Json, new JsonObject { ["schemeId"] = w.Published.Id, ["subBranchId"] = w.SubBranch01, ["indicatorId"] = w.Published.Indicators["存款"], ["kind"] = "Warning", ["message"] = "请加快进度" }),
        ["POST /api/assessment/warnings/evaluate"] = _ => new("supervisor", Ids(), InputKind.None),
        ["POST /api/assessment/warnings/{id}/acknowledge"] = w => new("head01", Ids(("id", w.WarningToAcknowledge)), InputKind.Json, new JsonObject { ["response"] = "已整改" }),
        ["POST /api/assessment/warnings/{id}/close"] = w => new("supervisor", Ids(("id", w.WarningToClose)), InputKind.None),
    };

    public static async Task<BadInputWorld> BuildAsync(BranchNetworkFactory app)
    {
        var admin = await app.ClientForAsync("admin");
        var units = await UserAdministrationTests.UnitsByCodeAsync(admin);
        var (sb01, sb02) = (Guid.Parse(units["SB01"]), Guid.Parse(units["SB02"]));

        var user = await Created(await admin.PostJsonAsync("/api/identity/users", new { userName = Fresh("bad.target").ToLowerInvariant(), displayName = "坏输入对象", unitId = sb01, position = "柜员", password = "Teller#2026ok" }));
        var unit = await Created(await admin.PostJsonAsync("/api/identity/units", new { code = Fresh("BADT"), name = "坏输入对象团队", kind = "Team", parentId = sb01 }));
        var unitVersion = unit.TryGetProperty("version", out var v) ? v.GetInt64() : 1L;

        (string, decimal, bool)[] indicators = [("存款", 60m, true), ("贷款", 40m, false)];
        var draft = await AssessmentApi.PublishedSchemeAsync(app, indicators, publish: false);
        var draftToEdit = await AssessmentApi.PublishedSchemeAsync(app, indicators, publish: false);
        var draftToPublish = await AssessmentApi.PublishedSchemeAsync(app, indicators, publish: false);
        var closed = await AssessmentApi.PublishedSchemeAsync(app, indicators);
        var published = await AssessmentApi.PublishedSchemeAsync(app, indicators);
        var publishedToClose = await AssessmentApi.PublishedSchemeAsync(app, indicators);
        var taskAdmin = await app.ClientForAsync("taskadmin");
        var toDelete = await taskAdmin.CreateIndicatorAsync(AssessmentApi.Unique("BADD"), "待删指标");
        var toRetire = await taskAdmin.CreateIndicatorAsync(AssessmentApi.Unique("BADR"), "待停指标");
        await Created(await taskAdmin.PostJsonAsync($"/api/assessment/schemes/{closed.Id}/close", new { version = await taskAdmin.VersionAsync(closed.Id) }));

        var head01 = await app.ClientForAsync("head01");
        var supervisor = await app.ClientForAsync("supervisor");
        var today = AssessmentApi.Today(app);
        var recorded = await (await head01.RecordAsync(published, "SB01", "存款", today, 20m)).JsonAsync();
        var entry = recorded.GetProperty("entries")[0].GetProperty("id").GetGuid();

        async Task<(Guid Id, long Version)> AppealAsync()
        {
            var appeal = await Created(await head01.PostJsonAsync("/api/assessment/appeals", new { schemeId = published.Id, subBranchId = sb01, kind = "Score", reason = "系统故障", requestedValue = 3m }));
            return (appeal.GetProperty("id").GetGuid(), appeal.GetProperty("version").GetInt64());
        }

        async Task<Guid> WarningAsync() =>
            (await Created(await supervisor.PostJsonAsync("/api/assessment/warnings", new { schemeId = published.Id, subBranchId = sb01, kind = "Warning", message = "进度落后" }))).GetProperty("id").GetGuid();

        var toDecide = await AppealAsync();
        var forEvidence = await AppealAsync();
        var toAcknowledge = await WarningAsync();
        var toClose = await WarningAsync();
        var inbox = await Eventually.WaitAsync(
            async () => await (await head01.GetAsync("/api/notifications/")).JsonAsync(),
            page => page.GetProperty("items").GetArrayLength() > 0,
            "a notification in head01's inbox");

        // A policy on a path nothing uses, so the variants that are accepted restrict nothing (AU-5).
        var policy = await Created(await (await app.ClientForAsync("security")).PostJsonAsync("/api/audit/policies", PolicyBody(Fresh("坏输入策略"), enabled: false)));
        var world = new BadInputWorld(
            sb01,
            sb02,
            user.GetProperty("id").GetGuid(),
            unit.GetProperty("id").GetGuid(),
            unitVersion,
            draft,
            await taskAdmin.VersionAsync(draft.Id),
            draftToEdit,
            await taskAdmin.VersionAsync(draftToEdit.Id),
            closed,
            draftToPublish,
            await taskAdmin.VersionAsync(draftToPublish.Id),
            published,
            publishedToClose,
            await taskAdmin.VersionAsync(publishedToClose.Id),
            toDelete,
            toRetire,
            entry,
            toDecide.Id,
            toDecide.Version,
            forEvidence.Id,
            toAcknowledge,
            toClose,
            inbox.GetProperty("items")[0].GetProperty("id").GetGuid(),
            today,
            policy.GetProperty("id").GetGuid(),
            policy.GetProperty("version").GetInt64());
        foreach (var seed in AreaSeeds)
        {
            await seed(app, world);
        }

        return world;
    }

    private static Dictionary<string, Func<BadInputWorld, WriteOperation>> With(params IReadOnlyDictionary<string, Func<BadInputWorld, WriteOperation>>[] areas)
    {
        var all = new Dictionary<string, Func<BadInputWorld, WriteOperation>>(Core, StringComparer.Ordinal);
        foreach (var pair in areas.SelectMany(a => a))
        {
            all.Add(pair.Key, pair.Value);
        }

        return all;
    }

    /// <summary>The ids of a path, by name (for the module areas' rows).</summary>
    public static Dictionary<string, string> PathIds(params (string Name, object Value)[] ids) => Ids(ids);

    private static JsonObject PolicyBody(string name, bool? enabled = null, long? version = null)
    {
        var body = new JsonObject
        {
            ["name"] = name,
            ["kind"] = "TimeWindow",
            ["pathPatterns"] = new JsonArray("/bad-input/*/nothing/**"),
            ["roles"] = new JsonArray("Staff"),
            ["workingDaysOnly"] = false,
            ["from"] = "00:00",
            ["to"] = "23:59",
            ["allowedNetworks"] = new JsonArray(),
            ["fileExtensions"] = new JsonArray(),
            ["linkDomains"] = new JsonArray(),
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

    private static JsonObject SchemeBody(BadInputWorld w, long? version)
    {
        var body = new JsonObject
        {
            ["name"] = Code("坏输入方案"),
            ["periodKind"] = "Custom",
            ["startDate"] = w.Draft.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["endDate"] = w.Draft.End.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["kind"] = "Comprehensive",
            ["indicators"] = new JsonArray(
                new JsonObject { ["indicatorId"] = w.Draft.Indicators["存款"], ["weight"] = 60m },
                new JsonObject { ["indicatorId"] = w.Draft.Indicators["贷款"], ["weight"] = 40m }),
            ["gradeBands"] = new JsonObject { ["excellent"] = 90m, ["good"] = 80m, ["fair"] = 60m },
            ["behindMarginPoints"] = 5m,
        };
        if (version is { } v)
        {
            body["version"] = v;
        }

        return body;
    }

    /// <summary>A code unique per request: the marker is replaced with a fresh value each time a body is sent.</summary>
    private static string Code(string prefix) => $"{prefix}-{BadInputVariants.UniqueMarker}";

    private static string Fresh(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..6].ToUpperInvariant()}";

    private static Dictionary<string, string> Ids(params (string Name, object Value)[] ids) =>
        ids.ToDictionary(i => i.Name, i => Convert.ToString(i.Value, System.Globalization.CultureInfo.InvariantCulture)!, StringComparer.Ordinal);

    private static async Task<System.Text.Json.JsonElement> Created(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"set-up: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.JsonAsync();
    }
}
