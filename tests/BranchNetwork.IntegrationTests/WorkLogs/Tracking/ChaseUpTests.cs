using BranchNetwork.Modules.WorkLogs.Domain;
using BranchNetwork.Testing;

namespace BranchNetwork.IntegrationTests.WorkLogs.Tracking;

/// <summary>WL-2: 跟催 at 18:00 to whoever has not submitted, once per person per day; the heads' missing digest at 20:00.</summary>
[Trait("Spec", "WL-2")]
public sealed class ChaseUpTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    [Fact]
    public async Task At_18_00_everyone_without_a_submitted_log_is_chased_once_and_at_20_00_each_head_gets_who_is_missing()
    {
        app.EnsureAvailable();
        var today = TrackingData.Today(app);
        var submitted = await TrackingData.MemberAsync(app, "staff0101");
        var drafting = await TrackingData.MemberAsync(app, "staff0102");
        var head01 = await TrackingData.MemberAsync(app, "head01");
        TrackingData.MoveTo(app, 10);
        await TrackingData.LogAsync(app, submitted);
        await TrackingData.LogAsync(app, drafting, submit: false);

        // 18:00, two nodes at the same minute: between them each person is chased exactly once.
        TrackingData.MoveTo(app, 18);
        var runs = await Task.WhenAll(TrackingData.ChaseUpAsync(app), TrackingData.ChaseUpAsync(app));
        Assert.All(runs, r => Assert.False(r.Skipped));
        var chased = (await TrackingData.ChasesAsync(app, today)).Where(c => c.Kind == ChaseKind.ChaseUp).Select(c => c.UserId).ToList();
        Assert.Equal(chased.Count, runs.Sum(r => r.Notified));
        Assert.Equal(chased.Distinct().Count(), chased.Count);
        Assert.Contains(drafting.Id, chased);
        Assert.Contains(head01.Id, chased);
        Assert.DoesNotContain(submitted.Id, chased);
        await Eventually.WaitAsync(() => TrackingData.InboxAsync(app, "staff0102"), i => i.Any(n => n.Title == "2026-05-27 的工作日志还未提交"), "staff0102's chase-up");
        Assert.DoesNotContain(await TrackingData.InboxAsync(app, "staff0101"), n => n.Title.EndsWith("的工作日志还未提交", StringComparison.Ordinal));

        // A retry the same day sends nothing more.
        Assert.Equal(0, (await TrackingData.ChaseUpAsync(app)).Notified);
        Assert.Equal(chased.Count, (await TrackingData.ChasesAsync(app, today)).Count(c => c.Kind == ChaseKind.ChaseUp));

        // 20:00: each head hears who of the sub-branch is missing, by display name, once.
        TrackingData.MoveTo(app, 20);
        var digests = await Task.WhenAll(TrackingData.MissingDigestAsync(app), TrackingData.MissingDigestAsync(app));
        var told = (await TrackingData.ChasesAsync(app, today)).Where(c => c.Kind == ChaseKind.MissingDigest).Select(c => c.UserId).ToList();
        Assert.Equal([head01.Id], told.Where(id => id == head01.Id));
        Assert.Equal(told.Count, digests.Sum(d => d.Notified));
        var digest = await Eventually.WaitAsync(
            () => TrackingData.InboxAsync(app, "head01"),
            i => i.Any(n => n.Title.StartsWith("2026-05-27 有", StringComparison.Ordinal) && n.Title.EndsWith("人未提交工作日志", StringComparison.Ordinal)),
            "head01's missing digest");
        var body = digest.Single(n => n.Title.EndsWith("人未提交工作日志", StringComparison.Ordinal)).Body;
        Assert.Contains("支行01员工2", body, StringComparison.Ordinal);
        Assert.Contains("支行01部门经理", body, StringComparison.Ordinal);
        Assert.DoesNotContain("支行01员工1、", body + "、", StringComparison.Ordinal);
        Assert.DoesNotContain("staff0102", body, StringComparison.Ordinal);
        var head02 = await Eventually.WaitAsync(() => TrackingData.InboxAsync(app, "head02"), i => i.Any(n => n.Title.EndsWith("人未提交工作日志", StringComparison.Ordinal)), "head02's digest");
        Assert.DoesNotContain("支行01", head02.Single(n => n.Title.EndsWith("人未提交工作日志", StringComparison.Ordinal)).Body, StringComparison.Ordinal);
        Assert.DoesNotContain(await TrackingData.InboxAsync(app, "staff0102"), n => n.Title.EndsWith("人未提交工作日志", StringComparison.Ordinal));

        Assert.Equal(0, (await TrackingData.MissingDigestAsync(app)).Notified);
    }
}

/// <summary>A bank calendar where Wednesday 27 May 2026 is a holiday and Saturday 30 May a make-up working day (调休).</summary>
public sealed class HolidayAndMakeUpDayFactory : BranchNetworkFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["BankCalendar:Years:2026:Holidays:0"] = "2026-05-27",
        ["BankCalendar:Years:2026:WorkingDays:0"] = "2026-05-30",
    };
}

[Trait("Spec", "WL-2")]
public sealed class ChaseUpHolidayTests(HolidayAndMakeUpDayFactory app) : IClassFixture<HolidayAndMakeUpDayFactory>
{
    [Fact]
    public async Task A_holiday_chases_nobody_and_a_make_up_Saturday_chases_as_a_working_day()
    {
        app.EnsureAvailable();
        var staff = await TrackingData.MemberAsync(app, "staff0101");
        var holiday = new DateOnly(2026, 5, 27);
        var makeUp = new DateOnly(2026, 5, 30);

        TrackingData.MoveTo(app, 18);
        Assert.Equal(holiday, TrackingData.Today(app));
        var chase = await TrackingData.ChaseUpAsync(app);
        Assert.Equal((holiday, true, 0), (chase.Day, chase.Skipped, chase.Notified));
        TrackingData.MoveTo(app, 20);
        Assert.True((await TrackingData.MissingDigestAsync(app)).Skipped);
        Assert.Empty(await TrackingData.ChasesAsync(app, holiday));
        var day = await (await TrackingData.ClientAsync(app, "head01")).SubmissionsAsync($"day={TrackingData.Day(holiday)}");
        Assert.False(day.GetProperty("isWorkingDay").GetBoolean());
        Assert.Equal(0, day.GetProperty("totals").GetProperty("missing").GetInt32());

        TrackingData.MoveTo(app, makeUp, 18);
        var saturday = await TrackingData.ChaseUpAsync(app);
        Assert.Equal((makeUp, false), (saturday.Day, saturday.Skipped));
        Assert.True(saturday.Notified > 0);
        Assert.Contains((staff.Id, ChaseKind.ChaseUp), await TrackingData.ChasesAsync(app, makeUp));
        var onSaturday = await (await TrackingData.ClientAsync(app, "head01")).SubmissionsAsync($"day={TrackingData.Day(makeUp)}");
        Assert.True(onSaturday.GetProperty("isWorkingDay").GetBoolean());
        Assert.Equal("Pending", onSaturday.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("userId").GetGuid() == staff.Id).GetProperty("status").GetString());

        // The month's rate leaves the holiday out and counts the make-up Saturday once its cut-off has passed.
        TrackingData.MoveTo(app, makeUp, 21);
        var rates = await (await TrackingData.ClientAsync(app, "head01")).RatesAsync("month=2026-05");
        var days = rates.GetProperty("workingDays").EnumerateArray().Select(d => d.GetString()).ToList();
        Assert.DoesNotContain("2026-05-27", days);
        Assert.Contains("2026-05-30", days);
    }
}
