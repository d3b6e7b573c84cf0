using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using BranchNetwork.IntegrationTests.Assessment;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.WorkLogs.Data;
using BranchNetwork.Modules.WorkLogs.Domain;
using BranchNetwork.SharedKernel;
using BranchNetwork.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BranchNetwork.IntegrationTests.WorkLogs.Logs;

/// <summary>The logs area's API as the tests call it. The test clock starts on Wednesday 2026-05-27 10:00 China time.</summary>
internal static class LogsApi
{
    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Today(BranchNetworkFactory app) => Day(AssessmentApi.Today(app));

    public static Task<HttpResponseMessage> SaveDayAsync(this HttpClient client, string day, object body) => client.PutAsJsonAsync($"/api/worklogs/days/{day}", body);

    public static async Task<JsonElement> SavedDayAsync(this HttpClient client, string day, object body)
    {
        var response = await client.SaveDayAsync(day, body);
        var json = await response.JsonAsync();
        Assert.True(response.IsSuccessStatusCode, json.ToString());
        return json;
    }

    public static async Task<JsonElement> DayAsync(this HttpClient client, string day)
    {
        var response = await client.GetAsync($"/api/worklogs/days/{day}");
        var json = await response.JsonAsync();
        Assert.True(response.IsSuccessStatusCode, json.ToString());
        return json;
    }

    /// <summary>A client with a token issued at the clock's present time (the factory caches tokens, which expire as the clock moves on).</summary>
    public static async Task<HttpClient> SignedInNowAsync(BranchNetworkFactory app, string userName)
    {
        var response = await app.RequestPasswordTokenAsync(userName, BranchNetworkFactory.DemoPassword);
        var token = (await response.JsonAsync()).GetProperty("access_token").GetString();
        var client = app.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static Task<HttpResponseMessage> SubmitDayAsync(this HttpClient client, string day) => client.PostAsync($"/api/worklogs/days/{day}/submit", null);

    /// <summary>
    /// A submitted log of <paramref name="userName"/> for a day a month ago (closed long since, and before any demo log):
    /// written in the module's database through the domain with that day's clock (the API never writes a closed day).
    /// </summary>
    public static async Task<Guid> SubmittedClosedDayAsync(BranchNetworkFactory app, string userName, string done)
    {
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var directory = services.GetRequiredService<IOrganisationDirectory>();
        var userId = (await (await (await app.ClientForAsync(userName)).GetAsync("/api/me")).JsonAsync()).GetProperty("id").GetGuid();
        var user = await directory.FindUserAsync(userId) ?? throw new InvalidOperationException(userName);
        var subBranch = Guid.Empty;
        foreach (var unit in await directory.ListSubBranchesAsync())
        {
            if (unit.Id == user.UnitId || (await directory.GetUnitAndDescendantsAsync(unit.Id)).Contains(user.UnitId))
            {
                subBranch = unit.Id;
            }
        }

        var yesterday = AssessmentApi.Today(app).AddDays(-30);
        var then = new FixedClock(TimeZoneInfo.ConvertTimeToUtc(yesterday.ToDateTime(new TimeOnly(17, 0)), BankCalendar.Zone));
        var log = DailyLog.Start(new LogAuthor(userId, user.DisplayName, subBranch, user.UnitId), yesterday, null, LogWindow.Default, then);
        log.Write(new LogContent(done, null, "明日继续走访", false, new Dictionary<string, string?>(), [], []), LogWindow.Default, then);
        log.Submit(LogWindow.Default, then);
        var db = services.GetRequiredService<WorkLogsDbContext>();
        db.Logs.Add(log);
        await db.SaveChangesAsync();
        return log.Id;
    }

    private sealed class FixedClock(DateTime utcNow) : IClock
    {
        public DateTime UtcNow => utcNow;
    }
}
