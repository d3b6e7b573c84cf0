using System.Net;
using System.Net.Http.Json;
using BranchNetwork.IntegrationTests.Assessment;
using BranchNetwork.IntegrationTests.Identity;
using BranchNetwork.Testing;

namespace BranchNetwork.IntegrationTests.Home;

/// <summary>
/// SPEC §9: each role's home page shows the work waiting for it as live figures, each with a link to the item, counted
/// for the user's own sub-branch only when the user is a sub-branch head.
/// </summary>
[Trait("Spec", "AS-6")]
public sealed class HomeFigureTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    [Fact]
    public async Task A_head_sees_the_standing_with_ties_the_warnings_to_acknowledge_and_appeals_in_progress_of_the_own_sub_branch_only()
    {
        app.EnsureAvailable();
        var (before01, before02) = (await HomePage.ReadAsync(app, "head01"), await HomePage.ReadAsync(app, "head02"));
        var scheme = await AssessmentApi.PublishedSchemeAsync(app, [("存款", 50m, false), ("客户", 50m, false)]);
        var sb01 = scheme.SubBranches["SB01"];

        // Nobody has progress yet: every sub-branch ties at zero, both indicators behind time progress (50 %).
        var standing = await HomePage.CardAsync(app, "head01", "SheetStanding");
        Assert.Equal("0", standing.Figure);
        Assert.Contains($"{scheme.Name}：并列第 1 名，共 {scheme.SubBranches.Count} 家", standing.Caption, StringComparison.Ordinal);
        Assert.Contains("2 项指标落后于时间进度", standing.Caption, StringComparison.Ordinal);
        Assert.Equal($"/assessment/schemes/{scheme.Id}/sheets/{sb01}", standing.Link);

        var supervisor = await app.ClientForAsync("supervisor");
        foreach (var (kind, message) in new[] { ("Warning", "存款进度落后"), ("Warning", "客户拓展落后"), ("Prompt", "请提交本周工作方案") })
        {
            var issued = await supervisor.PostAsJsonAsync("/api/assessment/warnings", new { schemeId = scheme.Id, subBranchId = sb01, kind, message });
            Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        }

        var filed = await (await app.ClientForAsync("head01")).PostAsJsonAsync("/api/assessment/appeals", new
        {
            schemeId = scheme.Id,
            subBranchId = sb01,
            kind = "Target",
            indicatorId = scheme.Indicators["存款"],
            reason = "辖内最大企业客户搬迁",
            requestedValue = 80m,
        });
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);

        var home01 = await HomePage.ReadAsync(app, "head01");
        var warnings = HomePage.Card(home01, "OpenWarnings");
        Assert.Equal(HomePage.Card(before01, "OpenWarnings").Count + 3, warnings.Count);
        Assert.Contains($"{HomePage.Card(before01, "OpenWarnings").Count + 2} 条预警待签收，", warnings.Caption, StringComparison.Ordinal);
        Assert.Equal("/assessment/warnings", warnings.Link);
        var appeals = HomePage.Card(home01, "MyAppeals");
        Assert.Equal(HomePage.Card(before01, "MyAppeals").Count + 1, appeals.Count);
        Assert.Equal($"/assessment/schemes/{scheme.Id}/sheets/{sb01}", appeals.Link);

        // head02 sees none of it: the figures are of their own sub-branch.
        var home02 = await HomePage.ReadAsync(app, "head02");
        Assert.Equal(HomePage.Card(before02, "OpenWarnings").Figure, HomePage.Card(home02, "OpenWarnings").Figure);
        Assert.Equal(HomePage.Card(before02, "MyAppeals").Figure, HomePage.Card(home02, "MyAppeals").Figure);
        Assert.Equal($"/assessment/schemes/{scheme.Id}/sheets/{scheme.SubBranches["SB02"]}", HomePage.Card(home02, "SheetStanding").Link);
        Assert.DoesNotContain(sb01.ToString(), home02, StringComparison.Ordinal);

        // Progress on deposits: SB01 leads alone (50 × 60 % = 30) and only customers stay behind.
        Assert.Equal(HttpStatusCode.OK, (await supervisor.RecordAsync(scheme, "SB01", "存款", AssessmentApi.Today(app), 60m)).StatusCode);
        standing = await HomePage.CardAsync(app, "head01", "SheetStanding");
        Assert.Equal("30", standing.Figure);
        Assert.Contains($"{scheme.Name}：第 1 名，共 {scheme.SubBranches.Count} 家", standing.Caption, StringComparison.Ordinal);
        Assert.Contains("1 项指标落后于时间进度", standing.Caption, StringComparison.Ordinal);
        Assert.Contains("并列第 2 名", (await HomePage.CardAsync(app, "head02", "SheetStanding")).Caption, StringComparison.Ordinal);

        // The head office cards are not a head's.
        Assert.False(HomePage.Has(home01, "AppealsToDecide"));
        Assert.False(HomePage.Has(home01, "UnansweredWarnings"));
    }

    [Fact]
    public async Task The_task_admin_sees_drafts_and_the_target_cells_they_miss_until_filled()
    {
        app.EnsureAvailable();
        var before = await HomePage.ReadAsync(app, "taskadmin");
        var admin = await app.ClientForAsync("taskadmin");
        var indicator = await admin.CreateIndicatorAsync(AssessmentApi.Unique("IND"), "对公存款");
        var today = AssessmentApi.Today(app);
        var created = await admin.CreateSchemeAsync(AssessmentApi.Unique("草稿"), today, today.AddDays(30), (indicator, 100m));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var schemeId = (await created.JsonAsync()).GetProperty("id").GetGuid();
        var subs = await AssessmentApi.SubBranchesAsync(app);

        var home = await HomePage.ReadAsync(app, "taskadmin");
        Assert.Equal(HomePage.Card(before, "DraftSchemes").Count + 1, HomePage.Card(home, "DraftSchemes").Count);
        var missing = HomePage.Card(home, "TargetsMissing");
        Assert.Equal(HomePage.Card(before, "TargetsMissing").Count + subs.Count, missing.Count);
        Assert.Contains("个草稿方案尚缺目标", missing.Caption, StringComparison.Ordinal);
        if (HomePage.Card(before, "TargetsMissing").Count == 0)
        {
            Assert.Equal($"/assessment/schemes/{schemeId}/edit", missing.Link);
        }

        var cells = subs.Values.Select(s => new { subBranchId = s, indicatorId = indicator, value = 100m }).ToArray();
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/assessment/schemes/{schemeId}/targets", new { cells })).StatusCode);
        Assert.Equal(HomePage.Card(before, "TargetsMissing").Count, (await HomePage.CardAsync(app, "taskadmin", "TargetsMissing")).Count);
        Assert.False(HomePage.Has(await HomePage.ReadAsync(app, "supervisor"), "TargetsMissing"));
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task Every_roles_home_page_names_its_cards_in_the_readers_language(string culture)
    {
        app.EnsureAvailable();
        foreach (var user in new[] { "head01", "supervisor", "taskadmin", "auditor", "admin", "staff0101" })
        {
            var browser = await HomePage.BrowserAsync(app, user);
            Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync(new Uri($"/culture/set?culture={culture}&redirectUri=/", UriKind.Relative))).StatusCode);
            var home = await browser.GetStringAsync(new Uri("/", UriKind.Relative));
            Assert.Contains("data-testid=\"home-card-", home, StringComparison.Ordinal);
            // A resource key on screen ("Card_LastImport_Title") is a card whose title or caption was never written.
            Assert.DoesNotMatch("Card_[A-Za-z]+_", home);
        }
    }

    [Fact]
    [Trait("Spec", "AU-4")]
    public async Task The_auditor_sees_recent_denials_and_failed_sign_ins()
    {
        app.EnsureAvailable();
        var before = await HomePage.CardAsync(app, "auditor", "Denials");
        _ = await CookieSignIn.LoginAsync(app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }), "staff0101", "not-the-password");
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientForAsync("staff0101")).GetAsync("/api/platform/outbox/parked")).StatusCode);

        var after = await Eventually.WaitAsync(() => HomePage.CardAsync(app, "auditor", "Denials"), c => c.Count >= before.Count + 2, "the denial and the failed sign-in on the auditor's card");
        Assert.Matches("^拒绝访问 [0-9,]+ 次，登录失败 [0-9,]+ 次（近 7 天）$", after.Caption);
        Assert.Equal("/audit/access-log", after.Link);
        Assert.False(HomePage.Has(await HomePage.ReadAsync(app, "admin"), "Denials"));
    }
}

