using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using BranchNetwork.IntegrationTests.Assessment;
using BranchNetwork.IntegrationTests.Identity;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.WorkLogs.Data;
using BranchNetwork.Modules.WorkLogs.Domain;
using BranchNetwork.Modules.WorkLogs.Features.ChaseUpLogs;
using BranchNetwork.Modules.WorkLogs.Features.Shared;
using BranchNetwork.SharedKernel;
using BranchNetwork.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BranchNetwork.IntegrationTests.WorkLogs.Tracking;

/// <summary>A sub-branch member as the directory knows them.</summary>
internal sealed record Member(Guid Id, string UserName, string DisplayName);

/// <summary>
/// The tracking tests' set-up: logs written straight into the WorkLogs database through the domain's own transitions
/// (DailyLog.Start → Write → Submit, with the app's clock and window), since writing logs is another area's API. Once
/// PUT/POST /api/worklogs/days/{day} are merged, these become API calls. Everything read goes through HTTP.
/// </summary>
internal static class TrackingData
{
    public const string Password = "Tracking#2026pass";

    public static DateOnly Today(BranchNetworkFactory app) => AssessmentApi.Today(app);

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Moves the app's clock to <paramref name="hour"/>:<paramref name="minute"/> China time of today.</summary>
    public static void MoveTo(BranchNetworkFactory app, int hour, int minute = 0)
    {
        var china = ChinaTime.FromUtc(app.Clock.UtcNow);
        var target = china.Date.AddHours(hour).AddMinutes(minute);
        Assert.True(target >= china, "the clock only moves forward");
        app.Clock.Advance(target - china);
    }

    /// <summary>Moves the app's clock to <paramref name="day"/> at <paramref name="hour"/>:00 China time.</summary>
    public static void MoveTo(BranchNetworkFactory app, DateOnly day, int hour)
    {
        var target = ChinaTime.ToUtc(day.ToDateTime(new TimeOnly(hour, 0)));
        Assert.True(target >= app.Clock.UtcNow, "the clock only moves forward");
        app.Clock.Advance(target - app.Clock.UtcNow);
    }

