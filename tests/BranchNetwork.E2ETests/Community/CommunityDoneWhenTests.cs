using Microsoft.Playwright;

namespace BranchNetwork.E2ETests.Community;

/// <summary>
/// The Community module's definition of done in Chromium (issue 15). Walk one: the moderator creates a pre-review board
/// with rules and anonymity → staff0101 accepts the rules and posts anonymously mentioning staff0102 → the post waits in
/// the review queue → the moderator approves → staff0102's bell moves without a reload and they reply → the thread shows
/// the pseudonym, never the name, to the moderator, a supervisor and a colleague → the auditor resolves it with a reason
/// and the resolution is in the audit trail. Walk two, on a 390 px phone: a question with a poll, a vote, a like, a
/// favourite and an accepted answer.
/// </summary>
public sealed class CommunityDoneWhenTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string PosterDisplayName = "支行01员工1";

    [Fact]
    [Trait("Spec", "CM-1")]
    [Trait("Spec", "CM-3")]
    [Trait("Spec", "CM-4")]
    public async Task An_anonymous_post_waits_for_review_notifies_the_mentioned_colleague_and_only_the_auditor_learns_who_wrote_it()
    {
        app.RequireBrowser();
        var suffix = Guid.NewGuid().ToString("N")[..4].ToUpperInvariant();
        var boardName = "合规问答" + suffix;
        var title = "柜面业务中遇到的合规疑问" + suffix;

        // The moderator creates a pre-review board with rules, a welcome message and anonymity allowed.
        var moderator = await app.SignedInPageAsync("moderator");
        await moderator.GotoAsync("/community/boards/new");
        await BrowserApp.WaitForLiveCircuitAsync(moderator);
        await Field(moderator, "board-name").FillAsync(boardName);
        await Field(moderator, "board-description").FillAsync("柜面合规问题匿名提问，版主审核后发布。");
        await Field(moderator, "board-rules").FillAsync("一、不得泄露客户信息。\n二、就事论事，不针对个人。\n三、违规内容将被删除，情节严重者移出本版。");
        await Field(moderator, "board-welcome").FillAsync("欢迎加入合规问答，提问前请先搜索。");
        await ChooseAsync(moderator, "board-review", "先审后发");
        await SwitchOnAsync(moderator, "board-anonymous");
        await moderator.ClickAsync("[data-testid=board-save]");
        await moderator.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/community/boards/[0-9a-f-]{36}$"));
        var boardPath = new Uri(moderator.Url).AbsolutePath;

        // staff0102 waits on the home page; the bell must move without a reload.
        var mentioned = await app.SignedInPageAsync("staff0102");
        await mentioned.GotoAsync("/");
        await BrowserApp.WaitForLiveCircuitAsync(mentioned);
        await mentioned.EvaluateAsync("() => window.__notReloaded = true");
        var bellBefore = await BellCountAsync(mentioned);

        // staff0101 accepts the rules (the welcome message shows) and posts anonymously, mentioning staff0102.
        var poster = await app.SignedInPageAsync("staff0101");
        await poster.GotoAsync(boardPath + "/new-thread");
        await BrowserApp.WaitForLiveCircuitAsync(poster);
        await poster.Locator("[data-testid=rules-text]").Filter(new() { HasText = "不得泄露客户信息" }).WaitForAsync();
        await poster.ClickAsync("[data-testid=rules-accept]");
        await poster.Locator("[data-testid=board-welcome]").Filter(new() { HasText = "欢迎加入合规问答" }).WaitForAsync();
        await Field(poster, "thread-title-input").FillAsync(title);
        await Field(poster, "thread-body").FillAsync("客户代理他人办理挂失，需要哪些材料？@支行01员工2 上次遇到过类似情况。");
        await Field(poster, "mention-search").FillAsync("员工2");
        await poster.Locator("[data-testid=mention-option]").Filter(new() { HasText = "支行01员工2" }).First.ClickAsync();
        await poster.Locator("[data-testid=mention-chip]").Filter(new() { HasText = "支行01员工2" }).WaitForAsync();
        await SwitchOnAsync(poster, "post-anonymous");
        await poster.ClickAsync("[data-testid=thread-submit]");
        await poster.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/community/threads/[0-9a-f-]{36}$"));
        var threadPath = new Uri(poster.Url).AbsolutePath;
        var threadId = threadPath.Split('/')[^1];
        await poster.Locator("[data-testid=thread-state]").Filter(new() { HasText = "待审核" }).WaitForAsync();

        // Not published yet: nothing has reached staff0102.
        Assert.Equal(bellBefore, await BellCountAsync(mentioned));

        // The moderator finds it in the review queue — under the pseudonym — and approves it.
        await moderator.GotoAsync("/community/moderation");
        await BrowserApp.WaitForLiveCircuitAsync(moderator);
        var item = moderator.Locator("[data-testid=review-item]").Filter(new() { HasText = title });
        await item.WaitForAsync();
        Assert.Contains("匿名用户#", await item.InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(PosterDisplayName, await item.InnerTextAsync(), StringComparison.Ordinal);
        await DocsScreenshotAsync(moderator, "community-review-queue.png");
        await item.Locator("[data-testid=approve-button]").ClickAsync();
        await item.WaitForAsync(new() { State = WaitForSelectorState.Detached });

        // staff0102 is told live, opens the thread from the bell and replies.
        await mentioned.WaitForFunctionAsync("before => Number(document.querySelector('[data-testid=bell-count]')?.textContent?.trim() || '0') > before", bellBefore);
        Assert.True(await mentioned.EvaluateAsync<bool>("() => window.__notReloaded === true"), "The page was reloaded.");
        await mentioned.GotoAsync(threadPath);
        await BrowserApp.WaitForLiveCircuitAsync(mentioned);
        // A first reply in the board waits for its rules: staff0102 reads and accepts them, and the reply goes out.
        await Field(mentioned, "reply-editor").FillAsync("需要代理人身份证件、授权委托书，并核实客户本人意愿。");
        await mentioned.ClickAsync("[data-testid=reply-submit]");
        await mentioned.Locator("[data-testid=rules-text]").Filter(new() { HasText = "不得泄露客户信息" }).WaitForAsync();
        await mentioned.ClickAsync("[data-testid=rules-accept]");
        await mentioned.Locator("[data-testid=reply-item]").Filter(new() { HasText = "授权委托书" }).WaitForAsync();

        // The thread shows the pseudonym and never the poster's name, to every role but the auditor.
        string? pseudonym = null;
        foreach (var reader in new[] { "moderator", "supervisor", "staff0103", "head01" })
        {
            var page = await app.SignedInPageAsync(reader);
            await page.GotoAsync(threadPath);
            await BrowserApp.WaitForLiveCircuitAsync(page);
            var author = page.Locator("[data-testid=thread-author]");
            await author.Filter(new() { HasText = "匿名用户#" }).WaitForAsync();
            pseudonym ??= (await author.InnerTextAsync()).Trim();
            Assert.Equal(pseudonym, (await author.InnerTextAsync()).Trim());
            var html = await page.ContentAsync();
            Assert.DoesNotContain(PosterDisplayName + "<", html, StringComparison.Ordinal);
            Assert.DoesNotContain("staff0101", html, StringComparison.Ordinal);
            if (reader == "supervisor")
            {
                await DocsScreenshotAsync(page, "community-anonymous-thread.png");
            }

            await page.CloseAsync();
        }

        // The auditor resolves the pseudonym with a reason; the resolution is in the audit trail.
        var auditor = await app.SignedInPageAsync("auditor");
        await auditor.GotoAsync("/community/anonymity");
        await BrowserApp.WaitForLiveCircuitAsync(auditor);
        await Field(auditor, "resolution-item").FillAsync(threadId);
        await Field(auditor, "resolution-reason").FillAsync("客户投诉涉及该帖，依审计程序核实发帖人。");
        await auditor.ClickAsync("[data-testid=resolve-pseudonym]");
        await auditor.Locator("[data-testid=resolution-result]").Filter(new() { HasText = PosterDisplayName }).WaitForAsync();
        await DocsScreenshotAsync(auditor, "community-auditor-resolution.png");

        await auditor.GotoAsync("/audit/trail");
        await BrowserApp.WaitForLiveCircuitAsync(auditor);
        await auditor.WaitForSelectorAsync("[data-testid=trail-table]");
        await auditor.FillAsync("input[data-testid=trail-filter-module], [data-testid=trail-filter-module] input", "Community");
        await auditor.ClickAsync("[data-testid=trail-search]");
        await auditor.Locator("[data-testid=trail-table] tbody tr").Filter(new() { HasText = "PseudonymResolution" }).First.WaitForAsync();
    }

    [Fact]
    [Trait("Spec", "CM-1")]
    [Trait("Spec", "CM-2")]
    public async Task On_a_phone_a_question_gets_a_poll_votes_a_like_a_favourite_and_an_accepted_answer()
    {
        app.RequireBrowser();
        var suffix = Guid.NewGuid().ToString("N")[..4].ToUpperInvariant();
        var title = "网点晨会改到几点更合适？" + suffix;

        // staff0101 asks a question in the whole-branch board and adds a poll, on a phone.
        var asker = await app.SignedInPageAsync("staff0101", width: 390, height: 844);
        var boardPath = await WholeBranchBoardPathAsync(asker);
        await asker.GotoAsync(boardPath + "/new-thread");
        await BrowserApp.WaitForLiveCircuitAsync(asker);
        await asker.Locator("[data-testid=rules-dialog]").WaitForAsync();
        await asker.ClickAsync("[data-testid=rules-accept]");
        await asker.Locator("[data-testid=rules-dialog]").WaitForAsync(new() { State = WaitForSelectorState.Detached });

        await Field(asker, "thread-title-input").FillAsync(title);
        await Field(asker, "thread-body").FillAsync("大家觉得晨会放在 8:15 还是 8:30 更合适？欢迎投票并说明理由。");
        await SwitchOnAsync(asker, "thread-question");
        await asker.ClickAsync("[data-testid=thread-submit]");
        await asker.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/community/threads/[0-9a-f-]{36}$"));
        var threadPath = new Uri(asker.Url).AbsolutePath;
        await BrowserApp.WaitForLiveCircuitAsync(asker);
        await asker.ClickAsync("[data-testid=poll-add]");
        await Field(asker, "poll-question").FillAsync("晨会时间");
        await Field(asker, "poll-option-0").FillAsync("8:15");
        await Field(asker, "poll-option-1").FillAsync("8:30");
        await asker.ClickAsync("[data-testid=poll-create]");
        await asker.Locator("[data-testid=poll-question-text]").Filter(new() { HasText = "晨会时间" }).WaitForAsync();

        // staff0102 votes, likes, favourites and answers, on a phone.
        var colleague = await app.SignedInPageAsync("staff0102", width: 390, height: 844);
        await colleague.GotoAsync(threadPath);
        await BrowserApp.WaitForLiveCircuitAsync(colleague);
        await colleague.Locator("label").Filter(new() { HasText = "8:30", Has = colleague.Locator("input[data-testid=poll-choice]") }).First.ClickAsync();
        await colleague.ClickAsync("[data-testid=poll-vote]");
        await colleague.Locator("[data-testid=poll-result]").Filter(new() { HasText = "8:30" }).Filter(new() { HasText = "1" }).First.WaitForAsync();
        await colleague.ClickAsync("[data-testid=like-button]");
        await colleague.Locator("[data-testid=like-count]").Filter(new() { HasText = "1" }).WaitForAsync();
        await colleague.ClickAsync("[data-testid=favourite-button]");
        await Field(colleague, "reply-editor").FillAsync("建议 8:30，早班交接完再开会，效果更好。");
        await colleague.ClickAsync("[data-testid=reply-submit]");
        var reply = colleague.Locator("[data-testid=reply-item]").Filter(new() { HasText = "早班交接" });
        await colleague.Locator("[data-testid=rules-dialog]").WaitForAsync();
        await colleague.ClickAsync("[data-testid=rules-accept]");
        await reply.WaitForAsync();

        // The asker sees the vote, the like and the answer live, and accepts the answer.
        await asker.Locator("[data-testid=like-count]").Filter(new() { HasText = "1" }).WaitForAsync();
        await asker.ClickAsync("[data-testid=likers-open]");
        await asker.Locator("[data-testid=liker-row]").Filter(new() { HasText = "支行01员工2" }).WaitForAsync();
        await asker.ClickAsync("[data-testid=likers-close]");
        await asker.Locator("[data-testid=likers-dialog]").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        var answer = asker.Locator("[data-testid=reply-item]").Filter(new() { HasText = "早班交接" });
        await answer.WaitForAsync();
        await answer.Locator("[data-testid=accept-button]").ClickAsync();
        await answer.Locator("[data-testid=reply-accepted]").WaitForAsync();
        Assert.True(await asker.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The thread page scrolls sideways on a phone.");
        await DocsScreenshotAsync(asker, "community-question-390.png");

        // The favourite is in staff0102's favourites.
        await colleague.GotoAsync("/community/favourites");
        await BrowserApp.WaitForLiveCircuitAsync(colleague);
        await colleague.GetByText(title).First.WaitForAsync();
        Assert.True(await colleague.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The favourites page scrolls sideways on a phone.");
    }

    private static async Task<string> WholeBranchBoardPathAsync(IPage page)
    {
        await page.GotoAsync("/community/boards");
        await BrowserApp.WaitForLiveCircuitAsync(page);
        var row = page.Locator("[data-testid=board-row]").Filter(new() { HasText = "全行交流" }).First;
        await row.WaitForAsync();
        var href = await row.Locator("[data-testid=board-row-name]").GetAttributeAsync("href") ?? throw new InvalidOperationException("The board row has no link.");
        return new Uri(new Uri("http://x"), href).AbsolutePath;
    }

    private static ILocator Field(IPage page, string testId) =>
        page.Locator($"input[data-testid={testId}], textarea[data-testid={testId}], [data-testid={testId}] input, [data-testid={testId}] textarea").First;

    /// <summary>Opens the MudSelect whose input carries the test id and picks the option with that text.</summary>
    private static async Task ChooseAsync(IPage page, string testId, string option)
    {
        await page.Locator(".mud-input-control").Filter(new() { Has = page.Locator($"[data-testid={testId}]") }).First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = option }).First.ClickAsync();
    }

    /// <summary>A full-page picture for the docs once the page has settled: no passing toast over it, read from the top.</summary>
    private static async Task DocsScreenshotAsync(IPage page, string fileName)
    {
        await page.Locator(".mud-snackbar").First.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath(fileName), FullPage = true });
    }

    /// <summary>Turns on the MudSwitch whose input carries the test id, by its label as a person would.</summary>
    private static async Task SwitchOnAsync(IPage page, string testId)
    {
        await page.Locator("label").Filter(new() { Has = page.Locator($"input[data-testid={testId}]") }).First.ClickAsync();
        await page.Locator($"input[data-testid={testId}]:checked").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }

    private static Task<int> BellCountAsync(IPage page) =>
        page.EvaluateAsync<int>("() => Number(document.querySelector('[data-testid=bell-count]')?.textContent?.trim() || '0')");
}