/// <summary>SPEC §9 for head office: the supervisor's warnings unanswered past three days (the test moves the app's clock: a fixture of its own).</summary>
[Trait("Spec", "AS-7")]
public sealed class SupervisorHomeTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    [Fact]
    public async Task The_supervisor_sees_warnings_unanswered_past_three_days_and_the_appeals_to_decide()
    {
        app.EnsureAvailable();
        var before = await HomePage.ReadAsync(app, "supervisor");
        var scheme = await AssessmentApi.PublishedSchemeAsync(app, [("贷款", 100m, false)]);
        var supervisor = await app.ClientForAsync("supervisor");
        var issued = await supervisor.PostAsJsonAsync("/api/assessment/warnings", new { schemeId = scheme.Id, subBranchId = scheme.SubBranches["SB03"], kind = "Warning", message = "贷款进度落后" });
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var filed = await (await app.ClientForAsync("head03")).PostAsJsonAsync("/api/assessment/appeals", new { schemeId = scheme.Id, subBranchId = scheme.SubBranches["SB03"], kind = "Score", reason = "系统故障导致数据漏报", requestedValue = 5m });
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);

        var now = await HomePage.ReadAsync(app, "supervisor");
        var unanswered = HomePage.Card(now, "UnansweredWarnings");
        Assert.Equal(HomePage.Card(before, "UnansweredWarnings").Count, unanswered.Count);
        Assert.Contains("超过 3 天未签收", unanswered.Caption, StringComparison.Ordinal);
        Assert.Equal("/assessment/warnings", unanswered.Link);
        var appeals = HomePage.Card(now, "AppealsToDecide");
        Assert.Equal(HomePage.Card(before, "AppealsToDecide").Count + 1, appeals.Count);
        Assert.Matches("^/assessment/schemes/[0-9a-f-]{36}/sheets/[0-9a-f-]{36}$", appeals.Link);
        if (HomePage.Card(before, "AppealsToDecide").Count == 0)
        {
            Assert.Equal($"/assessment/schemes/{scheme.Id}/sheets/{scheme.SubBranches["SB03"]}", appeals.Link);
        }

        // Four days on, nobody has acknowledged: the warning is overdue.
        app.Clock.Advance(TimeSpan.FromDays(4));
        Assert.True(HomePage.Card(await HomePage.ReadAsync(app, "supervisor"), "UnansweredWarnings").Count >= HomePage.Card(before, "UnansweredWarnings").Count + 1);
        Assert.False(HomePage.Has(await HomePage.ReadAsync(app, "head03"), "AppealsToDecide"));
    }
}
