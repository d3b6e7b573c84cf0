using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.WorkLogs.Data;
using BranchNetwork.Modules.WorkLogs.Domain;
using BranchNetwork.Modules.WorkLogs.Features.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BranchNetwork.E2ETests.WorkLogs.Reading;

/// <summary>
/// WL-3 in Chromium: staff0101 keeps her submitted log open on a phone; head01 finds it in 查阅日志 and opens it —
/// the read receipt appears on staff0101's page without a reload — then comments and likes it, and staff0101's page
/// shows the comment too. The log is written through the domain (the writing pages are another area's).
/// </summary>
public sealed class ReadingPagesTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    [Trait("Spec", "WL-3")]
    public async Task The_author_sees_the_heads_read_and_comment_arrive_live_while_the_head_likes_the_log()
    {
        app.RequireBrowser();
        var logId = await SubmittedLogAsync("staff0101", "走访代发工资企业2户，营销理财产品1笔");

        var staff = await app.SignedInPageAsync("staff0101", width: 390, height: 844);
        await staff.GotoAsync($"/worklogs/logs/{logId}");
        await BrowserApp.WaitForLiveCircuitAsync(staff);
        await staff.WaitForSelectorAsync("[data-testid=worklog-page][data-live=on]");
        await staff.Locator("[data-testid=worklog-reads]").WaitForAsync();
        Assert.Equal(0, await staff.Locator("[data-testid=worklog-read-row]").CountAsync());
        // A marker a reload would wipe.
        await staff.EvaluateAsync("() => window.__logNotReloaded = true");

        var head = await app.SignedInPageAsync("head01");
        await head.GotoAsync("/worklogs");
        await BrowserApp.WaitForLiveCircuitAsync(head);
        // Demo logs of earlier days are in the list too: this very log by its id.
        var row = head.Locator($"[data-testid=worklog-row][data-log-id=\"{logId}\"]");
        await row.WaitForAsync();
        await row.Locator("a").First.ClickAsync();
        await head.WaitForURLAsync($"**/worklogs/logs/{logId}");
        await BrowserApp.WaitForLiveCircuitAsync(head);
        await head.Locator("[data-testid=worklog-view-done]").Filter(new() { HasText = "走访代发工资企业" }).WaitForAsync();

        await staff.Locator("[data-testid=worklog-read-row]").Filter(new() { HasText = "支行01行长" }).WaitForAsync();
        Assert.True(await staff.EvaluateAsync<bool>("() => window.__logNotReloaded === true"), "The log page was reloaded.");

        await Field(head, "worklog-comment-input").FillAsync("客户拓展有成效，继续跟进理财需求");
        await head.ClickAsync("[data-testid=worklog-comment-send]");
        await head.Locator("[data-testid=worklog-comment]").Filter(new() { HasText = "继续跟进理财需求" }).WaitForAsync();
        await head.ClickAsync("[data-testid=worklog-like]");
        await head.Locator("[data-testid=worklog-like][data-liked=true]").Filter(new() { HasText = "1" }).WaitForAsync();

        await staff.Locator("[data-testid=worklog-comment]").Filter(new() { HasText = "继续跟进理财需求" }).WaitForAsync();
        Assert.True(await staff.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The log page scrolls sideways on a phone.");
    }

    private static ILocator Field(IPage page, string testId) =>
        page.Locator($"input[data-testid={testId}], textarea[data-testid={testId}], [data-testid={testId}] input, [data-testid={testId}] textarea").First;

    /// <summary>The user's submitted log of today (the app's clock), written through the domain's own transitions.</summary>
    private async Task<Guid> SubmittedLogAsync(string userName, string done)
    {
        using var scope = app.Services.CreateScope();
        var directory = scope.ServiceProvider.GetRequiredService<IOrganisationDirectory>();
        var members = await directory.ListActiveMembersAsync([.. (await directory.ListSubBranchesAsync()).Select(s => s.Id)]);
        var member = members.First(m => m.UserName == userName);
        var window = scope.ServiceProvider.GetRequiredService<WorkLogSettings>().Window;
        var clock = scope.ServiceProvider.GetRequiredService<BranchNetwork.SharedKernel.IClock>();
        var log = DailyLog.Start(new LogAuthor(member.UserId, member.DisplayName, member.InUnitId, member.UnitId), BranchNetwork.SharedKernel.BankCalendar.Today(clock), null, window, clock);
        log.Write(new LogContent(done, null, "明日继续走访", false, new Dictionary<string, string?>(), [], []), window, clock);
        log.Submit(window, clock);
        var db = scope.ServiceProvider.GetRequiredService<WorkLogsDbContext>();
        db.Logs.Add(log);
        await db.SaveChangesAsync();
        return log.Id;
    }
}
