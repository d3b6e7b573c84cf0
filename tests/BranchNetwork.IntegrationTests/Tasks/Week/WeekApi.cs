using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BranchNetwork.Testing;

namespace BranchNetwork.IntegrationTests.Tasks.Week;

/// <summary>The week area's API as the tests call it. The test clock starts on Wednesday 2026-05-27 (2026-W22).</summary>
internal static class WeekApi
{
    public static readonly (int Year, int Week) ThisWeek = (2026, 22);

    public static async Task<Guid> UserIdAsync(BranchNetworkFactory app, string userName) =>
        (await (await (await app.ClientForAsync(userName)).GetAsync("/api/me")).JsonAsync()).GetProperty("id").GetGuid();

    public static Task<HttpResponseMessage> CreateTaskAsync(
        this HttpClient client,
        Guid measureId,
        IEnumerable<Guid> assigneeIds,
        (int Year, int Week)? week = null,
        string title = "走访存量客户",
        object? quantity = null,
        DateOnly? due = null,
        string recurrence = "Once",
        DateOnly? recursUntil = null)
    {
        var (year, number) = week ?? ThisWeek;
        var dueDate = due ?? DateOnly.FromDateTime(ISOWeek.ToDateTime(year, number, DayOfWeek.Friday));
        return client.PostAsJsonAsync($"/api/tasks/weeks/{year}/{number}/tasks", new
        {
            measureId,
            title,
            quantity = quantity ?? 5m,
            unit = "户",
            assigneeIds = assigneeIds.ToArray(),
            dueDate,
            recurrence,
            recursUntil,
        });
    }

    public static async Task<JsonElement> CreatedTaskAsync(this HttpClient client, Guid measureId, IEnumerable<Guid> assigneeIds, (int Year, int Week)? week = null, string title = "走访存量客户", decimal quantity = 5m, string recurrence = "Once", DateOnly? recursUntil = null)
    {
        var response = await client.CreateTaskAsync(measureId, assigneeIds, week, title, quantity, recurrence: recurrence, recursUntil: recursUntil);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    public static async Task<JsonElement> TaskAsync(this HttpClient client, Guid id)
    {
        var response = await client.GetAsync($"/api/tasks/tasks/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    public static Task<HttpResponseMessage> WriteOffAsync(this HttpClient client, JsonElement task, object actualQuantity, Guid? evidenceFileId = null, string? note = "已完成") =>
        client.PostAsJsonAsync($"/api/tasks/tasks/{task.Id()}/write-off", new { actualQuantity, note, evidenceFileId, version = task.GetProperty("version").GetInt64() });

    public static Guid Id(this JsonElement element) => element.GetProperty("id").GetGuid();

    public static string State(this JsonElement element) => element.GetProperty("state").GetString()!;

    public static string FirstError(this JsonElement problem, string field) => problem.GetProperty("errors").GetProperty(field)[0].GetString()!;

    /// <summary>The sheet's actual of an indicator (null while nothing is recorded).</summary>
    public static async Task<decimal?> ActualAsync(this HttpClient client, ApprovedPlan plan, string indicator)
    {
        var response = await client.GetAsync($"/api/assessment/schemes/{plan.Scheme.Id}/sheets/{plan.SubBranchId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cell = (await response.JsonAsync()).GetProperty("row").GetProperty("cells").EnumerateArray()
            .Single(c => c.GetProperty("indicatorId").GetGuid() == plan.Scheme.Indicators[indicator]);
        var actual = cell.GetProperty("actual");
        return actual.ValueKind == JsonValueKind.Null ? null : actual.GetDecimal();
    }
}
