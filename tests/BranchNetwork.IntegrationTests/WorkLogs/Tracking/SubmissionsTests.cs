using System.Net;
using System.Text.Json;
using BranchNetwork.Testing;

namespace BranchNetwork.IntegrationTests.WorkLogs.Tracking;

/// <summary>WL-2: the day's submissions — on time, late, missing (pending before the cut-off) — per member and per sub-branch.</summary>
[Trait("Spec", "WL-2")]
public sealed class SubmissionsTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    [Fact]
    public async Task The_day_shows_each_member_on_time_late_or_missing_missing_first_and_head_office_counts_per_sub_branch()
    {
        app.EnsureAvailable();
        var today = TrackingData.Today(app);
        var (onTime, drafting, late) = (
            await TrackingData.MemberAsync(app, "staff0101"),
            await TrackingData.MemberAsync(app, "staff0102"),
            await TrackingData.MemberAsync(app, "staff0103"));
        var head01 = await TrackingData.ClientAsync(app, "head01");
        var sb01 = await TrackingData.SubBranchIdAsync(app, "SB01");

        // 10:00: one submits, one keeps a draft; before the 20:00 cut-off nobody is missing yet, only pending.
        TrackingData.MoveTo(app, 10);
        await TrackingData.LogAsync(app, onTime);
        await TrackingData.LogAsync(app, drafting, submit: false);
        var morning = await head01.SubmissionsAsync($"day={TrackingData.Day(today)}");
        Assert.True(morning.GetProperty("isWorkingDay").GetBoolean());
        Assert.False(morning.GetProperty("pastCutOff").GetBoolean());
        Assert.Equal(sb01, morning.GetProperty("subBranch").GetProperty("id").GetGuid());
        var members = morning.GetProperty("members").EnumerateArray().ToList();
        Assert.Equal("OnTime", Status(morning, onTime.Id));
        Assert.Equal("Pending", Status(morning, drafting.Id));
        Assert.True(Row(morning, drafting.Id).GetProperty("hasDraft").GetBoolean());
        Assert.Equal(0, morning.GetProperty("totals").GetProperty("missing").GetInt32());
        Assert.Equal(members.Count - 1, morning.GetProperty("totals").GetProperty("pending").GetInt32());
        Assert.Equal(members.Count, morning.GetProperty("totals").GetProperty("expected").GetInt32());
        Assert.Contains(members, m => m.GetProperty("displayName").GetString() == "支行01行长");

        // 21:00: past the cut-off, a submission is late and whoever has not submitted is missing — listed first.
        TrackingData.MoveTo(app, 21);
        await TrackingData.LogAsync(app, late);
        var evening = await (await TrackingData.ClientAsync(app, "head01")).SubmissionsAsync($"day={TrackingData.Day(today)}&subBranchId={sb01}");
        Assert.True(evening.GetProperty("pastCutOff").GetBoolean());
        Assert.Equal("OnTime", Status(evening, onTime.Id));
        Assert.Equal("Late", Status(evening, late.Id));
        Assert.Equal("Missing", Status(evening, drafting.Id));
        Assert.NotEqual(JsonValueKind.Null, Row(evening, late.Id).GetProperty("submittedAtUtc").ValueKind);
        Assert.NotEqual(JsonValueKind.Null, Row(evening, late.Id).GetProperty("logId").ValueKind);
        Assert.Equal(JsonValueKind.Null, Row(evening, drafting.Id).GetProperty("logId").ValueKind);
        var statuses = evening.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("status").GetString()).ToList();
        Assert.Equal(members.Count - 2, statuses.TakeWhile(s => s == "Missing").Count());
        var totals = evening.GetProperty("totals");
        Assert.Equal((members.Count, 1, 1, members.Count - 2, 0), (totals.GetProperty("expected").GetInt32(), totals.GetProperty("onTime").GetInt32(), totals.GetProperty("late").GetInt32(), totals.GetProperty("missing").GetInt32(), totals.GetProperty("pending").GetInt32()));

        // A draft submitted after the cut-off counts late from then on.
        await TrackingData.SubmitDraftAsync(app, drafting);
        Assert.Equal("Late", Status(await (await TrackingData.ClientAsync(app, "head01")).SubmissionsAsync($"day={TrackingData.Day(today)}"), drafting.Id));

        // Head office without a sub-branch: a line per sub-branch with its counts; 支行01's as the head sees them.
        var overview = await (await TrackingData.ClientAsync(app, "supervisor")).SubmissionsAsync($"day={TrackingData.Day(today)}");
        Assert.Empty(overview.GetProperty("members").EnumerateArray());
        var lines = overview.GetProperty("subBranches").EnumerateArray().ToList();
        Assert.True(lines.Count >= 2);
        var line = lines.Single(l => l.GetProperty("subBranchId").GetGuid() == sb01).GetProperty("counts");
        Assert.Equal((members.Count, 1, 2, members.Count - 3), (line.GetProperty("expected").GetInt32(), line.GetProperty("onTime").GetInt32(), line.GetProperty("late").GetInt32(), line.GetProperty("missing").GetInt32()));
        Assert.Equal(lines.Sum(l => l.GetProperty("counts").GetProperty("missing").GetInt32()), overview.GetProperty("totals").GetProperty("missing").GetInt32());
        var sb02 = lines.Single(l => l.GetProperty("code").GetString() == "SB02").GetProperty("counts");
        Assert.Equal(sb02.GetProperty("expected").GetInt32(), sb02.GetProperty("missing").GetInt32());

        // The head office supervisor drills into 支行01 and sees the same people.
        var drill = await (await TrackingData.ClientAsync(app, "supervisor")).SubmissionsAsync($"day={TrackingData.Day(today)}&subBranchId={sb01}");
        Assert.Equal(members.Count, drill.GetProperty("members").GetArrayLength());
    }

    [Fact]
    public async Task A_day_that_is_not_a_working_day_says_so_and_nobody_is_missing()
    {
        app.EnsureAvailable();
        var saturday = new DateOnly(2026, 5, 23);
        var day = await (await TrackingData.ClientAsync(app, "head01")).SubmissionsAsync($"day={TrackingData.Day(saturday)}");
        Assert.False(day.GetProperty("isWorkingDay").GetBoolean());
        Assert.Equal(0, day.GetProperty("totals").GetProperty("expected").GetInt32());
        Assert.Equal(0, day.GetProperty("totals").GetProperty("missing").GetInt32());
        Assert.All(day.GetProperty("members").EnumerateArray(), m => Assert.Equal("NotRequired", m.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Only_the_sub_branchs_managers_and_head_office_supervisors_see_its_submissions()
    {
        app.EnsureAvailable();
        var sb01 = await TrackingData.SubBranchIdAsync(app, "SB01");
        var sb02 = await TrackingData.SubBranchIdAsync(app, "SB02");
        var today = TrackingData.Day(TrackingData.Today(app));

        Assert.Equal(HttpStatusCode.NotFound, (await (await TrackingData.ClientAsync(app, "head02")).GetAsync($"/api/worklogs/submissions?day={today}&subBranchId={sb01}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await TrackingData.ClientAsync(app, "manager01")).GetAsync($"/api/worklogs/rates?subBranchId={sb02}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await TrackingData.ClientAsync(app, "staff0101")).GetAsync("/api/worklogs/submissions")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await TrackingData.ClientAsync(app, "auditor")).GetAsync("/api/worklogs/rates")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await TrackingData.ClientAsync(app, "supervisor")).GetAsync($"/api/worklogs/submissions?subBranchId={Guid.NewGuid()}")).StatusCode);

        // Without a sub-branch a manager sees their own.
        var own = await (await TrackingData.ClientAsync(app, "head02")).SubmissionsAsync("");
        Assert.Equal(sb02, own.GetProperty("subBranch").GetProperty("id").GetGuid());
        Assert.DoesNotContain(sb01.ToString(), own.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_future_day_or_a_malformed_date_or_month_is_refused_field_by_field()
    {
        app.EnsureAvailable();
        var head01 = await TrackingData.ClientAsync(app, "head01");
        foreach (var url in new[] { "/api/worklogs/submissions?day=2099-01-01", "/api/worklogs/submissions?day=27-05-2026", "/api/worklogs/rates?month=2026-13", "/api/worklogs/rates?month=2099-01" })
        {
            var response = await head01.GetAsync(url);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            Assert.Contains(url.Contains("month", StringComparison.Ordinal) ? "\"month\"" : "\"day\"", body, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static JsonElement Row(JsonElement day, Guid userId) =>
        day.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("userId").GetGuid() == userId);

    private static string? Status(JsonElement day, Guid userId) => Row(day, userId).GetProperty("status").GetString();
}