    /// <summary>
    /// A client with a token issued now: the tests move the app's clock by hours, past the lifetime of the tokens the
    /// factory keeps per user.
    /// </summary>
    public static async Task<HttpClient> ClientAsync(BranchNetworkFactory app, string userName, string password = BranchNetworkFactory.DemoPassword)
    {
        var response = await app.RequestPasswordTokenAsync(userName, password);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"token for {userName}: {(int)response.StatusCode} {body}");
        var client = app.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString());
        return client;
    }

    public static async Task<Member> MemberAsync(BranchNetworkFactory app, string userName)
    {
        var me = await (await (await ClientAsync(app, userName)).GetAsync("/api/me")).JsonAsync();
        return new Member(me.GetProperty("id").GetGuid(), userName, me.GetProperty("displayName").GetString()!);
    }

    /// <summary>A new member of a unit (e.g. SB01-T1), created by the admin: nobody else's logs or demo data touch them.</summary>
    public static async Task<Member> NewMemberAsync(BranchNetworkFactory app, string unitCode, string displayName)
    {
        var admin = await ClientAsync(app, "admin");
        var units = await UserAdministrationTests.UnitsByCodeAsync(admin);
        var userName = AssessmentApi.Unique("wl").ToLowerInvariant();
        var response = await admin.PostAsJsonAsync("/api/identity/users", new { userName, displayName, unitId = units[unitCode], position = "客户经理", password = Password });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return new Member((await response.JsonAsync()).GetProperty("id").GetGuid(), userName, displayName);
    }

    /// <summary>The member's log of today by the app's clock: a draft, or submitted (on time or late by the clock).</summary>
    public static async Task<Guid> LogAsync(BranchNetworkFactory app, Member member, bool submit = true)
    {
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var directory = services.GetRequiredService<IOrganisationDirectory>();
        var user = await directory.FindUserAsync(member.Id) ?? throw new InvalidOperationException($"no user {member.UserName}");
        var subBranch = await SubBranchOfAsync(directory, user.UnitId);
        var clock = services.GetRequiredService<IClock>();
        var window = services.GetRequiredService<WorkLogSettings>().Window;
        var log = DailyLog.Start(new LogAuthor(member.Id, user.DisplayName, subBranch, user.UnitId), BankCalendar.Today(clock), null, window, clock);
        log.Write(new LogContent("走访客户 3 户，办理理财 2 笔", null, "继续跟进存款客户", false, new Dictionary<string, string?>(), [], []), window, clock);
        if (submit)
        {
            log.Submit(window, clock);
        }

        var db = services.GetRequiredService<WorkLogsDbContext>();
        db.Logs.Add(log);
        await db.SaveChangesAsync();
        return log.Id;
    }

    /// <summary>Submits the member's draft of today now.</summary>
    public static async Task SubmitDraftAsync(BranchNetworkFactory app, Member member)
    {
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var clock = services.GetRequiredService<IClock>();
        var db = services.GetRequiredService<WorkLogsDbContext>();
        var today = BankCalendar.Today(clock);
        var log = await db.Logs.SingleAsync(l => l.AuthorId == member.Id && l.Day == today);
        log.Submit(services.GetRequiredService<WorkLogSettings>().Window, clock);
        await db.SaveChangesAsync();
    }

    public static async Task<ChaseRun> ChaseUpAsync(BranchNetworkFactory app)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<LogChaser>().ChaseUpAsync(CancellationToken.None);
    }

    public static async Task<ChaseRun> MissingDigestAsync(BranchNetworkFactory app)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<LogChaser>().MissingDigestAsync(CancellationToken.None);
    }

    /// <summary>The reminders recorded for a day: (person, kind).</summary>
    public static async Task<List<(Guid UserId, ChaseKind Kind)>> ChasesAsync(BranchNetworkFactory app, DateOnly day)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkLogsDbContext>();
        return [.. (await db.ChasesSent.AsNoTracking().Where(c => c.Day == day).ToListAsync()).Select(c => (c.UserId, c.Kind))];
    }

    public static async Task<JsonElement> SubmissionsAsync(this HttpClient client, string query)
    {
        var response = await client.GetAsync($"/api/worklogs/submissions?{query}");
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.JsonAsync();
    }

    public static async Task<JsonElement> RatesAsync(this HttpClient client, string query)
    {
        var response = await client.GetAsync($"/api/worklogs/rates?{query}");
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.JsonAsync();
    }

    public static async Task<Guid> SubBranchIdAsync(BranchNetworkFactory app, string code) =>
        Guid.Parse((await UserAdministrationTests.UnitsByCodeAsync(await ClientAsync(app, "admin")))[code]);

    /// <summary>The full inbox items (title and body) of a user.</summary>
    public static async Task<List<(string Title, string Body)>> InboxAsync(BranchNetworkFactory app, string userName, string password = BranchNetworkFactory.DemoPassword)
    {
        var inbox = await (await (await ClientAsync(app, userName, password)).GetAsync("/api/notifications")).JsonAsync();
        return [.. inbox.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("title").GetString()!, i.TryGetProperty("body", out var b) ? b.GetString() ?? "" : ""))];
    }

    private static async Task<Guid> SubBranchOfAsync(IOrganisationDirectory directory, Guid unitId)
    {
        for (Guid? id = unitId; id is { } current;)
        {
            var unit = await directory.FindUnitAsync(current) ?? throw new InvalidOperationException($"no unit {current}");
            if (unit.Kind == OrgUnitKind.SubBranch)
            {
                return unit.Id;
            }

            id = unit.ParentId;
        }

        throw new InvalidOperationException("the user belongs to no sub-branch");
    }
}
