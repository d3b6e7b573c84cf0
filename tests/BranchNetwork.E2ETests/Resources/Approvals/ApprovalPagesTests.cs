using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Resources.Data;
using BranchNetwork.Modules.Resources.Domain;
using BranchNetwork.Modules.Resources.Features.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BranchNetwork.E2ETests.Resources.Approvals;

/// <summary>
/// RR-2 in Chromium: the supervisor finds head01's request in 待我审批 (the overdue one highlighted), opens it in place
/// and approves it — the row leaves the queue; on a phone the queue and the panel fit the screen. SystemAdmin renames a
/// step of the people route on 审批流程 and finds it saved after a reload. Requests are filed through the domain (filing
/// is another area's page).
/// </summary>
public sealed class ApprovalPagesTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    [Trait("Spec", "RR-2")]
    public async Task The_supervisor_decides_from_the_queue_on_a_desktop_and_on_a_phone()
    {
        app.RequireBrowser();
        var overdue = await SubmittedAsync("审批队列：营销旺季借调客户经理", ResourceKind.People, 2, startedDaysAgo: 6);
        var fresh = await SubmittedAsync("审批队列：网点点钞机", ResourceKind.Material, 3);

        var page = await app.SignedInPageAsync("supervisor", width: 1366, height: 900);
        await page.GotoAsync("/resources/approvals");
        await BrowserApp.WaitForLiveCircuitAsync(page);
        var row = Row(page, overdue);
        await row.WaitForAsync();
        Assert.Equal("true", await row.GetAttributeAsync("data-overdue"));
        Assert.Equal("false", await Row(page, fresh).GetAttributeAsync("data-overdue"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserApp.ScreenshotPath("resources-approvals-queue.png"), FullPage = true });

        await row.Locator("[data-testid=approval-queue-open]").ClickAsync();
        var panel = row.Locator("[data-testid=approval-panel]");
        await panel.Locator("[data-testid=approval-approve]").WaitForAsync();
        await Field(panel, "approval-comment").FillAsync("同意借调两周，请支行做好交接。");
        await panel.Locator("[data-testid=approval-approve]").ClickAsync();
        await Row(page, overdue).WaitForAsync(new() { State = WaitForSelectorState.Detached });

        var phone = await app.SignedInPageAsync("supervisor", width: 390, height: 844);
        await phone.GotoAsync("/resources/approvals");
        await BrowserApp.WaitForLiveCircuitAsync(phone);
        var phoneRow = Row(phone, fresh);
        await phoneRow.Locator("[data-testid=approval-queue-open]").ClickAsync();
        await phoneRow.Locator("[data-testid=approval-panel] [data-testid=approval-reject]").WaitForAsync();
        Assert.True(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The queue scrolls sideways on a phone.");
        await phone.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserApp.ScreenshotPath("resources-approvals-queue-390.png"), FullPage = true });

        // Rejecting asks first; the request leaves the queue once confirmed.
        await Field(phoneRow, "approval-comment").FillAsync("本季度物资预算已用完。");
        await phoneRow.Locator("[data-testid=approval-reject]").ClickAsync();
        await phone.Locator(".mud-dialog button:has-text('驳回')").ClickAsync();
        await Row(phone, fresh).WaitForAsync(new() { State = WaitForSelectorState.Detached });
    }

    [Fact]
    [Trait("Spec", "RR-2")]
    public async Task SystemAdmin_edits_a_route_and_it_is_kept()
    {
        app.RequireBrowser();
        var page = await app.SignedInPageAsync("admin", width: 1366, height: 900);
        await page.GotoAsync("/resources/routes");
        await BrowserApp.WaitForLiveCircuitAsync(page);
        var people = page.Locator("[data-testid=route-card][data-kind=People]");
        var name = Field(people.Locator("[data-testid=route-step]").First, "route-step-name");
        await name.WaitForAsync();
        await name.FillAsync("分行督导审批（修订）");
        await people.Locator("[data-testid=route-save]").ClickAsync();
        await page.Locator(".mud-snackbar").Filter(new() { HasText = "审批流程已保存" }).WaitForAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserApp.ScreenshotPath("resources-approvals-routes.png"), FullPage = true });

        var phone = await app.SignedInPageAsync("admin", width: 390, height: 844);
        await phone.GotoAsync("/resources/routes");
        await BrowserApp.WaitForLiveCircuitAsync(phone);
        var kept = Field(phone.Locator("[data-testid=route-card][data-kind=People] [data-testid=route-step]").First, "route-step-name");
        await kept.WaitForAsync();
        Assert.Equal("分行督导审批（修订）", await kept.InputValueAsync());
        Assert.True(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The routes page scrolls sideways on a phone.");
        await phone.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserApp.ScreenshotPath("resources-approvals-routes-390.png"), FullPage = true });
    }

    private static ILocator Row(IPage page, Guid id) => page.Locator($"[data-testid=approval-queue-row][data-request-id=\"{id}\"]");

    private static ILocator Field(ILocator scope, string testId) =>
        scope.Locator($"input[data-testid={testId}], textarea[data-testid={testId}], [data-testid={testId}] input, [data-testid={testId}] textarea").First;

    /// <summary>head01's request, submitted now (or days ago) on a one-step route deciding at the supervisor's step.</summary>
    private async Task<Guid> SubmittedAsync(string title, ResourceKind kind, decimal asked, int startedDaysAgo = 0)
    {
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var directory = services.GetRequiredService<IOrganisationDirectory>();
        var clock = services.GetRequiredService<BranchNetwork.SharedKernel.IClock>();
        var planner = services.GetRequiredService<ResourceSteps>();
        var members = await directory.ListActiveMembersAsync([.. (await directory.ListSubBranchesAsync()).Select(s => s.Id)]);
        var head = members.First(m => m.UserName == "head01");
        var subBranch = await directory.FindUnitAsync(head.InUnitId) ?? throw new InvalidOperationException("no sub-branch");
        var supervisorId = Guid.Empty;
        foreach (var id in await directory.ListActiveUserIdsAsync(null, BankRoles.HeadOfficeSupervisor))
        {
            if ((await directory.FindUserAsync(id))?.UserName == "supervisor")
            {
                supervisorId = id;
            }
        }

        var today = BranchNetwork.SharedKernel.BankCalendar.Today(clock);
        var at = clock.UtcNow.AddDays(-startedDaysAgo);
        var requester = new Person(head.UserId, head.DisplayName);
        var content = new RequestContent(title, "营销旺季网点业务量大", kind == ResourceKind.Money ? null : asked, kind == ResourceKind.Material ? "台" : null,
            kind == ResourceKind.People ? 14 : null, kind == ResourceKind.Material ? "点钞机" : null, null, null, today.AddDays(20), null, null);
        var request = ResourceRequest.Draft(kind, content, requester, subBranch.Id, subBranch.Name, today, at);
        request.Submit([new PlannedStep("分行督导审批", StepMode.OneByOne, [new Person(supervisorId, "分行督导")], [], 2, false)], requester, at, planner.DueAt);
        var db = services.GetRequiredService<ResourcesDbContext>();
        db.Requests.Add(request);
        await db.SaveChangesAsync();
        return request.Id;
    }
}
