using BranchNetwork.Modules.Community.Data;
using BranchNetwork.Modules.Community.Domain;
using BranchNetwork.Modules.Community.Features.Shared;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.SharedKernel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BranchNetwork.E2ETests.Community.Polls;

/// <summary>
/// The community's landing page and search on a 390 px phone (CM-1): staff0101 follows a board, sees its threads newest
/// first with unread markers, switches to 热门, searches a Chinese phrase and opens the result list — nothing wider than
/// the screen. The board and threads are made through the domain (the boards and threads pages belong to other areas).
/// </summary>
public sealed class FeedAndSearchPhoneTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    [Trait("Spec", "CM-1")]
    public async Task Staff_read_the_feed_and_search_in_chinese_on_a_phone()
    {
        app.RequireBrowser();
        var tag = "zp" + Guid.NewGuid().ToString("N")[..6];
        var (first, second) = await SeedAsync(tag);

        var page = await app.SignedInPageAsync("staff0101", 390, 844);
        await page.GotoAsync("/community");
        await BrowserApp.WaitForLiveCircuitAsync(page);
        var items = page.Locator("[data-testid=feed-item]");
        await items.Filter(new() { HasText = first }).WaitForAsync();
        await items.Filter(new() { HasText = second }).WaitForAsync();
        Assert.Contains(second, await items.First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("true", await items.First.GetAttributeAsync("data-unread"));
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"), "The feed is wider than the phone.");
        await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("community-feed-390.png"), FullPage = true });

        await page.ClickAsync("[data-testid=feed-mark-read]");
        await page.Locator("[data-testid=feed-item][data-unread=false]").First.WaitForAsync();

        await page.Locator("[data-testid=feed-search-input]").FillAsync($"理财产品 {tag}");
        await page.Locator("[data-testid=feed-search-input]").PressAsync("Enter");
        await page.WaitForURLAsync("**/community/search?q=*");
        await page.Locator("[data-testid=search-hit]").Filter(new() { HasText = first }).WaitForAsync();
        Assert.Equal(1, await page.Locator("[data-testid=search-hit]").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"), "The search page is wider than the phone.");
        await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("community-search-390.png"), FullPage = true });
    }

    private async Task<(string First, string Second)> SeedAsync(string tag)
    {
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<CommunityDbContext>();
        var clock = services.GetRequiredService<BranchNetwork.SharedKernel.IClock>();
        var directory = services.GetRequiredService<IOrganisationDirectory>();
        var staff = (await directory.ListActiveMembersAsync([.. (await directory.ListSubBranchesAsync()).Select(u => u.Id)]))
            .First(m => m.UserName == "staff0101");
        var board = Board.Create(
            new BoardSettings("营销交流" + tag[..4], "营销经验交流", "文明发言", "欢迎", BoardAudienceKind.WholeBranch, null, ReviewMode.PostReview, false, null, ExpiryAction.Close),
            staff.UserId, staff.DisplayName);
        db.Boards.Add(board);
        db.Members.Add(BoardMember.Join(board, staff.UserId, staff.InUnitId, clock.UtcNow.AddMinutes(-5)));
        var first = $"理财产品推介经验{tag}";
        var second = $"网点厅堂服务心得{tag}";
        db.Threads.Add(BoardThread.Post(board, ThreadKind.Discussion, first, RichText.Sanitize("<p>如何介绍稳健型理财产品</p>"), PostAuthor.Named(staff.UserId, staff.DisplayName, staff.InUnitId), false, clock.UtcNow));
        await db.SaveChangesAsync();
        db.Threads.Add(BoardThread.Post(board, ThreadKind.Discussion, second, RichText.Sanitize("<p>厅堂服务要主动</p>"), PostAuthor.Named(staff.UserId, staff.DisplayName, staff.InUnitId), false, clock.UtcNow));
        await db.SaveChangesAsync();
        return (first, second);
    }
}
