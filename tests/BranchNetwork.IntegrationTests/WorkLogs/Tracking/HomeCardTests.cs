using System.Text.RegularExpressions;
using BranchNetwork.IntegrationTests.Identity;
using BranchNetwork.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace BranchNetwork.IntegrationTests.WorkLogs.Tracking;

/// <summary>SPEC §9 for the WorkLogs module: today's log, the head's missing count and head office's submitted/expected as live figures.</summary>
[Trait("Spec", "WL-2")]
public sealed partial class HomeCardTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    [Fact]
    public async Task The_home_page_shows_my_log_today_the_teams_missing_logs_and_the_branchs_submissions_as_live_figures_to_their_roles()
    {
        app.EnsureAvailable();
        TrackingData.MoveTo(app, 10);
        var staff = await TrackingData.MemberAsync(app, "staff0101");
        var other = await TrackingData.MemberAsync(app, "staff0102");
        var missingBefore = Count(await FigureAsync("head01", "WorkLogsMissingToday"));
        var (submittedBefore, expected) = Fraction(await FigureAsync("supervisor", "WorkLogsSubmittedToday"));
        Assert.Equal("未填写", await FigureAsync("staff0101", "WorkLogsMyToday"));
        Assert.True(missingBefore >= 7);
        Assert.True(expected >= missingBefore);

        await TrackingData.LogAsync(app, staff, submit: false);
        Assert.Equal("草稿", await FigureAsync("staff0101", "WorkLogsMyToday"));
        Assert.Equal(missingBefore, Count(await FigureAsync("head01", "WorkLogsMissingToday")));

        await TrackingData.SubmitDraftAsync(app, staff);
        Assert.Equal("已提交 · 按时", await FigureAsync("staff0101", "WorkLogsMyToday"));
        Assert.Equal(missingBefore - 1, Count(await FigureAsync("head01", "WorkLogsMissingToday")));
        Assert.Equal((submittedBefore + 1, expected), Fraction(await FigureAsync("supervisor", "WorkLogsSubmittedToday")));

        TrackingData.MoveTo(app, 21);
        await TrackingData.LogAsync(app, other);
        Assert.Equal("已提交 · 迟交", await FigureAsync("staff0102", "WorkLogsMyToday"));
        Assert.Equal(missingBefore - 2, Count(await FigureAsync("head01", "WorkLogsMissingToday")));

        // Each card to its role only, linking where to act.
        var supervisorHome = await HomeAsync("supervisor");
        Assert.DoesNotContain("home-card-WorkLogsMyToday", supervisorHome, StringComparison.Ordinal);
        Assert.DoesNotContain("home-card-WorkLogsMissingToday", supervisorHome, StringComparison.Ordinal);
        var staffHome = await HomeAsync("staff0101");
        Assert.DoesNotContain("home-card-WorkLogsMissingToday", staffHome, StringComparison.Ordinal);
        Assert.DoesNotContain("home-card-WorkLogsSubmittedToday", staffHome, StringComparison.Ordinal);
        Assert.Contains("/worklogs/today", staffHome, StringComparison.Ordinal);
        Assert.Contains("/worklogs/tracking", await HomeAsync("head01"), StringComparison.Ordinal);
    }

    private static int Count(string figure) => int.Parse(figure, System.Globalization.CultureInfo.InvariantCulture);

    private static (int Submitted, int Expected) Fraction(string figure) => (Count(figure.Split(" / ")[0]), Count(figure.Split(" / ")[1]));

    private async Task<string> FigureAsync(string user, string cardKey)
    {
        var home = await HomeAsync(user);
        var card = home.IndexOf($"data-testid=\"home-card-{cardKey}\"", StringComparison.Ordinal);
        Assert.True(card >= 0, $"no {cardKey} card for {user}");
        var match = FigurePattern().Match(home[card..]);
        Assert.True(match.Success, $"no figure on the {cardKey} card");
        return System.Net.WebUtility.HtmlDecode(match.Groups[1].Value).Trim();
    }

    private async Task<string> HomeAsync(string user)
    {
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await CookieSignIn.LoginAsync(browser, user, BranchNetworkFactory.DemoPassword);
        return await browser.GetStringAsync("/");
    }

    [GeneratedRegex("data-testid=\"home-card-figure\"[^>]*>([^<]*)<")]
    private static partial Regex FigurePattern();
}
