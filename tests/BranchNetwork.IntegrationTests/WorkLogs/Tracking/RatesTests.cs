using System.Text.Json;
using BranchNetwork.Testing;

namespace BranchNetwork.IntegrationTests.WorkLogs.Tracking;

/// <summary>WL-2: the month's submission rates per person, team and sub-branch over the bank calendar's working days.</summary>
[Trait("Spec", "WL-2")]
public sealed class RatesTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    [Fact]
    public async Task The_month_counts_working_days_up_to_today_per_person_team_and_sub_branch_with_late_apart()
    {
        app.EnsureAvailable();
        // New members of 支行01's team: no one else's logs or demo data touch them.
        var onTime = await TrackingData.NewMemberAsync(app, "SB01-T1", "统计甲");
        var late = await TrackingData.NewMemberAsync(app, "SB01-T1", "统计乙");
        var none = await TrackingData.NewMemberAsync(app, "SB01-T1", "统计丙");
        var sb01 = await TrackingData.SubBranchIdAsync(app, "SB01");
        var month = $"{TrackingData.Today(app):yyyy-MM}";

        // Wednesday 27 May 10:00: 1–26 May has 18 working days (weekdays, no holiday configured); today is not counted
        // before its 20:00 cut-off, so a log submitted this morning is not in the rate yet.
        TrackingData.MoveTo(app, 10);
        await TrackingData.LogAsync(app, onTime);
        var morning = await (await TrackingData.ClientAsync(app, "head01")).RatesAsync($"month={month}");
        Assert.Equal(18, morning.GetProperty("workingDays").GetArrayLength());
        Assert.Equal((18, 0, 0, 18), Figures(Person(morning, onTime.Id)));

        TrackingData.MoveTo(app, 21);
        await TrackingData.LogAsync(app, late);
        var evening = await (await TrackingData.ClientAsync(app, "head01")).RatesAsync($"month={month}&subBranchId={sb01}");
        Assert.Equal(19, evening.GetProperty("workingDays").GetArrayLength());
        Assert.Equal("2026-05-27", evening.GetProperty("workingDays")[18].GetString());
        Assert.DoesNotContain(evening.GetProperty("workingDays").EnumerateArray(), d => d.GetString() == "2026-05-23");
        Assert.Equal((19, 1, 0, 18), Figures(Person(evening, onTime.Id)));
        Assert.Equal((19, 0, 1, 18), Figures(Person(evening, late.Id)));
        Assert.Equal((19, 0, 0, 19), Figures(Person(evening, none.Id)));
        Assert.Equal(0.0526m, Person(evening, onTime.Id).GetProperty("figures").GetProperty("rate").GetDecimal());
        Assert.Equal(0.0526m, Person(evening, late.Id).GetProperty("figures").GetProperty("rate").GetDecimal());
        Assert.Equal(0m, Person(evening, late.Id).GetProperty("figures").GetProperty("onTimeRate").GetDecimal());
        Assert.Equal("支行01营销团队", Person(evening, none.Id).GetProperty("teamName").GetString());

        // Weakest first, and every level adds up: people → their team → the sub-branch.
        var people = evening.GetProperty("people").EnumerateArray().ToList();
        var rates = people.Select(p => p.GetProperty("figures").GetProperty("rate").GetDecimal()).ToList();
        Assert.Equal(rates.Order().ToList(), rates);
        foreach (var team in evening.GetProperty("teams").EnumerateArray())
        {
            var members = people.Where(p => p.GetProperty("unitId").GetGuid() == team.GetProperty("unitId").GetGuid()).ToList();
            Assert.Equal(members.Count, team.GetProperty("members").GetInt32());
            Assert.Equal(Sum(members), Figures(team));
        }

        var line = evening.GetProperty("subBranches").EnumerateArray().Single();
        Assert.Equal(sb01, line.GetProperty("subBranchId").GetGuid());
        Assert.Equal(Sum(people), Figures(line));

        // Head office sees every sub-branch and team (no people), 支行01's line as its head sees it.
        var all = await (await TrackingData.ClientAsync(app, "supervisor")).RatesAsync($"month={month}");
        Assert.Empty(all.GetProperty("people").EnumerateArray());
        Assert.True(all.GetProperty("subBranches").GetArrayLength() >= 2);
        Assert.Equal(Figures(line), Figures(all.GetProperty("subBranches").EnumerateArray().Single(s => s.GetProperty("subBranchId").GetGuid() == sb01)));
        var team01 = evening.GetProperty("teams").EnumerateArray().Single(t => t.GetProperty("name").GetString() == "支行01营销团队");
        Assert.Equal(Figures(team01), Figures(all.GetProperty("teams").EnumerateArray().Single(t => t.GetProperty("unitId").GetGuid() == team01.GetProperty("unitId").GetGuid())));
    }

    private static JsonElement Person(JsonElement rates, Guid userId) =>
        rates.GetProperty("people").EnumerateArray().Single(p => p.GetProperty("userId").GetGuid() == userId);

    private static (int Expected, int OnTime, int Late, int Missing) Figures(JsonElement row)
    {
        var f = row.GetProperty("figures");
        return (f.GetProperty("expected").GetInt32(), f.GetProperty("onTime").GetInt32(), f.GetProperty("late").GetInt32(), f.GetProperty("missing").GetInt32());
    }

    private static (int, int, int, int) Sum(IEnumerable<JsonElement> rows)
    {
        var all = rows.Select(Figures).ToList();
        return (all.Sum(f => f.Expected), all.Sum(f => f.OnTime), all.Sum(f => f.Late), all.Sum(f => f.Missing));
    }
}
