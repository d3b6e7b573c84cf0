using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Resources.Data;
using BranchNetwork.Modules.Resources.Domain;
using BranchNetwork.Modules.Resources.Features.Shared;
using BranchNetwork.SharedKernel;
using BranchNetwork.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BranchNetwork.IntegrationTests.Resources.Approvals;

/// <summary>A step of a request's route for a test: its name, mode and approvers by user name.</summary>
internal sealed record TestStep(string Name, StepMode Mode, params string[] Approvers)
{
    public string[] Cc { get; init; } = [];
}

/// <summary>
/// The approvals tests' set-up: requests filed and submitted straight into the Resources database through the domain's
/// own transitions (ResourceRequest.Draft → Submit with the app's clock and the bank calendar's due times), since filing
/// requests is another area's API. Once POST /api/resources/requests and its submit are merged, these become API calls.
/// Everything the tests check goes through HTTP, except the stored approver entries and operation record.
/// </summary>
internal static class ApprovalsData
{
    /// <summary>The API's JSON conventions (camelCase), for bodies built as nodes.</summary>
    public static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static readonly ConcurrentDictionary<(BranchNetworkFactory, string), Guid> Ids = new();

    public static async Task<Guid> UserIdAsync(BranchNetworkFactory app, string userName)
    {
        if (Ids.TryGetValue((app, userName), out var id))
        {
            return id;
        }

        var me = await (await (await app.ClientForAsync(userName)).GetAsync("/api/me")).JsonAsync();
        id = me.GetProperty("id").GetGuid();
        Ids[(app, userName)] = id;
        return id;
    }

    /// <summary>
    /// A submitted request of head01's sub-branch (or <paramref name="requester"/>'s) asking <paramref name="asked"/>, on
    /// <paramref name="steps"/> or, when null, on the kind's configured route. <paramref name="startedDaysAgo"/> moves the
    /// submission into the past (its first step then is overdue).
    /// </summary>
    public static async Task<Guid> SubmittedAsync(
        BranchNetworkFactory app, ResourceKind kind, decimal asked, IReadOnlyList<TestStep>? steps = null, string requester = "head01", string? title = null, int startedDaysAgo = 0)
    {
        var requesterId = await UserIdAsync(app, requester);
        var approverIds = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var name in (steps ?? []).SelectMany(s => s.Approvers.Concat(s.Cc)).Distinct())
        {
            approverIds[name] = await UserIdAsync(app, name);
        }

        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var directory = services.GetRequiredService<IOrganisationDirectory>();
        var clock = services.GetRequiredService<IClock>();
        var planner = services.GetRequiredService<ResourceSteps>();
        var db = services.GetRequiredService<ResourcesDbContext>();
        var user = await directory.FindUserAsync(requesterId) ?? throw new InvalidOperationException($"no user {requester}");
        var subBranch = await SubBranchOfAsync(directory, user.UnitId);
        var person = new Person(requesterId, user.DisplayName);
        var today = BankCalendar.Today(clock);
        var content = new RequestContent(
            title ?? $"审批测试 {Guid.NewGuid().ToString("N")[..6]}",
            "营销旺季需要支援",
            kind == ResourceKind.Money ? null : asked,
            kind == ResourceKind.Material ? "台" : null,
            kind == ResourceKind.People ? 14 : null,
            kind == ResourceKind.Material ? "点钞机" : null,
            kind == ResourceKind.Money ? asked : null,
            kind == ResourceKind.Money ? "营销费用" : null,
            today.AddDays(30),
            null,
            null);
        var submittedAt = clock.UtcNow.AddDays(-startedDaysAgo);
        var request = ResourceRequest.Draft(kind, content, person, subBranch.Id, subBranch.Name, today, submittedAt);
        IReadOnlyList<PlannedStep> planned;
        if (steps is null)
        {
            planned = await planner.PlanAsync(kind, kind == ResourceKind.Money ? asked : null, CancellationToken.None)
                ?? throw new InvalidOperationException($"no demo route for {kind}");
        }
        else
        {
            var names = await directory.GetDisplayNamesAsync([.. approverIds.Values]);
            Person P(string name) => new(approverIds[name], names[approverIds[name]]);
            planned = [.. steps.Select(s => new PlannedStep(s.Name, s.Mode, [.. s.Approvers.Select(P)], [.. s.Cc.Select(P)], 2, false))];
        }

