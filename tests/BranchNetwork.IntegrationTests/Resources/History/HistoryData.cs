using System.Globalization;
using System.Text.Json;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Resources.Data;
using BranchNetwork.Modules.Resources.Domain;
using BranchNetwork.Modules.Resources.Features.Shared;
using BranchNetwork.SharedKernel;
using BranchNetwork.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BranchNetwork.IntegrationTests.Resources.History;

/// <summary>
/// The history tests' set-up: requests filed and decided straight in the Resources database through the request's own
/// methods along the demo routes (<see cref="ResourceSteps"/>), at the times given — filing and deciding are the other
/// areas' API, built alongside. Everything read goes through HTTP.
/// </summary>
internal static class HistoryData
{
    public static async Task<Person> PersonAsync(BranchNetworkFactory app, string userName)
    {
        using var scope = app.Services.CreateScope();
        var directory = scope.ServiceProvider.GetRequiredService<IOrganisationDirectory>();
        foreach (var role in new[] { BankRoles.SubBranchHead, BankRoles.DepartmentManager, BankRoles.HeadOfficeSupervisor, BankRoles.Staff })
        {
            foreach (var id in await directory.ListActiveUserIdsAsync(null, role))
            {
                if (await directory.FindUserAsync(id) is { } user && user.UserName == userName)
                {
                    return new Person(id, user.DisplayName);
                }
            }
        }

        throw new InvalidOperationException($"no user {userName}");
    }

    public static async Task<OrgUnitInfo> SubBranchAsync(BranchNetworkFactory app, string code)
    {
        using var scope = app.Services.CreateScope();
        var directory = scope.ServiceProvider.GetRequiredService<IOrganisationDirectory>();
        return (await directory.ListSubBranchesAsync()).Single(s => s.Code == code);
    }

    /// <summary>A money request; <paramref name="amount"/> in yuan.</summary>
    public static RequestContent Money(string title, decimal amount, DateOnly neededBy) =>
        new(title, "支行营销活动需要分行资金支持。", null, null, null, null, amount, "营销费用", neededBy, null, null);

    public static RequestContent People(string title, int persons, DateOnly neededBy) =>
        new(title, "业务高峰期人手不足，申请分行临时支援。", persons, null, 14, null, null, null, neededBy, null, null);

    public static RequestContent Material(string title, string item, decimal quantity, string unit, DateOnly neededBy) =>
        new(title, "网点设备耗材不足，影响正常营业。", quantity, unit, null, item, null, null, neededBy, null, null);

    /// <summary>
    /// Files a request of <paramref name="subBranch"/> by <paramref name="requester"/>, submits it at
    /// <paramref name="submittedAtUtc"/> (unless <paramref name="submit"/> is false) and lets <paramref name="then"/> move it
    /// on (the steps' due times from the bank calendar); saved in one go. Returns its id.
    /// </summary>
    public static async Task<Guid> FileAsync(
        BranchNetworkFactory app, OrgUnitInfo subBranch, Person requester, ResourceKind kind, RequestContent content, DateTime submittedAtUtc,
        Action<ResourceRequest, StepDueAt>? then = null, bool submit = true)
    {
        using var scope = app.Services.CreateScope();
        var steps = scope.ServiceProvider.GetRequiredService<ResourceSteps>();
        var db = scope.ServiceProvider.GetRequiredService<ResourcesDbContext>();
        var day = DateOnly.FromDateTime(ChinaTime.FromUtc(submittedAtUtc));
        var request = ResourceRequest.Draft(kind, content, requester, subBranch.Id, subBranch.Name, day, submittedAtUtc);
        if (submit)
        {
            var plan = await steps.PlanAsync(kind, content.Amount, CancellationToken.None) ?? throw new InvalidOperationException($"no route for {kind}");
            request.Submit(plan, requester, submittedAtUtc, steps.DueAt);
        }

        then?.Invoke(request, steps.DueAt);
        db.Requests.Add(request);
        await db.SaveChangesAsync();
        return request.Id;
    }

    /// <summary>The deciding approver opens the request and approves it (granting <paramref name="granted"/> when given).</summary>
    public static void Approve(ResourceRequest request, Person approver, DateTime at, StepDueAt dueAt, decimal? granted = null)
    {
        request.Open(approver, at);
        request.Decide(approver, true, granted, "同意。", at, dueAt);
    }

    public static async Task<JsonElement> HistoryAsync(this HttpClient client, string query)
    {
        var response = await client.GetAsync($"/api/resources/history?{query}");
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.JsonAsync();
    }

    /// <summary>The cells of one sub-branch, kind and month (material: and unit).</summary>
    public static JsonElement? Cell(JsonElement history, Guid subBranchId, string kind, string month, string? unit = null) =>
        history.GetProperty("cells").EnumerateArray()
            .Where(c => c.GetProperty("subBranchId").GetGuid() == subBranchId && c.GetProperty("kind").GetString() == kind
                && c.GetProperty("month").GetString() == month && (unit is null || c.GetProperty("unit").GetString() == unit))
            .Select(c => (JsonElement?)c).SingleOrDefault();

    public static decimal Number(JsonElement element, string name) => element.GetProperty(name).GetDecimal();

    public static DateTime ChinaUtc(int year, int month, int day, int hour = 10) => ChinaTime.ToUtc(new DateTime(year, month, day, hour, 0, 0, DateTimeKind.Unspecified));

    public static async Task<int> CountAsync(BranchNetworkFactory app, Func<IQueryable<ResourceRequest>, IQueryable<ResourceRequest>> filter)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ResourcesDbContext>();
        return await filter(db.Requests.AsNoTracking()).CountAsync();
    }

    public static string Month(DateTime chinaDay) => chinaDay.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
