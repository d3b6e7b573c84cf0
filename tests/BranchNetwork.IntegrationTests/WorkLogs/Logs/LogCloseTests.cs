using System.Net;
using System.Net.Http.Json;
using BranchNetwork.Testing;

namespace BranchNetwork.IntegrationTests.WorkLogs.Logs;

/// <summary>WL-1 and WL-4 with a moving clock: a late submit after the cut-off, nothing after the close but amendments, the original kept.</summary>
[Trait("Spec", "WL-4")]
public sealed class LogCloseTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    [Fact]
    [Trait("Spec", "WL-1")]
    public async Task A_log_submitted_after_the_cut_off_is_late_then_the_day_closes_and_only_amendments_are_added()
    {
        app.EnsureAvailable();
        var staff = await LogsApi.SignedInNowAsync(app, "staff0105");
        var today = LogsApi.Today(app);
        var draft = await staff.SavedDayAsync(today, new { done = "整理客户档案", sharedWithTeam = false });

        // 10:00 → 20:30 China time: past the cut-off (20:00), before the close (10:00 tomorrow).
        app.Clock.Advance(TimeSpan.FromHours(10.5));
        staff = await LogsApi.SignedInNowAsync(app, "staff0105");
        var late = await staff.SubmitDayAsync(today);
        var log = await late.JsonAsync();
        Assert.True(late.IsSuccessStatusCode, log.ToString());
        Assert.Equal(("Submitted", "Late"), (log.GetProperty("state").GetString(), log.GetProperty("timeliness").GetString()));

        // 10:30 the next day: closed. No edit, no submit; the author amends, the original stays.
        app.Clock.Advance(TimeSpan.FromHours(14));
        staff = await LogsApi.SignedInNowAsync(app, "staff0105");
        var edit = await staff.SaveDayAsync(today, new { done = "改写" });
        Assert.Equal(HttpStatusCode.Conflict, edit.StatusCode);
        Assert.Contains("worklogs.day_closed", await edit.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await staff.SubmitDayAsync(today)).StatusCode);

        var id = draft.GetProperty("id").GetGuid();
        var amended = await staff.PostAsJsonAsync($"/api/worklogs/logs/{id}/amendments", new { text = "补充：档案已交运营部" });
        var view = await amended.JsonAsync();
        Assert.True(amended.IsSuccessStatusCode, view.ToString());
        var read = await staff.DayAsync(today);
        Assert.Equal(("整理客户档案", true), (read.GetProperty("done").GetString(), read.GetProperty("isClosed").GetBoolean()));
        var amendment = Assert.Single(read.GetProperty("amendments").EnumerateArray());
        Assert.Equal("补充：档案已交运营部", amendment.GetProperty("text").GetString());
        Assert.Equal(app.Clock.UtcNow, amendment.GetProperty("addedAtUtc").GetDateTime().ToUniversalTime(), TimeSpan.FromSeconds(1));

        // Only the author amends: the head reads it (403), another sub-branch's head learns nothing (404); no empty text.
        Assert.Equal(HttpStatusCode.Forbidden, (await (await LogsApi.SignedInNowAsync(app, "head01")).PostAsJsonAsync($"/api/worklogs/logs/{id}/amendments", new { text = "行长补充" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await LogsApi.SignedInNowAsync(app, "head02")).PostAsJsonAsync($"/api/worklogs/logs/{id}/amendments", new { text = "外支行" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostAsJsonAsync($"/api/worklogs/logs/{id}/amendments", new { text = "" })).StatusCode);
        Assert.Single((await staff.DayAsync(today)).GetProperty("amendments").EnumerateArray());
    }

    [Fact]
    public async Task A_log_that_is_still_open_is_edited_not_amended()
    {
        app.EnsureAvailable();
        var staff = await app.ClientForAsync("staff0201");
        var today = LogsApi.Today(app);
        await staff.SavedDayAsync(today, new { done = "柜面业务" });
        var log = await staff.SubmitDayAsync(today);
        Assert.True(log.IsSuccessStatusCode);
        var id = (await log.JsonAsync()).GetProperty("id").GetGuid();
        var refused = await staff.PostAsJsonAsync($"/api/worklogs/logs/{id}/amendments", new { text = "太早了" });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
    }
}
