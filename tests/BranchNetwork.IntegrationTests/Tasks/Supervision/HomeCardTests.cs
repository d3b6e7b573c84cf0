using System.Text.RegularExpressions;
using BranchNetwork.IntegrationTests.Assessment;
using BranchNetwork.IntegrationTests.Identity;
using BranchNetwork.Modules.Tasks.Domain;
using BranchNetwork.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace BranchNetwork.IntegrationTests.Tasks.Supervision;

/// <summary>SPEC §9 for the Tasks module: the home cards show live figures to their roles only.</summary>
[Trait("Spec", "TK-4")]
public sealed partial class HomeCardTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    [Fact]
    public async Task The_home_page_shows_my_week_team_overdue_plan_state_and_plans_to_review_as_live_figures_to_their_roles()
    {
        app.EnsureAvailable();
        var before = (
            Staff: await FigureAsync("staff0101", "TasksMyWeek"),
            Overdue: await FigureAsync("head01", "TasksTeamOverdue"),
            Review: await FigureAsync("supervisor", "TasksPlansToReview"));
        var (remaining, all) = MyWeek(before.Staff);

        var scheme = await AssessmentApi.PublishedSchemeAsync(app, [("走访客户", 100m, false)]);
        var staff = await SupervisionData.PersonAsync(app, "staff0101");
        var week = SupervisionData.ThisWeek(app);
        var plan = await SupervisionData.PlanAsync(app, scheme, "SB01");
        _ = await SupervisionData.PlanAsync(app, scheme, "SB02", PlanState.Submitted);
        var done = await SupervisionData.TaskAsync(app, plan, week, "已核销任务", week.Start.AddDays(4), 1m, staff);
        _ = await SupervisionData.TaskAsync(app, plan, week, "逾期任务", AssessmentApi.Today(app).AddDays(-1), 1m, staff);
        _ = await SupervisionData.TaskAsync(app, plan, week, "本周任务", week.Start.AddDays(4), 1m, staff);
        await SupervisionData.WriteOffAsync(app, done, 1m, staff);

        Assert.Equal($"{remaining + 2} / {all + 3}", await FigureAsync("staff0101", "TasksMyWeek"));
        Assert.Equal(int.Parse(before.Overdue, System.Globalization.CultureInfo.InvariantCulture) + 1, int.Parse(await FigureAsync("head01", "TasksTeamOverdue"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(int.Parse(before.Review, System.Globalization.CultureInfo.InvariantCulture) + 1, int.Parse(await FigureAsync("supervisor", "TasksPlansToReview"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(await FigureAsync("head01", "TasksPlanState"), new[] { "未编制", "草稿", "待审核", "已退回", "已通过" });

        // Each card to its role only.
        var supervisorHome = await HomeAsync("supervisor");
        Assert.DoesNotContain("home-card-TasksMyWeek", supervisorHome, StringComparison.Ordinal);
        Assert.DoesNotContain("home-card-TasksTeamOverdue", supervisorHome, StringComparison.Ordinal);
        var staffHome = await HomeAsync("staff0101");
        Assert.DoesNotContain("home-card-TasksPlansToReview", staffHome, StringComparison.Ordinal);
        Assert.DoesNotContain("home-card-TasksPlanState", staffHome, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_card_with_nothing_to_count_shows_zero_and_says_so()
    {
        app.EnsureAvailable();
        var home = await HomeAsync("head02");
        var card = home.IndexOf("data-testid=\"home-card-TasksMyWeek\"", StringComparison.Ordinal);
        Assert.True(card >= 0, "no my-week card on head02's home page");
        Assert.Equal("0", Figure(home, "TasksMyWeek"));
        Assert.Contains("本周没有分配给我的任务", home[card..], StringComparison.Ordinal);
    }

    private static (int Remaining, int All) MyWeek(string figure) =>
        figure == "0" ? (0, 0) : (int.Parse(figure.Split(" / ")[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(figure.Split(" / ")[1], System.Globalization.CultureInfo.InvariantCulture));

    private async Task<string> FigureAsync(string user, string cardKey) => Figure(await HomeAsync(user), cardKey);

    private static string Figure(string home, string cardKey)
    {
        var card = home.IndexOf($"data-testid=\"home-card-{cardKey}\"", StringComparison.Ordinal);
        Assert.True(card >= 0, $"no {cardKey} card");
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