        request.Submit(planned, person, submittedAt, planner.DueAt);
        db.Requests.Add(request);
        await db.SaveChangesAsync();
        return request.Id;
    }

    /// <summary>The request as stored, with its steps, approvers and operation record.</summary>
    public static async Task<ResourceRequest> StoredAsync(BranchNetworkFactory app, Guid id)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ResourcesDbContext>();
        return await db.RequestsWithSteps.AsNoTracking().SingleAsync(r => r.Id == id);
    }

    /// <summary>The request as the approval panel reads it (GET …/approval).</summary>
    public static async Task<JsonElement> PanelAsync(this HttpClient client, Guid id)
    {
        var response = await client.GetAsync($"/api/resources/requests/{id}/approval");
        var body = await response.JsonAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {body}");
        return body;
    }

    public static async Task<long> VersionAsync(BranchNetworkFactory app, Guid id) => (await StoredAsync(app, id)).Version;

    public static async Task<HttpResponseMessage> DecideAsync(this HttpClient client, BranchNetworkFactory app, Guid id, string decision, decimal? granted = null, string? comment = null, long? version = null) =>
        await client.PostAsJsonAsync($"/api/resources/requests/{id}/decision", new { decision, granted, comment, version = version ?? await VersionAsync(app, id) });

    public static async Task<HttpResponseMessage> ActAsync(this HttpClient client, BranchNetworkFactory app, Guid id, string action, object body)
    {
        var json = JsonSerializer.SerializeToNode(body, Web)!.AsObject();
        json["version"] ??= await VersionAsync(app, id);
        return await client.PostAsJsonAsync($"/api/resources/requests/{id}/{action}", json);
    }

    /// <summary>The ids of the requests in the user's queue (first 200).</summary>
    public static async Task<List<JsonElement>> QueueAsync(BranchNetworkFactory app, string userName)
    {
        var response = await (await app.ClientForAsync(userName)).GetAsync("/api/resources/approvals?pageSize=200");
        var body = await response.JsonAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {body}");
        return [.. body.GetProperty("items").EnumerateArray()];
    }

    public static async Task<bool> InQueueAsync(BranchNetworkFactory app, string userName, Guid id) =>
        (await QueueAsync(app, userName)).Any(i => i.GetProperty("requestId").GetGuid() == id);

    /// <summary>Asserts the answer's status (and problem code, when given) and returns its body.</summary>
    public static async Task<JsonElement> ExpectAsync(this HttpResponseMessage response, int status, string? code = null)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"expected {status}, got {(int)response.StatusCode}: {text}");
        var body = string.IsNullOrEmpty(text) ? default : JsonDocument.Parse(text).RootElement.Clone();
        if (code is not null)
        {
            Assert.Equal(code, body.GetProperty("code").GetString());
        }

        return body;
    }

    /// <summary>The titles of the user's inbox.</summary>
    public static async Task<List<string>> InboxAsync(BranchNetworkFactory app, string userName)
    {
        var inbox = await (await (await app.ClientForAsync(userName)).GetAsync("/api/notifications?pageSize=100")).JsonAsync();
        return [.. inbox.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()!)];
    }

    private static async Task<OrgUnitInfo> SubBranchOfAsync(IOrganisationDirectory directory, Guid unitId)
    {
        for (Guid? id = unitId; id is { } current;)
        {
            var unit = await directory.FindUnitAsync(current) ?? throw new InvalidOperationException($"no unit {current}");
            if (unit.Kind == OrgUnitKind.SubBranch)
            {
                return unit;
            }

            id = unit.ParentId;
        }

        throw new InvalidOperationException("the requester belongs to no sub-branch");
    }
}
